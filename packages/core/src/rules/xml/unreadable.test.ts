import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a file in the tree cannot be read or is not text
const bad = ruleTree({
  'autoload_configs/blob.conf.xml': `PK\u0003\u0004\u0000\u0000binary
^ xml/unreadable: binary content (NUL bytes): not a FreeSWITCH XML file
`,
});

const fixed = ruleTree({
  'autoload_configs/blob.conf.xml': `<include>
</include>
`,
});

describe('xml/unreadable', () => {
  it('a file in the tree cannot be read or is not text', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['xml/unreadable'] }).findings).toEqual([]);
  });
});
