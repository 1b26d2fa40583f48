// Language server figures, measured over stdio against the real built server (server-lsp/dist/main.js):
//  - initialize → first full-tree diagnostics (fsconf/analysisDone) for the vanilla tree
//  - didChange → publishDiagnostics latency on vanilla's largest dialplan (p50/p95 over 200 edits)
//  - hover and completion latency (p95)
//  - server RSS after loading the whole corpus (every XML file opened)
// Prints "name: value unit (target …)" lines; exits non-zero only on a crash. Load average is printed too:
// latencies measured on a busy machine are inflated accordingly.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repo, 'test/corpus/freeswitch');
const vanilla = path.join(corpus, 'vanilla');

import { uri, pct, line, sleep, start, isDone } from './lsp-client.mjs';

{
  const [l1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  line('machine load average (1 min) at start', l1, `on ${(await import('node:os')).cpus().length} CPUs`);
}

// 1. initialize → first full-tree diagnostics
{
  const times = [];
  let files = 0;
  let publishes = 0;
  for (let i = 0; i < 5; i++) {
    const s = start();
    let n = 0;
    const counting = s
      .next((m) => {
        if (m === 'textDocument/publishDiagnostics') n++;
        return false;
      }, 120000)
      .catch(() => undefined);
    void counting;
    const t0 = performance.now();
    const done = s.next(isDone);
    await s.initialize(vanilla);
    const d = await done;
    times.push(d.at - t0);
    files = d.params.files;
    publishes = n;
    await s.stop();
  }
  line('initialize → first full-tree diagnostics, vanilla (median of 5)', pct(times, 50).toFixed(0), 'ms');
  line('files published at start', `${publishes} of ${files}`, 'files');
}

// 2–3. didChange latency, hover, completion
{
  const s = start();
  await s.initialize(vanilla);
  await s.next(isDone);
  const dialplan = path.join(vanilla, 'dialplan/default.xml');
  const dUri = uri(dialplan);
  let text = readFileSync(dialplan, 'utf8');
  // a variable being typed: every edit changes the undefined-var finding, so every edit publishes
  const anchor = '<extension name="unloop">';
  const at = text.indexOf(anchor) + anchor.length;
  const before = text.slice(0, at).split('\n');
  const insLine = before.length - 1;
  const insChar = before[before.length - 1].length;
  const seed = '<bench data="$${bench_v}"/>';
  let version = 1;
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: dUri, languageId: 'xml', version, text } });
  await s.next(isDone);
  const pubFor = (u) => (m, p) => m === 'textDocument/publishDiagnostics' && p.uri === u;
  // insert the seed
  let p = s.next(pubFor(dUri));
  await s.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: dUri, version: ++version },
    contentChanges: [{ range: { start: { line: insLine, character: insChar }, end: { line: insLine, character: insChar } }, text: seed }],
  });
  await p;
  await sleep(150);
  const nameStart = insChar + '<bench data="$${'.length;
  let name = 'bench_v';
  const lat = [];
  const analysisMs = [];
  const WARMUP = 20; // the first edits of a fresh process run cold (JIT): not counted
  for (let i = 0; i < 200 + WARMUP; i++) {
    const newName = `bench_v${i}`;
    p = s.next(pubFor(dUri));
    const done = s.next(isDone);
    const t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: dUri, version: ++version },
      contentChanges: [
        { range: { start: { line: insLine, character: nameStart }, end: { line: insLine, character: nameStart + name.length } }, text: newName },
      ],
    });
    const r = await p;
    const ms = (await done).params.ms;
    if (i >= WARMUP) {
      lat.push(r.at - t0);
      analysisMs.push(ms);
    }
    name = newName;
    await sleep(110); // a pause between keystrokes (the server analyses at once after a quiet spell; bursts are debounced)
  }
  line('didChange → publishDiagnostics, dialplan/default.xml p50 (200 edits after 20 warm-up)', pct(lat, 50).toFixed(1), 'ms');
  line('didChange → publishDiagnostics, dialplan/default.xml p95 (200 edits after 20 warm-up)', pct(lat, 95).toFixed(1), 'ms', '≤ 30 ms');
  line('  of which analysis (server side) p50 / p95', `${pct(analysisMs, 50).toFixed(1)} / ${pct(analysisMs, 95).toFixed(1)}`, 'ms');

  // a typing burst: 20 edits 30 ms apart; how many analyses, and how long after the last edit the last publish came
  {
    let analyses = 0;
    const counter = s
      .next((m) => {
        if (isDone(m)) analyses++;
        return false;
      }, 5000)
      .catch(() => undefined);
    void counter;
    let lastPub = 0;
    const watch = s
      .next((m, prm) => {
        if (m === 'textDocument/publishDiagnostics' && prm.uri === dUri) lastPub = performance.now();
        return false;
      }, 5000)
      .catch(() => undefined);
    void watch;
    let tLast = 0;
    for (let i = 0; i < 20; i++) {
      const newName = `burst_${i}`;
      tLast = performance.now();
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: dUri, version: ++version },
        contentChanges: [
          { range: { start: { line: insLine, character: nameStart }, end: { line: insLine, character: nameStart + name.length } }, text: newName },
        ],
      });
      name = newName;
      await sleep(30);
    }
    await sleep(400);
    line('typing burst (20 edits, 30 ms apart): analyses run', analyses, '', '< 20');
    line('typing burst: last edit → its diagnostics', (lastPub - tLast).toFixed(0), 'ms', '≤ 150 ms + analysis');
  }

  const internal = path.join(vanilla, 'sip_profiles/internal.xml');
  const iText = readFileSync(internal, 'utf8');
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(internal), languageId: 'xml', version: 1, text: iText } });
  await s.next(isDone);
  const off = iText.indexOf('$${internal_auth_calls}');
  const pre = iText.slice(0, off).split('\n');
  const pos = { line: pre.length - 1, character: pre[pre.length - 1].length + 5 };
  const hov = [];
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(internal) }, position: pos });
    if (i >= 20) hov.push(performance.now() - t0);
    if (!h) throw new Error('no hover');
  }
  line('hover latency p50 / p95 (200)', `${pct(hov, 50).toFixed(2)} / ${pct(hov, 95).toFixed(2)}`, 'ms', 'p95 ≤ 10 ms');
  const cpos = { line: pos.line, character: pos.character - 2 }; // right after "$${"
  const comp = [];
  let items = 0;
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    const c = await s.conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(internal) }, position: cpos });
    if (i >= 20) comp.push(performance.now() - t0);
    items = (Array.isArray(c) ? c : (c?.items ?? [])).length;
  }
  line('completion latency p50 / p95 (200)', `${pct(comp, 50).toFixed(2)} / ${pct(comp, 95).toFixed(2)}`, 'ms', 'p95 ≤ 10 ms');
  line('completion items after $${', items, 'items');
  line('server RSS with vanilla loaded', s.rssMB().toFixed(0), 'MB');
  await s.stop();
}

// 4. RSS after loading the whole corpus
{
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (e.endsWith('.xml')) files.push(p);
    }
  };
  walk(corpus);
  const s = start();
  await s.initialize(corpus);
  await s.next(isDone);
  const t0 = performance.now();
  for (const f of files) {
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(f), languageId: 'xml', version: 1, text: readFileSync(f, 'utf8') } });
  }
  // settle: no analysis for 1 s
  for (;;) {
    try {
      await s.next(isDone, 1000);
    } catch {
      break;
    }
  }
  const settled = performance.now() - t0 - 1000;
  line(`open the whole corpus (${files.length} XML files) until analyses settle`, settled.toFixed(0), 'ms');
  line('server RSS after loading the whole corpus', s.rssMB().toFixed(0), 'MB', '≤ 200 MB');
  await s.stop();
}
