import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

describe('preprocess/line-dropped', () => {
  it('reports markup lost on an <include> line, and the fix moves it to its own line', () => {
    const r = checkFindings({
      'dialplan.xml': `<include><context name="default">
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ preprocess/line-dropped: other markup on this line is lost
  <extension name="x"/>
</context></include>
^^^^^^^^^^^^^^^^^^^^ preprocess/line-dropped: </include>
`,
    });
    const fixed = r.applyFix('preprocess/line-dropped');
    expect(fixed['dialplan.xml']).toBe('<include>\n<context name="default">\n  <extension name="x"/>\n</context>\n</include>\n');
    expect(runFixture(fixed).actual).toEqual([]);
  });

  it('a comment closed on the <include> line is lost harmlessly (shipped configs do this)', () => {
    const r = runFixture({ 'x.xml': '<include><!--This line will be ignored -->\n  <context name="a"/>\n</include>\n' });
    expect(r.analysis.findings.filter((f) => f.rule === 'preprocess/line-dropped')).toEqual([]);
  });

  it('reports markup after the /> of a directive', () => {
    checkFindings({
      'freeswitch.xml': `<document>
  <X-PRE-PROCESS cmd="set" data="a=1"/><section name="dialplan"/>
                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^ preprocess/line-dropped: is lost
</document>
`,
    });
  });
});
