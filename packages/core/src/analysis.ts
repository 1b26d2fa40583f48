/**
 * One analysis of a conf tree: load (pre-process), model, configuration, every rule, suppression.
 */
import type { Range } from 'vscode-languageserver-types';
import { findConfRoot, loadTree, type Doc, type LoadOptions, type ParseCache, type Tree } from './tree.js';
import { buildModel, modelForDocs, varsSignature, type Model, type ModelCache } from './model.js';
import { defaultConfig, findConfigFile, mergeConfig, parseConfigYaml, type ConfigProblem, type FsconfConfig, type ResolvedConfig } from './config.js';
import { dirname, type FileSystem, type Limits } from './fs.js';
import type { Finding, Rule, RuleContext, Severity } from './rules/types.js';
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
  rules?: Rule[];
  /** Called once per rule that throws (the other rules still run). */
  onRuleError?: (rule: string, error: unknown) => void;
}

export interface RuleCache {
  signature: string;
  perRule: Map<string, WeakMap<Doc, Finding[]>>;
}

export function newRuleCache(): RuleCache {
  return { signature: '', perRule: new Map() };
}

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

  const findings: Finding[] = [];
  const ruleErrors: { rule: string; message: string }[] = [];
  // file-scope rules re-run only on files whose Doc is new (re-parsed) since the cached run
  const rc = options.ruleCache;
  if (rc) {
    // what a file's findings may depend on besides the file: variables, configuration, which files the
    // tree reaches (and from where), and what the modules.conf files load
    const files = tree.order.map((d) => `${d.reachable ? 'r' : 'u'}${d.includedBy?.doc.path ?? ''}>${d.path}`).join('\u0001');
    const modules = tree.order.filter((d) => d.path.endsWith('modules.conf.xml')).map((d) => d.text).join('\u0001');
    const sig = `${options.modelCache?.signature ?? varsSignature(tree)}\u0004${JSON.stringify(config)}\u0004${files}\u0004${modules}`;
    if (sig !== rc.signature) {
      rc.signature = sig;
      rc.perRule.clear();
    }
  }
  // the changed files' part of the model, shared by the file-scope rules (usually the same set for all)
  let scoped: { key: string; tree: Tree; model: Model } | undefined;
  for (const rule of options.rules ?? ALL_RULES) {
    const configured = config.rules[rule.meta.id];
    if (configured === 'off') continue;
    let memo: WeakMap<Doc, Finding[]> | undefined;
    let scopeTree = tree;
    let scopeModel = model;
    let dirty: Doc[] | undefined;
    if (rc && rule.meta.scope === 'file') {
      memo = rc.perRule.get(rule.meta.id);
      if (!memo) rc.perRule.set(rule.meta.id, (memo = new WeakMap()));
      dirty = tree.order.filter((d) => !memo!.has(d));
      if (dirty.length < tree.order.length) {
        const set = new Set(dirty);
        const key = dirty.map((d) => d.path).join('\u0000');
        if (scoped?.key !== key) scoped = { key, tree: { ...tree, order: dirty }, model: modelForDocs(model, set) };
        scopeTree = scoped.tree;
        scopeModel = scoped.model;
        for (const d of tree.order) if (!set.has(d)) findings.push(...memo.get(d)!);
      }
    }
    const firstNew = findings.length;
    const ctx: RuleContext = {
      tree: scopeTree,
      model: scopeModel,
      config,
      report(input) {
        const lines = input.doc.lines;
        const f: Finding = {
          rule: rule.meta.id,
          severity: configured ?? input.severity ?? rule.meta.severity,
          file: input.doc.path,
          range: lines.range(input.start, input.end),
          message: input.message,
          fixes: (input.fixes ?? []).map((fx) => ({
            title: fx.title,
            edits: fx.edits.map((e) => ({ file: e.doc.path, range: e.doc.lines.range(e.start, e.end), newText: e.newText })),
            ...(fx.preferred ? { preferred: true } : {}),
          })),
        };
        if (input.related?.length) f.related = input.related.map((r) => ({ file: r.doc.path, range: r.doc.lines.range(r.start, r.end), message: r.message }));
        if (rule.meta.security) f.security = true;
        findings.push(f);
      },
    };
    try {
      rule.check(ctx);
      if (memo && dirty) {
        const byDoc = new Map<string, Finding[]>();
        for (let i = firstNew; i < findings.length; i++) {
          const f = findings[i]!;
          let l = byDoc.get(f.file);
          if (!l) byDoc.set(f.file, (l = []));
          l.push(f);
        }
        for (const d of dirty) memo.set(d, byDoc.get(d.path) ?? []);
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      ruleErrors.push({ rule: rule.meta.id, message });
      options.onRuleError?.(rule.meta.id, e);
    }
  }
  for (const p of configProblems) {
    findings.push({
      rule: 'config/fsconf-yaml',
      severity: 'error',
      file: p.file,
      range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
      message: p.message,
      fixes: [],
    });
  }
  if (cti) findings.push(...cti.findings.filter((f) => config.rules[f.rule] !== 'off').map((f) => ({ ...f, severity: (config.rules[f.rule] as Severity | undefined) ?? f.severity })));

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
