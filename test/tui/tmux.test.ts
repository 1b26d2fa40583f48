/**
 * The terminal UI end to end, in tmux at 80×24: `node packages/cli/dist/main.js <tree>` against the
 * real fsconf-lsp, with a fake fs_cli on PATH that records its arguments and serves baninfo.
 * Build first: `npx tsc -b`.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, CORPUS, LSP, REPO, fsconf, type JsonFinding } from '../helpers.js';
import { Tmux, requireTmux } from './tmux.js';

const EXAMPLE = path.join(REPO, 'tui', 'example');
const BANINFO = `-ERR no reply
register_failure_config:
\tfindtime:60 maxretry:3 banmode:1 bantime:180
register_failure_history:
\t2024-12-03 15:10:57 192.168.31.242 1001
register_failure_bandata:
\t192.168.31.242 expires:
\t\t1001 expires:2024-12-03 15:13:03
`;

interface Env {
  dir: string;
  conf: string;
  log: string;
  bin: string;
  tmux: Tmux;
}

let sessions: Tmux[] = [];
let dirs: string[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  sessions = [];
  dirs = [];
});

beforeAll(() => {
  requireTmux(); // fails the suite loudly when tmux is missing
  for (const f of [CLI, LSP, path.join(REPO, 'tui', 'dist', 'main.js')]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npx tsc -b\` first`);
});

function setup(name: string, tree: string): Env {
  const dir = mkdtempSync(path.join(tmpdir(), `fsconf-tui-${name}-`));
  dirs.push(dir);
  const conf = path.join(dir, 'conf');
  cpSync(tree, conf, { recursive: true });
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'fs_cli.log');
  writeFileSync(path.join(dir, 'baninfo.txt'), BANINFO);
  // the fake fs_cli: one line per run, each argument in [brackets]
  const script = `#!/bin/sh
for a in "$@"; do printf '[%s]' "$a" >> '${log}'; done
echo >> '${log}'
prev=; last=; for a in "$@"; do prev=$last; last=$a; done
if [ "$prev" = "-x" ] && [ "$last" = "cti show baninfo" ]; then cat '${path.join(dir, 'baninfo.txt')}'; exit 0; fi
echo "+OK"
`;
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'fs_cli'), script);
  chmodSync(path.join(bin, 'fs_cli'), 0o755);
  const tmux = new Tmux(name, path.join(dir, 'exit-status'));
  sessions.push(tmux);
  return { dir, conf, log, bin, tmux };
}

function launch(e: Env, args: string[] = [], extra: Record<string, string> = {}): void {
  e.tmux.start([process.execPath, CLI, e.conf, ...args], {
    PATH: `${e.bin}:${process.env.PATH ?? ''}`,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'xterm-256color',
    CI: 'true', // as on a CI runner: the launcher must still draw interactively, with attributes
    NO_COLOR: '1',
    HOME: e.dir,
    ...extra,
  });
}

function lintCounts(conf: string) {
  const r = fsconf(['lint', '--format', 'json', conf]);
  const findings = JSON.parse(r.stdout) as JsonFinding[];
  const n = (s: string) => findings.filter((f) => f.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info'), findings };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
function header(c: { errors: number; warnings: number; infos: number }) {
  return new RegExp(`✖ ${plural(c.errors, 'error', 'errors')}\\s+⚠ ${plural(c.warnings, 'warning', 'warnings')}\\s+ℹ ${plural(c.infos, 'info', 'infos')}`);
}
const ready = (s: string) => /^fsconf\s/.test(s) && !s.split('\n')[0]!.includes('analysing') && /Problems \(\d+\)/.test(s);
const selected = (s: string) => s.split('\n').find((l) => l.startsWith('❯')) ?? '';

function fitsTerminal(screen: string, cols = 80, rows = 24) {
  const lines = screen.replace(/\n$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect([...l].length).toBeLessThanOrEqual(cols);
}

async function goToAuthCalls(t: Tmux) {
  // filter to the rule, then step onto the finding (waiting for each prompt, as a user would)
  t.keys('/');
  await t.waitFor((s) => s.includes('words to match'), 'the filter prompt');
  t.text('internal-auth-calls');
  await t.waitFor((s) => /^\/internal-auth-calls/m.test(s), 'the typed filter');
  t.keys('Enter');
  await t.waitFor((s) => /^\/internal-auth-calls\s+\(1 shown/m.test(s), 'the filter applied');
  t.keys('j');
  return t.waitFor((s) => selected(s).includes('auth-calls is not set'), 'the auth-calls finding selected');
}

describe('fsconf terminal UI in tmux (80×24)', () => {
  it('header counts match fsconf lint; f fixes auth-calls with a .bak; R and the Bans view run exactly the shown fs_cli commands; q exits 0', async () => {
    const e = setup('main', EXAMPLE);
    const lint = lintCounts(e.conf);
    expect(lint.findings.some((f) => f.rule === 'sofia/internal-auth-calls')).toBe(true);
    const internal = path.join(e.conf, 'sip_profiles', 'internal.xml');
    const original = readFileSync(internal, 'utf8');
    launch(e);
    const t = e.tmux;
    let s = await t.waitFor(ready, 'the first full Problems view');
    expect(s.split('\n')[0]).toMatch(header(lint));
    fitsTerminal(s);

    // resize redraws, and back
    t.resize(100, 30);
    s = await t.waitFor(
      (x) => x.split('\n')[0]!.length > 0 && x.replace(/\n$/, '').split('\n').length === 30 && /Problems \(\d+\)/.test(x),
      'a redraw at 100×30',
    );
    t.resize(80, 24);
    s = await t.waitFor((x) => x.replace(/\n$/, '').split('\n').length <= 24 && /enter open/.test(x.split('\n').at(-2) ?? x), 'a redraw at 80×24');
    fitsTerminal(s);

    s = await goToAuthCalls(t);
    t.keys('f');
    s = await t.waitFor((x) => x.includes('fixes for sofia/internal-auth-calls'), 'the code actions');
    expect(s).toMatch(/1\. Insert auth-calls=true/);
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('Apply this change?'), 'the diff');
    expect(s).toMatch(/\+\s+<param name="auth-calls" value="true"\/>/);
    expect(readFileSync(internal, 'utf8')).toBe(original); // nothing before confirming
    t.keys('y');
    s = await t.waitFor((x) => x.includes('wrote sip_profiles/internal.xml'), 'the write');
    expect(s).toContain('backup internal.xml.bak');
    const after = readFileSync(internal, 'utf8');
    expect(after).toMatch(/<param name="auth-calls" value="true"\/>/);
    expect(readFileSync(internal + '.bak', 'utf8')).toBe(original);
    // the server re-analysed: one warning fewer (the profile let only the "domains" ACL's addresses in
    // unchallenged, so without mod_cti it was a warning), as fsconf lint now says too
    const relint = lintCounts(e.conf);
    expect(relint.warnings).toBe(lint.warnings - 1);
    s = await t.waitFor((x) => header(relint).test(x.split('\n')[0]!), 'the header after the fix');

    // R: the exact commands are shown, nothing runs before y
    t.keys('Escape'); // clear the filter
    await t.waitFor((x) => !x.includes('/internal-auth-calls'), 'the filter cleared');
    t.keys('R');
    s = await t.waitFor((x) => x.includes('Run these commands?'), 'the reload confirmation');
    // fs_cli connects where the tree's event_socket.conf.xml says, with its password (masked on screen)
    expect(s).toContain('fs_cli -H 127.0.0.1 -P 8021 -p ******** -x reloadxml');
    expect(s).toContain("fs_cli -H 127.0.0.1 -P 8021 -p ******** -x 'sofia profile internal rescan'");
    expect(existsSync(e.log)).toBe(false);
    t.keys('y');
    s = await t.waitFor((x) => x.includes('reload done'), 'the reload output');
    expect(s).toContain('+OK');
    const esl = '[-H][127.0.0.1][-P][8021][-p][ClueCon]';
    expect(readFileSync(e.log, 'utf8')).toBe(`${esl}[-x][reloadxml]\n${esl}[-x][sofia profile internal rescan]\n`);
    t.keys('Escape');
    await t.waitFor((x) => !x.includes('reload done'), 'the output closed');

    // Bans: Problems → Files → File → Dialplan → Profiles → Directory → Bans
    t.keys('Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab');
    s = await t.waitFor((x) => x.includes('Current bans (1)'), 'the Bans view');
    expect(s).toMatch(/findtime 60 s\s+maxretry 3\s+bantime 180 s\s+banmode 1/);
    expect(s).toMatch(/1001\s+expires 2024-12-03 15:13:03/);
    t.keys('j');
    await t.waitFor((x) => /^❯\s+1001/m.test(x), 'the account row');
    t.keys('u');
    s = await t.waitFor((x) => x.includes('Unban?'), 'the unban confirmation');
    expect(s).toContain("fs_cli -H 127.0.0.1 -P 8021 -p ******** -x 'cti unban 192.168.31.242 1001'");
    t.keys('y');
    await t.waitFor((x) => x.includes('unbanned'), 'the unban output');
    // the Bans view reloads after the unban: wait for that run to be logged
    await t.waitFor(() => readFileSync(e.log, 'utf8').split('\n').filter(Boolean).length >= 5, 'the baninfo reload after the unban');
    expect(readFileSync(e.log, 'utf8').split('\n').filter(Boolean)).toEqual([
      `${esl}[-x][reloadxml]`,
      `${esl}[-x][sofia profile internal rescan]`,
      `${esl}[-x][cti show baninfo]`,
      `${esl}[-x][cti unban 192.168.31.242 1001]`,
      `${esl}[-x][cti show baninfo]`,
    ]);
    t.keys('Escape');
    await t.waitFor((x) => !x.includes('unbanned') && x.includes('Current bans'), 'the output closed');

    t.keys('q');
    expect(await t.exitCode()).toBe(0);
  }, 90000);

  it('--readonly refuses a fix before any dialog', async () => {
    const e = setup('ro', EXAMPLE);
    const internal = path.join(e.conf, 'sip_profiles', 'internal.xml');
    const original = readFileSync(internal, 'utf8');
    launch(e, ['--readonly']);
    const t = e.tmux;
    let s = await t.waitFor(ready, 'the first full Problems view');
    expect(s.split('\n')[0]).toContain('[read-only]');
    await goToAuthCalls(t);
    t.keys('f');
    s = await t.waitFor((x) => x.includes('read-only (--readonly): fixes cannot be written'), 'the refusal');
    expect(s).not.toContain('1. Insert auth-calls=true');
    expect(s).not.toContain('Apply this change?');
    expect(readFileSync(internal, 'utf8')).toBe(original);
    expect(existsSync(internal + '.bak')).toBe(false);
    t.keys('R');
    await t.waitFor((x) => x.includes('reload is disabled'), 'reload refused');
    expect(existsSync(e.log)).toBe(false);

    // the ACL tester works read-only: list names complete, the verdict names the deciding node
    t.keys('a');
    await t.waitFor((x) => x.includes('ACL tester') && /lists \(\d+\)/.test(x), 'the ACL tester');
    t.text('192.168.10.7:5060');
    t.keys('Tab');
    t.text('la');
    t.keys('Tab'); // completes "lan"
    await t.waitFor((x) => /list:\s+lan\b/.test(x), 'the completed list name');
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('ALLOW'), 'the verdict');
    expect(s).toMatch(/decided by allow 192\.168\.10\.0\/24 at autoload_configs\/acl\.conf\.xml:5/);
    t.keys('C-o');
    await t.waitFor((x) => /acl\.conf\.xml\s+5\/\d+/.test(x), 'the deciding node in the File view');
    t.keys('q');
    expect(await t.exitCode()).toBe(0);
  }, 60000);

  it('an external sed on the open file: the view shows the new text within a second, and a fix then applies to it correctly', async () => {
    const e = setup('changed', EXAMPLE);
    const internal = path.join(e.conf, 'sip_profiles', 'internal.xml');
    launch(e);
    const t = e.tmux;
    await t.waitFor(ready, 'the first full Problems view');
    await goToAuthCalls(t);
    t.keys('Enter');
    await t.waitFor((x) => x.includes('Phones on the office LAN register here.'), 'the File view of internal.xml');
    // another shell edits the file (sed -i replaces it)
    execFileSync('sed', ['-i', 's/Phones on the office LAN register here./Phones of the Berlin office register here./', internal]);
    const t0 = Date.now();
    let s = await t.waitFor((x) => x.includes('Phones of the Berlin office register here.'), 'the new text in the File view', 5000);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(s).not.toContain('Phones on the office LAN');
    const edited = readFileSync(internal, 'utf8');
    t.keys('f');
    await t.waitFor((x) => x.includes('1. Insert auth-calls=true'), 'the code actions');
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('Apply this change?'), 'the diff');
    t.keys('y');
    s = await t.waitFor((x) => x.includes('wrote sip_profiles/internal.xml'), 'the write');
    const after = readFileSync(internal, 'utf8');
    // the fix landed on the new text: the sed change kept, auth-calls inserted, nothing else moved
    expect(after).toContain('Phones of the Berlin office register here.');
    expect(after).toMatch(/\n\s+<param name="auth-calls" value="true"\/>/);
    expect(after.replace(/\n\s+<param name="auth-calls" value="true"\/>/, '')).toBe(edited);
    expect(readFileSync(internal + '.bak', 'utf8')).toBe(edited);
    t.keys('q');
    expect(await t.exitCode()).toBe(0);
  }, 60000);

  it('a fix on a symlinked vars.xml writes the shared file: the link stays a link', async () => {
    const e = setup('symlink', EXAMPLE);
    const shared = path.join(e.dir, 'shared');
    mkdirSync(shared);
    renameSync(path.join(e.conf, 'vars.xml'), path.join(shared, 'vars.xml'));
    symlinkSync(path.join(shared, 'vars.xml'), path.join(e.conf, 'vars.xml'));
    const original = readFileSync(path.join(shared, 'vars.xml'), 'utf8');
    launch(e);
    const t = e.tmux;
    await t.waitFor(ready, 'the first full Problems view');
    t.keys('/');
    await t.waitFor((s) => s.includes('words to match'), 'the filter prompt');
    t.text('unknown-cmd');
    t.keys('Enter');
    await t.waitFor((s) => /\(1 shown/.test(s), 'the filter applied');
    t.keys('j');
    // the finding's row (the file's row above it also reads vars.xml: waiting for it raced the j)
    await t.waitFor((x) => selected(x).includes('"sett" is not a pre-processor command'), 'the finding');
    t.keys('f');
    await t.waitFor((x) => x.includes('1. Change to "set"') && x.includes('your choice'), 'the fix, labelled a choice');
    t.keys('Enter');
    await t.waitFor((x) => x.includes('Apply this change?'), 'the diff');
    t.keys('y');
    await t.waitFor((x) => x.includes('wrote vars.xml'), 'the write');
    expect(lstatSync(path.join(e.conf, 'vars.xml')).isSymbolicLink()).toBe(true);
    const after = readFileSync(path.join(shared, 'vars.xml'), 'utf8');
    expect(after).not.toBe(original);
    expect(readFileSync(path.join(e.conf, 'vars.xml'), 'utf8')).toBe(after);
    expect(readFileSync(path.join(shared, 'vars.xml.bak'), 'utf8')).toBe(original);
    t.keys('q');
    expect(await t.exitCode()).toBe(0);
  }, 60000);

  it('a second fix to the same file keeps the first backup (.bak stays the original, .bak.1 is new)', async () => {
    const e = setup('backups', EXAMPLE);
    const external = path.join(e.conf, 'sip_profiles', 'external.xml');
    const original = readFileSync(external, 'utf8');
    launch(e);
    const t = e.tmux;
    await t.waitFor(ready, 'the first full Problems view');
    const pick = async (rule: string, choice: string, backup: string) => {
      t.keys('Escape'); // clear the filter
      await t.waitFor((x) => !/^\/\S/m.test(x), 'the filter cleared');
      t.keys('/');
      await t.waitFor((s) => s.includes('words to match'), 'the filter prompt');
      t.text(rule);
      t.keys('Enter');
      await t.waitFor((s) => /\(1 shown/.test(s), `the filter ${rule}`);
      t.keys('j');
      t.keys('f');
      await t.waitFor((x) => x.includes(choice), `the fixes for ${rule}`);
      t.keys('Enter');
      await t.waitFor((x) => x.includes('Apply this change?'), 'the diff');
      t.keys('y');
      // (the status line may be cut after the backup's name: m shows it whole)
      await t.waitFor(
        (x) => new RegExp(`wrote sip_profiles/external\\.xml \\(backup ${backup.replace(/\./g, '\\.')}(?![.\\d])`).test(x),
        `the write with backup ${backup}`,
      );
    };
    await pick('auth-failures-not-logged', '1. Insert log-auth-failures=true', 'external.xml.bak');
    const first = readFileSync(external, 'utf8');
    expect(readFileSync(external + '.bak', 'utf8')).toBe(original);
    await pick('external-inbound-acl', 'Set apply-inbound-acl to "carrier"', 'external.xml.bak.1');
    expect(readFileSync(external + '.bak', 'utf8')).toBe(original);
    expect(readFileSync(external + '.bak.1', 'utf8')).toBe(first);
    t.keys('q');
    expect(await t.exitCode()).toBe(0);
  }, 60000);

  it('e with "<& keeps the file well-formed: the value is written escaped and shown decoded', async () => {
    const e = setup('escape', EXAMPLE);
    const external = path.join(e.conf, 'sip_profiles', 'external.xml');
    launch(e);
    const t = e.tmux;
    await t.waitFor(ready, 'the first full Problems view');
    t.keys('/');
    await t.waitFor((s) => s.includes('words to match'), 'the filter prompt');
    t.text('external-inbound-acl');
    t.keys('Enter');
    await t.waitFor((s) => /\(1 shown/.test(s), 'the filter applied');
    t.keys('j');
    t.keys('e');
    await t.waitFor((x) => x.includes('edit apply-inbound-acl'), 'the edit pane');
    t.text('1"<&');
    t.keys('Enter');
    await t.waitFor((x) => x.includes('saved sip_profiles/external.xml'), 'the save');
    expect(readFileSync(external, 'utf8')).toContain('<param name="apply-inbound-acl" value="1&quot;&lt;&amp;"/>');
    const lint = fsconf(['lint', '--format', 'json', external]);
    const xmlProblems = (JSON.parse(lint.stdout) as JsonFinding[]).filter((f) => f.rule.startsWith('xml/'));
    expect(xmlProblems).toEqual([]);
    // e again shows the decoded value
    t.keys('e');
    await t.waitFor((x) => x.includes('edit apply-inbound-acl') && x.includes('1"<&'), 'the decoded value in the editor');
    const saved = readFileSync(external, 'utf8');
    // esc and q in one send-keys, as a fast typist over ssh: q must quit, not type into the pane esc closed
    t.keys('Escape', 'q');
    expect(await t.exitCode()).toBe(0);
    expect(readFileSync(external, 'utf8')).toBe(saved);
  }, 60000);

  it('E hands the terminal to $EDITOR at the line and re-reads the file afterwards', async () => {
    const e = setup('editor', EXAMPLE);
    const editor = path.join(e.bin, 'fake-editor');
    const args = path.join(e.dir, 'editor.args');
    // a non-interactive "editor": records its arguments and strengthens the weak password
    writeFileSync(editor, `#!/bin/sh\nprintf '%s\\n' "$@" > '${args}'\nsed -i 's/value="secret"/value="Str0ng-Pa55!x"/' "$2"\n`);
    chmodSync(editor, 0o755);
    const lint = lintCounts(e.conf);
    launch(e, [], { EDITOR: editor });
    const t = e.tmux;
    await t.waitFor(ready, 'the first full Problems view');
    // the password finding of directory/default/1002.xml (Problems are ordered by impact: filter to it)
    t.keys('/');
    await t.waitFor((x) => x.includes('words to match'), 'the filter prompt');
    t.text('password-too-simple');
    t.keys('Enter');
    await t.waitFor((x) => /\(1 shown/.test(x), 'the filter applied');
    t.keys('j');
    await t.waitFor((x) => selected(x).includes('password is too simple'), 'the password finding');
    t.keys('E');
    await t.waitFor((x) => x.includes('after $EDITOR') && /1002\.xml\s+4\/\d+/.test(x), 'the UI back after the editor, in the File view at the line');
    expect(readFileSync(args, 'utf8')).toBe(`+4\n${path.join(e.conf, 'directory', 'default', '1002.xml')}\n`);
    await t.waitFor((x) => header({ ...lint, errors: lint.errors - 1 }).test(x.split('\n')[0]!), 'the finding gone after didChange/didSave');
    fitsTerminal(t.capture());
    t.keys('q');
    expect(await t.exitCode()).toBe(0);
  }, 60000);

  it('e edits a value in place with live findings from the server and saves through fsconf.saveDocument', async () => {
    const e = setup('edit', EXAMPLE);
    const external = path.join(e.conf, 'sip_profiles', 'external.xml');
    const original = readFileSync(external, 'utf8');
    const lint = lintCounts(e.conf);
    launch(e);
    const t = e.tmux;
    await t.waitFor(ready, 'the first full Problems view');
    t.keys('/');
    await t.waitFor((s) => s.includes('words to match'), 'the filter prompt');
    t.text('external-inbound-acl');
    t.keys('Enter');
    await t.waitFor((s) => /\(1 shown/.test(s), 'the filter applied');
    t.keys('j');
    await t.waitFor((x) => selected(x).includes('apply-inbound-acl is empty'), 'the finding');
    t.keys('e');
    let s = await t.waitFor((x) => x.includes('edit apply-inbound-acl'), 'the edit pane');
    expect(s).toContain('apply-inbound-acl is empty'); // the finding on the line, live
    t.text('carrier');
    s = await t.waitFor((x) => x.includes('no finding on this line'), 'the server re-checking the edited document');
    expect(s).toMatch(/<param name="apply-inbound-acl" value="carrier"\/>/);
    expect(readFileSync(external, 'utf8')).toBe(original); // not saved yet
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('saved sip_profiles/external.xml'), 'the save');
    expect(s).toContain('backup external.xml.bak');
    expect(readFileSync(external, 'utf8')).toBe(original.replace('name="apply-inbound-acl" value=""', 'name="apply-inbound-acl" value="carrier"'));
    expect(readFileSync(external + '.bak', 'utf8')).toBe(original);
    // the saved tree as the CLI sees it: the finding is gone (and a stranger now rejected by the ACL no
    // longer reaches the local users, so security/open-context goes too); the header says the same
    const after = lintCounts(e.conf);
    expect(after.errors + after.warnings).toBeLessThan(lint.errors + lint.warnings);
    await t.waitFor((x) => header(after).test(x.split('\n')[0]!), 'the header after the save');
    t.keys('q');
    expect(await t.exitCode()).toBe(0);
  }, 60000);

  it('colours unless NO_COLOR; ASCII only on a non-UTF-8 locale', async () => {
    // eslint-disable-next-line no-control-regex -- matches the terminal's ESC colour sequences
    const colour = /\u001b\[[0-9;]*(3[0-7]|9[0-7]|38;)[0-9;]*m/;
    const c = setup('colour', EXAMPLE);
    launch(c, [], { NO_COLOR: '' });
    await c.tmux.waitFor(ready, 'the first full Problems view');
    expect(c.tmux.captureWithAttributes()).toMatch(colour);
    c.tmux.keys('q');
    expect(await c.tmux.exitCode()).toBe(0);

    const e = setup('ascii', EXAMPLE);
    const lint = lintCounts(e.conf);
    launch(e, [], { LANG: 'C', LC_ALL: 'C', NO_COLOR: '1' });
    const s = await e.tmux.waitFor(
      (x) => /^fsconf\s/.test(x) && !x.split('\n')[0]!.includes('analysing') && /Problems \(\d+\)/.test(x),
      'the first full Problems view',
    );
    expect(s.split('\n')[0]).toContain(`E ${lint.errors} errors  W ${lint.warnings} warnings  I ${lint.infos} info`);
    // eslint-disable-next-line no-control-regex -- ASCII is every code unit from NUL to DEL
    expect(s).toMatch(/^[\x00-\x7f]*$/);
    expect(s).toMatch(/^> /m);
    const withAttributes = e.tmux.captureWithAttributes();
    expect(withAttributes).not.toMatch(colour);
    // eslint-disable-next-line no-control-regex -- matches the terminal's ESC inverse sequence
    expect(withAttributes).toMatch(/\u001b\[[0-9;]*7[0-9;]*m/); // the cursor row is still inverse
    e.tmux.keys('q');
    expect(await e.tmux.exitCode()).toBe(0);
  }, 60000);

  it('header counts match fsconf lint on the vanilla tree', async () => {
    const e = setup('vanilla', path.join(CORPUS, 'vanilla'));
    const lint = lintCounts(e.conf);
    launch(e);
    const s = await e.tmux.waitFor(ready, 'the first full Problems view', 30000);
    expect(s.split('\n')[0]).toMatch(header(lint));
    fitsTerminal(s);
    e.tmux.keys('C-c');
    expect(await e.tmux.exitCode()).toBe(0);
  }, 60000);
});
