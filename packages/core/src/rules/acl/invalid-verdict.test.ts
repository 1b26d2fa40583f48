import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';

describe('acl/invalid-verdict', () => {
  it('reports words switch_true() does not know and offers allow / deny', () => {
    const r = checkFindings(
      aclTree({
        'autoload_configs/acl.conf.xml': aclConf(`    <list name="x" default="permit">
                            ^^^^^^ acl/invalid-verdict: default="permit" is not an allow/deny word: FreeSWITCH reads it with switch_true(), so the list default is deny
      <node type="alow" cidr="10.0.0.0/8"/>
                  ^^^^ acl/invalid-verdict: type="alow" is not an allow/deny word: FreeSWITCH reads it with switch_true(), so this node denies
      <node type="Allow" cidr="10.1.0.0/16"/>
      <node type="deny" cidr="10.2.0.0/16"/>
      <node type="yes" cidr="10.3.0.0/16"/>
      <node type="0" cidr="10.4.0.0/16"/>
      <node cidr="10.5.0.0/16"/>
    </list>`),
      }),
    );
    const allow = r.applyFix('acl/invalid-verdict', '"allow"');
    expect(allow['autoload_configs/acl.conf.xml']).toContain('<list name="x" default="allow">');
    expect(allow['autoload_configs/acl.conf.xml']).toContain('<node type="allow" cidr="10.0.0.0/8"/>');
    const deny = r.applyFix('acl/invalid-verdict', '"deny"');
    expect(deny['autoload_configs/acl.conf.xml']).toContain('<list name="x" default="deny">');
    expect(runFixture(deny, { only: ['acl/invalid-verdict'] }).findings).toEqual([]);
  });
});
