// Runs every benchmark script in this folder (*.bench.mjs) in turn and prints their figures.
// Each script prints lines "name: value unit (target …)" and exits non-zero only on a crash.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const s of scripts) {
  console.log(`\n## ${s.replace('.bench.mjs', '')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(dir, s)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(${s} exited with ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
