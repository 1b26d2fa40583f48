#!/usr/bin/env node
// `npm run pack`: dist/fsconf-<version>.tgz — one npm package named `fsconf`, no dependencies:
//   bin/fsconf.cjs, bin/fsconf-lsp.cjs   the two commands (a few lines: they start lib/loader.cjs)
//   lib/fsconf.cjs                        the CLI, terminal UI and language server in one file (esbuild),
//                                         knowledge base included (scripts/bundle.mjs)
//   lib/loader.cjs                        runs it through V8's code cache (fast cold start)
//   example/                              the example conf tree the terminal UI opens without /etc/freeswitch
// Install: npm install -g ./dist/fsconf-<version>.tgz   (works offline: nothing to fetch)
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFsconf, kib, REPO } from './bundle.mjs';

const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const version = root.version;
const cliVersion = /VERSION = '([^']+)'/.exec(readFileSync(join(REPO, 'packages/cli/src/version.ts'), 'utf8'))?.[1];
if (cliVersion !== version) {
  console.error(`pack: packages/cli/src/version.ts says ${cliVersion}, package.json ${version}: make them equal`);
  process.exit(1);
}
const dist = join(REPO, 'dist');
const stage = join(dist, 'package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'bin'), { recursive: true });
mkdirSync(join(stage, 'lib'), { recursive: true });

const started = Date.now();
await bundleFsconf(join(stage, 'lib/fsconf.cjs'));
copyFileSync(join(REPO, 'scripts/bundle/loader.cjs'), join(stage, 'lib/loader.cjs'));
const bin = (args) => `#!/usr/bin/env node\n'use strict';\nrequire('../lib/loader.cjs').start(${JSON.stringify(args)});\n`;
writeFileSync(join(stage, 'bin/fsconf.cjs'), bin([]));
writeFileSync(join(stage, 'bin/fsconf-lsp.cjs'), bin(['lsp']));
for (const f of ['fsconf.cjs', 'fsconf-lsp.cjs']) chmodSync(join(stage, 'bin', f), 0o755);
cpSync(join(REPO, 'tui/example'), join(stage, 'example'), { recursive: true });
for (const f of ['README.md', 'RULES.md']) copyFileSync(join(REPO, f), join(stage, f));

const pkg = {
  name: 'fsconf',
  version,
  description: root.description,
  license: root.license,
  keywords: ['freeswitch', 'sofia', 'sip', 'xml', 'lsp', 'linter'],
  bin: { fsconf: 'bin/fsconf.cjs', 'fsconf-lsp': 'bin/fsconf-lsp.cjs' },
  files: ['bin', 'lib', 'example', 'README.md', 'RULES.md'],
  engines: { node: '>=20' },
};
writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

const r = spawnSync('npm', ['pack', '--silent', '--pack-destination', dist], { cwd: stage, encoding: 'utf8' });
if (r.status !== 0) {
  console.error(`pack: npm pack failed\n${r.stderr}`);
  process.exit(1);
}
const tgz = join(dist, `fsconf-${version}.tgz`);
console.log(`pack: dist/fsconf-${version}.tgz ${kib(tgz)} (lib/fsconf.cjs ${kib(join(stage, 'lib/fsconf.cjs'))}, ${Date.now() - started} ms)`);
