/**
 * A caching FileSystem for the server. core re-reads the tree through its FileSystem on every analysis;
 * between keystrokes nothing on disk changes, so stat/readDir/realPath/readFile answers are kept and
 * dropped when the client reports a change (didChangeWatchedFiles), when the server writes a file, on
 * fsconf.lintTree, and after `ttlMs` in any case (clients without file watching still see disk changes).
 */
import { dirname, normalize, type FileStat, type FileSystem } from '@fsconf/core';

// the BOM is dropped as core's decodeBytes drops it: positions match what editors show
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Entry<T> {
  value: T;
  at: number;
}

export class CachingFileSystem implements FileSystem {
  private readonly stats = new Map<string, Entry<FileStat | undefined>>();
  private readonly dirs = new Map<string, Entry<string[] | undefined>>();
  private readonly reals = new Map<string, Entry<string>>();
  private readonly files = new Map<string, Entry<{ data: Uint8Array | string; mtimeMs: number; size: number; maxBytes: number }>>();
  ttlMs: number;

  constructor(
    private readonly base: FileSystem,
    ttlMs = 2000,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.ttlMs = ttlMs;
  }

  private fresh<T>(e: Entry<T> | undefined): e is Entry<T> {
    return !!e && this.now() - e.at < this.ttlMs;
  }

  stat(path: string): FileStat | undefined {
    const hit = this.stats.get(path); // paths from core are normalised already: skip the work when cached
    if (this.fresh(hit)) return hit.value;
    const p = normalize(path);
    const e = this.stats.get(p);
    if (this.fresh(e)) return e.value;
    const value = this.base.stat(p);
    this.stats.set(p, { value, at: this.now() });
    return value;
  }

  readDir(path: string): string[] | undefined {
    const p = normalize(path);
    const e = this.dirs.get(p);
    if (this.fresh(e)) return e.value ? [...e.value] : undefined;
    const value = this.base.readDir(p);
    this.dirs.set(p, { value, at: this.now() });
    return value ? [...value] : undefined;
  }

  realPath(path: string): string {
    const p = normalize(path);
    const e = this.reals.get(p);
    if (this.fresh(e)) return e.value;
    const value = this.base.realPath ? this.base.realPath(p) : p; // throws for a missing file: not cached
    this.reals.set(p, { value, at: this.now() });
    return value;
  }

  readFile(path: string, maxBytes: number): Uint8Array | string {
    const p = this.files.has(path) ? path : normalize(path);
    const st = this.stat(p);
    const e = this.files.get(p);
    if (e && st && st.isFile && e.value.mtimeMs === st.mtimeMs && e.value.size === st.size && e.value.maxBytes === maxBytes && this.fresh(e))
      return e.value.data;
    let data = this.base.readFile(p, maxBytes); // errors are not cached
    if (typeof data !== 'string') {
      // keep valid UTF-8 decoded (core would decode it the same way, BOM kept as U+FEFF); other bytes stay bytes
      try {
        data = utf8.decode(data);
      } catch {
        // not UTF-8: core reads it as Latin-1 and says so
      }
    }
    if (st && st.isFile) this.files.set(p, { value: { data, mtimeMs: st.mtimeMs, size: st.size, maxBytes }, at: this.now() });
    return data;
  }

  /** Forget one path (and its folder listing), or everything. */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.stats.clear();
      this.dirs.clear();
      this.reals.clear();
      this.files.clear();
      return;
    }
    const p = normalize(path);
    this.stats.delete(p);
    this.files.delete(p);
    this.reals.delete(p);
    this.dirs.delete(p);
    this.dirs.delete(dirname(p));
    // a folder created or removed: entries below it are stale too
    const prefix = p + '/';
    for (const m of [this.stats, this.files, this.reals, this.dirs] as Map<string, unknown>[]) for (const k of m.keys()) if (k.startsWith(prefix)) m.delete(k);
  }
}
