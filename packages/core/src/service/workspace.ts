/**
 * The language service: one conf tree, editor overlays for open documents, and per-feature services
 * (validation, hover, completion, navigation, code actions). Protocol-free: server-lsp adapts it to LSP.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { analyze, newRuleCache, type Analysis } from '../analysis.js';
import { findConfRoot, type Doc, type ParseCache } from '../tree.js';
import { newModelCache } from '../model.js';
import { normalize, type FileStat, type FileSystem, type Limits } from '../fs.js';
import type { FsconfConfig } from '../config.js';
import type { Finding } from '../rules/types.js';
import { elementAt, type XmlAttr, type XmlElement } from '../xml/parser.js';

/** A FileSystem that serves editor buffers in place of disk contents. */
export class OverlayFileSystem implements FileSystem {
  readonly overlays = new Map<string, string>();
  constructor(readonly base: FileSystem) {}
  readFile(path: string, maxBytes: number): Uint8Array | string {
    const o = this.overlays.get(normalize(path));
    return o !== undefined ? o : this.base.readFile(path, maxBytes);
  }
  stat(path: string): FileStat | undefined {
    const o = this.overlays.get(normalize(path));
    if (o !== undefined) return { isFile: true, isDirectory: false, size: o.length, mtimeMs: 0 };
    return this.base.stat(path);
  }
  readDir(path: string): string[] | undefined {
    const entries = new Set(this.base.readDir(path) ?? []);
    const prefix = normalize(path) + '/';
    for (const k of this.overlays.keys()) if (k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) entries.add(k.slice(prefix.length));
    return entries.size || this.base.readDir(path) ? [...entries].sort() : undefined;
  }
  realPath(path: string): string {
    if (this.overlays.has(normalize(path))) return normalize(path);
    return this.base.realPath ? this.base.realPath(path) : path;
  }
}

export interface WorkspaceOptions {
  settings?: FsconfConfig;
  limits?: Partial<Limits>;
  onRuleError?: (rule: string, error: unknown) => void;
  /** A feature provider threw: the feature answered without it; the host should log this. */
  onProviderError?: (failure: ProviderFailure, error: unknown) => void;
}

/** Which provider failed: its feature, its function's name and the document it was asked about. */
interface ProviderFailure {
  feature: 'hover' | 'completion' | 'definition' | 'references' | 'lens';
  provider: string;
  path: string;
}

/** Where the cursor is, in FreeSWITCH terms. */
export interface CursorContext {
  doc: Doc;
  offset: number;
  element: XmlElement | undefined;
  /** The attribute whose name or value holds the cursor. */
  attr: XmlAttr | undefined;
  inAttrValue: boolean;
  inAttrName: boolean;
  inTagName: boolean;
}

export class FsconfWorkspace {
  readonly fs: OverlayFileSystem;
  private readonly cache: ParseCache = new Map();
  private readonly modelCache = newModelCache();
  private readonly ruleCache = newRuleCache();
  private current: Analysis | undefined;
  private dirty = true;
  /** Files opened in the editor that the tree does not reach: analysed on their own. */
  private readonly extra = new Set<string>();
  root: string | undefined;

  constructor(
    base: FileSystem,
    root: string | undefined,
    private options: WorkspaceOptions = {},
  ) {
    this.fs = new OverlayFileSystem(base);
    this.root = root;
  }

  /** A provider threw (features.ts, lenses.ts catch it so the others still answer): tell the host. */
  providerFailed(failure: ProviderFailure, error: unknown): void {
    this.options.onProviderError?.(failure, error);
  }

  /** Pick the conf root for a folder or file (freeswitch.xml at or above it). */
  static rootFor(fs: FileSystem, path: string): string | undefined {
    return findConfRoot(fs, path);
  }

  setSettings(settings: FsconfConfig | undefined): void {
    this.options = { ...this.options, ...(settings ? { settings } : {}) };
    if (!settings) delete this.options.settings;
    this.dirty = true;
  }

  open(path: string, text: string): void {
    const p = normalize(path);
    this.fs.overlays.set(p, text);
    if (!this.root) this.root = findConfRoot(this.fs, p);
    this.extra.add(p);
    this.dirty = true;
  }

  change(path: string, text: string): void {
    this.fs.overlays.set(normalize(path), text);
    this.dirty = true;
  }

  close(path: string): void {
    const p = normalize(path);
    this.fs.overlays.delete(p);
    this.extra.delete(p);
    this.dirty = true;
  }

  /**
   * Analyse these files too, reached or not (the whole configuration, as `fsconf lint DIR` reads it): a
   * file no include brings in is analysed on its own. Kept until replaced.
   */
  includeAll(paths: readonly string[]): void {
    this.wide = new Set(paths.map(normalize));
    this.dirty = true;
  }
  private wide = new Set<string>();

  /** A file changed on disk (watched files). */
  invalidate(path?: string): void {
    if (path) this.cache.delete(normalize(path));
    else this.cache.clear();
    this.dirty = true;
  }

  /** Analyse (or reuse the last analysis if nothing changed). Unchanged files are not re-parsed. */
  analysis(): Analysis {
    if (!this.current || this.dirty) {
      this.current = analyze(this.fs, {
        ...(this.root ? { root: this.root } : {}),
        files: this.wide.size ? [...new Set([...this.wide, ...this.extra])] : [...this.extra],
        cache: this.cache,
        modelCache: this.modelCache,
        ruleCache: this.ruleCache,
        ...(this.options.settings ? { settings: this.options.settings } : {}),
        ...(this.options.limits ? { limits: this.options.limits } : {}),
        ...(this.options.onRuleError ? { onRuleError: this.options.onRuleError } : {}),
      });
      this.dirty = false;
    }
    return this.current;
  }

  /** Findings per file for every file of the tree (files without findings map to []). */
  diagnostics(): Map<string, Finding[]> {
    const a = this.analysis();
    const out = new Map<string, Finding[]>();
    for (const doc of a.tree.order) out.set(doc.path, []);
    for (const [file, list] of a.byFile) out.set(file, list);
    return out;
  }

  doc(path: string): Doc | undefined {
    return this.analysis().tree.docs.get(normalize(path));
  }

  cursor(path: string, pos: Position): CursorContext | undefined {
    const doc = this.doc(path);
    if (!doc) return undefined;
    const offset = doc.lines.offsetAt(pos);
    const element = elementAt(doc.xml.roots, offset);
    let attr: XmlAttr | undefined;
    let inAttrValue = false;
    let inAttrName = false;
    let inTagName = false;
    if (element && offset <= element.startTagEnd) {
      inTagName = offset >= element.nameStart && offset <= element.nameEnd;
      for (const a of element.attrs) {
        if (offset >= a.nameStart && offset <= a.nameEnd) {
          attr = a;
          inAttrName = true;
        } else if (a.quote && offset >= a.valueStart && offset <= a.valueEnd) {
          attr = a;
          inAttrValue = true;
        }
      }
    }
    return { doc, offset, element, attr, inAttrValue, inAttrName, inTagName };
  }

  rangeOf(doc: Doc, start: number, end: number): Range {
    return doc.lines.range(start, end);
  }
}
