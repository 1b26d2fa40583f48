/**
 * The CLI for a person who typed it wrong, through the real process: usage on --help, a did-you-mean for
 * a mistyped command, option errors in plain words, and `fsconf lint` pointed at something that holds no
 * FreeSWITCH configuration exits 2 instead of passing with nothing checked.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, CORPUS, fsconf, REPO } from '../helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'fsconf-usage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('fsconf --help and <command> --help', () => {
  it('fsconf --help lists every command with its usage', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = fsconf([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^fsconf \d+\.\d+\.\d+ — /);
      for (const form of ['fsconf [confdir]', 'fsconf lint <path>…', 'fsconf acl <ip> <list>', 'fsconf lsp --stdio', 'fsconf --version'])
        expect(r.stdout).toContain(form);
      expect(r.stderr).toBe('');
    }
  });

  it('fsconf lint --help and fsconf acl --help print their usage, not an error', () => {
    const lint = fsconf(['lint', '--help']);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/^Usage: fsconf lint <path>… \[--format text\|json\|sarif\]/);
    expect(lint.stdout).toContain('Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error');
    const acl = fsconf(['acl', '--help']);
    expect(acl.code).toBe(0);
    expect(acl.stdout).toMatch(/^Usage: fsconf acl <ip> <list>/);
    expect(acl.stdout).toContain('0 allow, 1 deny');
    expect(fsconf(['help', 'lint']).stdout).toBe(lint.stdout);
  });

  it('fsconf --version names the FreeSWITCH versions of its knowledge', () => {
    const r = fsconf(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fsconf \d+\.\d+\.\d+\nFreeSWITCH knowledge: \S/);
  });
});

describe('mistakes', () => {
  it('a mistyped command gets a did-you-mean and exit 2, not the terminal UI', () => {
    for (const typo of ['lnit', 'lint2', 'lnt', 'litn']) {
      const r = fsconf([typo, path.join(CORPUS, 'vanilla')]);
      expect(r.code, typo).toBe(2);
      expect(r.stderr).toBe(`fsconf: unknown command "${typo}": did you mean lint?\nRun fsconf --help for usage.\n`);
    }
    const acl = fsconf(['alc', '10.0.0.1', 'lan']);
    expect(acl.stderr).toContain('did you mean acl?');
    const other = fsconf(['frobnicate']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('unknown command "frobnicate": commands: lint, acl, show, route, exposure, lsp');
  });

  it('an unknown option is named in plain words, with the usage', () => {
    const r = fsconf(['lint', '--fromat', 'json', path.join(CORPUS, 'vanilla')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fsconf: lint: unknown option --fromat\nUsage: fsconf lint <path>…/);
    expect(r.stderr).not.toMatch(/To specify a positional argument|ERR_PARSE_ARGS|at .*\.js:\d+/);
  });
});

describe('fsconf lint on a path that holds no FreeSWITCH configuration', () => {
  it('an empty folder, a README, or another program’s XML: exit 2 with the reason', () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    const maven = path.join(scratch, 'maven');
    mkdirSync(maven);
    // another program's XML that holds <profile> and <configuration> below its own root
    writeFileSync(
      path.join(maven, 'settings.xml'),
      '<?xml version="1.0"?>\n<!-- user settings -->\n<settings>\n  <profiles><profile><id>x</id><configuration/></profile></profiles>\n</settings>\n',
    );
    for (const p of [empty, path.join(REPO, 'README.md'), maven]) {
      const r = fsconf(['lint', p]);
      expect(r.code, p).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^fsconf: no FreeSWITCH configuration found in ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(r.stdout).toBe('');
    }
  });

  it('/etc of a machine without FreeSWITCH: exit 2', () => {
    if (existsSync('/etc/freeswitch') || existsSync('/etc/freeswitch.xml')) return; // a switch: /etc does hold one
    const r = fsconf(['lint', '/etc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no FreeSWITCH configuration found in /etc');
  });

  it('a single FreeSWITCH file outside any tree is still linted', () => {
    const loose = path.join(scratch, 'loose');
    mkdirSync(loose);
    writeFileSync(
      path.join(loose, 'gw.xml'),
      '<include>\n  <gateway name="carrier">\n    <param name="proxy" value="sip.example.com"/>\n  </gateway>\n</include>\n',
    );
    const r = fsconf(['lint', path.join(loose, 'gw.xml'), '--format', 'json']);
    expect(r.code, r.stderr).not.toBe(2);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });
});

describe('npm install prints no warnings of ours', () => {
  it('every dependency with an install script is approved or denied in package.json allowScripts', () => {
    const r = spawnSync('npm', ['install-scripts', 'ls'], { cwd: REPO, encoding: 'utf8', timeout: 60000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('No packages with unreviewed install scripts');
  });
});

describe('output into a pipe', () => {
  const shell = (cmd: string) => spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { cwd: REPO, encoding: 'utf8', timeout: 60000 });
  const cli = `node ${JSON.stringify(path.relative(REPO, CLI))}`;

  it('a reader that stops early (| head) is no error: no message, and the exit code is still the lint result', () => {
    // every corpus tree at once: ~280 KB of JSON, more than a pipe holds, so the writer meets the closed pipe
    const r = shell(`${cli} lint test/corpus/freeswitch --format json | head -c 10`);
    expect(r.stdout).toBe('[\n  {\n    ');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // pipefail: fsconf's own code (errors found), not a crash and not 0
  });

  it('a slow reader gets every byte', () => {
    const all = shell(`${cli} lint test/corpus/freeswitch --format json | wc -c`);
    const slow = shell(`${cli} lint test/corpus/freeswitch --format json | (sleep 0.5; wc -c)`);
    expect(Number(slow.stdout.trim())).toBeGreaterThan(200000);
    expect(slow.stdout).toBe(all.stdout);
  });
});

describe('colour only for a terminal', () => {
  // script(1) runs the command on a pseudo-terminal, as a person at a shell would
  const onTerminal = (cmd: string, env: NodeJS.ProcessEnv = {}) =>
    spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: REPO, encoding: 'utf8', timeout: 60000, env: { ...process.env, ...env } });
  const cli = `node ${JSON.stringify(path.relative(REPO, CLI))}`;
  const minimal = path.relative(REPO, path.join(CORPUS, 'minimal'));

  it('fsconf lint on a terminal colours severities; into a pipe or a file, or with NO_COLOR, it does not', () => {
    const tty = onTerminal(`${cli} lint ${minimal}`, { NO_COLOR: '' });
    expect(tty.stdout).toContain('\u001b[33mwarning\u001b[0m');
    const noColor = onTerminal(`${cli} lint ${minimal}`, { NO_COLOR: '1' });
    expect(noColor.stdout).toContain(' warning ');
    expect(noColor.stdout).not.toContain('\u001b[');
    const piped = onTerminal(`${cli} lint ${minimal} | cat`, { NO_COLOR: '' });
    expect(piped.stdout).toContain(' warning ');
    expect(piped.stdout).not.toContain('\u001b[');
    const toNull = onTerminal(`${cli} lint ${minimal} --color > /dev/null; echo done`, { NO_COLOR: '' });
    expect(toNull.stdout).toContain('done');
  });
});
