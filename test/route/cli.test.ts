// `fsconf route` through the real CLI process on FreeSWITCH's vanilla tree and on small trees.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, fsconf } from '../helpers.js';

const VANILLA = path.join(CORPUS, 'vanilla');
const AT = ['--at', '2026-12-04T10:00:00'];

function json(args: string[]) {
  const r = fsconf(['route', VANILLA, ...AT, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('fsconf route on vanilla', () => {
  it('external, 203.0.113.7 → 1000: admitted without authentication, public, transferred to default, bridges the local user', () => {
    const r = json(['--profile', 'external', '--from', '203.0.113.7', '--to', '1000']);
    expect(r.admission).toMatchObject({ profile: 'external', from: '203.0.113.7', verdict: 'admitted', authenticated: false, by: 'none' });
    expect(r.context).toBe('public');
    expect(r.contexts).toEqual(['public', 'default']);
    const transfer = r.actions.find((a: { application: string }) => a.application === 'transfer');
    expect(transfer).toMatchObject({ data: '1000 XML default', context: 'public', extension: 'public_extensions' });
    expect(transfer.file).toMatch(/dialplan[/\\]public\.xml$/);
    expect(r.outcome.kind).toBe('bridge');
    expect(r.outcome.endpoint).toMatch(/^user\/1000@/);
    expect(r.outcome.external).toBe(false);
    expect(r.outcome.targets[0].kind).toBe('local-user');
    const last = r.actions[r.actions.length - 1];
    expect(last).toMatchObject({ application: 'bridge', context: 'default', extension: 'Local_Extension' });
  });

  it('external → 0044123456789: no-route', () => {
    const r = json(['--profile', 'external', '--from', '203.0.113.7', '--to', '0044123456789']);
    expect(r.admission.verdict).toBe('admitted');
    expect(r.outcome.kind).toBe('no-route');
    expect(r.actions.some((a: { application: string }) => a.application === 'bridge')).toBe(false);
  });

  it('internal without --user: challenged; with --user 1001: authenticated by digest, same bridge', () => {
    const c = json(['--profile', 'internal', '--from', '203.0.113.7', '--to', '1000']);
    expect(c.admission).toMatchObject({ verdict: 'challenged', authenticated: false });
    expect(c.outcome.kind).toBe('challenged');
    expect(c.context).toBeNull();
    const u = json(['--profile', 'internal', '--from', '203.0.113.7', '--to', '1000', '--user', '1001']);
    expect(u.admission).toMatchObject({ verdict: 'admitted', authenticated: true, by: 'digest' });
    expect(u.admission.user).toMatch(/^1001@/);
    expect(u.context).toBe('default');
    expect(u.outcome.kind).toBe('bridge');
    expect(u.outcome.endpoint).toMatch(/^user\/1000@/);
    expect(u.outcome.targets[0].kind).toBe('local-user');
  });

  it('the text trace names the admission, each extension tried, the actions with file:line and the outcome', () => {
    const r = fsconf(['route', VANILLA, ...AT, '--profile', 'external', '--from', '203.0.113.7', '--to', '1000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^admission: admitted without authentication — profile external/m);
    expect(r.stdout).toMatch(/public_extensions: matched/);
    expect(r.stdout).toMatch(/transfer\(1000 XML default\) .*dialplan[/\\]public\.xml:\d+/);
    expect(r.stdout).toMatch(/^outcome: bridge user\/1000@\S+ +\(stays on the switch\)/m);
  });

  it('bad input: exit 2 with a clear message, no stack trace', () => {
    for (const [args, msg] of [
      [['--profile', 'nope', '--from', '1.2.3.4', '--to', '1'], /no sip profile "nope"/],
      [['--profile', 'external', '--from', 'not-an-ip', '--to', '1'], /not an IPv4 or IPv6 address/],
      [['--profile', 'external', '--from', '1.2.3.4'], /--to is required/],
      [['--profile', 'internal', '--from', '1.2.3.4', '--to', '1', '--user', 'ghost'], /no directory user "ghost"/],
      [['--profile', 'external', '--from', '1.2.3.4', '--to', '1', '--at', 'noon'], /--at noon: not a time/],
      [['--profile', 'external', '--from', '1.2.3.4', '--to', '1', '--var', 'novalue'], /--var novalue: expected NAME=VALUE/],
    ] as const) {
      const r = fsconf(['route', VANILLA, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const missing = fsconf(['route', path.join(VANILLA, 'no-such-dir'), '--profile', 'x', '--from', '1.2.3.4', '--to', '1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file or directory/);
  });
});

describe('fsconf route on small trees', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-route-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, xml: string): string => {
    const d = path.join(dir, name);
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'freeswitch.xml'), xml);
    return d;
  };
  const conf = write(
    'toll',
    `<document type="freeswitch/xml">
<section name="configuration">
<configuration name="acl.conf"><network-lists><list name="carriers" default="deny"><node type="allow" cidr="198.51.100.0/24"/></list></network-lists></configuration>
<configuration name="sofia.conf"><profiles><profile name="edge"><settings>
  <param name="context" value="public"/><param name="auth-calls" value="true"/><param name="apply-inbound-acl" value="carriers:from-carrier"/>
</settings><gateways><gateway name="upstream"><param name="proxy" value="198.51.100.1"/></gateway></gateways></profile></profiles></configuration>
</section>
<section name="directory"><domain name="corp.example"><groups><group name="staff"><variables><variable name="toll_allow" value="international"/><variable name="user_context" value="staff"/></variables>
<users><user id="2001"/></users></group></groups></domain></section>
<section name="dialplan">
<context name="from-carrier"><extension name="out"><condition field="destination_number" expression="^00(\\d+)$"><action application="bridge" data="sofia/gateway/upstream/$1"/></condition></extension></context>
<context name="staff"><extension name="intl"><condition field="\${toll_allow}" expression="international"/><condition field="destination_number" expression="^011(\\d+)$"><action application="bridge" data="sofia/gateway/upstream/$1"/></condition></extension></context>
</section>
</document>
`,
  );
  const run = (args: string[]) => {
    const r = fsconf(['route', conf, ...AT, '--format', 'json', '--profile', 'edge', ...args]);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('an ACL pass lands in its pass context and reaches the gateway', () => {
    const r = run(['--from', '198.51.100.7', '--to', '0044123']);
    expect(r.admission).toMatchObject({ verdict: 'admitted', authenticated: true, by: 'acl' });
    expect(r.context).toBe('from-carrier');
    expect(r.outcome).toMatchObject({ kind: 'bridge', endpoint: 'sofia/gateway/upstream/44123', external: true });
    expect(r.outcome.targets[0]).toMatchObject({ kind: 'gateway', name: 'upstream' });
  });

  it('the ${toll_allow} route is reached only by an authenticated user, whose group gives toll_allow and user_context', () => {
    expect(run(['--from', '203.0.113.7', '--to', '01144']).admission.verdict).toBe('challenged');
    const r = run(['--from', '203.0.113.7', '--to', '01144', '--user', '2001@corp.example']);
    expect(r.admission).toMatchObject({ verdict: 'admitted', authenticated: true, by: 'digest', user: '2001@corp.example' });
    expect(r.context).toBe('staff');
    expect(r.outcome).toMatchObject({ kind: 'bridge', external: true });
  });

  it('a bridge to a gateway no profile defines says it fails, not that the call stays on the switch', () => {
    const typo = write(
      'typo',
      readFileSync(path.join(conf, 'freeswitch.xml'), 'utf8').replace(
        'sofia/gateway/upstream/$1"/></condition></extension></context>\n<context name="staff">',
        'sofia/gateway/upstrem/$1"/></condition></extension></context>\n<context name="staff">',
      ),
    );
    const r = fsconf(['route', typo, ...AT, '--profile', 'edge', '--from', '198.51.100.7', '--to', '0044123']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('outcome: bridge sofia/gateway/upstrem/44123  (fails: no sofia profile defines gateway upstrem (INVALID_GATEWAY))');
    expect(r.stdout).not.toContain('stays on the switch');
    const j = JSON.parse(fsconf(['route', typo, ...AT, '--format', 'json', '--profile', 'edge', '--from', '198.51.100.7', '--to', '0044123']).stdout);
    expect(j.outcome.targets[0]).toMatchObject({ kind: 'gateway', name: 'upstrem', missing: true });
    expect(j.outcome.external).toBe(false);
  });
});

describe('fsconf exposure', () => {
  it('vanilla: both external profiles let strangers reach local users and conferences through public; internal profiles challenge; exit 0', () => {
    const r = fsconf(['exposure', VANILLA, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const by = Object.fromEntries(j.profiles.map((p: { profile: string }) => [p.profile, p]));
    expect(by.internal.admission.verdict).toBe('challenged');
    expect(by.external.admission).toMatchObject({ verdict: 'admitted', authenticated: false });
    expect(by.external.context).toBe('public');
    const kinds = by.external.reaches.map((x: { kind: string }) => x.kind);
    expect(kinds).toContain('local-user');
    expect(kinds).toContain('conference');
    expect(kinds).not.toContain('external');
    const text = fsconf(['exposure', VANILLA]);
    expect(text.stdout).toMatch(/^profile external: let in without a password, lands in context public/m);
    expect(text.stdout).toMatch(/^profile internal: challenged for a password/m);
  });

  it('a catch-all transfer into a context with a gateway route: the toll-fraud path is printed and the exit code is 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-exposure-'));
    try {
      writeFileSync(
        path.join(dir, 'freeswitch.xml'),
        `<document type="freeswitch/xml"><section name="configuration"><configuration name="sofia.conf"><profiles>
<profile name="lan"><settings><param name="context" value="public"/><param name="auth-calls" value="false"/></settings>
<gateways><gateway name="carrier"><param name="proxy" value="198.51.100.1"/></gateway></gateways></profile>
</profiles></configuration></section>
<section name="dialplan"><context name="public"><extension name="all"><condition><action application="transfer" data="\${destination_number} XML default"/></condition></extension></context>
<context name="default"><extension name="out"><condition field="destination_number" expression="^9(\\d{7,})$"><action application="bridge" data="sofia/gateway/carrier/$1"/></condition></extension></context></section></document>`,
      );
      const r = fsconf(['exposure', dir, '--format', 'json']);
      expect(r.code).toBe(1);
      const lan = JSON.parse(r.stdout).profiles[0];
      expect(lan.reaches[0]).toMatchObject({ kind: 'external', endpoint: expect.stringMatching(/^sofia\/gateway\/carrier\/\d{7}$/) });
      expect(lan.reaches[0].path.map((x: { extension: string }) => x.extension)).toEqual(['all', 'out']);
      const lint = fsconf(['lint', dir, '--format', 'json']);
      expect(lint.stdout).toMatch(/security\/toll-fraud-path/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
