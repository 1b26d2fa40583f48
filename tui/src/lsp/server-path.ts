/**
 * Where fsconf-lsp lives: FSCONF_LSP (a .js file) wins; then the installed @fsconf/server-lsp package;
 * then the repository layout (tui/dist/lsp → server-lsp/dist).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

export function serverCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  if (env.FSCONF_LSP) out.push(path.resolve(env.FSCONF_LSP));
  try {
    out.push(fileURLToPath(import.meta.resolve('@fsconf/server-lsp/dist/main.js')));
  } catch {
    // package "exports" may hide the subpath: ask for package.json and follow its bin
  }
  try {
    const pkgFile = fileURLToPath(import.meta.resolve('@fsconf/server-lsp/package.json'));
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin?: string | Record<string, string> };
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['fsconf-lsp'];
    if (bin) out.push(path.join(path.dirname(pkgFile), bin));
  } catch {
    // not installed as a package
  }
  out.push(fileURLToPath(new URL('../../../server-lsp/dist/main.js', import.meta.url)));
  return [...new Set(out)];
}

export function resolveServerPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return serverCandidates(env).find((p) => existsSync(p));
}
