#!/usr/bin/env node
// Bundle the extension and the language server into single CommonJS files with esbuild:
//   client-vscode/bundle/extension.js   (src/extension.ts + vscode-languageclient; `vscode` stays external)
//   client-vscode/bundle/server.js      (server-lsp/src/main.ts + @fsconf/core + their dependencies)
// No node_modules ship in the .vsix, nothing native: it runs wherever the extension host runs
// (local, Remote-SSH, code-server).
//
//   node client-vscode/scripts/build.mjs [--dev]     --dev: no minification, inline source maps
import { build } from 'esbuild';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServer } from '../../scripts/bundle.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ext = join(here, '..');
const repo = join(ext, '..');
const out = join(ext, 'bundle');
const dev = process.argv.includes('--dev');

const serverEntry = join(repo, 'server-lsp', 'src', 'main.ts');
const coreEntry = join(repo, 'packages', 'core', 'src', 'index.ts');
for (const f of [serverEntry, coreEntry]) {
  if (!existsSync(f)) {
    console.error(`build: ${relative(repo, f)} does not exist: the server cannot be bundled`);
    process.exit(1);
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  alias: { '@fsconf/core': coreEntry },
};

await build({
  ...common,
  entryPoints: [join(ext, 'src', 'extension.ts')],
  outfile: join(out, 'extension.js'),
  external: ['vscode'],
});

// the language server: the same build as the npm package's and the single binary's (scripts/bundle.mjs)
await bundleServer(join(out, 'server.js'), { dev });

for (const f of ['extension.js', 'server.js']) {
  console.log(`build: bundle/${f} ${(statSync(join(out, f)).size / 1024).toFixed(0)} KiB`);
}
