import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { RULES_MD } from '../testing/paths.js';
import { ALL_RULES } from './index.js';
import { ruleAnchor } from './types.js';

describe('RULES.md anchors', () => {
  it('every rule id has the anchor its diagnostic links to (codeDescription.href)', () => {
    const text = readFileSync(RULES_MD, 'utf8');
    const anchors = new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!));
    const missing = ALL_RULES.map((r) => r.meta.id).filter((id) => !anchors.has(ruleAnchor(id).split('#')[1]!));
    expect(missing, 'run node packages/core/scripts/rules-anchors.mjs').toEqual([]);
  });
});
