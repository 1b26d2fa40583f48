import { describe, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('preprocess/missing-include and include-cycle', () => {
  it('reports a literal include of a missing file, not an empty glob', () => {
    checkFindings({
      'freeswitch.xml': `<document>
  <X-PRE-PROCESS cmd="include" data="varz.xml"/>
                                     ^^^^^^^^ preprocess/missing-include: no such file
  <X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/>
</document>
`,
    });
  });

  it('reports an include cycle and terminates', () => {
    checkFindings({
      'freeswitch.xml': '<document>\n  <X-PRE-PROCESS cmd="include" data="a.xml"/>\n</document>\n',
      'a.xml': '<include>\n  <X-PRE-PROCESS cmd="include" data="b.xml"/>\n</include>\n',
      'b.xml': `<include>
  <X-PRE-PROCESS cmd="include" data="a.xml"/>
                                     ^^^^^ preprocess/include-cycle: includes itself
</include>
`,
    });
  });
});
