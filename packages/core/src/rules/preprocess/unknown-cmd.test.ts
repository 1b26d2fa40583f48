import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

describe('preprocess/unknown-cmd', () => {
  it('reports an unknown cmd with a did-you-mean fix', () => {
    const r = checkFindings({
      'freeswitch.xml': `<document>
  <X-PRE-PROCESS cmd="inlcude" data="vars.xml"/>
                      ^^^^^^^ preprocess/unknown-cmd: FreeSWITCH silently ignores this line (did you mean "include"?)
  <X-PRE-PROCESS cmd="SET" data="a=1"/>
</document>
`,
      'vars.xml': '<include/>\n',
    });
    const fixed = r.applyFix('preprocess/unknown-cmd');
    expect(fixed['freeswitch.xml']).toContain('cmd="include" data="vars.xml"');
    const again = runFixture(fixed);
    expect(again.actual).toEqual([]);
    expect(again.analysis.tree.docs.get('/conf/vars.xml')?.reachable).toBe(true);
  });

  it("accepts FreeSWITCH's own <!--#comment …--> convention but not a misspelled hash command", () => {
    checkFindings({
      'freeswitch.xml': `<document>
  <!--#comment
      All comments starting with #command will be preprocessed
  -->
  <!--#inclde "vars.xml"-->
       ^^^^^^ preprocess/unknown-cmd
</document>
`,
    });
  });
});
