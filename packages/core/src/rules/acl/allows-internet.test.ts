import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';

describe('acl/allows-internet', () => {
  it('counts public IPv4 addresses exactly for inbound and register ACLs', () => {
    checkFindings(
      aclTree({
        'autoload_configs/acl.conf.xml': aclConf(`    <list name="lan" default="allow">
      <node type="deny" cidr="192.168.42.0/24"/>
    </list>
    <list name="carriers" default="deny">
      <node type="allow" cidr="203.0.113.0/24"/>
      <node type="allow" cidr="8.0.0.0/8"/>
    </list>
    <list name="big" default="deny">
      <node type="allow" cidr="8.0.0.0/7"/>
    </list>
    <list name="private" default="deny">
      <node type="allow" cidr="10.0.0.0/8"/>
      <node type="allow" cidr="172.16.0.0/12"/>
      <node type="allow" cidr="0.0.0.0/0"/>
      <node type="deny" cidr="0.0.0.0/1"/>
      <node type="deny" cidr="128.0.0.0/1"/>
    </list>`),
        'sip_profiles/external.xml': `<profile name="external">
  <settings>
    <param name="apply-inbound-acl" value="lan"/>
                                           ^^^ acl/allows-internet: sofia profile "external" apply-inbound-acl "lan" allows 3,702,258,688 public IPv4 addresses (100% of the internet): FreeSWITCH lets calls from all of them in without digest authentication
    <param name="apply-inbound-acl" value="carriers"/>
    <param name="apply-register-acl" value="big:ignored"/>
    <param name="apply-register-acl" value="wan_v4.auto"/>
                                            ^^^^^^^^^^^ acl/allows-internet: FreeSWITCH accepts REGISTERs from all of them without asking for a password
    <param name="apply-inbound-acl" value="0.0.0.0/1"/>
                                           ^^^^^^^^^ acl/allows-internet: "0.0.0.0/1" allows
    <param name="apply-inbound-acl" value="private"/>
    <param name="apply-inbound-acl" value="rfc1918.auto"/>
    <param name="apply-nat-acl" value="wan.auto"/>
    <param name="apply-inbound-acl" value="nosuchlist"/>
  </settings>
</profile>
`,
      }),
      { only: ['acl/allows-internet'] },
    );
    // "big:ignored" is not split for apply-register-acl: the whole value is the (unknown) name, so no finding
  });

  it('a register ACL with exactly 2^24 public addresses is not reported, one more is', () => {
    const mk = (extra: string) =>
      runFixture(
        aclTree({
          'autoload_configs/acl.conf.xml': aclConf(`    <list name="reg" default="deny">
      <node type="allow" cidr="8.0.0.0/8"/>${extra}
    </list>`),
          'sip_profiles/internal.xml': '<profile name="internal"><settings><param name="apply-register-acl" value="reg"/></settings></profile>\n',
        }),
        { only: ['acl/allows-internet'] },
      );
    expect(mk('').findings).toEqual([]);
    expect(mk('\n      <node type="allow" cidr="9.9.9.9/32"/>').findings.length).toBe(1);
  });
});
