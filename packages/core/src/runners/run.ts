/**
 * What every runner shares: one analysis' findings so far, and running one rule over a tree and model.
 * The runners (file.ts, unit.ts, tree.ts) decide per cache scope what a rule must check again; the
 * cache they read and fill is the RuleCache passed in here, never a module-level one.
 */
import type { Doc, Tree } from '../tree.js';
import type { Model } from '../model.js';
import type { ResolvedConfig } from '../config.js';
import type { ReportInput, Rule } from '../rules/types.js';
import { clearRuleCache, type RawFinding, type RuleCache } from '../rule-cache.js';
import { elementNames } from '../xml/parser.js';
import { touchedNames } from '../xml/incremental.js';

export interface RuleRun {
  tree: Tree;
  model: Model;
  config: ResolvedConfig;
  /** Kept between analyses (language server); undefined: every rule checks everything. */
  rc: RuleCache | undefined;
  raws: RawFinding[];
  ruleErrors: { rule: string; message: string }[];
  onRuleError: ((rule: string, error: unknown) => void) | undefined;
}

/**
 * Run the rule over `tree` and `model` (the whole or the part to check again); its findings are
 * appended to run.raws. Returns the index of its first new finding, or undefined when it threw (its
 * new findings are dropped, the error recorded).
 */
export function runRule(run: RuleRun, rule: Rule, tree: Tree, model: Model): number | undefined {
  // analyze() runs no rule that is off
  const setting = run.config.rules[rule.meta.id];
  const configured = setting === 'off' ? undefined : setting;
  const raws = run.raws;
  const report = (input: ReportInput): void => {
    raws.push({ rule: rule.meta.id, severity: configured ?? input.severity ?? rule.meta.severity, security: !!rule.meta.security, input });
  };
  const firstNew = raws.length;
  try {
    rule.check({ tree, model, config: run.config, report });
    return firstNew;
  } catch (e) {
    raws.length = firstNew;
    run.rc?.treeMemo.delete(rule.meta.id);
    const message = e instanceof Error ? e.message : String(e);
    run.ruleErrors.push({ rule: rule.meta.id, message });
    run.onRuleError?.(rule.meta.id, e);
    return undefined;
  }
}

/** What changed since the last analysis: the re-parsed files, and every element name they held before or hold now ('*': anything). */
export interface Changes {
  docs: Set<Doc>;
  names: Set<string>;
}

/** Elements that decide where everything inside them belongs: a change to one re-runs every rule. */
const STRUCTURAL = ['document', 'section', 'configuration'];

/**
 * Compare this analysis with the cached one: forget everything when what any finding may depend on
 * besides its file changed, else say what changed (a tree rule whose `reads` names none of it keeps its findings).
 */
export function changesSince(rc: RuleCache, tree: Tree, config: ResolvedConfig, varsSignature: string): Changes {
  // what a file's findings may depend on besides the file: variables, configuration, which files the
  // tree reaches (and from where), and what the modules.conf files load
  const files = tree.order.map((d) => `${d.reachable ? 'r' : 'u'}${d.includedBy?.doc.path ?? ''}>${d.path}`).join('\u0001');
  const modules = tree.order
    .filter((d) => d.path.endsWith('modules.conf.xml'))
    .map((d) => d.text)
    .join('\u0001');
  const sig = `${varsSignature}\u0004${JSON.stringify(config)}\u0004${files}\u0004${modules}`;
  if (sig !== rc.signature) {
    rc.signature = sig;
    clearRuleCache(rc);
  }
  const docs = new Set<Doc>();
  const names = new Set<string>();
  for (const d of tree.order) {
    const prev = rc.lastXml.get(d.path);
    if (prev === d.xml) continue;
    docs.add(d);
    const touched = prev && touchedNames(d.xml, prev);
    if (touched) for (const n of touched) names.add(n);
    else {
      for (const n of elementNames(d.xml)) names.add(n);
      if (prev) for (const n of elementNames(prev)) names.add(n);
      else names.add('*');
    }
  }
  if (rc.lastXml.size !== tree.order.length) names.add('*');
  for (const n of STRUCTURAL) if (names.has(n)) names.add('*');
  // a structural change can move whole files between sections (dialplan → chatplan): nothing cached holds
  if (names.has('*')) clearRuleCache(rc);
  rc.lastXml = new Map(tree.order.map((d) => [d.path, d.xml]));
  return { docs, names };
}
