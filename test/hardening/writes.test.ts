/** Fix writes never lose or half-write a file. */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic, WriteRefused } from '@fsconf/core';
import { fsconf } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';

const tmpFile = (text: string, mode = 0o644) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsconf-write-'));
  const f = path.join(dir, 'vars.xml');
  fs.writeFileSync(f, text);
  fs.chmodSync(f, mode);
  return { dir, f };
};

describe('atomic writes', () => {
  it('a failure between the temp-file write and the rename leaves the original intact and no temp file', () => {
    const { dir, f } = tmpFile('original\n');
    expect(() => writeFileAtomic(f, 'changed\n', { expected: 'original\n', failBeforeRename: true })).toThrow(/simulated/);
    expect(fs.readFileSync(f, 'utf8')).toBe('original\n');
    expect(fs.readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('refuses when the file changed on disk since it was read', () => {
    const { f } = tmpFile('original\n');
    fs.writeFileSync(f, 'someone else edited\n');
    expect(() => writeFileAtomic(f, 'fixed\n', { expected: 'original\n' })).toThrow(WriteRefused);
    expect(fs.readFileSync(f, 'utf8')).toBe('someone else edited\n');
  });

  it('keeps a .bak of the original, the mode, and writes exactly the new text', () => {
    const { f } = tmpFile('a\r\nb\r\n', 0o600);
    const r = writeFileAtomic(f, 'a\r\nc\r\n', { expected: 'a\r\nb\r\n' });
    expect(r.backup).toBe(`${f}.bak`);
    expect(fs.readFileSync(`${f}.bak`, 'utf8')).toBe('a\r\nb\r\n');
    expect(fs.readFileSync(f, 'utf8')).toBe('a\r\nc\r\n');
    expect(fs.statSync(f).mode & 0o777).toBe(0o600);
  });

  it('backup: false writes no .bak', () => {
    const { f } = tmpFile('x\n');
    writeFileAtomic(f, 'y\n', { expected: 'x\n', backup: false });
    expect(fs.existsSync(`${f}.bak`)).toBe(false);
  });
});

describe('lint --fix keeps CRLF line endings and honours --no-backup', () => {
  it('a CRLF file stays CRLF after a fix', () => {
    const dir = writeTree({
      'freeswitch.xml': '<document>\r\n  <X-PRE-PROCESS cmd="include" data="vars.xml"/>\r\n  <section name="a&b"/>\r\n</document>\r\n',
      'vars.xml': '<include>\r\n</include>\r\n',
    });
    const r = fsconf(['lint', dir, '--fix', '--no-backup'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'freeswitch.xml'), 'utf8');
    // escaping "&" is a safe fix (FreeSWITCH reads the same value)
    expect(text).toBe('<document>\r\n  <X-PRE-PROCESS cmd="include" data="vars.xml"/>\r\n  <section name="a&amp;b"/>\r\n</document>\r\n');
    expect(fs.existsSync(path.join(dir, 'freeswitch.xml.bak'))).toBe(false);
  });
});

describe("a fix keeps the file's encoding", () => {
  it('a Latin-1 file stays Latin-1 (no re-encoding of its other bytes)', () => {
    const dir = writeTree({ 'freeswitch.xml': '' });
    const latin1 = Buffer.from('<document>\n  <!-- Grüße aus Köln -->\n  <section name="a&b"/>\n</document>\n', 'latin1');
    fs.writeFileSync(path.join(dir, 'freeswitch.xml'), latin1);
    const r = fsconf(['lint', dir, '--fix', '--no-backup'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    const after = fs.readFileSync(path.join(dir, 'freeswitch.xml'));
    expect(after.equals(Buffer.from(latin1.toString('latin1').replace('a&b', 'a&amp;b'), 'latin1'))).toBe(true);
  });

  it('a UTF-8 BOM stays, and columns on line 1 are what editors show', () => {
    const dir = writeTree({ 'freeswitch.xml': '' });
    fs.writeFileSync(
      path.join(dir, 'freeswitch.xml'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<X-PRE-PROCESS cmd="inlcude" data="x.xml"/>\n<document name="a&b"/>\n')]),
    );
    const lint = fsconf(['lint', dir, '--format', 'json'], { cwd: dir });
    const f = (JSON.parse(lint.stdout) as { rule: string; line: number; column: number }[]).find((x) => x.rule === 'preprocess/unknown-cmd')!;
    expect([f.line, f.column]).toEqual([1, 21]);
    fsconf(['lint', dir, '--fix', '--no-backup'], { cwd: dir });
    const after = fs.readFileSync(path.join(dir, 'freeswitch.xml'));
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // the did-you-mean is a choice (--fix leaves it); the escape is safe
    expect(after.subarray(3).toString('utf8')).toBe('<X-PRE-PROCESS cmd="inlcude" data="x.xml"/>\n<document name="a&amp;b"/>\n');
  });
});
