/** Nothing a configuration names is ever executed: exec / exec-set / stun-set / env-set are read, never run. */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsconf } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';

export function execTree(): { dir: string; marker: string } {
  const dir = writeTree({ 'freeswitch.xml': '' });
  const marker = path.join(dir, 'PWNED');
  const script = path.join(dir, 'evil.sh');
  fs.writeFileSync(script, `#!/bin/sh\ntouch ${marker}\necho 1.2.3.4\n`);
  fs.chmodSync(script, 0o755);
  fs.writeFileSync(
    path.join(dir, 'freeswitch.xml'),
    `<document>
  <X-PRE-PROCESS cmd="exec-set" data="ip=${script}"/>
  <X-PRE-PROCESS cmd="exec" data="${script}"/>
  <!--#exec-set ip2=${script}-->
  <X-PRE-PROCESS cmd="include" data="$\${ip}.xml"/>
</document>
`,
  );
  return { dir, marker };
}

describe('the CLI never runs exec / exec-set', () => {
  it('lints (and notes the directives) without creating the marker file', () => {
    const { dir, marker } = execTree();
    const r = fsconf(['lint', dir, '--format', 'json'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('preprocess/exec');
    const r2 = fsconf(['lint', dir, '--fix'], { cwd: dir });
    expect([0, 1]).toContain(r2.code);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('the language server and the terminal UI never run exec / exec-set either', () => {
  it('fsconf-lsp analyses the tree, answers hovers and fixes, and the marker file never appears', async () => {
    const { TestClient } = await import('../lsp/client.js');
    const { dir, marker } = execTree();
    const c = new TestClient();
    try {
      await c.initialize(dir);
      await c.waitForAnalysis(0);
      const file = path.join(dir, 'freeswitch.xml');
      const text = fs.readFileSync(file, 'utf8');
      c.open(file, text);
      await c.hover(file, { line: 1, character: 22 });
      await c.command('fsconf.lintTree');
      expect([...c.diagnostics.values()].flat().some((d) => d.code === 'preprocess/exec')).toBe(true);
      expect(fs.existsSync(marker)).toBe(false);
    } finally {
      await c.shutdown();
    }
  });

  it('the terminal UI (in tmux) shows the tree and quits, and the marker file never appears', async () => {
    const { Tmux, requireTmux } = await import('../tui/tmux.js');
    const { CLI } = await import('../helpers.js');
    requireTmux();
    const { dir, marker } = execTree();
    const tmux = new Tmux('never-exec', path.join(dir, 'exit-status'));
    try {
      tmux.start([process.execPath, CLI, dir], {
        LANG: 'C.UTF-8',
        LC_ALL: 'C.UTF-8',
        TERM: 'xterm-256color',
        NO_COLOR: '1',
        HOME: dir,
        PATH: process.env.PATH ?? '',
      });
      await tmux.waitFor((s) => /Problems \(\d+\)/.test(s) && !s.split('\n')[0]!.includes('analysing'), 'the Problems view', 30000);
      tmux.keys('q');
      expect(await tmux.exitCode()).toBe(0);
      expect(fs.existsSync(marker)).toBe(false);
    } finally {
      tmux.kill();
    }
  });
});
