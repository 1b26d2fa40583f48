/**
 * What the language server keeps between analyses so that an edit re-runs only the rules, files and
 * units (extensions, users) it can affect. runners/run.ts decides what is stale; this module holds the
 * findings (as offsets, converted to ranges while the files' lines stay the same); the runners
 * (runners/) read and fill it, the per-unit bookkeeping of the 'extension' and 'user' scopes is runners/unit-pass.ts.
 */
import { enabledFalseNote } from './enabled-attr.js';
import { withNewText } from './passwords.js';
import type { Doc } from './tree.js';
import type { LineIndex } from './text.js';
import type { XmlDocument, XmlElement } from './xml/parser.js';
import type { Finding, ReportInput, Severity } from './rules/types.js';

/** A finding as a rule reported it (offsets), with its conversion to ranges kept while the lines are. */
export interface RawFinding {
  rule: string;
  severity: Severity;
  security: boolean;
  input: ReportInput;
  converted?: { finding: Finding; lines: LineIndex[] };
  /** Names a place in a file other than its own (computed on first use). */
  foreign?: boolean;
}

/** Does the finding name a place in one of `changed` other than its own file? */
export function namesChanged(raw: RawFinding, changed: ReadonlySet<Doc>): boolean {
  raw.foreign ??= docsOf(raw.input).length > 1;
  if (!raw.foreign || !changed.size) return false;
  return docsOf(raw.input).some((d) => d !== raw.input.doc && changed.has(d));
}

export type UnitScope = 'extension' | 'user';

export interface UnitEntry {
  /** Where the element was when its findings were stored (an edit above moves them). */
  start: number;
  end: number;
  /** Elements outside the unit its findings depend on (a user's inherited params), and where they were. */
  context: XmlElement[];
  contextStarts: number[];
  byRule: Map<string, { gen: number; raws: RawFinding[] }>;
  /** Set when every rule of the scope had current findings here (the common case: one comparison). */
  stamp: number;
  /** Findings over all rules (most units have none). */
  count: number;
}

export interface RuleCache {
  signature: string;
  /** scope 'file': findings per parsed document (a re-parse makes a new XmlDocument). */
  perRule: Map<string, WeakMap<XmlDocument, RawFinding[]>>;
  /** scopes 'extension' and 'user': per unit element, each rule's findings (`gen` names the rule's unitKey then). */
  units: WeakMap<XmlElement, UnitEntry>;
  unitKeys: Map<string, { key: string; gen: number }>;
  gen: number;
  /** Numbers for sets of (rule, gen) pairs. */
  stamps: Map<string, number>;
  /** scope 'tree' with `reads`: the last findings, and the files they name. */
  treeMemo: Map<string, { raws: RawFinding[]; docs: Set<Doc> }>;
  /** Each file's parse at the last analysis (what changed since is what was re-parsed). */
  lastXml: Map<string, XmlDocument>;
}

export function newRuleCache(): RuleCache {
  return { signature: '', perRule: new Map(), units: new WeakMap(), unitKeys: new Map(), gen: 0, stamps: new Map(), treeMemo: new Map(), lastXml: new Map() };
}

/** Forget everything (variables, configuration or the include graph changed). */
export function clearRuleCache(rc: RuleCache): void {
  rc.perRule.clear();
  rc.units = new WeakMap();
  rc.unitKeys.clear();
  rc.treeMemo.clear();
}

export function docsOf(input: ReportInput): Doc[] {
  const out = [input.doc];
  for (const fx of input.fixes ?? []) for (const e of fx.edits) if (!out.includes(e.doc)) out.push(e.doc);
  for (const r of input.related ?? []) if (!out.includes(r.doc)) out.push(r.doc);
  if (input.cause && !out.includes(input.cause.doc)) out.push(input.cause.doc);
  return out;
}

export function toFinding(raw: RawFinding): Finding {
  const c = raw.converted;
  const docs = c ? docsOf(raw.input) : undefined;
  if (c && docs && docs.length === c.lines.length && docs.every((d, i) => d.lines === c.lines[i])) return c.finding;
  const input = raw.input;
  const f: Finding = {
    rule: raw.rule,
    severity: raw.severity,
    file: input.doc.path,
    range: input.doc.lines.range(input.start, input.end),
    message: input.message + enabledFalseNote(input.doc, input.start),
    fixes: (input.fixes ?? []).map((fx) => ({
      title: fx.title,
      kind: fx.kind,
      edits: fx.edits.map((e) => withNewText({ file: e.doc.path, range: e.doc.lines.range(e.start, e.end) }, e)),
      ...(fx.preferred ? { preferred: true } : {}),
    })),
  };
  if (input.related?.length) f.related = input.related.map((r) => ({ file: r.doc.path, range: r.doc.lines.range(r.start, r.end), message: r.message }));
  if (input.cause)
    f.cause = { file: input.cause.doc.path, range: input.cause.doc.lines.range(input.cause.start, input.cause.end), message: input.cause.message };
  if (raw.security) f.security = true;
  raw.converted = { finding: f, lines: (docs ?? docsOf(input)).map((d) => d.lines) };
  return f;
}
