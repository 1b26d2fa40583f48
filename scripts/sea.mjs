#!/usr/bin/env node
// `npm run sea`: dist/fsconf-linux-x64 — fsconf as one executable for a switch without Node: Node 20's
// single executable application (SEA) carrying the same bundle as the npm package (scripts/bundle.mjs,
// the example tree embedded), started by lib/loader.cjs; blob made by `node --experimental-sea-config`
// (useCodeCache), injected with postject. Also dist/fsconf-linux-x64.xz for download.
//
// The blob is rebuilt only when the bundle, the loader or this Node changed (dist/sea/stamp holds the
// hash), so `npm test` pays for the build once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bundleFsconf, REPO } from './bundle.mjs';

const require = createRequire(import.meta.url);
const dist = join(REPO, 'dist');
const work = join(dist, 'sea');
const out = join(dist, `fsconf-${process.platform}-${process.arch}`);
const quiet = process.argv.includes('--quiet');
const log = (m) => quiet || console.log(m);

if (process.platform !== 'linux') {
  console.error(`sea: builds the Linux binary; this is ${process.platform}`);
  process.exit(1);
}
const started = Date.now();
mkdirSync(work, { recursive: true });
const bundle = join(work, 'fsconf.cjs');
const loader = join(work, 'loader.cjs');
await bundleFsconf(bundle, { sea: true });
copyFileSync(join(REPO, 'scripts/bundle/loader.cjs'), loader);

const hash = createHash('sha256');
for (const f of [bundle, loader, process.execPath]) hash.update(f === process.execPath ? `${process.version}-${statSync(f).size}` : readFileSync(f));
const stamp = hash.digest('hex');
const stampFile = join(work, 'stamp');
if (existsSync(out) && existsSync(`${out}.xz`) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  log(`sea: ${out.slice(REPO.length + 1)} is up to date`);
  process.exit(0);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`sea: ${[cmd, ...args].join(' ')} failed (${r.status ?? r.signal})\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  return r;
}

const config = {
  main: 'loader.cjs',
  output: 'fsconf.blob',
  disableExperimentalSEAWarning: true,
  useCodeCache: true,
  assets: { 'fsconf.cjs': 'fsconf.cjs' },
};
writeFileSync(join(work, 'sea-config.json'), JSON.stringify(config, null, 2));
run(process.execPath, ['--experimental-sea-config', 'sea-config.json']);

rmSync(out, { force: true });
copyFileSync(process.execPath, out);
chmodSync(out, 0o755);
// Node's own binary may carry its debug symbols (about half of its 95 MB): a switch does not need them
if (spawnSync('strip', ['--version'], { stdio: 'ignore' }).status === 0) run('strip', ['--strip-all', out]);
else log("sea: no strip (binutils): the binary keeps Node's debug symbols");
const postject = join(dirname(require.resolve('postject/package.json')), 'dist', 'cli.js');
run(process.execPath, [postject, out, 'NODE_SEA_BLOB', join(work, 'fsconf.blob'), '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2']);
const check = spawnSync(out, ['--version'], { encoding: 'utf8', env: { ...process.env, FSCONF_CODE_CACHE: '0' } });
if (check.status !== 0 || !check.stdout.startsWith('fsconf ')) {
  console.error(`sea: the binary does not run: ${check.status} ${check.stdout}${check.stderr}`);
  process.exit(1);
}
const built = Date.now() - started;
rmSync(`${out}.xz`, { force: true });
run('xz', ['-T0', '-6', '-k', '-f', out]);
writeFileSync(stampFile, stamp);
const mib = (f) => `${(statSync(f).size / 1048576).toFixed(1)} MiB`;
log(
  `sea: ${out.slice(REPO.length + 1)} ${mib(out)}, .xz ${mib(`${out}.xz`)} (binary ${built} ms, with xz ${Date.now() - started} ms); Node ${process.version}`,
);
