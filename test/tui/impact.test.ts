/**
 * The Problems view by impact, in a real terminal (tmux, 80×24) against the real fsconf-lsp: on vanilla
 * with one file FreeSWITCH cannot parse and a file of repetitive warnings, the first screen starts with the
 * configuration that will not load, then what admits strangers; the 21 users sharing $${default_password}
 * are one line that enter expands; the repetitive warnings are one line.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, CORPUS, LSP } from '../helpers.js';
import { Tmux, requireTmux } from './tmux.js';

let dir: string | undefined;
let tmux: Tmux | undefined;
afterEach(() => {
  tmux?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
  tmux = undefined;
  dir = undefined;
});
beforeAll(() => {
  requireTmux();
  for (const f of [CLI, LSP]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npx tsc -b\` first`);
});

const ready = (s: string) => /^fsconf\s/.test(s) && !s.split('\n')[0]!.includes('analysing') && /Problems \(\d+\)/.test(s);
const rowsOf = (s: string) => s.split('\n').slice(2, 21);

describe('TUI Problems by impact', () => {
  it('will-not-load first, then profiles open to strangers; one line per cause and per repetitive rule', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fsconf-impact-'));
    const conf = path.join(dir, 'conf');
    cpSync(path.join(CORPUS, 'vanilla'), conf, { recursive: true });
    // a file FreeSWITCH cannot parse (an unclosed comment), and one with many bare '&' (xml/strict warnings)
    writeFileSync(path.join(conf, 'autoload_configs', 'zz_broken.conf.xml'), '<configuration name="zz.conf">\n  <!-- -- oops\n</configuration>\n');
    const amp = Array.from({ length: 8 }, (_, i) => `    <param name="p${i}" value="a & b"/>`).join('\n');
    writeFileSync(
      path.join(conf, 'autoload_configs', 'amp.conf.xml'),
      `<configuration name="amp.conf">\n  <settings>\n${amp}\n  </settings>\n</configuration>\n`,
    );
    tmux = new Tmux('impact', path.join(dir, 'exit-status'));
    tmux.start([process.execPath, CLI, conf, '--readonly'], {
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      HOME: dir,
      PATH: process.env.PATH ?? '',
    });
    const first = await tmux.waitFor((s) => ready(s) && s.includes('share'), 'the Problems view', 60000);
    const rows = rowsOf(first);
    if (process.env.FSCONF_SHOW_SCREEN) console.log(first);
    // the broken file is the first block; the profiles that take calls from anyone come before plain errors
    expect(rows[0]).toMatch(/zz_broken\.conf\.xml/);
    expect(rows[1]).toMatch(/✖/);
    const openProfile = rows.findIndex((r) => r.includes('no apply-inbound-acl: profile external'));
    const sharedGroup = rows.findIndex((r) => r.includes('21 users share the weak $${default_password} set at vars.xml:15'));
    expect(openProfile).toBeGreaterThan(1);
    expect(sharedGroup).toBeGreaterThan(openProfile);
    // none of the 21 users' own lines is on the first screen
    expect(first).not.toMatch(/user 1000's password/);
    // enter on the group lists its members; h closes it again
    for (let i = 0; i < sharedGroup; i++) tmux.keys('j');
    await tmux.waitFor((s) => (s.split('\n').find((l) => l.startsWith('❯')) ?? '').includes('21 users share'), 'the group selected');
    tmux.keys('Enter');
    await tmux.waitFor((s) => s.includes('▾ ✖ 21 users share') && s.includes('21 findings'), 'the group expanded');
    // its members follow it (the list scrolls to them as the cursor moves down)
    tmux.keys('j', 'j');
    const open = await tmux.waitFor((s) => /1001\.xml:4/.test(s), 'the second member');
    expect(open).toMatch(/1000\.xml:4/);
    tmux.keys('k', 'k');
    await tmux.waitFor((s) => (s.split('\n').find((l) => l.startsWith('❯')) ?? '').includes('21 users share'), 'the group selected again');
    tmux.keys('h');
    await tmux.waitFor((s) => s.includes('▸ ✖ 21 users share') && !/1000\.xml:4/.test(s), 'the group closed');
    // the 8 xml/strict warnings of amp.conf.xml are one line
    tmux.keys('/');
    await tmux.waitFor((s) => s.includes('words to match'), 'the filter prompt');
    tmux.text('amp.conf');
    tmux.keys('Enter');
    const amps = await tmux.waitFor((s) => /8 × xml\/strict in this file/.test(s), 'the folded warnings');
    expect(amps.match(/value="a & b"|bare/g)?.length ?? 0).toBeLessThanOrEqual(1); // at most the detail line
  }, 120000);
});
