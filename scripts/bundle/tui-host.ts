// Single-file builds: replaces tui/src/host.ts (scripts/bundle.mjs). The Ink half is in the same file;
// the example tree is a folder beside lib/ in the npm package, and inside the single binary (written out
// to a scratch folder when it is opened).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// @ts-expect-error virtual module of scripts/bundle.mjs: { relative path: text } in the single binary, {} otherwise
import embedded from 'fsconf:example';

export function exampleDir(): string {
  const files = embedded as Record<string, string>;
  if (!Object.keys(files).length) return path.join(__dirname, '..', 'example');
  const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-example-src-'));
  // the UI opens a scratch copy of this folder (findConfDir): this one goes when the program ends
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export async function loadRender(): Promise<typeof import('../../tui/src/render.js')> {
  return import('../../tui/src/render.js');
}

export function renderModule(): string {
  return 'bundled';
}
