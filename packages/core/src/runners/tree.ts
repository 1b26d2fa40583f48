/**
 * Scope 'tree' (and any rule when nothing is cached): the rule checks the whole tree. With a cache and
 * `reads`, its last findings are kept while no element it reads changed and no file they name was re-parsed.
 */
import type { Doc } from '../tree.js';
import type { Rule } from '../rules/types.js';
import { docsOf } from '../rule-cache.js';
import { runRule, type Changes, type RuleRun } from './run.js';

export function runTreeRule(run: RuleRun, rule: Rule, changes: Changes | undefined): void {
  const rc = run.rc;
  const reads = rc && changes && (rule.meta.scope ?? 'tree') === 'tree' ? rule.meta.reads : undefined;
  if (reads && rc && changes) {
    const memo = rc.treeMemo.get(rule.meta.id);
    if (memo && !changes.names.has('*') && !reads.some((n) => changes.names.has(n)) && ![...memo.docs].some((d) => changes.docs.has(d))) {
      for (const r of memo.raws) run.raws.push(r);
      return;
    }
  }
  const from = runRule(run, rule, run.tree, run.model);
  if (from === undefined || !reads || !rc) return;
  const mine = run.raws.slice(from);
  const docs = new Set<Doc>();
  for (const r of mine) for (const d of docsOf(r.input)) docs.add(d);
  rc.treeMemo.set(rule.meta.id, { raws: mine, docs });
}
