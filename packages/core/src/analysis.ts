/**
 * One analysis of a conf tree: load (pre-process), model, configuration, every rule, suppression.
 */
import type { Range } from 'vscode-languageserver-types';
import { findConfRoot, loadTree, type Doc, type LoadOptions, type ParseCache, type Tree } from './tree.js';
import { buildModel, cacheable, modelForDocs, varsSignature, type Action, type Condition, type Extension, type Model, type ModelCache } from './model.js';
import { defaultConfig, findConfigFile, mergeConfig, parseConfigYaml, type ConfigProblem, type FsconfConfig, type ResolvedConfig } from './config.js';
import { dirname, type FileSystem, type Limits } from './fs.js';
import type { Finding, ReportInput, Rule, Severity } from './rules/types.js';
import type { LineIndex } from './text.js';
import { elementNames, type XmlDocument, type XmlElement } from './xml/parser.js';
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
  rules?: Rule[];
  /** Called once per rule that throws (the other rules still run). */
  onRuleError?: (rule: string, error: unknown) => void;
}

export interface RuleCache {
  signature: string;
  /** scope 'file': findings per parsed document (a re-parse makes a new XmlDocument). */
  perRule: Map<string, WeakMap<XmlDocument, RawFinding[]>>;
  /** scope 'extension': per extension element, each rule's findings (`gen` names the rule's unitKey then). */
  units: WeakMap<XmlElement, UnitEntry>;
  unitKeys: Map<string, { key: string; gen: number }>;
  gen: number;
  /** Numbers for sets of (rule, gen) pairs: an extension whose stamp is current needs no per-rule look. */
  stamps: Map<string, number>;
  /** scope 'tree' with `reads`: the last findings, and the files they name. */
  treeMemo: Map<string, { raws: RawFinding[]; docs: Set<Doc> }>;
  /** Each file's parse at the last analysis (what changed since is what was re-parsed). */
  lastXml: Map<string, XmlDocument>;
}

interface UnitEntry {
  /** Where the element started when its findings were stored (an edit above moves them). */
  start: number;
  byRule: Map<string, { gen: number; raws: RawFinding[] }>;
  /** Set when every extension rule of that run had current findings here (the common case, one test). */
  stamp: number;
  /** Findings over all rules (most extensions have none). */
  count: number;
}

export function newRuleCache(): RuleCache {
  return { signature: '', perRule: new Map(), units: new WeakMap(), unitKeys: new Map(), gen: 0, stamps: new Map(), treeMemo: new Map(), lastXml: new Map() };
}

/** A finding as a rule reported it (offsets), with its conversion to ranges kept while the lines are. */
interface RawFinding {
  rule: string;
  severity: Severity;
  security: boolean;
  input: ReportInput;
  converted?: { finding: Finding; lines: LineIndex[] };
}

function docsOf(input: ReportInput): Doc[] {
  const out = [input.doc];
  for (const fx of input.fixes ?? []) for (const e of fx.edits) if (!out.includes(e.doc)) out.push(e.doc);
  for (const r of input.related ?? []) if (!out.includes(r.doc)) out.push(r.doc);
  return out;
}

function toFinding(raw: RawFinding): Finding {
  const c = raw.converted;
  const docs = c ? docsOf(raw.input) : undefined;
  if (c && docs && docs.length === c.lines.length && docs.every((d, i) => d.lines === c.lines[i])) return c.finding;
  const input = raw.input;
  const f: Finding = {
    rule: raw.rule,
    severity: raw.severity,
    file: input.doc.path,
    range: input.doc.lines.range(input.start, input.end),
    message: input.message,
    fixes: (input.fixes ?? []).map((fx) => ({
      title: fx.title,
      edits: fx.edits.map((e) => ({ file: e.doc.path, range: e.doc.lines.range(e.start, e.end), newText: e.newText })),
      ...(fx.preferred ? { preferred: true } : {}),
    })),
  };
  if (input.related?.length) f.related = input.related.map((r) => ({ file: r.doc.path, range: r.doc.lines.range(r.start, r.end), message: r.message }));
  if (raw.security) f.security = true;
  raw.converted = { finding: f, lines: (docs ?? docsOf(input)).map((d) => d.lines) };
  return f;
}

/** Every place a finding names in `doc` lies within [start, end] (places in other files are free). */
function inside(input: ReportInput, doc: Doc, start: number, end: number): boolean {
  const ok = (d: Doc, s: number, e: number) => d !== doc || (s >= start && e <= end);
  if (input.doc !== doc || !ok(input.doc, input.start, input.end)) return false;
  for (const fx of input.fixes ?? []) for (const e of fx.edits) if (!ok(e.doc, e.start, e.end)) return false;
  for (const r of input.related ?? []) if (!ok(r.doc, r.start, r.end)) return false;
  return true;
}

/** The same finding with its places in `doc` d characters further on (an edit above moved its extension). */
function moveRaw(raw: RawFinding, doc: Doc, d: number): RawFinding {
  const i = raw.input;
  const by = <T extends { doc: Doc; start: number; end: number }>(x: T): T => (x.doc === doc ? { ...x, start: x.start + d, end: x.end + d } : x);
  const input: ReportInput = by(i);
  if (i.fixes) input.fixes = i.fixes.map((fx) => ({ ...fx, edits: fx.edits.map(by) }));
  if (i.related) input.related = i.related.map(by);
  return { rule: raw.rule, severity: raw.severity, security: raw.security, input };
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
      rc.perRule.clear();
      rc.units = new WeakMap();
      rc.unitKeys.clear();
      rc.treeMemo.clear();
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
    rc.lastXml = new Map(tree.order.map((d) => [d.path, d.xml]));
  }
  // extension-scope rules: one pass over the extensions sorts each rule's cached findings from the
  // extensions it must check again
  const unitWork = new Map<string, { gen: number; cached: RawFinding[]; dirty: Extension[] }>();
  let unitStamp = 0;
  if (rc) {
    const extRules = (options.rules ?? ALL_RULES).filter((r) => r.meta.scope === 'extension' && config.rules[r.meta.id] !== 'off');
    for (const r of extRules) {
      const key = r.unitKey ? r.unitKey({ tree, model, config, report: () => {} }) : '';
      let k = rc.unitKeys.get(r.meta.id);
      if (!k || k.key !== key) rc.unitKeys.set(r.meta.id, (k = { key, gen: ++rc.gen }));
      unitWork.set(r.meta.id, { gen: k.gen, cached: [], dirty: [] });
    }
    if (unitWork.size) {
      const work = [...unitWork];
      const stampKey = work.map(([id, w]) => `${id}:${w.gen}`).join(' ');
      let stamp = rc.stamps.get(stampKey);
      if (stamp === undefined) rc.stamps.set(stampKey, (stamp = rc.stamps.size + 1));
      unitStamp = stamp;
      for (const ext of model.extensions) {
        const el = ext.node.el;
        const u = rc.units.get(el);
        if (u && u.start !== el.start) {
          const d = el.start - u.start;
          for (const v of u.byRule.values()) if (v.raws.length) v.raws = v.raws.map((r) => moveRaw(r, ext.node.doc, d));
          u.start = el.start;
        }
        if (u && u.stamp === stamp) {
          if (u.count) for (const [id, w] of work) for (const r of u.byRule.get(id)!.raws) w.cached.push(r);
          continue;
        }
        for (const [id, w] of work) {
          const v = u?.byRule.get(id);
          if (v && v.gen === w.gen) {
            for (const r of v.raws) w.cached.push(r);
          } else w.dirty.push(ext);
        }
      }
    }
  }
  // the changed part of the model, shared by the rules of one scope (usually the same set for all)
  let scoped: { key: string; tree: Tree; model: Model } | undefined;
  let unitScoped: { exts: Extension[]; model: Model; byDoc: Map<Doc, Extension[]> } | undefined;
  for (const rule of options.rules ?? ALL_RULES) {
    const configured = config.rules[rule.meta.id];
    if (configured === 'off') continue;
    let memo: WeakMap<XmlDocument, RawFinding[]> | undefined;
    let unitGen: number | undefined;
    let scopeTree = tree;
    let scopeModel = model;
    let dirty: Doc[] | undefined;
    let dirtyUnits: typeof unitScoped;
    const reads = rc && (rule.meta.scope ?? 'tree') === 'tree' ? rule.meta.reads : undefined;
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
    if (rc && rule.meta.scope === 'file') {
      memo = rc.perRule.get(rule.meta.id);
      if (!memo) rc.perRule.set(rule.meta.id, (memo = new WeakMap()));
      dirty = tree.order.filter((d) => !memo!.has(d.xml));
      if (dirty.length < tree.order.length) {
        const set = new Set(dirty);
        const key = dirty.map((d) => d.path).join('\u0000');
        if (scoped?.key !== key) scoped = { key, tree: { ...tree, order: dirty }, model: modelForDocs(model, set) };
        scopeTree = scoped.tree;
        scopeModel = scoped.model;
        for (const d of tree.order) if (!set.has(d)) for (const r of memo.get(d.xml)!) raws.push(r);
      }
    } else if (rc && rule.meta.scope === 'extension') {
      const w = unitWork.get(rule.meta.id)!;
      unitGen = w.gen;
      for (const r of w.cached) raws.push(r);
      const exts = w.dirty;
      if (!unitScoped || unitScoped.exts.length !== exts.length || unitScoped.exts.some((e, i) => e !== exts[i])) {
        const conditions: Condition[] = [];
        const actions: Action[] = [];
        const walk = (c: Condition): void => {
          conditions.push(c);
          for (const a of c.actions) actions.push(a);
          for (const a of c.antiActions) actions.push(a);
          for (const n of c.children) walk(n);
        };
        for (const e of exts) for (const c of e.conditions) walk(c);
        const byDoc = new Map<Doc, Extension[]>();
        for (const e of exts) {
          let l = byDoc.get(e.node.doc);
          if (!l) byDoc.set(e.node.doc, (l = []));
          l.push(e);
        }
        for (const l of byDoc.values()) l.sort((a, b) => a.node.el.start - b.node.el.start);
        unitScoped = {
          exts,
          byDoc,
          model: { ...model, extensions: exts, conditions, actions },
        };
      }
      dirtyUnits = unitScoped;
      scopeModel = unitScoped.model;
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
      if (rc && unitGen !== undefined && dirtyUnits) storeUnits(rc.units, rule.meta.id, unitGen, dirtyUnits.byDoc, raws, firstNew);
    } catch (e) {
      raws.length = firstNew;
      rc?.treeMemo.delete(rule.meta.id);
      const message = e instanceof Error ? e.message : String(e);
      ruleErrors.push({ rule: rule.meta.id, message });
      options.onRuleError?.(rule.meta.id, e);
    }
  }
  if (rc && unitStamp) stampUnits(rc.units, unitWork, unitStamp);
  const findings: Finding[] = raws.map(toFinding);
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

/**
 * Remember an extension-scope rule's new findings per extension. A finding that lies outside every
 * extension checked, or names a place in its file outside its extension, breaks the rule's contract:
 * then nothing is remembered and every extension is checked again next time.
 */
function storeUnits(units: WeakMap<XmlElement, UnitEntry>, rule: string, gen: number, byDoc: Map<Doc, Extension[]>, raws: RawFinding[], from: number): void {
  const found = new Map<Extension, RawFinding[]>();
  for (let i = from; i < raws.length; i++) {
    const r = raws[i]!;
    const exts = byDoc.get(r.input.doc);
    if (!exts) return;
    const at = r.input.start;
    let lo = 0;
    let hi = exts.length - 1;
    let hit: Extension | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = exts[mid]!;
      if (e.node.el.start <= at) {
        hit = e;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (!hit || !inside(r.input, hit.node.doc, hit.node.el.start, hit.node.el.end)) return;
    let l = found.get(hit);
    if (!l) found.set(hit, (l = []));
    l.push(r);
  }
  for (const exts of byDoc.values()) {
    for (const e of exts) {
      if (!cacheable(e.node)) continue;
      let u = units.get(e.node.el);
      if (!u) units.set(e.node.el, (u = { start: e.node.el.start, byRule: new Map(), stamp: 0, count: 0 }));
      const mine = found.get(e) ?? [];
      const before = u.byRule.get(rule);
      u.count += mine.length - (before?.raws.length ?? 0);
      u.byRule.set(rule, { gen, raws: mine });
    }
  }
}

/** Mark the extensions just checked whose findings are now current for every extension rule. */
function stampUnits(units: WeakMap<XmlElement, UnitEntry>, work: Map<string, { gen: number; dirty: Extension[] }>, stamp: number): void {
  const seen = new Set<XmlElement>();
  for (const w of work.values()) {
    for (const e of w.dirty) {
      if (seen.has(e.node.el)) continue;
      seen.add(e.node.el);
      const u = units.get(e.node.el);
      if (!u) continue;
      let current = true;
      for (const [id, x] of work) if (u.byRule.get(id)?.gen !== x.gen) current = false;
      if (current) u.stamp = stamp;
    }
  }
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
