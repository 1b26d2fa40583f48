/**
 * `fsconf lint`: the engine over one or more paths, as CI runs it.
 */
import * as nodePath from 'node:path';
import * as nodeFs from 'node:fs';
import {
  analyze,
  applyEdits,
  credentialNotices,
  type CredentialNotice,
  type FixKind,
  findConfRoot,
  NodeFileSystem,
  preferredFixes,
  writeFileAtomic,
  WriteRefused,
  type Analysis,
  type Finding,
  type FileSystem,
  type ParseCache,
} from '@fsconf/core';

export interface LintTarget {
  root: string | undefined;
  files: string[];
}

export interface LintResult {
  findings: Finding[];
  analyses: Analysis[];
  /** Files analysed (for the summary). */
  fileCount: number;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** All files fsconf reads under a folder (xml, cti.json, .fsconf.yaml), sorted. */
function listFiles(dir: string, out: string[], limit: number): void {
  let entries: nodeFs.Dirent[];
  try {
    entries = nodeFs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (out.length >= limit) return;
    // dir is absolute and normalised (path.resolve), e.name a single name: no path.join, whose normalising
    // ran in interpreted code for every entry (~5 ms of a cold lint of the vanilla tree)
    const p = dir.endsWith(nodePath.sep) ? dir + e.name : dir + nodePath.sep + e.name;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) listFiles(p, out, limit);
    } else if (e.isFile() && /\.xml$/i.test(e.name)) out.push(p);
  }
}

/** Group the paths into trees: each folder holding freeswitch.xml is a tree; other files join the tree above them. */
export function planTargets(fs: FileSystem, paths: string[]): { targets: LintTarget[]; requested: Set<string> | 'all-under'; under: string[] } {
  const files: string[] = [];
  const under: string[] = [];
  const explicit = new Set<string>();
  for (const p of paths) {
    const abs = nodePath.resolve(p);
    const st = fs.stat(abs);
    if (!st) throw new UsageError(`${p}: no such file or directory`);
    if (st.isDirectory) {
      under.push(abs);
      listFiles(abs, files, 100000);
    } else {
      files.push(abs);
      explicit.add(abs);
    }
  }
  const roots = new Set<string>();
  for (const f of files) if (nodePath.basename(f) === 'freeswitch.xml') roots.add(nodePath.dirname(f));
  for (const u of under) {
    const r = findConfRoot(fs, u);
    if (r) roots.add(r);
  }
  for (const f of explicit) {
    const r = findConfRoot(fs, f);
    if (r) roots.add(r);
  }
  // deepest roots first: a file belongs to the nearest tree that holds it
  const ordered = [...roots].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  const targets = new Map<string | undefined, LintTarget>();
  for (const r of ordered) targets.set(r, { root: r, files: [] });
  const loose: LintTarget = { root: undefined, files: [] };
  for (const f of files) {
    const owner = ordered.find((r) => f === r || f.startsWith(r + '/'));
    if (owner) targets.get(owner)!.files.push(f);
    else loose.files.push(f);
  }
  const list = [...targets.values()];
  if (loose.files.length) list.push(loose);
  return { targets: list, requested: explicit.size && !under.length ? explicit : 'all-under', under: [...under, ...explicit] };
}

export class UsageError extends Error {}

/**
 * The first element of a FreeSWITCH configuration file (after comments, `<?xml?>` and `<!DOCTYPE>`): what
 * freeswitch.xml includes or a module loads. Other programs' XML (maven's <settings>, dbus's
 * <busconfig>) starts otherwise, even where it holds a <profile> or <configuration> further down.
 */
const FREESWITCH_ROOTS = /^(?:include|document|configuration|section|context|extension|domain|user|groups?|gateways?|profiles?|X-PRE-PROCESS)$/;

function firstElement(text: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) i = text.indexOf('?>', i) + 2;
    else if (text.startsWith('<!--', i)) i = text.indexOf('-->', i) + 3;
    else if (text.startsWith('<!', i)) i = text.indexOf('>', i) + 1;
    else break;
    if (i <= 1) return undefined; // unterminated
  }
  return text[i] === '<' ? /^<([\w:.-]+)/.exec(text.slice(i, i + 100))?.[1] : undefined;
}

function looksLikeFreeswitch(fs: FileSystem, file: string): boolean {
  try {
    const data = fs.readFile(file, 16 * 1024 * 1024);
    const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 1 << 20)).toString('utf8');
    const root = firstElement(text);
    return root !== undefined && FREESWITCH_ROOTS.test(root);
  } catch {
    return true; // unreadable: let the analysis report it
  }
}

/**
 * A lint that finds no conf tree and no file of FreeSWITCH XML was pointed at the wrong place (an empty
 * folder, /etc, a README): say so instead of passing with nothing checked.
 */
function requireConfiguration(fs: FileSystem, paths: string[], targets: LintTarget[]): void {
  if (targets.some((t) => t.root !== undefined)) return;
  if (targets.some((t) => t.files.some((f) => looksLikeFreeswitch(fs, f)))) return;
  const where = paths.length === 1 ? paths[0] : paths.join(', ');
  throw new UsageError(
    `no FreeSWITCH configuration found in ${where}: no freeswitch.xml at, above or below it, and no file of FreeSWITCH XML (<include>, <configuration>, <context>…); give the conf folder, e.g. /etc/freeswitch`,
  );
}

export { formatCredentialNotice } from '@fsconf/core';

/**
 * The disk as one lint sees it: each path is stat()ed (and each folder listed) once. The engine asks about
 * every included file up to three times (the include, its glob, the read); a new one per runLint, so
 * --fix's next pass sees what it wrote.
 */
class LintFileSystem implements FileSystem {
  private readonly base = new NodeFileSystem();
  private readonly stats = new Map<string, ReturnType<FileSystem['stat']>>();
  private readonly dirs = new Map<string, string[] | undefined>();
  readFile(path: string, maxBytes: number): Uint8Array | string {
    return this.base.readFile(path, maxBytes);
  }
  stat(path: string): ReturnType<FileSystem['stat']> {
    if (this.stats.has(path)) return this.stats.get(path);
    const st = this.base.stat(path);
    this.stats.set(path, st);
    return st;
  }
  readDir(path: string): string[] | undefined {
    if (this.dirs.has(path)) return this.dirs.get(path)?.slice();
    const list = this.base.readDir(path);
    this.dirs.set(path, list);
    return list?.slice();
  }
  realPath(path: string): string {
    return this.base.realPath(path);
  }
}

export function runLint(
  paths: string[],
  options: { configFile?: string; cache?: ParseCache; onProgress?: (done: number, total: number) => void } = {},
): LintResult {
  const fs = new LintFileSystem();
  const plan = planTargets(fs, paths);
  requireConfiguration(fs, paths, plan.targets);
  const claimed = new Set<string>();
  const findings: Finding[] = [];
  const analyses: Analysis[] = [];
  let fileCount = 0;
  let done = 0;
  for (const t of plan.targets) {
    const a = analyze(fs, {
      ...(t.root ? { root: t.root } : {}),
      files: t.files,
      ...(options.configFile ? { configFile: options.configFile } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
    });
    analyses.push(a);
    const inScope = (file: string): boolean =>
      plan.requested === 'all-under' ? plan.under.some((u) => file === u || file.startsWith(u + '/')) : plan.requested.has(file);
    const mine = new Set<string>();
    for (const doc of a.tree.order) {
      if (claimed.has(doc.path) || !inScope(doc.path)) continue;
      mine.add(doc.path);
    }
    for (const m of mine) claimed.add(m);
    fileCount += mine.size;
    for (const f of a.findings) {
      if (mine.has(f.file) || (!a.tree.docs.has(f.file) && inScope(f.file) && !claimed.has(`cfg:${f.file}`))) findings.push(f);
    }
    for (const f of a.findings) if (!a.tree.docs.has(f.file)) claimed.add(`cfg:${f.file}`);
    done++;
    options.onProgress?.(done, plan.targets.length);
  }
  return { findings, analyses, fileCount };
}

export interface FixReport {
  file: string;
  /** `line`: 1-based line of this file that the fix changed (not the finding's line, which may be in another file). */
  applied: { rule: string; line: number; title: string; notices?: CredentialNotice[] }[];
  backup?: string;
  refused?: string;
}

/**
 * Apply every safe fix (and, with `credentials`, every credential fix), atomically, pass after pass until
 * nothing is left to fix (a fix can reveal the next; overlapping edits wait for the next pass). Choice
 * fixes are never applied here: a person picks them in the TUI or an editor.
 */
export function runFix(
  paths: string[],
  options: { configFile?: string; backup?: boolean; credentials?: boolean } = {},
): { reports: FixReport[]; result: LintResult } {
  const reports = new Map<string, FixReport>();
  const kinds: FixKind[] = options.credentials ? ['safe', 'credential'] : ['safe'];
  let result = runLint(paths, options);
  for (let pass = 0; pass < 20; pass++) {
    const { fixes, byFile } = preferredFixes(result.findings, kinds);
    if (!fixes.length) break;
    let wrote = 0;
    // credential notices are computed once the pass is written: an edit in another file may have replaced a use of the secret
    const written = new Set<string>();
    const pending: {
      entry: FixReport['applied'][number];
      fx: (typeof fixes)[number];
      e: (typeof fixes)[number]['fix']['edits'][number];
      analysis: Analysis;
    }[] = [];
    for (const [file, edits] of byFile) {
      const analysis = result.analyses.find((a) => a.tree.docs.has(file));
      const doc = analysis?.tree.docs.get(file);
      let original: string;
      if (doc) original = doc.text;
      else {
        try {
          original = nodeFs.readFileSync(file, 'utf8');
        } catch {
          continue;
        }
      }
      const updated = applyEdits(original, edits);
      const rep = reports.get(file) ?? { file, applied: [] };
      reports.set(file, rep);
      if (updated === original) continue;
      try {
        const w = writeFileAtomic(file, updated, { expected: original, backup: options.backup !== false && !rep.backup });
        if (w.backup) rep.backup = w.backup;
        wrote++;
        written.add(file);
        for (const fx of fixes) {
          for (const e of fx.fix.edits) {
            if (e.file !== file) continue;
            // the line the edit changed in this file (an inserted line starts after the line break it begins with)
            const line = e.range.start.line + 1 + (/^\r?\n/.test(e.newText) ? 1 : 0);
            const entry: FixReport['applied'][number] = { rule: fx.finding.rule, line, title: fx.fix.title };
            rep.applied.push(entry);
            if (fx.fix.kind === 'credential' && analysis) pending.push({ entry, fx, e, analysis });
          }
        }
      } catch (e) {
        rep.refused = e instanceof WriteRefused ? e.message : `cannot write: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const replaced = fixes.flatMap((fx) => fx.fix.edits.filter((e) => written.has(e.file)));
    for (const { entry, fx, e, analysis } of pending) {
      const notices = credentialNotices(
        analysis,
        fx.finding,
        { ...fx.fix, edits: [e] },
        replaced.filter((r) => r !== e),
      );
      if (notices.length) entry.notices = notices;
    }
    result = runLint(paths, options);
    if (!wrote) break;
  }
  return { reports: [...reports.values()].filter((r) => r.applied.length || r.refused), result };
}
