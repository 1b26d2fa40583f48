import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

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
    checkFindings(tree);
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
      'freeswitch.xml': "<document>\n  <!-- The same can be achieved with the <X-PRE-PROCESS> tag where the attrs 'cmd' and 'data' are -->\n</document>\n",
    });
    expect(r.analysis.findings.filter((f) => f.rule.startsWith('preprocess/'))).toEqual([]);
  });

  it('a PBX template: the directive spanning two lines inside a comment is removed whole, and the port change is named', () => {
    const files = {
      'freeswitch.xml': `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration"><configuration name="sofia.conf"><profiles><profile name="external"><settings>
    <param name="tls-sip-port" value="$\${external_tls_port}"/>
  </settings></profile></profiles></configuration></section>
</document>
`,
      'vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="external_tls_port=5081"/>
  <!-- <X-PRE-PROCESS cmd="set" data="external_tls_port=5061"
       /> -->
  <X-PRE-PROCESS cmd="set" data="hold_music=local_stream://moh"/>
</include>
`,
    };
    const r = runFixture(files, { only: ['preprocess/commented-directive'] });
    expect(r.findings).toHaveLength(1);
    const fix = r.findings[0]!.fixes[0]!;
    expect(fix.kind).toBe('choice');
    expect(fix.title).toBe('Delete the directive: $${external_tls_port} changes from 5061 to 5081 (used by tls-sip-port)');
    const fixed = r.applyFix('preprocess/commented-directive');
    expect(fixed['vars.xml']).toBe(`<include>
  <X-PRE-PROCESS cmd="set" data="external_tls_port=5081"/>
  <X-PRE-PROCESS cmd="set" data="hold_music=local_stream://moh"/>
</include>
`);
  });

  it('a directive whose value nothing uses is a safe removal', () => {
    const r = runFixture(tree, { only: ['preprocess/commented-directive'] });
    expect(r.findings.map((f) => [f.fixes[0]!.kind, f.fixes[0]!.title])).toEqual([
      ['safe', 'Delete the directive (no value changes)'],
      ['safe', 'Delete the directive (no value changes)'],
    ]);
  });
});
