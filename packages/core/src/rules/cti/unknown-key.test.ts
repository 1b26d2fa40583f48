import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a cti.json key mod_cti does not read
const bad = ruleTree({
  'cti.json': `{
  "password_minimum": 8,
  "pasword_strength": 3
  ^^^^^^^^^^^^^^^^^^ cti/unknown-key: "pasword_strength" is not a key mod_cti reads: it is ignored (did you mean "password_strength"?)
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

describe('cti/unknown-key', () => {
  it('a cti.json key mod_cti does not read', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['cti/unknown-key'] }).findings).toEqual([]);
  });
});
