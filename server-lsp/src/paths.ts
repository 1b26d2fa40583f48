/**
 * URIs ↔ paths, and finding the conf root(s) for the folders an editor opens.
 */
import { fileURLToPath } from 'node:url';
import { FsconfWorkspace, joinPath, normalize, toUri, type FileSystem } from '@fsconf/core';

/** A `file:` URI to a normalised POSIX path (undefined for other schemes or malformed URIs). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return toUri(path);
}

/** A path or URI from a client (rootUri, rootPath, workspace folder) to a path. */
export function clientPath(uriOrPath: string | null | undefined): string | undefined {
  if (!uriOrPath) return undefined;
  if (uriOrPath.startsWith('file:')) return uriToPath(uriOrPath);
  if (uriOrPath.startsWith('/')) return normalize(uriOrPath);
  return undefined;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/**
 * The conf roots for a folder: the folder of a `freeswitch.xml` at or above it; otherwise the trees
 * found inside it (breadth-first, shallowest first, not descending into a tree once found).
 */
export function confRootsFor(fs: FileSystem, folder: string, opts: { maxDepth?: number; maxDirs?: number } = {}): string[] {
  const up = FsconfWorkspace.rootFor(fs, folder);
  if (up) return [up];
  const maxDepth = opts.maxDepth ?? 4;
  const maxDirs = opts.maxDirs ?? 4000;
  const found: string[] = [];
  let level = [normalize(folder)];
  let seen = 0;
  for (let depth = 0; depth <= maxDepth && level.length && seen < maxDirs; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (++seen > maxDirs) break;
      const entries = fs.readDir(dir);
      if (!entries) continue;
      if (entries.includes('freeswitch.xml') && fs.stat(joinPath(dir, 'freeswitch.xml'))?.isFile) {
        found.push(dir);
        continue;
      }
      for (const e of entries) {
        if (e.startsWith('.') || SKIP_DIRS.has(e)) continue;
        const p = joinPath(dir, e);
        if (fs.stat(p)?.isDirectory) next.push(p);
      }
    }
    level = next;
  }
  return found;
}

/** Is `path` inside folder `dir` (or equal to it)? */
export function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : dir + '/');
}
