/**
 * Scopes 'extension' and 'user': one pass over the units sorts each rule's cached findings from the
 * units it must check again (unit-pass.ts); a rule then sees a model of those units only.
 */
import type { Doc } from '../tree.js';
import type { Rule } from '../rules/types.js';
import type { RuleCache } from '../rule-cache.js';
import { UnitPass } from './unit-pass.js';
import { runRule, type RuleRun } from './run.js';

export const isUnitScope = (rule: Rule): boolean => rule.meta.scope === 'extension' || rule.meta.scope === 'user';

export interface UnitRunner {
  run(rule: Rule): void;
  /** After every rule: mark the units whose findings are now current for every rule of their scope. */
  finish(): void;
}

/** Undefined when no unit-scope rule is on (nothing to sort). */
export function unitRunner(run: RuleRun, rc: RuleCache, rules: readonly Rule[], changedDocs: ReadonlySet<Doc>): UnitRunner | undefined {
  const unitRules = rules.filter((r) => isUnitScope(r) && run.config.rules[r.meta.id] !== 'off');
  if (!unitRules.length) return undefined;
  const { tree, model, config } = run;
  const units = new UnitPass(rc, model, unitRules, changedDocs, (r) => (r.unitKey ? r.unitKey({ tree, model, config, report: () => {} }) : ''));
  return {
    run(rule) {
      const p = units.prepare(rule);
      for (const r of p.cached) run.raws.push(r);
      const from = runRule(run, rule, tree, p.model);
      if (from !== undefined) units.store(rule, run.raws, from);
    },
    finish: () => units.finish(),
  };
}
