/**
 * The terminal UI as the dialplan and configuration editor, end to end in tmux at 80×24 on a copy of
 * FreeSWITCH's vanilla tree, against the real fsconf-lsp: add a gateway route from a template, break and
 * fix its regex (the finding shows while typing), move it above Local_Extension, add user 1020 with a
 * generated password, change the external profile's inbound-codec-prefs from the form. Then `fsconf
 * lint` reports no new finding, every written file parses, and each file that existed keeps its
 * original in `.bak`.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, CORPUS, LSP, REPO, fsconf, type JsonFinding } from '../helpers.js';
import { Tmux, requireTmux } from './tmux.js';

const VANILLA = path.join(CORPUS, 'vanilla');
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

function setup(args: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-tui-edit-'));
  dirs.push(dir);
  const conf = path.join(dir, 'conf');
  cpSync(VANILLA, conf, { recursive: true });
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'fs_cli.log');
  mkdirSync(bin);
  // a fake fs_cli: R must offer the right commands; this one records what it was asked to run
  writeFileSync(path.join(bin, 'fs_cli'), `#!/bin/sh\nfor a in "$@"; do printf '[%s]' "$a" >> '${log}'; done\necho >> '${log}'\necho "+OK"\n`);
  chmodSync(path.join(bin, 'fs_cli'), 0o755);
  const tmux = new Tmux('edit', path.join(dir, 'exit-status'));
  sessions.push(tmux);
  tmux.start([process.execPath, CLI, conf, ...args], {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'xterm-256color',
    NO_COLOR: '1',
    HOME: dir,
  });
  return { dir, conf, log, t: tmux };
}

const lint = (conf: string) => JSON.parse(fsconf(['lint', '--format', 'json', conf]).stdout) as JsonFinding[];
/** Findings as file + rule + message (an edit moves lines; a new finding is a new triple). */
const keys = (conf: string, fs: JsonFinding[]) => fs.map((f) => `${path.relative(conf, f.file)} ${f.rule} ${f.message}`).sort();
const selected = (s: string) => s.split('\n').find((l) => l.startsWith('❯')) ?? '';

describe('editing the dialplan, directory and a profile from the terminal UI (tmux 80×24)', () => {
  it('template route → typo (live finding) → fix → move above Local_Extension → user 1020 → inbound-codec-prefs; lint clean, parses, .bak kept', async () => {
    const { conf, log, t } = setup();
    const baseline = lint(conf);
    const before = keys(conf, baseline);
    const errors = baseline.filter((f) => f.severity === 'error').length;
    const originals = new Map(['dialplan/default.xml', 'sip_profiles/external.xml'].map((f) => [f, readFileSync(path.join(conf, f), 'utf8')]));
    await t.waitFor((s) => /^fsconf\s/.test(s) && !s.split('\n')[0]!.includes('analysing') && /Problems \(\d+\)/.test(s), 'the first analysis');

    // ── Dialplan: a gateway route from the template into context default ──
    t.keys('Tab', 'Tab', 'Tab');
    let s = await t.waitFor((x) => x.includes('context default (') && x.includes('hunt order'), 'the Dialplan view');
    t.keys('a');
    await t.waitFor((x) => x.includes('pick a template'), 'the templates');
    t.keys('2');
    s = await t.waitFor((x) => x.includes('Gateway route → context default'), 'the template form');
    expect(s).toMatch(/number pattern \(PCRE\)\s+\^\(\\d\{11\}\)\$/);
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('Apply this change?'), 'the diff of the new file');
    expect(s).toContain('dialplan/default/02_route_11_digits.xml (new file)');
    expect(s).toMatch(/\+\s+<extension name="route_11_digits">/);
    t.keys('y');
    await t.waitFor((x) => /wrote dialplan\/default\/02_route_11_digits\.xml/.test(x), 'the write');
    expect(readFileSync(path.join(conf, 'dialplan/default/02_route_11_digits.xml'), 'utf8')).toContain('sofia/gateway/${default_gateway}/$1');

    // ── edit its regex: a typo shows its finding while typing, then the fix ──
    t.keys('/');
    t.text('route_11');
    t.keys('Enter');
    await t.waitFor((x) => selected(x).includes('context default') || /route_11_digits/.test(x), 'the filtered list');
    t.keys('j');
    await t.waitFor((x) => /^❯\s+\d+\. route_11_digits/m.test(x), 'the route selected');
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('if destination_number ~ ^(\\d{11})$'), 'the extension opened');
    expect(s).toMatch(/call out through gateway \$\{default_gateway\}/);
    t.keys('j', 'e');
    await t.waitFor((x) => x.includes('edit which field of this condition?'), 'the field picker');
    t.keys('2');
    await t.waitFor((x) => x.includes('findings update as you type'), 'the live editor');
    t.keys('C-u');
    t.text('^(1\\d{10}$');
    s = await t.waitFor((x) => /missing closing parenthesis/.test(x), 'the live finding for the typo');
    expect(s).toMatch(/✖ PCRE2 cannot compile/);
    // the Problems count follows the unsaved text too
    await t.waitFor((x) => x.split('\n')[0]!.includes(`✖ ${errors + 1} errors`), 'one more error in the header');
    t.keys('C-u');
    t.text('^(1\\d{10})$');
    await t.waitFor((x) => x.includes('no finding here') && x.split('\n')[0]!.includes(`✖ ${errors} errors`), 'the finding gone, the count back');
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('Apply this change?'), 'the diff of the regex');
    expect(s).toMatch(/\+\s+<condition field="destination_number" expression="\^\(1\\d\{10\}\)\$">/);
    t.keys('y');
    await t.waitFor((x) => /wrote dialplan\/default\/02_route_11_digits\.xml/.test(x) && x.includes('^(1\\d{10})$'), 'the fix written');

    // ── move it above Local_Extension (hunt order) ──
    t.keys('Escape');
    await t.waitFor((x) => !x.includes('/route_11') && /^❯\s+if destination_number ~ \^\(1/m.test(x), 'the filter cleared, the condition still selected');
    t.keys('k');
    await t.waitFor((x) => /^❯\s+75\. route_11_digits/m.test(x), 'the route selected');
    t.keys('K');
    s = await t.waitFor((x) => x.includes('hunt order matters'), 'move mode');
    // one step at a time, as a person would: each K shows where the extension would go
    const place = (x: string) => /^ moving route_11_digits to (.*)$/m.exec(x)?.[1] ?? '';
    for (let n = 0; n < 120 && !/^17 of 77: above Local_Extension\s*$/.test(place(s)); n++) {
      const was = place(s);
      t.keys('K');
      s = await t.waitFor((x) => place(x) !== was, 'the next place');
    }
    expect(s).toMatch(/moving route_11_digits to 17 of 77: above Local_Extension\s*$/m);
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('Apply this change?'), 'the diff of the move');
    expect(s).toContain('Hunt order matters');
    expect(s).toMatch(/move <extension name="route_11_digits"> above <extension name="Local_Exte/);
    t.keys('y');
    // (the status names both files; at 80 columns it is cut, and m shows it whole)
    s = await t.waitFor((x) => /✔ wrote /.test(x) && /17\. route_11_digits\s+dialplan\/default\.xml:\d+/.test(x), 'the move written');
    t.keys('m');
    s = await t.waitFor((x) => /wrote[\s\S]*dialplan\/default\.xml/.test(x) && x.includes('message'), 'the whole status message');
    t.keys('Escape');
    await t.waitFor(
      (x) => /^\s+17\. route_11_digits\s+dialplan\/default\.xml:247/m.test(x) || /17\. route_11_digits/.test(x),
      'route_11_digits 17th in hunt order',
    );

    // ── Directory: user 1020, password generated, shown once on request ──
    t.keys('Tab', 'Tab');
    await t.waitFor((x) => x.includes('domains → users'), 'the Directory view');
    t.keys('a');
    s = await t.waitFor((x) => x.includes('add a user to domain'), 'the user form');
    expect(s).toMatch(/user id\s+1020/);
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('Apply this change?'), 'the diff of the new user');
    expect(s).toContain('directory/default/1020.xml (new file)');
    expect(s).toMatch(/<param name="password" value=".\*+"\/>/); // masked in the diff
    t.keys('y');
    s = await t.waitFor((x) => x.includes('user 1020 added'), 'the notice');
    expect(s).toContain('v shows the password and PIN once');
    t.keys('v');
    s = await t.waitFor((x) => /password: \S{16,}/.test(x), 'the password shown');
    const password = /password: (\S+)/.exec(s)![1]!;
    const pin = /vm-password: (\d+)/.exec(s)![1]!;
    const userFile = readFileSync(path.join(conf, 'directory/default/1020.xml'), 'utf8');
    expect(userFile).toContain(`<param name="password" value="${password}"/>`);
    expect(pin).not.toBe('1020');
    t.keys('v');
    s = await t.waitFor((x) => x.includes('user 1020 added'), 'still the notice');
    t.keys('Escape');
    await t.waitFor((x) => x.includes('domains → users') && /domain \$\$\{domain\} · 40 users/.test(x), 'user 1020 counted');

    // ── Profiles: external's inbound-codec-prefs from the form ──
    t.keys('BTab');
    s = await t.waitFor((x) => x.includes('sofia profiles'), 'the Profiles view');
    let inExternal = false;
    for (let n = 0; n < 400; n++) {
      const line = selected(s);
      if (/profile external ·/.test(line)) inExternal = true;
      if (inExternal && line.includes('inbound-codec-prefs')) break;
      t.keys('j');
      s = await t.waitFor((x) => selected(x) !== line, 'the next row');
    }
    expect(selected(s)).toMatch(/inbound-codec-prefs\s+\$\$\{global_codec_prefs\}\s+= OPUS/);
    expect(s).toMatch(/codec/i); // the explanation pane
    t.keys('e');
    await t.waitFor((x) => x.includes('findings update as you type') && x.includes('profile external: inbound-codec-prefs'), 'the value editor');
    t.keys('C-u');
    t.text('OPUS,G722,PC');
    t.keys('Tab'); // completes a codec name
    await t.waitFor((x) => x.includes('OPUS,G722,PCMU') || x.includes('OPUS,G722,PCMA'), 'the completed codec');
    t.keys('C-u');
    t.text('OPUS,G722,PCMU,PCMA');
    await t.waitFor((x) => x.includes('no finding here'), 'no finding');
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('Apply this change?'), 'the diff of the param');
    expect(s).toMatch(/\+\s+<param name="inbound-codec-prefs" value="OPUS,G722,PCMU,PCMA"\/>/);
    t.keys('y');
    await t.waitFor((x) => /wrote sip_profiles\/external\.xml/.test(x), 'the param written');

    // ── R offers the right reloads ──
    t.keys('R');
    s = await t.waitFor((x) => x.includes('Run these commands?'), 'the reload confirmation');
    expect(s).toContain('reloadxml');
    expect(s).toContain('sofia profile external rescan');
    t.keys('n');
    await t.waitFor((x) => !x.includes('Run these commands?'), 'nothing run');
    expect(existsSync(log)).toBe(false);
    t.keys('q');
    expect(await t.exitCode()).toBe(0);

    // ── the tree: no new finding, every written file parses, .bak holds the original ──
    const after = lint(conf);
    const left = [...before];
    const added = keys(conf, after).filter((k) => {
      const i = left.indexOf(k);
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
    expect(added).toEqual([]);
    const written = ['dialplan/default.xml', 'dialplan/default/02_route_11_digits.xml', 'directory/default/1020.xml', 'sip_profiles/external.xml'];
    expect(after.filter((f) => written.includes(path.relative(conf, f.file)) && f.rule.startsWith('xml/'))).toEqual([]);
    for (const [f, text] of originals) expect(readFileSync(path.join(conf, f + '.bak'), 'utf8'), `${f}.bak`).toBe(text);
    // files fsconf created had no original: nothing to back up the first time
    expect(existsSync(path.join(conf, 'directory/default/1020.xml.bak'))).toBe(false);
    const dp = readFileSync(path.join(conf, 'dialplan/default.xml'), 'utf8');
    expect(dp.indexOf('<extension name="route_11_digits">')).toBeLessThan(dp.indexOf('<extension name="Local_Extension">'));
    expect(dp).toContain('expression="^(1\\d{10})$"');
    expect(readFileSync(path.join(conf, 'sip_profiles/external.xml'), 'utf8')).toContain('<param name="inbound-codec-prefs" value="OPUS,G722,PCMU,PCMA"/>');
  }, 180000);
});

describe('--readonly', () => {
  it('refuses every change at once: add, edit, delete, move, add user; nothing is written', async () => {
    const { conf, t } = setup(['--readonly']);
    await t.waitFor((s) => /^fsconf\s/.test(s) && s.includes('[read-only]') && !s.split('\n')[0]!.includes('analysing'), 'the first analysis');
    t.keys('Tab', 'Tab', 'Tab');
    await t.waitFor((x) => x.includes('context default ('), 'the Dialplan view');
    t.keys('a');
    await t.waitFor((x) => x.includes('read-only (--readonly): nothing can be changed'), 'add refused');
    expect(t.capture()).not.toContain('pick a template');
    t.keys('j', 'K');
    await t.waitFor((x) => x.includes('read-only (--readonly): nothing can be changed') && !x.includes('hunt order matters'), 'move refused');
    t.keys('d');
    await t.waitFor((x) => !x.includes('Apply this change?') && x.includes('read-only'), 'delete refused');
    t.keys('Tab', 'Tab');
    await t.waitFor((x) => x.includes('domains → users'), 'the Directory view');
    t.keys('a');
    await t.waitFor((x) => x.includes('read-only (--readonly): nothing can be changed') && !x.includes('add a user'), 'add user refused');
    t.keys('q');
    expect(await t.exitCode()).toBe(0);
    expect(existsSync(path.join(conf, 'dialplan/default.xml.bak'))).toBe(false);
    expect(readFileSync(path.join(conf, 'dialplan/default.xml'), 'utf8')).toBe(readFileSync(path.join(VANILLA, 'dialplan/default.xml'), 'utf8'));
    expect(existsSync(path.join(conf, 'directory/default/1020.xml'))).toBe(false);
  }, 60000);
});
