// Foundation figures: cold `fsconf lint` of the vanilla tree (process start to exit), warm re-analysis
// in-process, and xmllint --noout over the same files for scale.
import { spawnSync, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vanilla = path.resolve(repo, 'test/corpus/freeswitch/vanilla');
const cli = path.join(repo, 'packages/cli/dist/main.js');
const core = await import(path.join(repo, 'packages/core/dist/index.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (name, value, unit, target) => console.log(`${name}: ${value} ${unit}${target ? ` (target ${target})` : ''}`);

// cold CLI
const cold = [];
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, 'lint', vanilla, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  cold.push(performance.now() - t);
  if (r.status === 2) throw new Error(r.stderr);
}
line('cold fsconf lint vanilla (median of 7)', median(cold).toFixed(0), 'ms', '≤ 600 ms');

// warm in-process full analysis
const fs = new core.NodeFileSystem();
const a0 = core.analyze(fs, { root: vanilla });
const files = a0.tree.order.map((d) => d.path);
for (let i = 0; i < 3; i++) core.analyze(fs, { root: vanilla });
const warm = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  core.analyze(fs, { root: vanilla });
  warm.push(performance.now() - t);
}
const fullMs = median(warm);
line('warm full analysis vanilla, every file re-parsed (median of 15)', fullMs.toFixed(1), 'ms');
// warm re-analysis as the language server does it: unchanged files are not re-parsed (parse cache)
const cache = new Map();
core.analyze(fs, { root: vanilla, cache });
const cached = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  core.analyze(fs, { root: vanilla, cache });
  cached.push(performance.now() - t);
}
const warmMs = median(cached);
line('warm re-analysis vanilla, unchanged files cached (median of 15)', warmMs.toFixed(1), 'ms');
line('files in vanilla tree', files.length, 'files');

// xmllint baseline
let xmllint = true;
try {
  execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
} catch {
  xmllint = false;
}
if (xmllint) {
  const xs = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync('xmllint', ['--noout', ...files], { stdio: 'ignore' });
    xs.push(performance.now() - t);
  }
  const x = median(xs);
  line('xmllint --noout on the same files (median of 5)', x.toFixed(1), 'ms');
  line('warm re-analysis / xmllint', (warmMs / x).toFixed(2), '×', '≤ 2×');
  line('full re-parse analysis / xmllint', (fullMs / x).toFixed(2), '×');
} else console.log('xmllint: not installed (apt-get install libxml2-utils)');
