import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// an include cycle or include nesting deeper than 100
const bad = ruleTree({
  'autoload_configs/a.conf.xml': `<include>
  <X-PRE-PROCESS cmd="include" data="b.inc"/>
</include>
`,
  'autoload_configs/b.inc': `<include>
  <X-PRE-PROCESS cmd="include" data="a.conf.xml"/>
                                     ^^^^^^^^^^ preprocess/include-cycle: /conf/autoload_configs/a.conf.xml includes itself (through 3 levels): FreeSWITCH recurses until the depth limit of 100
</include>
`,
});

const fixed = ruleTree({
  'autoload_configs/a.conf.xml': `<include>
  <X-PRE-PROCESS cmd="include" data="b.inc"/>
</include>
`,
  'autoload_configs/b.inc': `<include>
</include>
`,
});

describe('preprocess/include-cycle', () => {
  it('an include cycle or include nesting deeper than 100', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['preprocess/include-cycle'] }).findings).toEqual([]);
  });
});
