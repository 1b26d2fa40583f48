import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// .fsconf.yaml is malformed; defaults apply
const bad = ruleTree({
  '.fsconf.yaml': `rules:
  sofia/blind-regs: off
  ^^^^^^^^^^^^^^^^ config/fsconf-yaml: unknown rule id "sofia/blind-regs": did you mean sofia/blind-reg?; this setting is ignored
passwords:
  minimum: 0
           ^ config/fsconf-yaml: minimum must be an integer ≥ 1; this setting is ignored
`,
});

const fixed = ruleTree({
  '.fsconf.yaml': `rules:
  sofia/blind-reg: off
passwords:
  minimum: 10
`,
});

describe('config/fsconf-yaml', () => {
  it('.fsconf.yaml is malformed; defaults apply', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['config/fsconf-yaml'] }).findings).toEqual([]);
  });
});
