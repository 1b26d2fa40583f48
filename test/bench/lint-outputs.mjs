// Guard for cold-start work: `fsconf lint --format json` (and text, sarif) over every tree of test/corpus/freeswitch,
// written to a folder, so that the output of a build before and after a change can be compared byte for byte.
//   node test/bench/lint-outputs.mjs <out-dir> [command…]      write <tree>.json / .txt / .sarif and exit codes
//   node test/bench/lint-outputs.mjs --compare <dir-a> <dir-b>  exit 1 if any file differs
// The command defaults to the workspace build (node packages/cli/dist/main.js); give e.g. `dist/package/bin/fsconf.cjs`
// or `dist/fsconf-linux-x64` to check a shipped build. Not a *.bench.mjs: `npm run bench` does not run it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.join(repo, 'test/corpus/freeswitch');
const [first, ...rest] = process.argv.slice(2);

if (first === '--compare') {
  const [a, b] = rest;
  const names = [...new Set([...readdirSync(a), ...readdirSync(b)])].sort();
  let differ = 0;
  for (const n of names) {
    let x, y;
    try {
      x = readFileSync(path.join(a, n));
      y = readFileSync(path.join(b, n));
    } catch {
      console.log(`${n}: only in one folder`);
      differ++;
      continue;
    }
    if (!x.equals(y)) {
      console.log(`${n}: differs`);
      differ++;
    }
  }
  console.log(`${names.length} files compared, ${differ} differ`);
  process.exit(differ ? 1 : 0);
}

if (!first) {
  console.error('usage: lint-outputs.mjs <out-dir> [command…] | --compare <dir-a> <dir-b>');
  process.exit(2);
}
const out = path.resolve(first);
mkdirSync(out, { recursive: true });
const [cmd, ...pre] = rest.length ? rest : [process.execPath, path.join(repo, 'packages/cli/dist/main.js')];
const trees = readdirSync(corpus)
  .filter((d) => statSync(path.join(corpus, d)).isDirectory())
  .sort();
// the whole corpus too: one run over many roots
for (const tree of [...trees, '.']) {
  const name = tree === '.' ? 'all' : tree;
  for (const format of ['json', 'text', 'sarif']) {
    const r = spawnSync(cmd, [...pre, 'lint', path.join('test/corpus/freeswitch', tree), '--format', format], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 28,
    });
    writeFileSync(path.join(out, `${name}.${format === 'text' ? 'txt' : format}`), r.stdout);
    writeFileSync(path.join(out, `${name}.${format}.rc`), `${r.status}\n${r.stderr}`);
  }
}
console.log(`${trees.length + 1} trees linted into ${path.relative(process.cwd(), out) || '.'}`);
