/**
 * One analysis of a conf tree: load (pre-process), model, configuration, every rule, suppression.
 */
import { findConfRoot, loadTree, type Doc, type LoadOptions, type ParseCache, type Tree } from './tree.js';
import { buildModel, varsSignature, type Model, type ModelCache } from './model.js';
import { toFinding, type RuleCache } from './rule-cache.js';
import { defaultConfig, findConfigFile, mergeConfig, parseConfigYaml, type ConfigProblem, type FsconfConfig, type ResolvedConfig } from './config.js';
import { dirname, type FileSystem, type Limits } from './fs.js';
import type { Finding, Rule, Severity } from './rules/types.js';
import { ALL_RULES } from './rules/index.js';
import { readPolicy, type CtiFile } from './cti.js';
import { changesSince, type RuleRun } from './runners/run.js';
import { fileRunner } from './runners/file.js';
import { isUnitScope, unitRunner } from './runners/unit.js';
import { runTreeRule } from './runners/tree.js';

export interface AnalyzeOptions {
  /** Conf root (folder of freeswitch.xml). Found upwards from the first file when omitted. */
  root?: string;
  /** Files to analyse even when freeswitch.xml does not reach them. */
  files?: string[];
  /** Editor settings (same shape as .fsconf.yaml; the YAML wins where both set a key). */
  settings?: FsconfConfig;
  /** Explicit config file (`--config`), instead of searching for .fsconf.yaml. */
  configFile?: string;
  limits?: Partial<Limits>;
  cache?: ParseCache;
  /** Model pieces reused across analyses (language server). */
  modelCache?: ModelCache;
  /** Findings of file-scope rules for unchanged files, reused across analyses (language server). */
  ruleCache?: RuleCache;
  /** Rules to run (default: all). */
  rules?: readonly Rule[];
  /** Called once per rule that throws (the other rules still run). */
  onRuleError?: (rule: string, error: unknown) => void;
}

export { newRuleCache } from './rule-cache.js';

export interface Analysis {
  tree: Tree;
  model: Model;
  config: ResolvedConfig;
  findings: Finding[];
  byFile: Map<string, Finding[]>;
  configProblems: ConfigProblem[];
  cti: CtiFile | undefined;
  ruleErrors: { rule: string; message: string }[];
}

export function analyze(fs: FileSystem, options: AnalyzeOptions = {}): Analysis {
  const root = options.root ?? (options.files?.length ? findConfRoot(fs, options.files[0]!) : undefined);
  const loadOpts: LoadOptions = {};
  if (options.files) loadOpts.extraFiles = options.files;
  if (options.limits) loadOpts.limits = options.limits;
  if (options.cache) loadOpts.cache = options.cache;
  const tree = loadTree(fs, root, loadOpts);
  const model = buildModel(tree, options.modelCache);
  const { config, configProblems, cti } = loadConfig(fs, root, options);

  // each rule runs in the runner of its cache scope; with a rule cache (language server) each re-checks
  // only what the changes since the last analysis can affect
  const rules = options.rules ?? ALL_RULES;
  const rc = options.ruleCache;
  const run: RuleRun = { tree, model, config, rc, raws: [], ruleErrors: [], onRuleError: options.onRuleError };
  const changes = rc ? changesSince(rc, tree, config, options.modelCache?.signature ?? varsSignature(tree)) : undefined;
  const files = rc && changes ? fileRunner(run, rc, changes.docs) : undefined;
  const units = rc && changes ? unitRunner(run, rc, rules, changes.docs) : undefined;
  for (const rule of rules) {
    if (config.rules[rule.meta.id] === 'off' || rule.checkFiles) continue;
    if (files && rule.meta.scope === 'file') files(rule);
    else if (units && isUnitScope(rule)) units.run(rule);
    else runTreeRule(run, rule, changes);
  }
  units?.finish();
  const findings: Finding[] = run.raws.map(toFinding);
  // the files beside the tree (.fsconf.yaml, cti.json) have their rules in the list too
  for (const rule of rules) {
    const configured = config.rules[rule.meta.id];
    if (!rule.checkFiles || configured === 'off') continue;
    for (const f of rule.checkFiles({ configProblems, cti })) findings.push({ ...f, severity: (configured as Severity | undefined) ?? f.severity });
  }

  const kept = applySuppressions(tree, findings);
  kept.sort(compareFindings);
  const byFile = new Map<string, Finding[]>();
  for (const f of kept) {
    let l = byFile.get(f.file);
    if (!l) byFile.set(f.file, (l = []));
    l.push(f);
  }
  return { tree, model, config, findings: kept, byFile, configProblems, cti, ruleErrors: run.ruleErrors };
}

/** Configuration: defaults → editor settings → .fsconf.yaml → cti.json (password policy). */
function loadConfig(
  fs: FileSystem,
  root: string | undefined,
  options: AnalyzeOptions,
): { config: ResolvedConfig; configProblems: ConfigProblem[]; cti: CtiFile | undefined } {
  let config = defaultConfig();
  if (options.settings) config = mergeConfig(config, options.settings, 'settings');
  const configProblems: ConfigProblem[] = [];
  const base = root ?? (options.files?.[0] ? dirname(options.files[0]) : undefined);
  const cfgFile = options.configFile ?? (base ? findConfigFile(fs, base) : undefined);
  if (cfgFile) {
    try {
      const data = fs.readFile(cfgFile, 1024 * 1024);
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      const parsed = parseConfigYaml(cfgFile, text);
      configProblems.push(...parsed.problems);
      config = mergeConfig(config, parsed.config, 'fsconf.yaml');
      config.file = cfgFile;
    } catch (e) {
      configProblems.push({
        file: cfgFile,
        message: `cannot read: ${e instanceof Error ? e.message : String(e)}`,
        line: 0,
        character: 0,
        endLine: 0,
        endCharacter: 0,
      });
    }
  }
  const cti = root ? readPolicy(fs, root) : undefined;
  if (cti && cti.policy) config.passwords = { ...cti.policy, source: 'cti.json', file: cti.path };
  return { config, configProblems, cti };
}

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        SEV_ORDER[a.severity] - SEV_ORDER[b.severity] ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** `<!-- fsconf-disable-next-line id[, id] -->` and `<!-- fsconf-disable id -->` (to end of file). */
function applySuppressions(tree: Tree, findings: Finding[]): Finding[] {
  const perFile = new Map<string, { line: number; ids: string[] | 'all'; toEnd: boolean }[]>();
  const directivesOf = (doc: Doc) => {
    let list = perFile.get(doc.path);
    if (list) return list;
    list = [];
    for (const c of doc.xml.comments) {
      const body = doc.text.slice(c.start + 4, Math.max(c.start + 4, c.end - 3)).trim();
      const m = /^fsconf-disable(-next-line)?\b\s*(.*)$/s.exec(body);
      if (!m) continue;
      const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
      const endLine = doc.lines.lineOf(c.end);
      list.push({ line: m[1] ? endLine + 1 : doc.lines.lineOf(c.start), ids: ids.length ? ids : 'all', toEnd: !m[1] });
    }
    perFile.set(doc.path, list);
    return list;
  };
  const hasDirectives = new Map<string, boolean>();
  return findings.filter((f) => {
    const doc = tree.docs.get(f.file);
    if (!doc) return true;
    let has = hasDirectives.get(doc.path);
    if (has === undefined) hasDirectives.set(doc.path, (has = doc.xml.comments.length > 0 && doc.text.includes('fsconf-disable')));
    if (!has) return true;
    for (const d of directivesOf(doc)) {
      const idMatch = d.ids === 'all' || d.ids.includes(f.rule);
      if (!idMatch) continue;
      if (d.toEnd ? f.range.start.line >= d.line : f.range.start.line === d.line) return false;
    }
    return true;
  });
}
