import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, RULES_MD } from '../testing/paths.js';

// Compile the YAML first so this works on a fresh checkout (data.generated.ts is not committed),
// then import the lookups dynamically.
type Kb = typeof import('./index.js');
let kb: Kb;
beforeAll(async () => {
  const script = fileURLToPath(new URL('../../scripts/build-kb.mjs', import.meta.url));
  execFileSync(process.execPath, [script, '--quiet'], { stdio: 'inherit' });
  kb = await import('./index.js');
});

const VANILLA_PROFILES = `${CORPUS_DIR}/vanilla/sip_profiles`;

/** Params named in RULES.md that live in a KB param section (kept here so the test also runs without the shared folder). */
const RULE_PARAMS = [
  'a1-hash',
  'accept-blind-auth',
  'accept-blind-reg',
  'adjust-bitrate',
  'allow-empty-password',
  'apply-inbound-acl',
  'apply-nat-acl',
  'apply-proxy-acl',
  'apply-register-acl',
  'auth-acl',
  'auth-calls',
  'auth-pass',
  'auth-realm',
  'auth-user',
  'banmode',
  'bantime',
  'context',
  'default-bitrate',
  'enforce-blind-auth-result',
  'event_filter',
  'findtime',
  'force-oa',
  'format_fields',
  'local-network-acl',
  'log-auth-failures',
  'log-levels',
  'maxretry',
  'mode-set-overwrite',
  'password',
  'password_minimum',
  'password_strength',
  'register_failure',
  'root-password',
  'sip-ip',
  'sip-port',
  'tls',
  'tls-version',
  'userauth',
  'vm-password',
  'volte',
  // named in the brief as rule-related
  'blind-auth-reply-403',
  'ext-sip-ip',
  'ext-rtp-ip',
  'rtp-ip',
  'auth-all-packets',
  'inbound-reg-force-matching-username',
  'challenge-realm',
  'force-register-domain',
  'use-port-for-acl-check',
  'auth-calls-acl-only',
  'dialplan',
  'nonce-ttl',
  'listen-ip',
  'listen-port',
  'user_context',
  'cidr',
  'dial-string',
];
const RULE_CONFIGS = ['sofia.conf', 'directory', 'event_socket.conf', 'xml_rpc.conf', 'verto.conf', 'amr.conf', 'amrwb.conf', 'amqp.conf'];

function entriesNamed(name: string) {
  const out: { where: string; generated: boolean }[] = [];
  for (const config of RULE_CONFIGS) {
    for (const p of kb.configParams(config)) {
      if (p.name.toLowerCase() === name.toLowerCase()) out.push({ where: `${config}/${p.section}/${p.name}`, generated: !!p.generated });
    }
  }
  for (const k of kb.kbData.cti.keys) if (k.name === name) out.push({ where: `cti.json/${k.name}`, generated: false });
  return out;
}

describe('hand-written docs', () => {
  it('every param a rule mentions is in the KB with a hand-written doc', () => {
    for (const name of RULE_PARAMS) {
      const found = entriesNamed(name);
      expect(found, name).not.toEqual([]);
      for (const f of found) expect(f.generated, `${f.where} has only a generated doc`).toBe(false);
    }
  });

  it('covers every param-like name written in RULES.md', () => {
    const names = new Set([...readFileSync(RULES_MD, 'utf8').matchAll(/`([a-z0-9_-]+)(?:=[^`]*)?`/gi)].map((m) => m[1]!));
    for (const name of names) for (const f of entriesNamed(name)) expect(f.generated, `${f.where} has only a generated doc`).toBe(false);
  });

  it('documents every profile param the vanilla sip_profiles use', () => {
    const names = new Set<string>();
    for (const f of readdirSync(VANILLA_PROFILES).filter((f) => f.endsWith('.xml'))) {
      for (const m of readFileSync(`${VANILLA_PROFILES}/${f}`, 'utf8').matchAll(/<param name="([^"]+)"/g)) names.add(m[1]!);
    }
    expect(names.size).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const n of names) {
      const p = kb.sofiaProfileParam(n);
      if (p?.generated) missing.push(n);
    }
    expect(missing).toEqual([]);
  });

  it('the dptools apps people use most have hand-written docs', () => {
    for (const name of [
      'answer',
      'bridge',
      'transfer',
      'set',
      'export',
      'playback',
      'read',
      'play_and_get_digits',
      'hangup',
      'sleep',
      'check_acl',
      'execute_extension',
      'att_xfer',
      'log',
      'voicemail',
      'conference',
      'park',
      'ring_ready',
      'pre_answer',
      'record',
    ]) {
      const app = kb.application(name);
      expect(app, name).toBeDefined();
      expect(app!.generated, name).toBeFalsy();
    }
  });
});

describe('sofia lookups', () => {
  it('profile params ignore case', () => {
    expect(kb.sofiaProfileParam('Auth-Calls')?.name).toBe('auth-calls');
    expect(kb.sofiaProfileParam('AUTH-CALLS')?.default).toBe('false');
  });

  it('gateway params are case-sensitive', () => {
    expect(kb.sofiaGatewayParam('register')?.name).toBe('register');
    expect(kb.sofiaGatewayParam('Register')).toBeUndefined();
    expect(kb.sofiaGatewayParam('retry_seconds')?.aliasOf).toBe('retry-seconds');
  });

  it('params mod_sofia never reads are unknown', () => {
    for (const n of [
      'use-rtp-timer',
      'stun-enabled',
      'stun-auto-disable',
      'delete-subs-on-register',
      'renegotiate-codec-on-hold',
      'rtp-autoflush-during-bridge',
    ]) {
      expect(kb.sofiaProfileParam(n), n).toBeUndefined();
    }
    expect(kb.sofiaGatewayParam('cid-type')).toBeUndefined();
    expect(kb.sofiaGlobalParam('abort-on-empty-external-ip')).toBeDefined();
    expect(kb.configParams('sofia.conf', 'settings').length).toBe(231);
  });

  it('did-you-mean finds near misses', () => {
    const names = kb.configParams('sofia.conf', 'settings').map((p) => p.name);
    expect(kb.kbDidYouMean('auth-call', names)[0]).toBe('auth-calls');
    expect(kb.kbDidYouMean('aplly-inbound-acl', names)[0]).toBe('apply-inbound-acl');
  });

  it('renders a param hover with summary, facts and details', () => {
    const md = kb.renderParamHover(kb.sofiaProfileParam('auth-calls')!, { value: 'yes' });
    expect(md.split('\n')[0]).toMatch(/^\*\*auth-calls\*\* — .+/);
    expect(md).toContain('default `false`');
    expect(md).toContain('`yes` → **true**');
    const acl = kb.renderParamHover(kb.sofiaProfileParam('apply-inbound-acl')!, { value: '$${acl}', expanded: 'domains', origin: 'vars.xml:3' });
    expect(acl).toContain('Value `$${acl}` → `domains` (from vars.xml:3)');
    expect(acl).toContain('repeatable (up to 100)');
  });
});

describe('AMR / AMR-WB', () => {
  it('has the correct mode tables', () => {
    expect(kb.amrModes('amr').map((m) => m.kbps)).toEqual([4.75, 5.15, 5.9, 6.7, 7.4, 7.95, 10.2, 12.2]);
    expect(kb.amrModes('amrwb').map((m) => m.kbps)).toEqual([6.6, 8.85, 12.65, 14.25, 15.85, 18.25, 19.85, 23.05, 23.85]);
    expect(kb.amrModes('amrwb').map((m) => m.mode)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('amrwb default-bitrate hover for 8 names 23.85 kbit/s and shows the whole table', () => {
    const p = kb.configParam('amrwb.conf', 'settings', 'default-bitrate')!;
    const md = kb.renderParamHover(p, { value: '8' });
    expect(md).toContain('23.85 kbit/s');
    for (const rate of ['6.60', '8.85', '12.65', '14.25', '15.85', '18.25', '19.85', '23.05', '23.85']) expect(md).toContain(rate);
    expect(md).toContain('| **8** | **23.85** | **60** ◀ |');
  });

  it('explains a bitrate written instead of a mode', () => {
    const amr = kb.configParam('amr.conf', 'settings', 'default-bitrate')!;
    const md = kb.renderParamHover(amr, { value: '12200' });
    expect(md).toContain('is a **bitrate**');
    expect(md).toContain('**mode 7**');
    expect(md).toContain('atoi() as 168');
    const wb = kb.renderParamHover(kb.configParam('amrwb.conf', 'settings', 'default-bitrate')!, { value: '23.85' });
    expect(wb).toContain('**mode 8**');
    expect(kb.bitrateToMode('amr', '7')).toBeUndefined();
    expect(kb.bitrateToMode('amrwb', '6.6')?.mode).toBe(0);
  });

  it('volte says words are read as 0 (off)', () => {
    const volte = kb.configParam('amr.conf', 'settings', 'volte')!;
    expect(volte.type).toBe('numeric-flag');
    expect(volte.doc).toMatch(/words are read as 0 \(off\)/);
    expect(kb.renderParamHover(volte, { value: 'true' })).toContain('`true` is read with atoi() as 0 → **off**');
    expect(kb.configParam('amrwb.conf', 'settings', 'mode-set-overwrite')?.type).toBe('numeric-flag');
  });
});

describe('module configs honour their name matching', () => {
  it('amqp: case-sensitive prefix matching, exact spelling first', () => {
    expect(kb.configParam('amqp.conf', 'producer', 'exchange-typeX')?.name).toBe('exchange-type');
    expect(kb.configParamMatch('amqp.conf', 'producer', 'exchange-typeX')?.how).toBe('prefix');
    expect(kb.configParam('amqp.conf', 'producer', 'Exchange-type')).toBeUndefined();
    expect(kb.configParam('amqp.conf', 'producer', 'exchange-nme')?.name).toBe('exchange');
    expect(kb.configParam('amqp.conf', 'connection', 'ssl_verify_peer')?.name).toBe('ssl_verify_peer');
    expect(kb.configParam('amqp.conf', 'connection', 'sslmode')?.name).toBe('ssl_on');
    expect(kb.configParam('amqp.conf', 'connection', 'password')?.default).toBe('guest');
    expect(kb.configParam('amqp.conf', 'logging', 'log-levels')?.doc).toMatch(/`error` is \*\*not\*\* a level name/);
    expect(kb.configParam('amqp.conf', 'producer', 'format_fields')?.doc).toMatch(/at most 10 fields/);
  });

  it('event_socket mixes case-sensitive and case-insensitive names', () => {
    expect(kb.configParam('event_socket.conf', 'settings', 'Listen-IP')).toBeUndefined();
    expect(kb.configParam('event_socket', 'settings', 'Apply-Inbound-ACL')?.name).toBe('apply-inbound-acl');
    expect(kb.configParam('event_socket.conf.xml', 'settings', 'password')?.default).toBe('ClueCon');
  });

  it('conference turns _ into - before matching', () => {
    expect(kb.configParam('conference.conf', 'profile', 'max_members')?.name).toBe('max-members');
  });

  it('knows a param file for every config in module-params', () => {
    for (const c of [
      'event_socket.conf',
      'xml_rpc.conf',
      'verto.conf',
      'switch.conf',
      'amr.conf',
      'amrwb.conf',
      'amqp.conf',
      'callcenter.conf',
      'cdr_csv.conf',
      'conference.conf',
      'console.conf',
      'db.conf',
      'fifo.conf',
      'hash.conf',
      'logfile.conf',
      'modules.conf',
      'voicemail.conf',
      'xml_cdr.conf',
      'xml_curl.conf',
    ]) {
      expect(kb.configParams(c).length, c).toBeGreaterThan(0);
    }
  });

  it('directory: params, variables and attributes', () => {
    expect(kb.directoryParam('Allow-Empty-Password')?.default).toBe('true');
    expect(kb.directoryParam('dial-var-foo')?.name).toBe('dial-var-*');
    expect(kb.directoryParam('sip-forbid-register')?.name).toBe('sip-forbid-register');
    expect(kb.directoryParam('user_context', 'variables')?.security).toBe(true);
    expect(kb.directoryParam('cidr', 'attributes')).toBeDefined();
    expect(kb.directoryParam('cidr')).toBeUndefined();
  });
});

describe('other lookups', () => {
  it('events with and without the SWITCH_EVENT_ prefix', () => {
    expect(kb.event('CHANNEL_ANSWER')?.name).toBe('CHANNEL_ANSWER');
    expect(kb.event('SWITCH_EVENT_CHANNEL_ANSWER')?.name).toBe('CHANNEL_ANSWER');
    expect(kb.event('dtmf')?.name).toBe('DTMF');
    expect(kb.event('CHANNEL_ANSWERED')).toBeUndefined();
    expect(kb.allEvents().length).toBe(94);
    expect(kb.renderEventHover(kb.event('dtmf')!)).toMatch(/^\*\*DTMF\*\* — /);
  });

  it('modules: no mod_acl', () => {
    expect(kb.module('mod_sofia')?.category).toBe('endpoints');
    expect(kb.module('mod_acl')).toBeUndefined();
    expect(kb.nonModule('mod_acl')?.doc).toMatch(/core/);
    expect(kb.renderModuleHover(kb.nonModule('mod_acl')!)).toContain('Not a FreeSWITCH module');
    expect(kb.allModules().filter((m) => !m.removedIn).length).toBe(144); // master
    expect(kb.allModules().filter((m) => m.removedIn === '1.11').length).toBe(35); // 1.10.12 only
  });

  it('applications ignore case and carry the routing-exec flag', () => {
    expect(kb.application('Bridge')?.name).toBe('bridge');
    expect(kb.application('set')?.flags).toContain('routing-exec');
    expect(kb.application('bridge')?.flags).not.toContain('routing-exec');
    expect(kb.allApplications().filter((a) => !a.removedIn).length).toBe(222); // master
    expect(kb.allApplications().filter((a) => a.removedIn === '1.11').length).toBe(13); // 1.10.12 only
    const md = kb.renderAppHover(kb.application('check_acl')!);
    expect(md).toMatch(/^\*\*check_acl\*\* — /);
    expect(md).toContain('check_acl <ip> <acl | cidr> [<hangup_cause>]');
  });

  it('log levels: err, not error', () => {
    expect(kb.logLevel('ERR')?.number).toBe(3);
    expect(kb.logLevel('3')?.name).toBe('err');
    expect(kb.logLevel('error')).toBeUndefined();
  });

  it('preprocess commands', () => {
    expect(kb.preprocessCmd('SET')?.name).toBe('set');
    expect(kb.preprocessCmd('env-set')?.commentForm).toBe(false);
    expect(kb.preprocessCmd('comment')).toBeUndefined();
    expect(kb.allPreprocessCmds().map((c) => c.name)).toEqual(['set', 'exec-set', 'stun-set', 'env-set', 'include', 'exec']);
  });

  it('cti.json keys', () => {
    expect(kb.ctiKey('password_minimum')?.default).toBe('6');
    expect(kb.ctiKey('password_strength')?.range).toEqual({ min: 0, max: 4 });
    expect(kb.ctiKey('register_failure.banmode')?.values?.map((v) => v.value)).toEqual(['0', '1']);
    expect(kb.ctiKey('findtime', 'register_failure')).toBeDefined();
    expect(kb.ctiKey('findtime')).toBeUndefined();
    expect(kb.ctiKeys('register_failure').map((k) => k.name)).toEqual(['findtime', 'maxretry', 'bantime', 'banmode']);
    expect(kb.renderCtiKeyHover(kb.ctiKey('password_strength')!)).toContain('at least 3 of the 4 classes');
  });

  it('core globals and caller-profile fields', () => {
    expect(kb.coreGlobal('local_ip_v4')?.timing).toContain('pre');
    expect(kb.coreGlobal('core_uuid')?.timing).toContain('post');
    expect(kb.coreGlobal('default_password')).toBeUndefined();
    expect(kb.callerProfileField('Destination_Number')?.name).toBe('destination_number');
  });
});
