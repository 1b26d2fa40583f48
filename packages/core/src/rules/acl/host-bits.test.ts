import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';

const tree = () =>
  aclTree({
    'autoload_configs/acl.conf.xml': aclConf(`    <list name="x" default="deny">
      <node type="allow" cidr="192.168.1.5/24"/>
                               ^^^^^^^^^^^^^^ acl/host-bits: cidr "192.168.1.5/24" has host bits set: FreeSWITCH matches the whole network 192.168.1.0/24 (256 addresses), not just 192.168.1.5
      <node type="allow" cidr="10.0.0.0/8, fe80::1234/10"/>
                                           ^^^^^^^^^^^^^ acl/host-bits: FreeSWITCH matches the whole network fe80::/10
      <node type="allow" cidr="198.51.100.9/0"/>
                               ^^^^^^^^^^^^^^ acl/host-bits: FreeSWITCH matches only 198.51.100.9, not every address
      <node type="allow" cidr="192.168.2.0/24"/>
      <node type="allow" cidr="0.0.0.0/0"/>
      <node type="allow" cidr="192.0.2.1/32"/>
    </list>`),
  });

describe('acl/host-bits', () => {
  it('reports host bits and the /0 exact-match quirk', () => {
    checkFindings(tree());
  });

  it('offers the network address or a single-address CIDR', () => {
    const r = runFixture(tree());
    const net = r.applyFix('acl/host-bits', 'network address');
    expect(net['autoload_configs/acl.conf.xml']).toContain('cidr="192.168.1.0/24"');
    expect(net['autoload_configs/acl.conf.xml']).toContain('cidr="10.0.0.0/8, fe80::/10"');
    const single = r.applyFix('acl/host-bits', '(only');
    expect(single['autoload_configs/acl.conf.xml']).toContain('cidr="192.168.1.5/32"');
    expect(single['autoload_configs/acl.conf.xml']).toContain('cidr="198.51.100.9/32"');
    const all = r.applyFix('acl/host-bits', 'every IPv4');
    expect(all['autoload_configs/acl.conf.xml']).toContain('<node type="allow" cidr="0.0.0.0/0"/>\n      <node type="allow" cidr="192.168.2.0/24"/>');
    for (const f of [net, single]) expect(runFixture(f, { only: ['acl/host-bits'] }).findings.filter((x) => !x.message.includes('/0')).length).toBe(0);
  });
});
