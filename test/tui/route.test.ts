/**
 * The Route dialog end to end, in tmux at 80×24 on a copy of FreeSWITCH's vanilla tree: reached with `S`
 * (listed in Help), the inputs, the simulated steps from the real fsconf-lsp, enter opens a step's file.
 * Build first: `npm run build`.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, CORPUS, LSP, REPO } from '../helpers.js';
import { Tmux, requireTmux } from './tmux.js';

let sessions: Tmux[] = [];
let dirs: string[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  sessions = [];
  dirs = [];
});

beforeAll(() => {
  requireTmux();
  for (const f of [CLI, LSP, path.join(REPO, 'tui', 'dist', 'main.js')]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
});

const ready = (s: string) => /^fsconf\s/.test(s) && !s.split('\n')[0]!.includes('analysing') && /Problems \(\d+\)/.test(s);
const selected = (s: string) => s.split('\n').find((l) => l.startsWith('>')) ?? '';
/** The selected step's row and text: one of them changes when j moves (two steps may read alike). */
const marker = (s: string) => `${s.split('\n').findIndex((l) => l.startsWith('>'))}:${selected(s)}`;

describe('TUI Route dialog', () => {
  it('simulates external 203.0.113.7 → 1000 on vanilla, shows the steps, and opens the transfer step in public.xml', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-tui-route-'));
    dirs.push(dir);
    const conf = path.join(dir, 'conf');
    cpSync(path.join(CORPUS, 'vanilla'), conf, { recursive: true });
    const t = new Tmux('route', path.join(dir, 'exit-status'));
    sessions.push(t);
    t.start([process.execPath, CLI, conf, '--readonly'], {
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      HOME: dir,
      PATH: process.env.PATH ?? '',
    });
    await t.waitFor(ready, 'the Problems view', 40000);
    t.keys('?');
    await t.waitFor((s) => /\bS\s+Route: simulate a call/.test(s), 'the Help entry for the Route dialog');
    t.keys('Escape');
    await t.waitFor((s) => /Problems \(\d+\)/.test(s) && !/Route: simulate a call/.test(s), 'back from Help');
    t.keys('S');
    await t.waitFor((s) => s.includes('Route: simulate a call (fsconf.route)'), 'the Route dialog');
    t.text('external');
    t.keys('Tab');
    t.text('203.0.113.7');
    t.keys('Tab');
    t.text('1000');
    t.keys('Enter');
    let s = await t.waitFor(
      (x) => /outcome: bridge user\/1000@\S+ — stays on the switch/.test(x) || /\d+ steps · j\/k select/.test(x),
      'the simulated steps',
      30000,
    );
    expect(s).toMatch(/admitted without authentication/);
    expect(s).toMatch(/\d+ steps · j\/k select/);
    // walk down to the transfer in public.xml
    for (let i = 0; i < 80 && !/transfer\(1000 XML default\)/.test(selected(s)); i++) {
      const before = marker(s);
      t.keys('j');
      // the next j only once this one is on the screen: a screen that lags behind made the walk overshoot
      s = await t.waitFor((x) => marker(x) !== before, 'the next step selected', 5000).catch(() => t.capture());
    }
    expect(selected(s)).toMatch(/public\.xml:\d+\s+.*transfer\(1000 XML default\)/);
    const line = Number(/public\.xml:(\d+)/.exec(selected(s))![1]);
    t.keys('Enter');
    s = await t.waitFor((x) => new RegExp(`public\\.xml\\s+${line}/\\d+`).test(x), 'public.xml at the transfer line in the File view');
    expect(s).toMatch(/application="transfer" data="\$1 XML default"/);
    // the outcome is at the end of the steps
    t.keys('S');
    await t.waitFor((x) => x.includes('Route: simulate a call (fsconf.route)'), 'the Route dialog again');
    t.text('internal');
    t.keys('Tab');
    t.text('203.0.113.7');
    t.keys('Tab');
    t.text('1000');
    t.keys('Enter');
    s = await t.waitFor((x) => /challenged \(407 Proxy Authentication Required\)/.test(x), 'the challenge', 30000);
    t.keys('Escape');
    t.keys('q');
    expect(await t.exitCode()).toBe(0);
  }, 120000);
});
