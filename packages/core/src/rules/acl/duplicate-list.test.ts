import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';

describe('acl/duplicate-list', () => {
  it('reports a redefinition (the last one wins) and a replaced built-in', () => {
    const r = checkFindings(
      aclTree({
        'autoload_configs/acl.conf.xml': aclConf(`    <list name="lan" default="deny">
      <node type="allow" cidr="10.0.0.0/8"/>
    </list>
    <list name="LAN" default="deny"/>
    <list name="lan" default="allow">
                ^^^ acl/duplicate-list: list "lan" is already defined at autoload_configs/acl.conf.xml:3: FreeSWITCH keeps only the last definition (this one)
      <node type="deny" cidr="10.0.0.0/8"/>
    </list>
    <list name="loopback.auto" default="allow"/>
                ^^^^^^^^^^^^^ acl/duplicate-list: list "loopback.auto" replaces FreeSWITCH's built-in list of the same name (which allows 1 /8; denies everything else (IPv6: allows 1 address; denies everything else))`),
      }),
    );
    expect(r.findings[0]!.related?.[0]?.range.start.line).toBe(2);
  });
});
