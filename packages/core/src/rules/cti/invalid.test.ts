import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// mod_cti's cti.json is invalid
const bad = ruleTree({
  'cti.json': `{
  "password_minimum": 0,
                      ^ cti/invalid: password_minimum must be an integer ≥ 1, not 0
  "password_strength": 3
}
`,
});

const fixed = ruleTree({
  'cti.json': `{
  "password_minimum": 8,
  "password_strength": 3
}
`,
});

describe('cti/invalid', () => {
  it("mod_cti's cti.json is invalid", () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['cti/invalid'] }).findings).toEqual([]);
  });
});
