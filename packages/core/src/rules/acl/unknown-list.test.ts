import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';
import { suggestListNames } from './unknown-list.js';

const files = () =>
  aclTree(
    {
      'autoload_configs/acl.conf.xml': aclConf(`    <list name="domains" default="deny">
      <node type="allow" domain="$\${domain}"/>
    </list>
    <list name="carriers" default="deny"><node type="allow" cidr="203.0.113.0/24"/></list>`),
      'sip_profiles/internal.xml': `<profile name="internal">
  <gateways>
    <gateway name="gw1">
      <param name="gw-auth-acl" value="carrier"/>
                                       ^^^^^^^ acl/unknown-list: gw-auth-acl names "carrier"
    </gateway>
  </gateways>
  <settings>
    <param name="apply-inbound-acl" value="domian:from_lan:public"/>
                                           ^^^^^^ acl/unknown-list: apply-inbound-acl names "domian", which is no network list, built-in *.auto list or CIDR: no address passes it; with auth-calls off FreeSWITCH answers every INVITE on this profile with 403 Forbidden (did you mean "domains"?)
    <param name="apply-inbound-acl" value="domains:ok"/>
    <param name="apply-register-acl" value="Domains"/>
                                            ^^^^^^^ acl/unknown-list: (did you mean "domains"?)
    <param name="apply-proxy-acl" value="10.0.0.0/8,192.168.0.0/16"/>
    <param name="apply-nat-acl" value="rfc1918"/>
                                       ^^^^^^^ acl/unknown-list: (did you mean "rfc1918.auto"?)
    <param name="local-network-acl" value="none"/>
    <param name="APPLY-CANDIDATE-ACL" value="wan.auto"/>
    <param name="apply-inbound-acl" value="$\${from_exec}"/>
  </settings>
</profile>
`,
      'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf">
  <settings>
    <param name="apply-inbound-acl" value="lopback.auto"/>
                                           ^^^^^^^^^^^^ acl/unknown-list: (did you mean "loopback.auto"?)
  </settings>
</configuration>
`,
      'autoload_configs/verto.conf.xml': `<configuration name="verto.conf">
  <profiles>
    <profile name="v4">
      <param name="apply-connection-acl" value="office"/>
                                                ^^^^^^ acl/unknown-list: apply-connection-acl names "office"
      <param name="apply-candidate-acl" value="rfc1918.auto"/>
    </profile>
  </profiles>
</configuration>
`,
      'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="acl">
      <condition field="destination_number" expression="^1$">
        <action application="check_acl" data="\${network_addr} carriers normal_clearing"/>
        <action application="check_acl" data="\${network_addr} carrirs"/>
                                                              ^^^^^^^ acl/unknown-list: check_acl names "carrirs"
        <action application="check_acl" data="\${network_addr} \${my_acl}"/>
        <action application="check_acl">\${network_addr}   192.0.2.0/24</action>
        <action application="check_acl">\${network_addr}   bogus</action>
                                                          ^^^^^ acl/unknown-list: "bogus"
      </condition>
    </extension>
  </context>
</include>
`,
      'directory/default.xml': `<include>
  <domain name="$\${domain}">
    <params><param name="auth-acl" value="domains"/></params>
    <users>
      <user id="1000">
        <params><param name="auth-acl" value="lan"/></params>
                                              ^^^ acl/unknown-list: auth-acl names "lan"
      </user>
    </users>
  </domain>
</include>
`,
    },
    '<include>\n  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>\n  <X-PRE-PROCESS cmd="exec-set" data="from_exec=echo x"/>\n</include>\n',
  );

describe('acl/unknown-list', () => {
  it('checks every reference and offers did-you-mean', () => {
    const r = checkFindings(files());
    const fixed = r.applyFix('acl/unknown-list');
    expect(fixed['sip_profiles/internal.xml']).toContain('value="domains:from_lan:public"');
    expect(fixed['sip_profiles/internal.xml']).toContain('value="rfc1918.auto"');
    expect(fixed['autoload_configs/event_socket.conf.xml']).toContain('value="loopback.auto"');
    expect(fixed['dialplan/default.xml']).toContain('data="${network_addr} carriers"');
  });

  it('suggests the same name in another case and the .auto built-in first', () => {
    const names = ['lan', 'domains', 'rfc1918.auto', 'loopback.auto'];
    expect(suggestListNames('LAN', names)[0]).toBe('lan');
    expect(suggestListNames('rfc1918', names)[0]).toBe('rfc1918.auto');
    expect(suggestListNames('loopback_auto', names)[0]).toBe('loopback.auto');
  });
});
