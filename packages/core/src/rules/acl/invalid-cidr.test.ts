import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';

describe('acl/invalid-cidr', () => {
  it('reports CIDRs FreeSWITCH drops or reads as garbage, and appends /32 or /128', () => {
    const r = checkFindings(
      aclTree({
        'autoload_configs/acl.conf.xml': aclConf(`    <list name="x" default="deny">
      <node type="allow" cidr="192.0.2.1"/>
                               ^^^^^^^^^ acl/invalid-cidr: cidr "192.0.2.1" has no /bits prefix length: FreeSWITCH logs "Error Adding" and drops this node
      <node type="allow" cidr="2001:db8::1"/>
                               ^^^^^^^^^^^ acl/invalid-cidr: has no /bits
      <node type="allow" cidr="10.0.0.0/8, 192.0.2.7"/>
                                           ^^^^^^^^^ acl/invalid-cidr: "192.0.2.7" has no /bits
      <node type="allow" cidr="192.0.2.0/33"/>
                               ^^^^^^^^^^^^ acl/invalid-cidr: prefix length out of range (IPv4 allows 0-32)
      <node type="allow" cidr="2001:db8::/129"/>
                               ^^^^^^^^^^^^^^ acl/invalid-cidr: (IPv6 allows 0-128)
      <node type="allow" cidr="300.1.1.1/24"/>
                               ^^^^^^^^^^^^ acl/invalid-cidr: "300.1.1.1" in cidr "300.1.1.1/24" is not a valid IPv4 address
      <node type="allow" cidr="192.0.2.0/24abc"/>
                               ^^^^^^^^^^^^^^^ acl/invalid-cidr: reads the prefix "24abc" with atoi() as /24
      <node type="allow" host="10.0.0.300" mask="255.0.0.0"/>
                               ^^^^^^^^^^ acl/invalid-cidr: host="10.0.0.300" is not a dotted IPv4 address
      <node type="allow" cidr="10.0.0.0/8,"/>
      <node type="allow" cidr="10.0.0.0/8,,10.1.0.0/16"/>
                                          ^ acl/invalid-cidr: has an empty item
      <node type="allow" domain="example.com" cidr="junk"/>
      <node type="allow" cidr="::ffff:192.0.2.0/24"/>
      <node type="allow" cidr="$\${unknown_net}"/>
    </list>`),
      }),
    );
    expect(r.findings.find((f) => f.message.includes('atoi'))!.severity).toBe('warning');
    const fixed = r.applyFix('acl/invalid-cidr');
    const text = fixed['autoload_configs/acl.conf.xml']!;
    expect(text).toContain('cidr="192.0.2.1/32"');
    expect(text).toContain('cidr="2001:db8::1/128"');
    expect(text).toContain('cidr="10.0.0.0/8, 192.0.2.7/32"');
    const again = runFixture(fixed, { only: ['acl/invalid-cidr'] });
    expect(again.findings.filter((f) => f.message.includes('no /bits')).length).toBe(0);
  });
});
