import { defineRule } from '../types.js';
import type { Param } from '../../model.js';
import { isSecretName } from '../../semantics/secret-names.js';
import { maskSecret } from '../../text.js';

/** Values people leave in place of a real secret. */
const PLACEHOLDERS = new Set([
  'password',
  'passwd',
  'pass',
  'secret',
  'changeme',
  'change_me',
  'change-me',
  'changeit',
  'cluecon',
  '1234',
  '12345',
  '123456',
  'admin',
  'test',
  'example',
  'default',
  'xxx',
  'xxxx',
  'xxxxxx',
  'yourpassword',
  'your_password',
  'mypassword',
  'letmein',
  'fusionpbx',
  'freeswitch',
]);
const isPlaceholder = (v: string) => PLACEHOLDERS.has(v.trim().toLowerCase());
/** Names of database credentials (the kind that opens the whole switch's data). */
const isDbName = (n: string) => /(^|[-_.])(db|database|dsn|odbc|pg|pgsql|mysql|mariadb|sql)([-_.]|$)/i.test(n);
/** Config params other rules judge already (esl/*, xmlrpc/*, amqp/*) or that are PINs a module expects in its file. */
const OWNED = new Set(['event_socket.conf password', 'xml_rpc.conf auth-pass', 'amqp.conf password']);
const OWNED_NAMES = new Set([...OWNED].map((k) => k.slice(k.indexOf(' ') + 1)));

const literal = (raw: string) => !raw.includes('$${') && !raw.includes('${');

/** The password inside a DSN or URL value: `password=…`, `user:pass@host`, odbc `dsn:user:pass`. */
function dsnPassword(name: string, value: string): string | undefined {
  const kv = /(?:^|[\s;])(?:password|passwd|pwd)\s*=\s*'?([^\s;']+)/i.exec(value);
  if (kv) return kv[1];
  const url = /[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i.exec(value);
  if (url) return url[1];
  if (/dsn$/i.test(name)) {
    const odbc = /^(?:odbc:\/\/)?([^:=\s/]+):([^:=\s]*):(.+)$/i.exec(value);
    if (odbc && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return odbc[3];
  }
  return undefined;
}

function configOf(p: Param): { config: string | undefined; directory: boolean } {
  for (let n = p.node.parent; n; n = n.parent) {
    if (n.el.name === 'configuration') return { config: n.el.attrs.find((a) => a.name === 'name')?.value, directory: false };
    if (n.el.name === 'section') return { config: undefined, directory: n.el.attrs.find((a) => a.name === 'name')?.value === 'directory' };
    if (n.el.name === 'domain' || n.el.name === 'user' || n.el.name === 'group') return { config: undefined, directory: true };
  }
  return { config: undefined, directory: /\/directory\//.test(p.node.doc.path) };
}

/**
 * A secret written into the configuration outside the directory: a placeholder (`password`, `secret`,
 * `changeme`…) anywhere, or a real-looking database password in a `set` or a DSN. A `$${var}` reference
 * or an empty value is no committed secret (the definition is judged where it is set).
 */
export const committedSecret = defineRule({
  meta: {
    id: 'config/committed-secret',
    severity: 'warning',
    description: 'a placeholder or committed secret outside the directory (vars.xml set, DSN, module param)',
    fixable: false,
    security: true,
    reads: ['param', 'settings', 'profile', 'profiles', 'gateway', 'gateways', 'params'],
  },
  check(ctx) {
    // variables that only feed params other rules judge (the ESL password, xml_rpc's auth-pass)
    const owned = new Set<string>();
    for (const p of ctx.model.params) {
      // only OWNED's param names can be owned: no walk up to the configuration for the others
      if (!OWNED_NAMES.has(p.name.toLowerCase())) continue;
      const cfg = configOf(p).config?.trim().toLowerCase();
      if (cfg && OWNED.has(`${cfg} ${p.name.toLowerCase()}`)) for (const r of p.value.refs) owned.add(r.name);
    }
    // pre-processor variables: `<X-PRE-PROCESS cmd="set" data="db_password=…"/>`
    for (const [name, defs] of ctx.tree.vars.defs) {
      if (name === 'default_password' || owned.has(name)) continue; // the directory's: directory/default-password and the password rules
      for (const d of defs) {
        if (d.cmd.toLowerCase() !== 'set' || !d.doc.reachable || d.value === undefined || d.value === '') continue;
        const raw = d.doc.text.slice(d.valueStart, d.valueEnd);
        if (!literal(raw)) continue;
        const pw = isSecretName(name) ? d.value : dsnPassword(name, d.value);
        if (pw === undefined || pw === '' || !literal(pw)) continue;
        const placeholder = isPlaceholder(pw);
        if (!placeholder && !isDbName(name) && !isSecretName(name)) continue;
        ctx.report({
          doc: d.doc,
          start: d.valueStart,
          end: d.valueEnd,
          message: placeholder
            ? `$\${${name}} is the placeholder "${maskSecret(pw)}": whoever tries the usual guesses has this credential; set a real secret (or read it at load with env-set)`
            : `$\${${name}} holds a literal secret "${maskSecret(pw)}" in ${d.doc.path.split('/').pop()}: whoever reads the configuration, a backup or its repository has it; read it at load with env-set instead`,
        });
      }
    }
    // module params outside the directory
    for (const p of ctx.model.params) {
      if (!p.valueAttr || !p.node.doc.reachable || !p.name) continue;
      const v = p.value.value;
      if (v === undefined || v === '' || !literal(p.value.raw)) continue;
      const secretName = isSecretName(p.name);
      if (/pin$/i.test(p.name)) continue; // conference PINs live in their profile by design
      const pw = secretName ? v : dsnPassword(p.name, v);
      if (pw === undefined || pw === '' || !literal(pw)) continue;
      const placeholder = isPlaceholder(pw);
      // a gateway's or module's own password param is where FreeSWITCH takes it: only placeholders there
      if (!placeholder && !(isDbName(p.name) && !secretName)) continue;
      // last of the checks (all of them only skip): the walk up to the configuration is the dearest
      const where = configOf(p);
      if (where.directory) continue;
      const cfg = where.config?.trim().toLowerCase();
      if (cfg && OWNED.has(`${cfg} ${p.name.toLowerCase()}`)) continue;
      ctx.report({
        doc: p.node.doc,
        start: p.valueAttr.valueStart,
        end: p.valueAttr.valueEnd,
        message: placeholder
          ? `${p.name}${cfg ? ` in ${cfg}` : ''} is the placeholder "${maskSecret(pw)}": whoever tries the usual guesses has this credential`
          : `${p.name}${cfg ? ` in ${cfg}` : ''} carries the literal database password "${maskSecret(pw)}": whoever reads the configuration or a backup has it; set it with $\${} from a file kept out of the repository, or env-set`,
      });
    }
  },
});
