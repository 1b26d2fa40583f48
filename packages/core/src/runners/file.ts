/**
 * Scope 'file': a rule checks again only the files re-parsed since the cached run, and the files with a
 * finding that names one of those; the other files keep their cached findings.
 */
import type { Doc, Tree } from '../tree.js';
import { modelForDocs, type Model } from '../model.js';
import type { Rule } from '../rules/types.js';
import { namesChanged, type RawFinding, type RuleCache } from '../rule-cache.js';
import { runRule, type RuleRun } from './run.js';

export type FileRunner = (rule: Rule) => void;

export function fileRunner(run: RuleRun, rc: RuleCache, changedDocs: ReadonlySet<Doc>): FileRunner {
  const tree = run.tree;
  // the changed files' part of the model, shared by the file-scope rules (usually the same set for all)
  let scoped: { key: string; tree: Tree; model: Model } | undefined;
  return (rule) => {
    let memo = rc.perRule.get(rule.meta.id);
    if (!memo) rc.perRule.set(rule.meta.id, (memo = new WeakMap()));
    // a file is checked again when it was re-parsed, or when a finding of it names a file that was
    const dirty = tree.order.filter((d) => {
      const m = memo.get(d.xml);
      return !m || m.some((r) => namesChanged(r, changedDocs));
    });
    let scopeTree = tree;
    let scopeModel = run.model;
    if (dirty.length < tree.order.length) {
      const set = new Set(dirty);
      const key = dirty.map((d) => d.path).join('\u0000');
      if (scoped?.key !== key) scoped = { key, tree: { ...tree, order: dirty }, model: modelForDocs(run.model, set) };
      scopeTree = scoped.tree;
      scopeModel = scoped.model;
      for (const d of tree.order) if (!set.has(d)) for (const r of memo.get(d.xml)!) run.raws.push(r);
    }
    const from = runRule(run, rule, scopeTree, scopeModel);
    if (from === undefined) return;
    const byDoc = new Map<Doc, RawFinding[]>();
    for (let i = from; i < run.raws.length; i++) {
      const r = run.raws[i]!;
      let l = byDoc.get(r.input.doc);
      if (!l) byDoc.set(r.input.doc, (l = []));
      l.push(r);
    }
    for (const d of dirty) memo.set(d.xml, byDoc.get(d) ?? []);
  };
}
