/**
 * Writes that never surprise (issue 15): a symlinked vars.xml stays a link, a file the user may not
 * write is refused (the CLI really runs as an unprivileged user, not as root pretending), the owner is
 * kept, and no backup is ever overwritten.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '@fsconf/core';
import { CLI, fsconf } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));

/** The CLI as the unprivileged user nobody (uid/gid 65534, no supplementary groups). */
function fsconfAsNobody(args: string[], cwd: string) {
  const r = spawnSync(setpriv!, [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', HOME: '/tmp' },
    timeout: 120000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// a tree whose only safe fix is an escape in vars.xml (FreeSWITCH reads the same value before and after)
const TREE = {
  'freeswitch.xml': '<document type="freeswitch/xml">\n  <X-PRE-PROCESS cmd="include" data="vars.xml"/>\n</document>\n',
};
const VARS = '<include>\n  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>\n  <settings name="a&b"/>\n</include>\n';

describe('a symlinked vars.xml (shared between trees) stays a link', () => {
  it('lint --fix writes through the link to the shared file, and the backup holds the original', () => {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'fsconf-shared-'));
    fs.writeFileSync(path.join(shared, 'vars.xml'), VARS);
    const dir = writeTree(TREE);
    fs.symlinkSync(path.join(shared, 'vars.xml'), path.join(dir, 'vars.xml'));
    const r = fsconf(['lint', dir, '--fix'], { cwd: dir });
    expect(r.stderr).toContain('fixed');
    expect(fs.lstatSync(path.join(dir, 'vars.xml')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(shared, 'vars.xml'), 'utf8')).toContain('name="a&amp;b"');
    expect(fs.readFileSync(path.join(shared, 'vars.xml.bak'), 'utf8')).toBe(VARS);
  });
});

describe('backups are never overwritten', () => {
  it('a second and third write keep .bak (the original) and add .bak.1, .bak.2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsconf-bak-'));
    const f = path.join(dir, 'vars.xml');
    fs.writeFileSync(f, 'v0\n');
    expect(writeFileAtomic(f, 'v1\n', { expected: 'v0\n' }).backup).toBe(`${f}.bak`);
    expect(writeFileAtomic(f, 'v2\n', { expected: 'v1\n' }).backup).toBe(`${f}.bak.1`);
    expect(writeFileAtomic(f, 'v3\n', { expected: 'v2\n' }).backup).toBe(`${f}.bak.2`);
    expect(fs.readFileSync(`${f}.bak`, 'utf8')).toBe('v0\n');
    expect(fs.readFileSync(`${f}.bak.1`, 'utf8')).toBe('v1\n');
    expect(fs.readFileSync(`${f}.bak.2`, 'utf8')).toBe('v2\n');
  });

  it('two lint --fix runs: the first backup survives the second', () => {
    const dir = writeTree({ ...TREE, 'vars.xml': VARS.replace('</include>', '  <settings name="c&d"/>\n</include>') });
    // one escape per run: make the second finding appear only after the first run
    fsconf(['lint', dir, '--fix'], { cwd: dir });
    const afterFirst = fs.readFileSync(path.join(dir, 'vars.xml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'vars.xml'), afterFirst.replace('</include>', '  <settings name="e&f"/>\n</include>'));
    const second = fs.readFileSync(path.join(dir, 'vars.xml'), 'utf8');
    fsconf(['lint', dir, '--fix'], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, 'vars.xml.bak'), 'utf8')).toBe(VARS.replace('</include>', '  <settings name="c&d"/>\n</include>'));
    expect(fs.readFileSync(path.join(dir, 'vars.xml.bak.1'), 'utf8')).toBe(second);
  });
});

describe('as a user who may not write the file', () => {
  it("a root-owned 0644 file in a folder anyone may write is refused, left unchanged and still root's (the CLI runs as nobody)", () => {
    const dir = writeTree({ ...TREE, 'vars.xml': VARS });
    fs.chmodSync(dir, 0o777);
    const vars = path.join(dir, 'vars.xml');
    let r;
    if (isRoot) {
      // root may write anything: test as the unprivileged user for real (util-linux setpriv)
      expect(setpriv, 'setpriv (util-linux) is needed to run the CLI as nobody').toBeDefined();
      fs.chownSync(vars, 0, 0);
      fs.chmodSync(vars, 0o644);
      r = fsconfAsNobody(['lint', dir, '--fix'], dir);
      expect(r.stderr).toMatch(/not fixed: .*vars\.xml: you may not write this file \(owner uid 0, mode 0644\)/);
      expect(fs.statSync(vars).uid).toBe(0);
    } else {
      fs.chmodSync(vars, 0o444);
      r = fsconf(['lint', dir, '--fix'], { cwd: dir });
      expect(r.stderr).toMatch(/not fixed: .*vars\.xml: you may not write this file \(owner uid \d+, mode 0444\)/);
    }
    expect(fs.readFileSync(vars, 'utf8')).toBe(VARS);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.vars.xml') || n.startsWith('vars.xml.bak'))).toEqual([]);
  });

  // only root can hand a file to another owner to set this up
  it.runIf(isRoot)("a group-writable file of root's (group nogroup) is fixed by nobody and keeps its owner (rewritten in place, after its backup)", () => {
    const dir = writeTree({ ...TREE, 'vars.xml': VARS });
    fs.chmodSync(dir, 0o777);
    const vars = path.join(dir, 'vars.xml');
    fs.chownSync(vars, 0, NOBODY);
    fs.chmodSync(vars, 0o664);
    const r = fsconfAsNobody(['lint', dir, '--fix'], dir);
    expect(r.stderr).toContain('fixed');
    expect(fs.readFileSync(vars, 'utf8')).toContain('a&amp;b');
    const st = fs.statSync(vars);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([0, NOBODY, 0o664]);
    expect(fs.readFileSync(`${vars}.bak`, 'utf8')).toBe(VARS);
  });
});
