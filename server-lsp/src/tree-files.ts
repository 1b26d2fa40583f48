/**
 * The XML files under a conf root, as `fsconf lint ROOT` lists them (packages/cli/src/lint.ts): sorted,
 * node_modules and .git skipped, bounded. "Lint the whole configuration" analyses these, so the editor's
 * count and the CLI's agree.
 */
import type { FileSystem } from '@fsconf/core';

const SKIP_DIRS = new Set(['node_modules', '.git']);
/** The tree limit of the engine (README: a tree holds at most 20 000 files). */
const LIMIT = 20000;

export function xmlFilesUnder(fs: FileSystem, root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of [...(fs.readDir(dir) ?? [])].sort((a, b) => (a < b ? -1 : 1))) {
      if (out.length >= LIMIT) return;
      const p = `${dir}/${name}`;
      const st = fs.stat(p);
      if (st?.isDirectory) {
        if (!SKIP_DIRS.has(name)) walk(p);
      } else if (st?.isFile && /\.xml$/i.test(name)) out.push(p);
    }
  };
  walk(root.replace(/\/+$/, ''));
  return out;
}
