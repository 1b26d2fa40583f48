/**
 * One analysis of a conf tree: load (pre-process), model, configuration, every rule, suppression.
 */
import { findConfRoot, loadTree, type Doc, type LoadOptions, type ParseCache, type Tree } from './tree.js';
import { buildModel, modelForDocs, varsSignature, type Model, type ModelCache } from './model.js';
import { clearRuleCache, docsOf, namesChanged, toFinding, UnitPass, type RawFinding, type RuleCache } from './rule-cache.js';
import { defaultConfig, findConfigFile, mergeConfig, parseConfigYaml, type ConfigProblem, type FsconfConfig, type ResolvedConfig } from './config.js';
import { dirname, type FileSystem, type Limits } from './fs.js';
import type { Finding, ReportInput, Rule, Severity } from './rules/types.js';
import { elementNames, type XmlDocument } from './xml/parser.js';
import { touchedNames } from './xml/incremental.js';
import { ALL_RULES } from './rules/index.js';
import { readPolicy, type CtiFile } from './cti.js';

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

export { newRuleCache, type RuleCache } from './rule-cache.js';

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

  // configuration: defaults → editor settings → .fsconf.yaml → cti.json (password policy)
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
      configProblems.push({ file: cfgFile, message: `cannot read: ${e instanceof Error ? e.message : String(e)}`, line: 0, character: 0, endLine: 0, endCharacter: 0 });
    }
  }
  const cti = root ? readPolicy(fs, root) : undefined;
  if (cti && cti.policy) config.passwords = { ...cti.policy, source: 'cti.json', file: cti.path };

  const raws: RawFinding[] = [];
  const ruleErrors: { rule: string; message: string }[] = [];
  // file-scope rules re-run only on files re-parsed since the cached run, extension-scope rules only on
  // extensions whose element changed
  const rc = options.ruleCache;
  if (rc) {
    // what a file's findings may depend on besides the file: variables, configuration, which files the
    // tree reaches (and from where), and what the modules.conf files load
    const files = tree.order.map((d) => `${d.reachable ? 'r' : 'u'}${d.includedBy?.doc.path ?? ''}>${d.path}`).join('\u0001');
    const modules = tree.order.filter((d) => d.path.endsWith('modules.conf.xml')).map((d) => d.text).join('\u0001');
    const sig = `${options.modelCache?.signature ?? varsSignature(tree)}\u0004${JSON.stringify(config)}\u0004${files}\u0004${modules}`;
    if (sig !== rc.signature) {
      rc.signature = sig;
      clearRuleCache(rc);
    }
  }
  // what changed since the last analysis: the re-parsed files, and every element name they held before
  // or hold now (a tree rule whose `reads` names none of them keeps its findings)
  const changedDocs = new Set<Doc>();
  const changedNames = new Set<string>();
  if (rc) {
    for (const d of tree.order) {
      const prev = rc.lastXml.get(d.path);
      if (prev === d.xml) continue;
      changedDocs.add(d);
      const touched = prev && touchedNames(d.xml, prev);
      if (touched) for (const n of touched) changedNames.add(n);
      else {
        for (const n of elementNames(d.xml)) changedNames.add(n);
        if (prev) for (const n of elementNames(prev)) changedNames.add(n);
        else changedNames.add('*');
      }
    }
    if (rc.lastXml.size !== tree.order.length) changedNames.add('*');
    for (const n of STRUCTURAL) if (changedNames.has(n)) changedNames.add('*');
    // a structural change can move whole files between sections (dialplan → chatplan): nothing cached holds
    if (changedNames.has('*')) clearRuleCache(rc);
    rc.lastXml = new Map(tree.order.map((d) => [d.path, d.xml]));
  }
  // extension- and user-scope rules: one pass over the units sorts each rule's cached findings from
  // the units it must check again
  const unitRules = (options.rules ?? ALL_RULES).filter((r) => (r.meta.scope === 'extension' || r.meta.scope === 'user') && config.rules[r.meta.id] !== 'off');
  const units = rc && unitRules.length ? new UnitPass(rc, model, unitRules, changedDocs, (r) => (r.unitKey ? r.unitKey({ tree, model, config, report: () => {} }) : '')) : undefined;
  // the changed files' part of the model, shared by the file-scope rules (usually the same set for all)
  let scoped: { key: string; tree: Tree; model: Model } | undefined;
  for (const rule of options.rules ?? ALL_RULES) {
    const configured = config.rules[rule.meta.id];
    if (configured === 'off' || rule.checkFiles) continue;
    const scope = rule.meta.scope ?? 'tree';
    let memo: WeakMap<XmlDocument, RawFinding[]> | undefined;
    let scopeTree = tree;
    let scopeModel = model;
    let dirty: Doc[] | undefined;
    const reads = rc && scope === 'tree' ? rule.meta.reads : undefined;
    if (reads && rc) {
      const memo = rc.treeMemo.get(rule.meta.id);
      if (memo && !changedNames.has('*') && !reads.some((n) => changedNames.has(n)) && ![...memo.docs].some((d) => changedDocs.has(d))) {
        for (const r of memo.raws) raws.push(r);
        continue;
      }
    }
    const report = (input: ReportInput): void => {
      raws.push({ rule: rule.meta.id, severity: configured ?? input.severity ?? rule.meta.severity, security: !!rule.meta.security, input });
    };
    if (rc && scope === 'file') {
      memo = rc.perRule.get(rule.meta.id);
      if (!memo) rc.perRule.set(rule.meta.id, (memo = new WeakMap()));
      // a file is checked again when it was re-parsed, or when a finding of it names a file that was
      dirty = tree.order.filter((d) => {
        const m = memo!.get(d.xml);
        return !m || m.some((r) => namesChanged(r, changedDocs));
      });
      if (dirty.length < tree.order.length) {
        const set = new Set(dirty);
        const key = dirty.map((d) => d.path).join('\u0000');
        if (scoped?.key !== key) scoped = { key, tree: { ...tree, order: dirty }, model: modelForDocs(model, set) };
        scopeTree = scoped.tree;
        scopeModel = scoped.model;
        for (const d of tree.order) if (!set.has(d)) for (const r of memo.get(d.xml)!) raws.push(r);
      }
    } else if (units && (scope === 'extension' || scope === 'user')) {
      const p = units.prepare(rule);
      for (const r of p.cached) raws.push(r);
      scopeModel = p.model;
    }
    const firstNew = raws.length;
    try {
      rule.check({ tree: scopeTree, model: scopeModel, config, report });
      if (memo && dirty) {
        const byDoc = new Map<Doc, RawFinding[]>();
        for (let i = firstNew; i < raws.length; i++) {
          const r = raws[i]!;
          let l = byDoc.get(r.input.doc);
          if (!l) byDoc.set(r.input.doc, (l = []));
          l.push(r);
        }
        for (const d of dirty) memo.set(d.xml, byDoc.get(d) ?? []);
      }
      if (reads && rc) {
        const mine = raws.slice(firstNew);
        const docs = new Set<Doc>();
        for (const r of mine) for (const d of docsOf(r.input)) docs.add(d);
        rc.treeMemo.set(rule.meta.id, { raws: mine, docs });
      }
      if (units && (scope === 'extension' || scope === 'user')) units.store(rule, raws, firstNew);
    } catch (e) {
      raws.length = firstNew;
      rc?.treeMemo.delete(rule.meta.id);
      const message = e instanceof Error ? e.message : String(e);
      ruleErrors.push({ rule: rule.meta.id, message });
      options.onRuleError?.(rule.meta.id, e);
    }
  }
  units?.finish();
  const findings: Finding[] = raws.map(toFinding);
  // the files beside the tree (.fsconf.yaml, cti.json) have their rules in the list too
  for (const rule of options.rules ?? ALL_RULES) {
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
  return { tree, model, config, findings: kept, byFile, configProblems, cti, ruleErrors };
}

/** Elements that decide where everything inside them belongs: a change to one re-runs every rule. */
const STRUCTURAL = ['document', 'section', 'configuration'];

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
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
