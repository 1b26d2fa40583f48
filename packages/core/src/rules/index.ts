import type { Rule } from './types.js';
import { notWellFormed } from './xml/not-well-formed.js';
import { strict } from './xml/strict.js';
import { unreadable } from './xml/unreadable.js';
import { commentedDirective } from './preprocess/commented-directive.js';
import { lineDropped } from './preprocess/line-dropped.js';
import { unknownCmd } from './preprocess/unknown-cmd.js';
import { malformed } from './preprocess/malformed.js';
import { undefinedVar } from './preprocess/undefined-var.js';
import { missingInclude } from './preprocess/missing-include.js';
import { includeCycle } from './preprocess/include-cycle.js';
import { exec } from './preprocess/exec.js';

/** Every rule fsconf runs. Adding a rule: one new file plus one line here. */
export const ALL_RULES: Rule[] = [
  // xml
  notWellFormed,
  strict,
  unreadable,
  // preprocess
  commentedDirective,
  lineDropped,
  unknownCmd,
  malformed,
  undefinedVar,
  missingInclude,
  includeCycle,
  exec,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
