// Terminal UI figures, measured in a real pseudo-terminal (util-linux `script`) at 80×24:
//  - launch (`node packages/cli/dist/main.js vanilla`) to the first full Problems view: header with the
//    final counts, no spinner, the list drawn;
//  - keypress-to-redraw in the File view of vanilla's largest XML file: time from writing `j` to the
//    terminal until the frame showing the next line number has been written.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vanilla = path.resolve(repo, 'test/corpus/freeswitch/vanilla');
const cli = path.join(repo, 'packages/cli/dist/main.js');

const line = (name, value, unit, target) => console.log(`${name}: ${value} ${unit}${target ? ` (target ${target})` : ''}`);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

if (spawnSync('script', ['--version']).error) {
  console.log('tui: skipped — needs util-linux `script` for a pseudo-terminal');
  process.exit(0);
}

// eslint-disable-next-line no-control-regex -- matches the terminal's ESC and BEL sequences
const ANSI = /\u001b\[[0-9;?<>=]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78DEHM]/g;

/** A TUI in a pty. `frame()` is the text written since the last header, i.e. the latest frame. */
function launch(dir, extraEnv = {}) {
  const cmd = `stty rows 24 cols 80; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${JSON.stringify(dir)}`;
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], {
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'xterm-256color', NO_COLOR: '1', ...extraEnv },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => {
    text += d.replace(ANSI, '');
    if (text.length > 200000) text = text.slice(-100000);
    const now = performance.now();
    for (const w of [...waiters]) {
      if (w.pred(frame())) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(now);
      }
    }
  });
  const frame = () => {
    const i = text.lastIndexOf('fsconf  ');
    return i < 0 ? '' : text.slice(i);
  };
  return {
    child,
    frame,
    send: (s) => child.stdin.write(s),
    until(pred, what, ms = 30000) {
      if (pred(frame())) return Promise.resolve(performance.now());
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`timed out waiting for ${what}; last frame:\n${frame().slice(0, 2000)}`));
          }
        }, ms);
      });
    },
    async quit() {
      child.stdin.write('q');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

const fullProblems = (f) => /Problems \(\d+\)/.test(f) && /✖ \d+ errors?/.test(f) && !f.split('\n')[0].includes('analysing') && f.includes('❯');

function largestXml(dir) {
  let best = { size: -1, file: '' };
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.xml')) {
        const size = statSync(p).size;
        if (size > best.size) best = { size, file: p };
      }
    }
  };
  walk(dir);
  return best;
}

const work = mkdtempSync(path.join(tmpdir(), 'fsconf-tui-bench-'));
const conf = path.join(work, 'vanilla');
cpSync(vanilla, conf, { recursive: true });

// 1. launch to the first full Problems view
const bundled = existsSync(path.join(repo, 'tui/dist/render.bundle.js'));
async function launches(env) {
  const out = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const tui = launch(conf, env);
    const t1 = await tui.until(fullProblems, 'the first full Problems view');
    out.push(t1 - t0);
    await tui.quit();
  }
  return out;
}
const plain = await launches({ FSCONF_TUI_NO_BUNDLE: '1' });
line('tui launch to first full Problems view, vanilla, unbundled UI (median of 5)', pct(plain, 50).toFixed(0), 'ms', '≤ 1500 ms');
if (bundled) {
  const b = await launches({});
  line('tui launch to first full Problems view, vanilla, bundled UI (median of 5)', pct(b, 50).toFixed(0), 'ms', '≤ 1500 ms');
} else console.log('(tui/dist/render.bundle.js not built: `node tui/scripts/bundle.mjs` makes start-up faster)');

// 2. keypress-to-redraw in the File view of the largest file
const big = largestXml(conf);
const rel = path.relative(conf, big.file);
const name = path.basename(big.file);
const tui = launch(conf);
await tui.until(fullProblems, 'the Problems view');
tui.send('\t');
await tui.until((f) => /Files \(\d+\)/.test(f) && f.includes('enter open  / find'), 'the Files view');
tui.send('/');
await tui.until((f) => f.includes('part of a file path'), 'the file filter');
tui.send(name);
await tui.until((f) => f.includes(`/${name}`), 'the typed filter');
tui.send('\r');
await tui.until((f) => f.includes('1 files;'), 'one file found');
tui.send('\r');
const esc = name.replace(/\./g, '\\.');
// the title row "── <file>  <line>/<lines> ──" (whole: a frame may arrive in pieces)
const title = (f) => new RegExp(`${esc}  (\\d+)/(\\d+) ─`).exec(f);
await tui.until((f) => title(f)?.[1] === '1', 'the File view');
const m = title(tui.frame());
const lines = Number(m[2]);
const samples = [];
let at = 1;
for (let i = 0; i < 60; i++) {
  await new Promise((r) => setTimeout(r, 15)); // let the hover settle like a person reading
  const key = at >= lines ? 'k' : 'j';
  const next = key === 'j' ? at + 1 : at - 1;
  const t0 = performance.now();
  tui.send(key);
  const t1 = await tui.until((f) => f.includes(`${name}  ${next}/${lines} ─`), `line ${next}`);
  samples.push(t1 - t0);
  at = next;
}
const pages = [];
for (const key of ['\u001b[6~', '\u001b[6~', '\u001b[5~', 'G', 'g', '\u001b[6~', 'G', 'g']) {
  const lineOf = (f) => title(f)?.[1];
  const before = lineOf(tui.frame());
  const t0 = performance.now();
  tui.send(key);
  const t1 = await tui.until(
    (f) => {
      const cur = lineOf(f);
      return cur !== undefined && cur !== before;
    },
    `a redraw after ${JSON.stringify(key)}`,
  );
  pages.push(t1 - t0);
}
await tui.quit();
rmSync(work, { recursive: true, force: true });
line(
  `tui keypress-to-redraw, File view of ${rel} (${lines} lines, ${(big.size / 1024).toFixed(0)} KB), j/k p50 of ${samples.length}`,
  pct(samples, 50).toFixed(1),
  'ms',
  '≤ 50 ms',
);
line('tui keypress-to-redraw, j/k p95', pct(samples, 95).toFixed(1), 'ms', '≤ 50 ms');
line('tui keypress-to-redraw, PgDn/PgUp/g/G max', Math.max(...pages).toFixed(1), 'ms', '≤ 50 ms');
