// Single-file builds: replaces tui/src/lsp/server-path.ts (scripts/bundle.mjs). The terminal UI starts the
// server from the same build: the single binary runs itself as `fsconf lsp --stdio`; the npm package runs
// its bin/fsconf-lsp.cjs with this Node. FSCONF_LSP (a .js file) still wins.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

function isSea(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- node:sea is loaded only where it exists (a static import would not resolve elsewhere)
    return (require('node:sea') as { isSea(): boolean }).isSea();
  } catch {
    return false;
  }
}

export function serverCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.FSCONF_LSP) return [path.resolve(env.FSCONF_LSP)];
  return [isSea() ? process.execPath : path.join(__dirname, '..', 'bin', 'fsconf-lsp.cjs')];
}

export function resolveServerPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return serverCandidates(env).find((p) => existsSync(p));
}
