import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

const esl = (settings: string) => ({
  'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf" description="Socket Client">
  <settings>
${settings}
  </settings>
</configuration>
`,
  'autoload_configs/acl.conf.xml': `<configuration name="acl.conf">
  <network-lists>
    <list name="open" default="allow"/>
    <list name="office" default="deny"><node type="allow" cidr="192.168.1.0/24"/></list>
  </network-lists>
</configuration>
`,
});

describe('esl/default-password and esl/open-acl', () => {
  it('warning while only loopback can connect (vanilla: listen :: and no ACL → loopback.auto)', () => {
    const r = runFixture(esl('    <param name="listen-ip" value="::"/>\n    <param name="password" value="ClueCon"/>'), {
      only: ['esl/default-password', 'esl/open-acl'],
    });
    expect(r.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['esl/default-password warning']);
    expect(r.findings[0]!.message).not.toContain('ClueCon');
  });

  it('error when the ACL admits other hosts; open-acl when it admits the internet, fixed to loopback.auto', () => {
    const r = checkFindings(
      esl(`    <param name="listen-ip" value="0.0.0.0"/>
    <param name="password" value="ClueCon"/>
                                  ^^^^^^^ esl/default-password: whoever reaches the port controls the switch
    <param name="apply-inbound-acl" value="open"/>
                                           ^^^^ esl/open-acl: allows public addresses`),
    );
    expect(r.findings.find((f) => f.rule === 'esl/default-password')!.severity).toBe('error');
    const fixed = r.applyFix('esl/open-acl');
    expect(fixed['autoload_configs/event_socket.conf.xml']).toContain('value="loopback.auto"');
    const pwFixed = runFixture(fixed).applyFix('esl/default-password');
    expect(runFixture(pwFixed).findings.filter((f) => f.rule.startsWith('esl/'))).toEqual([]);
  });

  it('a missing password means ClueCon', () => {
    const r = runFixture(esl('    <param name="listen-ip" value="127.0.0.1"/>'), { only: ['esl/default-password'] });
    expect(r.findings.length).toBe(1);
    expect(r.findings[0]!.message).toContain('no password');
  });
});

describe('esl/open-acl on a CPaaS production tree: the list was written for the application server', () => {
  const tree = {
    'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf" description="Socket Client">
  <settings>
    <param name="listen-ip" value="0.0.0.0"/>
    <param name="listen-port" value="8021"/>
    <param name="password" value="Xk29-long-and-random-Q"/>
    <param name="apply-inbound-acl" value="esl_clients"/>
  </settings>
</configuration>
`,
    'autoload_configs/acl.conf.xml': `<configuration name="acl.conf">
  <network-lists>
    <!-- the application server (call control over ESL) -->
    <list name="esl_clients" default="deny">
      <node type="allow" cidr="10.20.0.5/32"/>
      <node type="allow" cidr="0.0.0.0/0"/>
    </list>
    <list name="everyone" default="allow"/>
    <list name="nobody" default="deny"/>
    <list name="lan" default="deny">
      <node type="allow" cidr="10.0.0.0/8"/>
    </list>
  </network-lists>
</configuration>
`,
  };

  it('fixes the allow 0.0.0.0/0 node (preferred), the app server keeps access; every list choice says what it admits', () => {
    const r = runFixture(tree, { only: ['esl/open-acl'] });
    expect(r.findings).toHaveLength(1);
    const fixes = r.findings[0]!.fixes;
    expect(fixes.map((f) => [f.title, f.kind, !!f.preferred])).toEqual([
      ['Delete the node allow 0.0.0.0/0 from list "esl_clients" (the list then admits 10.20.0.5)', 'choice', true],
      ['Set apply-inbound-acl to "loopback.auto" (admits only this host (loopback))', 'choice', false],
      ['Set apply-inbound-acl to "nobody" (denies everything)', 'choice', false],
      ['Set apply-inbound-acl to "lan" (admits 10.0.0.0/8)', 'choice', false],
    ]);
    // "everyone" (allows all of the internet) is not offered: it would not fix anything
    const fixed = r.applyFix('esl/open-acl');
    expect(fixed['autoload_configs/acl.conf.xml']).not.toContain('0.0.0.0/0');
    expect(fixed['autoload_configs/acl.conf.xml']).toContain('<node type="allow" cidr="10.20.0.5/32"/>');
    expect(fixed['autoload_configs/event_socket.conf.xml']).toContain('value="esl_clients"');
    const again = runFixture({ ...tree, ...fixed }, { only: ['esl/open-acl'] });
    expect(again.findings).toEqual([]);
  });
});

describe('xmlrpc and verto', () => {
  it('xml_rpc without auth and with the stock password; severity follows modules.conf', () => {
    const files = {
      'autoload_configs/xml_rpc.conf.xml':
        '<configuration name="xml_rpc.conf">\n  <settings>\n    <param name="http-port" value="8080"/>\n  </settings>\n</configuration>\n',
      'autoload_configs/modules.conf.xml':
        '<configuration name="modules.conf">\n  <modules>\n    <load module="mod_xml_rpc"/>\n  </modules>\n</configuration>\n',
    };
    const loaded = runFixture(files, { only: ['xmlrpc/no-auth'] });
    expect(loaded.findings.map((f) => f.severity)).toEqual(['error']);
    const notLoaded = runFixture(
      {
        ...files,
        'autoload_configs/modules.conf.xml':
          '<configuration name="modules.conf">\n  <modules>\n    <!-- <load module="mod_xml_rpc"/> -->\n  </modules>\n</configuration>\n',
      },
      { only: ['xmlrpc/no-auth'] },
    );
    expect(notLoaded.findings.map((f) => f.severity)).toEqual(['info']);
    const creds = runFixture(
      {
        ...files,
        'autoload_configs/xml_rpc.conf.xml':
          '<configuration name="xml_rpc.conf"><settings><param name="auth-realm" value="freeswitch"/><param name="auth-user" value="freeswitch"/><param name="auth-pass" value="works"/></settings></configuration>\n',
      },
      { only: ['xmlrpc/no-auth', 'xmlrpc/default-credentials'] },
    );
    expect(creds.findings.map((f) => f.rule)).toEqual(['xmlrpc/default-credentials']);
    expect(creds.findings[0]!.message).not.toContain('works"');
  });

  it('verto profile without userauth/root-password', () => {
    checkFindings({
      'autoload_configs/verto.conf.xml': `<configuration name="verto.conf">
  <profiles>
    <profile name="open-v4">
                   ^^^^^^^ verto/no-auth: without authentication
      <param name="bind-local" value="0.0.0.0:8081"/>
    </profile>
    <profile name="ok"><param name="userauth" value="true"/></profile>
  </profiles>
</configuration>
`,
    });
  });
});
