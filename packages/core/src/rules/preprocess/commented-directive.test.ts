import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';

describe('preprocess/commented-directive', () => {
  const tree = {
    'freeswitch.xml': '<document type="freeswitch/xml">\n  <X-PRE-PROCESS cmd="include" data="vars.xml"/>\n</document>\n',
    'vars.xml': `<include>
  <!--
  <X-PRE-PROCESS cmd="set" data="default_password=1234"/>
  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ preprocess/commented-directive: FreeSWITCH still runs it
  -->
  <!-- <X-PRE-PROCESS cmd="set" data="domain=example.com"/> -->
       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ preprocess/commented-directive: domain is set
  <X-PRE-PROCESS cmd="set" data="hold_music=local_stream://moh"/>
</include>
`,
  };

  it('reports directives inside <!-- --> (multi-line and same-line), not live ones', () => {
    const r = runFixture(tree);
    expect(r.actual).toEqual(r.expected);
    expect(r.messageMismatches).toEqual([]);
  });

  it('the commented directive still takes effect: the variable is defined', () => {
    const r = runFixture(tree);
    const def = r.analysis.tree.vars.defs.get('default_password');
    expect(def?.[0]?.value).toBe('1234');
    expect(def?.[0]?.directive.line).toBe(2);
  });

  it('the fix deletes the directive line', () => {
    const fixed = runFixture(tree).applyFix('preprocess/commented-directive');
    expect(fixed['vars.xml']).not.toContain('default_password');
    expect(fixed['vars.xml']).toContain('hold_music');
    const again = runFixture(fixed);
    expect(again.actual).toEqual([]);
    expect(again.analysis.tree.vars.defs.has('default_password')).toBe(false);
  });

  it('prose that mentions <X-PRE-PROCESS> in a comment is not a directive', () => {
    const r = runFixture({
      'freeswitch.xml': '<document>\n  <!-- The same can be achieved with the <X-PRE-PROCESS> tag where the attrs \'cmd\' and \'data\' are -->\n</document>\n',
    });
    expect(r.analysis.findings.filter((f) => f.rule.startsWith('preprocess/'))).toEqual([]);
  });
});
