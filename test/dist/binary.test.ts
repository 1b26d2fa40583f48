/**
 * The single executable (`npm run sea` → dist/fsconf-linux-x64) on a machine without Node: every run
 * here has a PATH that holds no `node` (checked), as on a FreeSWITCH box — `--version`, `lint` (exit
 * codes, JSON), `acl`, `lsp --stdio` (initialize + diagnostics) and the terminal UI in tmux, whose
 * language server is the same binary. The .xz download decompresses to the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS, fsconf, REPO, type JsonFinding } from '../helpers.js';
import { Tmux, requireTmux } from '../tui/tmux.js';
import { BINARY, buildBinary, lspRoundTrip, run, VERSION } from './dist.js';

const VANILLA = path.join(CORPUS, 'vanilla');
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  requireTmux();
  buildBinary();
  home = mkdtempSync(path.join(tmpdir(), 'fsconf-sea-'));
  const emptyBin = path.join(home, 'bin');
  mkdirSync(emptyBin);
  // nothing but an empty folder on PATH: no node, no npm
  env = { PATH: emptyBin, HOME: home, LANG: 'C.UTF-8', NO_COLOR: '1' };
}, 600000);

afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('dist/fsconf-linux-x64 without Node', () => {
  it('runs in an environment where no node can be found', () => {
    const which = spawnSync('/bin/sh', ['-c', 'command -v node'], { env, encoding: 'utf8' });
    expect(which.status).not.toBe(0);
    expect(which.stdout).toBe('');
    const r = run(BINARY, ['--version'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^fsconf ${VERSION.replace(/\./g, '\\.')}\\nFreeSWITCH knowledge: \\S`));
    expect(r.stderr).toBe(''); // no "experimental" warning
  });

  it('lint: the workspace build’s findings, exit 1 on errors, 0 on a clean tree, 2 on no configuration', () => {
    const r = run(BINARY, ['lint', VANILLA, '--format', 'json'], { env });
    expect(r.code, r.stderr).toBe(1);
    const key = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.rule}`;
    const dev = fsconf(['lint', VANILLA, '--format', 'json']);
    expect((JSON.parse(r.stdout) as JsonFinding[]).map(key)).toEqual((JSON.parse(dev.stdout) as JsonFinding[]).map(key));
    const clean = path.join(home, 'clean');
    mkdirSync(clean);
    writeFileSync(
      path.join(clean, 'freeswitch.xml'),
      '<?xml version="1.0"?>\n<document type="freeswitch/xml">\n  <section name="configuration" description="Various Configuration"/>\n</document>\n',
    );
    const ok = run(BINARY, ['lint', clean, '--format', 'json'], { env });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
    const none = run(BINARY, ['lint', path.join(REPO, 'README.md')], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^fsconf: no FreeSWITCH configuration found in .*README\.md/);
    const typo = run(BINARY, ['lnt', VANILLA], { env });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean lint?');
  });

  it('acl: allow exits 0, deny 1', () => {
    const allow = run(BINARY, ['acl', '192.168.1.20', 'rfc1918.auto', '--conf', VANILLA], { env });
    expect(allow.code).toBe(0);
    expect(allow.stdout).toMatch(/^allow: 192\.168\.1\.20 against list "rfc1918\.auto"/);
    const deny = run(BINARY, ['acl', '8.8.8.8', 'rfc1918.auto', '--conf', VANILLA, '--format', 'json'], { env });
    expect(deny.code).toBe(1);
    expect(JSON.parse(deny.stdout)).toMatchObject({ verdict: 'deny' });
  });

  it('lsp --stdio (as over ssh): initialize and the tree’s diagnostics', async () => {
    const file = path.join(VANILLA, 'autoload_configs', 'conference.conf.xml');
    const r = await lspRoundTrip(BINARY, ['lsp', '--stdio'], env, VANILLA, file);
    expect(r.init.serverInfo).toEqual({ name: 'fsconf-lsp', version: VERSION });
    expect(r.diagnostics.map((d) => d.message).join('\n')).toContain('"video-layout-bgcolor" is not a param');
    expect(r.exitCode).toBe(0);
  });

  it('the terminal UI starts its language server from the same binary, and quits on q', async () => {
    const conf = path.join(home, 'conf');
    cpSync(path.join(REPO, 'tui', 'example'), conf, { recursive: true });
    const t = new Tmux('dist-sea', path.join(home, 'exit-status'));
    try {
      t.start([BINARY, conf], { ...(env as Record<string, string>), LC_ALL: 'C.UTF-8', TERM: 'xterm-256color' });
      const screen = await t.waitFor(
        (s) => /^fsconf\s/.test(s) && /Problems \(\d+\)/.test(s) && !s.split('\n')[0]!.includes('analysing'),
        'the Problems view with the analysis done',
        30000,
      );
      expect(screen).toMatch(/✖ \d+ errors?/);
      t.keys('q');
      expect(await t.exitCode()).toBe(0);
    } finally {
      t.kill();
    }
  });

  it('without a conf folder, the terminal UI opens the example tree carried inside the binary', async () => {
    const t = new Tmux('dist-sea-example', path.join(home, 'exit-status-example'));
    try {
      t.start([BINARY], { ...(env as Record<string, string>), LC_ALL: 'C.UTF-8', TERM: 'xterm-256color' });
      const screen = await t.waitFor(
        (s) => /showing the bundled example/.test(s) && /Problems \(\d+\)/.test(s) && !s.split('\n')[0]!.includes('analysing'),
        'the example tree, analysed',
        30000,
      );
      expect(screen).toMatch(/✖ \d+ errors?/);
      t.keys('q');
      expect(await t.exitCode()).toBe(0);
    } finally {
      t.kill();
    }
  });

  it('dist/fsconf-linux-x64.xz is the same binary, compressed', () => {
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const unpacked = execFileSync('xz', ['-dc', `${BINARY}.xz`], { maxBuffer: 512 << 20 });
    expect(sha(unpacked)).toBe(sha(readFileSync(BINARY)));
    expect(statSync(`${BINARY}.xz`).size).toBeLessThan(statSync(BINARY).size / 2);
  });
});
