import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';

describe('acl/dead-node', () => {
  it('reports a node with the same network and prefix as an earlier one and deletes it', () => {
    const r = checkFindings(
      aclTree({
        'autoload_configs/acl.conf.xml': aclConf(`    <list name="x" default="allow">
      <node type="deny" cidr="172.16.5.0/24"/>
      <node type="allow" cidr="172.16.5.9/24"/>
                               ^^^^^^^^^^^^^ acl/dead-node: 172.16.5.9/24 has the same network and prefix as the node at line 4 (172.16.5.0/24): the earlier one always wins the tie, so FreeSWITCH never lets this one decide
      <node type="allow" cidr="10.0.0.0/8, 10.0.0.0/8"/>
                                           ^^^^^^^^^^ acl/dead-node: 10.0.0.0/8 has the same network and prefix as an earlier item of this node
      <node type="allow" cidr="192.0.2.0/24" port="5060"/>
      <node type="deny" cidr="192.0.2.0/24"/>
      <node type="deny" cidr="192.0.2.0/24" port="5060"/>
                              ^^^^^^^^^^^^ acl/dead-node: the node at line 7
      <node type="allow" cidr="2001:db8::/32" port="5060"/>
      <node type="deny" cidr="2001:db8::/32" port="5080"/>
                              ^^^^^^^^^^^^^ acl/dead-node: 2001:db8::/32
      <node type="allow" cidr="192.0.2.0/25"/>
    </list>
    <list name="y"><node type="deny" cidr="172.16.5.0/24"/></list>`),
      }),
    );
    const fixed = r.applyFix('acl/dead-node');
    const text = fixed['autoload_configs/acl.conf.xml']!;
    expect(text).not.toContain('172.16.5.9/24');
    expect(text).toContain('<node type="allow" cidr="10.0.0.0/8"/>');
    expect(text).toContain(
      '<node type="deny" cidr="192.0.2.0/24"/>\n      <node type="allow" cidr="2001:db8::/32" port="5060"/>\n      <node type="allow" cidr="192.0.2.0/25"/>',
    );
    expect(runFixture(fixed, { only: ['acl/dead-node'] }).findings).toEqual([]);
  });
});
