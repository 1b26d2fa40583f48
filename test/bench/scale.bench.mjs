// Scale figures on the generated large tree (npm run gen:large): cold `fsconf lint`, and warm
// re-analysis after editing one user file as the language server does it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const large = path.join(repo, 'test/.large');
if (!fs.existsSync(path.join(large, 'freeswitch.xml'))) spawnSync(process.execPath, [path.join(repo, 'test/scale/gen-large.mjs'), large], { stdio: 'inherit' });
const core = await import(path.join(repo, 'packages/core/dist/index.js'));
const line = (name, value, unit, target) => console.log(`${name}: ${value} ${unit}${target ? ` (target ${target})` : ''}`);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

let bytes = 0;
let files = 0;
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else {
      bytes += fs.statSync(p).size;
      files++;
    }
  }
};
walk(large);
line('large tree', `${(bytes / 1048576).toFixed(1)} MB in ${files}`, 'files');

const colds = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(repo, 'packages/cli/dist/main.js'), 'lint', large, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  colds.push(performance.now() - t);
  if (r.status === 2) throw new Error(r.stderr);
}
line('cold fsconf lint large tree (median of 3)', pct(colds, 0.5).toFixed(0), 'ms', '≤ 5000 ms');

let ws = new core.FsconfWorkspace(new core.NodeFileSystem(), large);
let t = performance.now();
ws.analysis();
line('first analysis in-process', (performance.now() - t).toFixed(0), 'ms');
const userFile = path.join(large, 'directory/default/users07.xml');
const text = fs.readFileSync(userFile, 'utf8');
ws.open(userFile, text);
ws.analysis();
const warm = [];
let first = 0;
for (let i = 0; i < 45; i++) {
  ws.change(userFile, text.replace('Extension 10700', `Extension edit ${i}`));
  t = performance.now();
  ws.analysis();
  // the first edits also compile the incremental code paths (JIT): reported apart, as for the LSP below
  if (i === 0) first = performance.now() - t;
  if (i >= 5) warm.push(performance.now() - t);
}
line('first re-analysis after editing one user file (cold code paths)', first.toFixed(1), 'ms');
line('warm re-analysis after editing one user file (p50 of 40)', pct(warm, 0.5).toFixed(1), 'ms', '≤ 100 ms');
line('warm re-analysis after editing one user file (p95 of 40)', pct(warm, 0.95).toFixed(1), 'ms', '≤ 100 ms');
if (global.gc) global.gc();
line('analysis heap after load', (process.memoryUsage().heapUsed / 1048576).toFixed(0), 'MB');
// this process, for comparison only: the target is the language server's RSS, measured below
line('bench process RSS after load and the edits', (process.memoryUsage().rss / 1048576).toFixed(0), 'MB');

// The language server on the large tree: didChange → diagnostics on the 10 000-extension dialplan, RSS.
// (this process lets go of its own analysis first: the server should not compete with a 500 MB neighbour)
ws = undefined;
if (global.gc) global.gc();
{
  const { uri, start, isDone, sleep } = await import('./lsp-client.mjs');
  const s = start();
  let t0 = performance.now();
  const done = s.next(isDone, 180000);
  await s.initialize(large);
  await done;
  line('LSP initialize → first full-tree diagnostics, large tree', (performance.now() - t0).toFixed(0), 'ms');
  const big = path.join(large, 'dialplan/zz_big.xml');
  const u = uri(big);
  const text = fs.readFileSync(big, 'utf8');
  const count = (text.match(/<extension /g) ?? []).length;
  let version = 1;
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'xml', version, text } });
  await s.next(isDone, 60000);
  // each edit renames an undefined $${} variable in an action: every edit changes this file's findings
  const anchor = '<extension name="big_5000">';
  const at = text.slice(0, text.indexOf(anchor) + anchor.length).split('\n');
  const ln = at.length - 1;
  const ch = at[at.length - 1].length;
  await s.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: u, version: ++version },
    contentChanges: [{ range: { start: { line: ln, character: ch }, end: { line: ln, character: ch } }, text: '<x a="$${v}"/>' }],
  });
  await s.next((m, p) => m === 'textDocument/publishDiagnostics' && p.uri === u, 60000);
  await sleep(200);
  let name = 'v';
  const lat = [];
  for (let i = 0; i < 45; i++) {
    const next = `v${i}`;
    const pub = s.next((m, p) => m === 'textDocument/publishDiagnostics' && p.uri === u, 60000);
    t0 = performance.now();
    const c0 = ch + '<x a="$${'.length;
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: u, version: ++version },
      contentChanges: [{ range: { start: { line: ln, character: c0 }, end: { line: ln, character: c0 + name.length } }, text: next }],
    });
    await pub;
    if (i >= 5) lat.push(performance.now() - t0);
    name = next;
    await sleep(160);
  }
  line(`LSP didChange → publishDiagnostics, ${count}-extension dialplan p50 (40 edits)`, pct(lat, 0.5).toFixed(1), 'ms');
  line(`LSP didChange → publishDiagnostics, ${count}-extension dialplan p95 (40 edits)`, pct(lat, 0.95).toFixed(1), 'ms', '≤ 100 ms');
  // typing a new element a key at a time (80 ms apart): the text is not well-formed until the last key,
  // so each analysis parses the whole file (keeping the elements it did not change)
  {
    const typed = '<action application="log" data="INFO hi"/>';
    let col = 0;
    const after = [];
    for (let round = 0; round < 3; round++) {
      for (const c of typed) {
        await s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri: u, version: ++version },
          contentChanges: [{ range: { start: { line: ln + 1, character: col }, end: { line: ln + 1, character: col } }, text: c }],
        });
        col++;
        await sleep(80);
      }
      const want = version;
      t0 = performance.now();
      await s.next((m, p) => m === 'textDocument/publishDiagnostics' && p.uri === u && p.version === want, 60000);
      after.push(performance.now() - t0 + 80);
      await sleep(500);
    }
    line('LSP typing an element key by key (80 ms apart) in that file: last key → its diagnostics, median of 3', pct(after, 0.5).toFixed(0), 'ms');
  }
  line('LSP server RSS right after the edits', s.rssMB().toFixed(0), 'MB');
  await sleep(3000); // the server collects its garbage once the user pauses
  line('LSP server RSS with the large tree loaded, at rest after the edits', s.rssMB().toFixed(0), 'MB', '≤ 500 MB');
  await s.stop();
}
