/**
 * The TUI's Assembled view in a real terminal (tmux, 80×24) against the real fsconf-lsp: the configuration
 * FreeSWITCH loads, section by section, and `enter` opening the file an element is written in.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, CORPUS, LSP } from '../helpers.js';
import { Tmux, requireTmux } from './tmux.js';

let session: Tmux | undefined;
let dir = '';
afterEach(() => {
  session?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeAll(() => {
  requireTmux();
  for (const f of [CLI, LSP]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npx tsc -b\` first`);
});

describe('TUI Assembled view', () => {
  it('tab to Assembled, s picks the section, enter opens where an element is written', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fsconf-tui-assembled-'));
    const conf = path.join(dir, 'conf');
    cpSync(path.join(CORPUS, 'vanilla'), conf, { recursive: true });
    const t = (session = new Tmux('assembled', path.join(dir, 'exit-status')));
    t.start([process.execPath, CLI, conf], {
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      HOME: dir,
      PATH: process.env.PATH ?? '',
    });
    await t.waitFor((s) => /Problems \(\d+\)/.test(s) && !s.includes('analysing'), 'the tree to load', 30000);
    // Problems → Files → File → Dialplan → Profiles → Directory → Bans → Assembled
    t.keys('Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab');
    let screen = await t.waitFor((s) => s.includes('<document type="freeswitch/xml">'), 'the assembled configuration');
    expect(screen).toContain('whole configuration as FreeSWITCH loads it');
    expect(screen).not.toContain('X-PRE-PROCESS');
    t.keys('s');
    // the section itself (not the whole configuration, which holds the same line further in)
    screen = await t.waitFor(
      (s) => /^ {2}configuration as FreeSWITCH loads it/m.test(s) && /^ <section name="configuration"/m.test(s),
      'the configuration section',
    );
    // line 3 is the first module configuration, written in autoload_configs/
    t.keys('j', 'j', 'Enter');
    screen = await t.waitFor((s) => s.includes('File: acl.conf.xml') && s.includes('<configuration name="acl.conf"'), 'the File view of acl.conf.xml');
    expect(screen).toContain('autoload_configs/acl.conf.xml');
  }, 60000);
});
