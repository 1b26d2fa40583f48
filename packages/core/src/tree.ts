/**
 * Loading a conf tree the way FreeSWITCH does: start at freeswitch.xml, follow X-PRE-PROCESS includes in
 * load order (glob results sorted, relative to the including file, depth ≤ 100), record every `set` in
 * order, and remember for every file where in that sequence it was read so `$${var}` can be expanded
 * with the variables defined *so far*, as FreeSWITCH's line-by-line pre-processor does.
 * Nothing a config names is ever executed.
 */
import { decodeBytes, DEFAULT_LIMITS, dirname, globFiles, hasGlob, joinPath, normalize, type FileSystem, type Limits } from './fs.js';
import { changedSpan, LineIndex } from './text.js';
import { adoptUnchanged, reparseXml } from './xml/incremental.js';
import { parseXml, type XmlDocument, type XmlElement } from './xml/parser.js';
import { rescanFile, scanFile, splitAssignment, type Directive, type ScannedFile } from './preprocess/scan.js';
import { CORE_GLOBALS } from './preprocess/globals.js';

export interface Doc {
  path: string;
  text: string;
  lines: LineIndex;
  scan: ScannedFile;
  xml: XmlDocument;
  notUtf8: boolean;
  binary: boolean;
  /** Set when the file could not be read or was over a limit; text is then empty. */
  readError?: string;
  /** Reached from freeswitch.xml (false: analysed on its own). */
  reachable: boolean;
  /** The first include that brought this file in. */
  includedBy?: IncludeSite;
  /** Sequence number of the variable table when this file started being read. */
  entrySeq: number;
  /** After each directive line, the sequence number in force (sorted by offset). */
  checkpoints: { offset: number; seq: number }[];
  includeSites: IncludeSite[];
}

export interface IncludeSite {
  doc: Doc;
  directive: Directive;
  /** The pattern after `$${}` expansion (undefined when it depends on an unknown variable). */
  pattern: string | undefined;
  resolvedPattern: string | undefined;
  targets: Doc[];
  /** Problems FreeSWITCH would meet (missing file, depth, cycle). */
  problem?: { kind: 'missing' | 'depth' | 'cycle' | 'unreadable' | 'unknown'; message: string };
  /** Element that encloses the directive in the including file (undefined: top level of that file). */
  parent: XmlElement | undefined;
}

type UnknownReason = 'exec-set' | 'stun-set' | 'env-set' | 'core-global' | 'undefined' | 'exec';

export interface VarDef {
  name: string;
  cmd: string;
  doc: Doc;
  directive: Directive;
  seq: number;
  /** Expanded value; undefined when FreeSWITCH computes it at run time (exec-set, stun-set, env-set). */
  value: string | undefined;
  /** Offsets of the name and the value inside the file. */
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  /** Variables this definition's value was built from. */
  uses: VarRef[];
}

export interface VarRef {
  name: string;
  /** Offsets in the source file of `$${name}`. */
  start: number;
  end: number;
  def: VarDef | undefined;
  unknown?: UnknownReason;
}

/** A value as FreeSWITCH will see it after `$${}` expansion, with where each part came from. */
export interface Expanded {
  raw: string;
  /** undefined = unknown (depends on exec-set / stun-set / env-set / a core global / an undefined var). */
  value: string | undefined;
  refs: VarRef[];
}

class VarTable {
  readonly defs = new Map<string, VarDef[]>();
  seq = 0;
  add(def: VarDef): void {
    let list = this.defs.get(def.name);
    if (!list) this.defs.set(def.name, (list = []));
    list.push(def);
  }
  /** The definition in force at sequence point seq (the last one defined before it). */
  lookup(name: string, seq: number): VarDef | undefined {
    const list = this.defs.get(name);
    if (!list) return undefined;
    let found: VarDef | undefined;
    for (const d of list) {
      if (d.seq < seq) found = d;
      else break;
    }
    return found;
  }
  names(): string[] {
    return [...this.defs.keys()];
  }
}

export interface Tree {
  root: string | undefined;
  fs: FileSystem;
  limits: Limits;
  docs: Map<string, Doc>;
  /** Files in load order (reachable first, then the others). */
  order: Doc[];
  vars: VarTable;
  /** Problems of the tree itself (e.g. too many files). */
  notes: string[];
}

export interface LoadOptions {
  limits?: Partial<Limits>;
  /** Files to analyse on their own when not reachable from freeswitch.xml. */
  extraFiles?: string[];
  /** Parse cache shared across loads: unchanged text is not re-parsed. */
  cache?: ParseCache;
}

interface ParseCacheEntry {
  text: string;
  scan: ScannedFile;
  xml: XmlDocument;
  lines: LineIndex;
  /** size:mtime of the file when read; a matching stamp means the file need not be read again. */
  stamp?: string;
  doc?: Doc;
}

export type ParseCache = Map<string, ParseCacheEntry>;

export function readDoc(fs: FileSystem, path: string, limits: Limits, cache?: ParseCache): Doc {
  let text = '';
  let notUtf8 = false;
  let binary = false;
  let readError: string | undefined;
  let stamp: string | undefined;
  const cached = cache?.get(path);
  try {
    const st = fs.stat(path);
    if (!st) readError = 'no such file';
    else if (st.isDirectory) readError = 'is a directory';
    else if (st.size > limits.maxFileBytes)
      readError = `larger than the ${Math.round(limits.maxFileBytes / 1048576)} MiB limit (${st.size} bytes); not analysed`;
    else {
      // an unchanged file on disk (same size and mtime) is not read again; editor overlays have no mtime
      stamp = st.mtimeMs ? `${st.size}:${st.mtimeMs}` : undefined;
      if (stamp && cached?.doc && cached.stamp === stamp) return resetDoc(cached.doc);
      const data = fs.readFile(path, limits.maxFileBytes);
      const dec = decodeBytes(data);
      if (dec.text.length > limits.maxFileBytes) readError = `larger than the ${Math.round(limits.maxFileBytes / 1048576)} MiB limit; not analysed`;
      else ({ text, notUtf8, binary } = dec);
    }
  } catch (e) {
    readError = e instanceof Error ? e.message : String(e);
  }
  if (binary) {
    readError = 'binary content (NUL bytes): not a FreeSWITCH XML file';
    text = '';
  }
  if (cached?.doc && !readError && cached.text === text && !cached.doc.readError) {
    if (stamp) cached.stamp = stamp;
    return resetDoc(cached.doc);
  }
  if (cached?.doc && !readError && !cached.doc.readError && cached.doc.text === cached.text) {
    // an edit of a file already parsed: the same Doc, re-parsed only where the text changed
    const doc = cached.doc;
    if (!reparseDoc(doc, text, limits)) {
      // the edit could not be re-parsed on its own (a tag half typed): parse it all, keeping every
      // element the edit did not change
      const scan = scanFile(text);
      const xml = parseXml(scan.blanked, { maxDepth: limits.maxElementDepth });
      adoptUnchanged(doc.xml, xml, changedSpan(doc.xml.text, xml.text));
      doc.text = text;
      doc.scan = scan;
      doc.xml = xml;
      doc.lines = new LineIndex(text);
    }
    doc.notUtf8 = notUtf8;
    cached.text = text;
    cached.scan = doc.scan;
    cached.xml = doc.xml;
    cached.lines = doc.lines;
    if (stamp) cached.stamp = stamp;
    else delete cached.stamp;
    return resetDoc(doc);
  }
  let scan: ScannedFile;
  let xml: XmlDocument;
  let lines: LineIndex;
  if (cached && cached.text === text) ({ scan, xml, lines } = cached);
  else {
    scan = scanFile(text);
    xml = parseXml(scan.blanked, { maxDepth: limits.maxElementDepth });
    lines = new LineIndex(text);
  }
  const doc: Doc = {
    path,
    text,
    lines,
    scan,
    xml,
    notUtf8,
    binary,
    ...(readError ? { readError } : {}),
    reachable: false,
    entrySeq: 0,
    checkpoints: [],
    includeSites: [],
  };
  cache?.set(path, { text, scan, xml, lines, ...(stamp && !readError ? { stamp } : {}), doc });
  return doc;
}

/**
 * Bring a Doc to a new text by re-scanning and re-parsing only the edited part (xml/incremental.ts);
 * false (Doc untouched) when only a full parse gives the right answer. The Doc keeps its identity, its
 * `xml` is a new object (what analysis caches key on), and unchanged elements keep theirs.
 */
function reparseDoc(doc: Doc, text: string, limits: Limits): boolean {
  const change = changedSpan(doc.text, text);
  const rescan = rescanFile(doc.scan, doc.text, text, change, doc.lines.lineOf(change.start));
  if (!rescan) return false;
  const xml = reparseXml(doc.xml, rescan.scan.blanked, change, limits.maxElementDepth);
  if (!xml) return false;
  rescan.commit();
  doc.text = text;
  doc.scan = rescan.scan;
  doc.xml = xml;
  doc.lines = LineIndex.edited(doc.lines, text, change);
  return true;
}

/** A cached Doc is reused across loads; what a load computes about it starts afresh. */
function resetDoc(doc: Doc): Doc {
  doc.reachable = false;
  delete doc.includedBy;
  doc.entrySeq = 0;
  doc.checkpoints = [];
  doc.includeSites = [];
  return doc;
}

/** Find the conf root: the folder holding freeswitch.xml, upwards from path. */
export function findConfRoot(fs: FileSystem, path: string): string | undefined {
  let dir = normalize(path);
  const st = fs.stat(dir);
  if (st && st.isFile) dir = dirname(dir);
  for (let i = 0; i < 64; i++) {
    const cand = joinPath(dir, 'freeswitch.xml');
    const s = fs.stat(cand);
    if (s && s.isFile) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

export function loadTree(fs: FileSystem, root: string | undefined, options: LoadOptions = {}): Tree {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const tree: Tree = { root, fs, limits, docs: new Map(), order: [], vars: new VarTable(), notes: [] };
  // Canonical paths detect include cycles through symlinks; folders are resolved once per load (lstat is costly).
  const realDirs = new Map<string, string>();
  const realOf = (p: string): string => {
    if (!fs.realPath) return p;
    const dir = dirname(p);
    let real = realDirs.get(dir);
    if (real === undefined) {
      try {
        real = fs.realPath(dir);
      } catch {
        real = dir;
      }
      realDirs.set(dir, real);
    }
    return `${real}/${p.slice(dir.length + 1)}`;
  };

  const stack: string[] = []; // real paths of files being read (cycle detection)
  const visit = (path: string, depth: number, site: IncludeSite | undefined): Doc | undefined => {
    if (tree.docs.size >= limits.maxFiles && !tree.docs.has(path)) {
      if (!tree.notes.includes('max-files')) tree.notes.push('max-files');
      return undefined;
    }
    let doc = tree.docs.get(path);
    const first = !doc;
    if (!doc) {
      doc = readDoc(fs, path, limits, options.cache);
      doc.reachable = true;
      if (site) doc.includedBy = site;
      doc.entrySeq = tree.vars.seq;
      tree.docs.set(path, doc);
      tree.order.push(doc);
    }
    if (doc.readError) return doc;
    stack.push(realOf(path));
    const checkpoints: { offset: number; seq: number }[] = [];
    for (const dir of doc.scan.directives) {
      runDirective(tree, doc, dir, depth, first, visit, stack, realOf);
      checkpoints.push({ offset: dir.end, seq: tree.vars.seq });
    }
    if (first) doc.checkpoints = checkpoints;
    stack.pop();
    return doc;
  };

  if (root) {
    const main = joinPath(root, 'freeswitch.xml');
    if (fs.stat(main)) visit(main, 0, undefined);
  }
  for (const extra of options.extraFiles ?? []) {
    const p = normalize(extra);
    if (tree.docs.has(p)) continue;
    if (tree.docs.size >= limits.maxFiles) {
      if (!tree.notes.includes('max-files')) tree.notes.push('max-files');
      break;
    }
    const doc = readDoc(fs, p, limits, options.cache);
    doc.entrySeq = Number.MAX_SAFE_INTEGER; // not loaded by FreeSWITCH: judge with everything the tree defines
    tree.docs.set(p, doc);
    tree.order.push(doc);
    // its own set directives still count for its own lines
    for (const dir of doc.scan.directives) {
      if (dir.cmd && dir.cmd.toLowerCase() !== 'include' && !dir.malformed) recordSet(tree, doc, dir, Number.MAX_SAFE_INTEGER - 1);
    }
  }
  return tree;
}

function runDirective(
  tree: Tree,
  doc: Doc,
  dir: Directive,
  depth: number,
  first: boolean,
  visit: (path: string, depth: number, site: IncludeSite | undefined) => Doc | undefined,
  stack: string[],
  realOf: (p: string) => string,
): void {
  if (!dir.cmd || dir.malformed) return;
  const cmd = dir.cmd.toLowerCase();
  if (dir.form === 'hash-comment' && cmd === 'env-set') return; // not supported in that form
  if (cmd === 'include') {
    const seq = tree.vars.seq;
    const exp = expandRaw(tree, doc, dir.data ?? '', dir.dataStart, seq + 1);
    const site: IncludeSite = {
      doc,
      directive: dir,
      pattern: exp.value,
      resolvedPattern: undefined,
      targets: [],
      parent: undefined,
    };
    if (first) doc.includeSites.push(site);
    if (exp.value === undefined) {
      site.problem = { kind: 'unknown', message: 'the include pattern depends on a variable whose value is unknown' };
      return;
    }
    const pattern = joinPath(dirname(doc.path), exp.value);
    site.resolvedPattern = pattern;
    if (depth + 1 > tree.limits.maxIncludeDepth) {
      site.problem = { kind: 'depth', message: `include nesting deeper than ${tree.limits.maxIncludeDepth}: FreeSWITCH stops here` };
      return;
    }
    let matches: string[];
    if (hasGlob(exp.value)) matches = globFiles(tree.fs, pattern);
    else matches = tree.fs.stat(pattern) ? [pattern] : [];
    if (!matches.length && !hasGlob(exp.value)) site.problem = { kind: 'missing', message: `${exp.value}: no such file` };
    for (const m of matches) {
      const st = tree.fs.stat(m);
      if (st && st.isDirectory) {
        site.problem = { kind: 'unreadable', message: `${m} is a directory` };
        continue;
      }
      if (stack.includes(realOf(m))) {
        site.problem = {
          kind: 'cycle',
          message: `${m} includes itself (through ${stack.length} level${stack.length === 1 ? '' : 's'}): FreeSWITCH recurses until the depth limit of 100`,
        };
        continue;
      }
      const target = visit(m, depth + 1, site);
      if (target) {
        site.targets.push(target);
        if (target.readError && !site.problem) site.problem = { kind: 'unreadable', message: `${m}: ${target.readError}` };
      }
    }
    return;
  }
  recordSet(tree, doc, dir, undefined);
}

function recordSet(tree: Tree, doc: Doc, dir: Directive, fixedSeq: number | undefined): void {
  const cmd = dir.cmd!.toLowerCase();
  if (!['set', 'exec-set', 'stun-set', 'env-set'].includes(cmd)) return;
  const data = dir.data ?? '';
  const asg = splitAssignment(data);
  if (!asg) return;
  if (cmd === 'env-set' && !asg.value.startsWith('$')) return;
  const seqNow = fixedSeq ?? tree.vars.seq + 1;
  let value: string | undefined;
  let uses: VarRef[] = [];
  if (cmd === 'set') {
    const exp = expandRaw(tree, doc, asg.value, dir.dataStart + asg.valueOffset, seqNow);
    value = exp.value;
    uses = exp.refs;
  }
  tree.vars.seq++;
  tree.vars.add({
    name: asg.name,
    cmd,
    doc,
    directive: dir,
    seq: fixedSeq ?? tree.vars.seq,
    value,
    nameStart: dir.dataStart,
    nameEnd: dir.dataStart + asg.nameEnd,
    valueStart: dir.dataStart + asg.valueOffset,
    valueEnd: dir.dataEnd,
    uses,
  });
}

/** The sequence point in force at an offset of a file. */
export function seqAt(doc: Doc, offset: number): number {
  if (!doc.reachable) return Number.MAX_SAFE_INTEGER;
  let seq = doc.entrySeq + 1;
  const cps = doc.checkpoints;
  let lo = 0;
  let hi = cps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cps[mid]!.offset <= offset) {
      seq = cps[mid]!.seq + 1;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return seq;
}

/** Expand `$${…}` in raw text that sits at `offset` of `doc`, as FreeSWITCH would at that point of loading. */
export function expandRaw(tree: Tree, doc: Doc, raw: string, offset: number, seq?: number): Expanded {
  if (raw.indexOf('$${') < 0) return { raw, value: raw, refs: [] };
  const at = seq ?? seqAt(doc, offset);
  let out = '';
  let unknown = false;
  const refs: VarRef[] = [];
  let i = 0;
  while (i < raw.length) {
    const v = raw.indexOf('$${', i);
    if (v < 0) {
      out += raw.slice(i);
      break;
    }
    const close = raw.indexOf('}', v + 3);
    if (close < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, v);
    const name = raw.slice(v + 3, close);
    const def = tree.vars.lookup(name, at);
    const ref: VarRef = { name, start: offset + v, end: offset + close + 1, def };
    if (def) {
      if (def.value === undefined) {
        ref.unknown = def.cmd as UnknownReason;
        unknown = true;
      } else out += def.value;
    } else if (CORE_GLOBALS.has(name)) {
      ref.unknown = 'core-global';
      unknown = true;
    } else {
      ref.unknown = 'undefined';
      unknown = true;
    }
    refs.push(ref);
    i = close + 1;
  }
  return { raw, value: unknown ? undefined : out, refs };
}
