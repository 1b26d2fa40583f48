#!/usr/bin/env node
// `npm run package` (root): bundle client + server with esbuild, then pack client-vscode/fsconf-<version>.vsix
// with vsce, and check what went in (bundles present, no node_modules, under 2 MB).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listVsix } from './vsix.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ext = join(here, '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8'));
const vsixName = `fsconf-${pkg.version}.vsix`;
const vsixPath = join(ext, vsixName);
const MAX_BYTES = 2 * 1024 * 1024;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ext, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package: ${[cmd, ...args].join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}

run(process.execPath, [join(here, 'build.mjs')]);
if (!existsSync(join(ext, 'icon.png'))) run(process.execPath, [join(here, 'make-icon.mjs')]);

const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
rmSync(vsixPath, { force: true });
run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsixPath]);

const entries = listVsix(vsixPath);
const names = entries.map((e) => e.name);
const problems = [];
for (const need of ['extension/bundle/extension.js', 'extension/bundle/server.js', 'extension/package.json', 'extension/icon.png']) {
  if (!names.includes(need)) problems.push(`missing ${need}`);
}
if (names.some((n) => n.includes('node_modules/'))) problems.push('contains node_modules');
const size = statSync(vsixPath).size;
if (size >= MAX_BYTES) problems.push(`${size} bytes is not under 2 MB`);
if (problems.length) {
  console.error(`package: ${vsixName}: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`package: client-vscode/${vsixName} ${(size / 1024).toFixed(0)} KiB, ${entries.length} files`);
