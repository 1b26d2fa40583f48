/**
 * Which names hold a secret value (a password, a PIN, an API key), for rules that must not echo one and
 * for the language features that mask it (service/secrets.ts). The knowledge base's param types come
 * first, then an explicit list, then the shape of the name.
 */
import { kbData } from '../kb/index.js';
import type { ParamType } from '../kb/types.js';

/**
 * Names whose value is a secret, case-insensitive. Every KB param of type `password` (kb/**.yaml) is one
 * too (a test checks this list covers them); the patterns in isSecretName cover the names users invent
 * (`default_password`, `db_pass`, `sip_auth_password`, `shared_secret`).
 */
export const SECRET_NAMES: readonly string[] = [
  'password', // directory user (mod_sofia digest), gateway, event_socket, amqp, mod_hash remote
  'vm-password', // voicemail PIN
  'a1-hash', // md5(user:realm:password) authenticates as well as the password
  'vm-a1-hash',
  'reverse-auth-pass',
  'jsonrpc-password', // mod_verto
  'root-password', // mod_verto: login "root" bypasses the directory
  'auth-pass', // mod_xml_rpc, mod_verto
  'tls-passphrase', // sofia: passphrase of the TLS private key
  'ssl-key-password', // mod_xml_curl, mod_xml_cdr
  'gateway-credentials', // mod_xml_curl user:password
  'cred', // mod_xml_cdr / mod_json_cdr user:password
  'pin', // mod_conference
  'moderator-pin',
];

/** Names that look secret but are not: mod_vpx `g-pass` is the encoder's pass mode (ONE_PASS …). */
const NOT_SECRET = new Set(['g-pass']);

/** Last name token (split at - _ . :) that makes a name secret: `default_password`, `db_pass`, `vm-pwd`. */
const SECRET_TAILS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'credentials', 'creds', 'cred']);
/** Last two tokens that make a name secret. */
const SECRET_PAIRS = new Set(['a1-hash', 'api-key', 'secret-key']);
/** KB types whose values are free text: a name the KB types otherwise (bool, int, enum …) is never secret. */
const TEXT_TYPES = new Set<ParamType>(['string', 'password', 'url', 'dsn', 'sql', 'list']);

let kbTypes: Map<string, Set<ParamType>> | undefined;

function kbTypesOf(name: string): Set<ParamType> | undefined {
  if (!kbTypes) {
    kbTypes = new Map();
    for (const set of kbData.paramSets)
      for (const p of set.params) {
        if (p.name.includes('*')) continue;
        const n = p.name.toLowerCase();
        let s = kbTypes.get(n);
        if (!s) kbTypes.set(n, (s = new Set()));
        s.add(p.type);
      }
  }
  return kbTypes.get(name);
}

const EXACT = new Set(SECRET_NAMES);

/**
 * Whether the value of a param, variable or pre-processor variable called `name` is a secret.
 * KB first: a KB param of type `password` is; one the KB only knows as bool/int/enum… is not
 * (`allow-empty-password`, `send-auth-password`). Then the explicit list, then the name's shape.
 */
export function isSecretName(name: string): boolean {
  // rules ask about the same few names for every param of a tree
  let v = secretMemo.get(name);
  if (v === undefined) {
    if (secretMemo.size >= 5000) secretMemo.clear();
    secretMemo.set(name, (v = isSecretNameUncached(name)));
  }
  return v;
}

const secretMemo = new Map<string, boolean>();

function isSecretNameUncached(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (!n || NOT_SECRET.has(n)) return false;
  const types = kbTypesOf(n);
  if (types?.has('password')) return true;
  if (types && ![...types].some((t) => TEXT_TYPES.has(t))) return false;
  if (EXACT.has(n)) return true;
  const tokens = n.split(/[-_.:\s]+/).filter(Boolean);
  const last = tokens[tokens.length - 1] ?? '';
  if (SECRET_TAILS.has(last)) return true;
  if (tokens.length >= 2 && SECRET_PAIRS.has(`${tokens[tokens.length - 2]}-${last}`)) return true;
  return tokens.some((t) => t.includes('secret'));
}
