/**
 * All file access of the engine goes through this interface, so tests and the language server can feed
 * text without touching disk. core itself never calls node:fs; callers pass an implementation.
 */
export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  mtimeMs: number;
}

export interface FileSystem {
  /** Bytes (or already-decoded text, e.g. an editor overlay). Throws an Error with a readable message. */
  readFile(path: string, maxBytes: number): Uint8Array | string;
  stat(path: string): FileStat | undefined;
  readDir(path: string): string[] | undefined;
  /** Canonical path (symlinks resolved) when the host supports it; used to detect include cycles. */
  realPath?(path: string): string;
}

export interface Limits {
  /** Largest file read, in bytes (default 16 MiB). Larger files get a diagnostic and are not analysed. */
  maxFileBytes: number;
  /** Most files in one tree (default 20 000). */
  maxFiles: number;
  /** Include nesting, as FreeSWITCH (100). */
  maxIncludeDepth: number;
  /** Element nesting kept in the tree (default 1 000). */
  maxElementDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxFiles: 20000,
  maxIncludeDepth: 100,
  maxElementDepth: 1000,
};

export interface DecodedText {
  text: string;
  /** The bytes were not valid UTF-8 and were read as Latin-1. */
  notUtf8: boolean;
  /** Looks binary (NUL bytes). */
  binary: boolean;
  /** The bytes began with a UTF-8 byte-order mark (not part of text, as editors show it). */
  bom?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

export function decodeBytes(data: Uint8Array | string): DecodedText {
  if (typeof data === 'string') return { text: data, notUtf8: false, binary: data.includes('\u0000') };
  const binary = data.indexOf(0) >= 0;
  let start = 0;
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3; // BOM
  const body = start ? data.subarray(start) : data;
  try {
    // positions must match what editors show, and editors do not show the BOM
    return { text: utf8.decode(body), notUtf8: false, binary, ...(start ? { bom: true } : {}) };
  } catch {
    return { text: latin1.decode(data), notUtf8: true, binary };
  }
}

/** A FileSystem over a plain object of path → text, for tests and in-memory trees. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string>();
  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.files.set(normalize(p), t);
  }
  set(path: string, text: string): void {
    this.files.set(normalize(path), text);
  }
  delete(path: string): void {
    this.files.delete(normalize(path));
  }
  readFile(path: string): string {
    const t = this.files.get(normalize(path));
    if (t === undefined) throw new Error(`${path}: no such file`);
    return t;
  }
  stat(path: string): FileStat | undefined {
    const p = normalize(path);
    const t = this.files.get(p);
    if (t !== undefined) return { isFile: true, isDirectory: false, size: t.length, mtimeMs: 0 };
    const prefix = p.endsWith('/') ? p : p + '/';
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return { isFile: false, isDirectory: true, size: 0, mtimeMs: 0 };
    return undefined;
  }
  readDir(path: string): string[] | undefined {
    const p = normalize(path);
    const prefix = p.endsWith('/') ? p : p + '/';
    const out = new Set<string>();
    for (const k of this.files.keys()) {
      if (k.startsWith(prefix)) out.add(k.slice(prefix.length).split('/')[0]!);
    }
    return out.size ? [...out].sort() : this.stat(p) ? [] : undefined;
  }
}

/** POSIX-style normalisation (FreeSWITCH conf trees live on POSIX systems). */
export function normalize(path: string): string {
  const abs = path.startsWith('/');
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!abs) parts.push('..');
    } else parts.push(seg);
  }
  return (abs ? '/' : '') + parts.join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/')) return normalize(rel);
  return normalize(`${dir}/${rel}`);
}

export function relativePath(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

/** glob(3) semantics for the patterns FreeSWITCH configs use: `*`, `?`, `[…]` per path segment; results sorted. */
export function globFiles(fs: FileSystem, pattern: string): string[] {
  const norm = normalize(pattern);
  const segs = norm.split('/');
  let bases: string[] = [norm.startsWith('/') ? '/' : '.'];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg === '') continue;
    const next: string[] = [];
    for (const base of bases) {
      if (!hasGlob(seg)) {
        next.push(base === '/' ? `/${seg}` : base === '.' ? seg : `${base}/${seg}`);
        continue;
      }
      const entries = fs.readDir(base) ?? [];
      const re = globSegmentToRegExp(seg);
      for (const e of entries) {
        if (e.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(e)) next.push(base === '/' ? `/${e}` : base === '.' ? e : `${base}/${e}`);
      }
    }
    bases = next;
  }
  return bases.filter((p) => fs.stat(p) !== undefined).sort();
}

export function hasGlob(s: string): boolean {
  return /[*?[]/.test(s);
}

function globSegmentToRegExp(seg: string): RegExp {
  let re = '^';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = seg.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(re + '$');
}
