import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';

describe('acl/empty-list', () => {
  it('says what the default does to every address', () => {
    checkFindings(
      aclTree({
        'autoload_configs/acl.conf.xml': aclConf(`    <list name="domains" default="deny">
                ^^^^^^^ acl/empty-list: list "domains" has no nodes (default="deny"): FreeSWITCH denies everything
    </list>
    <list name="open"/>
                ^^^^ acl/empty-list: FreeSWITCH allows everything
    <list name="yes" default="yes"></list>
                ^^^ acl/empty-list: allows everything
    <list name="fine" default="deny"><node type="allow" cidr="10.0.0.0/8"/></list>`),
      }),
    );
  });

  it('skips a default that depends on an unknown variable', () => {
    const r = runFixture(
      aclTree(
        { 'autoload_configs/acl.conf.xml': aclConf('    <list name="x" default="$${dflt}"/>') },
        '<include>\n  <X-PRE-PROCESS cmd="exec-set" data="dflt=echo deny"/>\n</include>\n',
      ),
      { only: ['acl/empty-list'] },
    );
    expect(r.actual).toEqual([]);
  });
});
