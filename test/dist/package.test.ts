/**
 * The npm package as a user gets it: `npm run pack`, then `npm install -g --prefix <tmp> --offline` of
 * the tarball, and its commands run as separate processes — `fsconf --version`, `fsconf lint`,
 * `fsconf acl`, `fsconf-lsp --stdio` (initialize + diagnostics) and the terminal UI in tmux.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS, fsconf, REPO, type JsonFinding } from '../helpers.js';
import { Tmux, requireTmux } from '../tui/tmux.js';
import { buildPackage, lspRoundTrip, run, TARBALL, VERSION } from './dist.js';

const VANILLA = path.join(CORPUS, 'vanilla');
let prefix: string;
let env: NodeJS.ProcessEnv;
let install: { code: number | null; stdout: string; stderr: string };
const bin = (name: string) => path.join(prefix, 'bin', name);

beforeAll(() => {
  requireTmux();
  buildPackage();
  prefix = mkdtempSync(path.join(tmpdir(), 'fsconf-prefix-'));
  // no registry: the install must need nothing but the tarball
  install = run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', TARBALL], {
    env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: path.join(prefix, '.npm-cache') },
  });
  // the installed commands, with this Node on PATH and a private code cache
  env = {
    ...process.env,
    PATH: `${path.join(prefix, 'bin')}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
    XDG_CACHE_HOME: path.join(prefix, '.cache'),
    NO_COLOR: '1',
  };
}, 300000);

afterAll(() => {
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

describe('npm install -g ./dist/fsconf-<version>.tgz, offline', () => {
  it('installs one package with both commands and no dependencies', () => {
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/npm (warn|error)/i);
    const pkgDir = path.join(prefix, 'lib', 'node_modules', 'fsconf');
    const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      bin: Record<string, string>;
      dependencies?: unknown;
    };
    expect(pkg.name).toBe('fsconf');
    expect(pkg.version).toBe(VERSION);
    expect(Object.keys(pkg.bin).sort()).toEqual(['fsconf', 'fsconf-lsp']);
    expect(pkg.dependencies).toBeUndefined();
    expect(existsSync(path.join(pkgDir, 'node_modules'))).toBe(false);
    expect(readdirSync(path.join(prefix, 'bin')).sort()).toEqual(['fsconf', 'fsconf-lsp']);
  });

  it('fsconf --version names the version and the FreeSWITCH versions of its knowledge', () => {
    const r = run(bin('fsconf'), ['--version'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^fsconf ${VERSION.replace(/\./g, '\\.')}\\nFreeSWITCH knowledge: \\S`));
  });

  it('fsconf lint finds what the workspace build finds, with the same exit codes', () => {
    const r = run(bin('fsconf'), ['lint', VANILLA, '--format', 'json'], { env });
    expect(r.code, r.stderr).toBe(1);
    const dev = fsconf(['lint', VANILLA, '--format', 'json']);
    const key = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.rule}`;
    const found = (JSON.parse(r.stdout) as JsonFinding[]).map(key);
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual((JSON.parse(dev.stdout) as JsonFinding[]).map(key));
    // a warm code cache changes nothing
    expect(run(bin('fsconf'), ['lint', VANILLA, '--format', 'json'], { env }).stdout).toBe(r.stdout);
    const empty = mkdtempSync(path.join(prefix, 'empty-'));
    const none = run(bin('fsconf'), ['lint', empty], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no FreeSWITCH configuration found in ${empty}`);
  });

  it('fsconf acl evaluates an address against a network list', () => {
    const allow = run(bin('fsconf'), ['acl', '10.1.2.3', 'rfc1918.auto', '--conf', VANILLA, '--format', 'json'], { env });
    expect(allow.code).toBe(0);
    expect(JSON.parse(allow.stdout)).toMatchObject({ verdict: 'allow', list: 'rfc1918.auto' });
    const deny = run(bin('fsconf'), ['acl', '8.8.8.8', 'rfc1918.auto', '--conf', VANILLA], { env });
    expect(deny.code).toBe(1);
    expect(deny.stdout).toMatch(/^deny: 8\.8\.8\.8/);
  });

  it('fsconf-lsp --stdio answers initialize and publishes the tree’s diagnostics', async () => {
    const file = path.join(VANILLA, 'autoload_configs', 'conference.conf.xml');
    const r = await lspRoundTrip(bin('fsconf-lsp'), ['--stdio'], env, VANILLA, file);
    expect(r.init.serverInfo).toEqual({ name: 'fsconf-lsp', version: VERSION });
    expect(r.diagnostics.map((d) => d.message).join('\n')).toContain('"video-layout-bgcolor" is not a param');
    expect(r.exitCode).toBe(0);
  });

  it('fsconf opens the terminal UI, with its language server from the package, and quits on q', async () => {
    const dir = mkdtempSync(path.join(prefix, 'tui-'));
    const conf = path.join(dir, 'conf');
    cpSync(path.join(REPO, 'tui', 'example'), conf, { recursive: true });
    const t = new Tmux('dist-pkg', path.join(dir, 'exit-status'));
    try {
      t.start([bin('fsconf'), conf], {
        PATH: env.PATH!,
        HOME: dir,
        XDG_CACHE_HOME: env.XDG_CACHE_HOME!,
        LANG: 'C.UTF-8',
        LC_ALL: 'C.UTF-8',
        TERM: 'xterm-256color',
        NO_COLOR: '1',
      });
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
});
