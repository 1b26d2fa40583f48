import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WriteRefused } from '@fsconf/core';
import { dominantEol, editText, keepBom, readDisk, writePlanned } from './writer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (line: number, character: number) => ({ line, character });

describe('editText', () => {
  it("writes new line breaks with the file's own line ending", () => {
    expect(dominantEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(dominantEol('a\nb\r\nc\n')).toBe('\n');
    expect(editText('a\r\nb\r\n', [{ range: { start: at(1, 0), end: at(1, 0) }, newText: 'x\ny\n' }])).toBe('a\r\nx\r\ny\r\nb\r\n');
    expect(editText('a\nb\n', [{ range: { start: at(1, 0), end: at(1, 1) }, newText: 'x\ny' }])).toBe('a\nx\ny\n');
  });
  it('keeps a BOM the editor buffer lacks', () => {
    expect(keepBom('\ufeff<a/>', '<b/>')).toBe('\ufeff<b/>');
    expect(keepBom('<a/>', '<b/>')).toBe('<b/>');
    expect(keepBom('\ufeff<a/>', '\ufeff<b/>')).toBe('\ufeff<b/>');
  });
});

describe('writePlanned', () => {
  it('writes a BOM file back with its BOM, comparing like for like', () => {
    const f = path.join(dir, 'bom.xml');
    writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a/>\n')]));
    const base = readDisk(f)!;
    expect(base.startsWith('\ufeff')).toBe(true);
    const r = writePlanned(
      [{ path: f, uri: 'file://' + f, text: editText(base, [{ range: { start: at(0, 2), end: at(0, 3) }, newText: 'b' }]), expected: base }],
      true,
    );
    expect(r[0]!.backup).toBe(f + '.bak');
    const bytes = readFileSync(f);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('<b/>\n');
  });

  it('checks every file before writing any', () => {
    const a = path.join(dir, 'a.xml');
    const b = path.join(dir, 'b.xml');
    writeFileSync(a, 'A\n');
    writeFileSync(b, 'B changed\n');
    expect(() =>
      writePlanned(
        [
          { path: a, uri: 'a', text: 'A2\n', expected: 'A\n' },
          { path: b, uri: 'b', text: 'B2\n', expected: 'B\n' },
        ],
        false,
      ),
    ).toThrow(WriteRefused);
    expect(readFileSync(a, 'utf8')).toBe('A\n');
    expect(existsSync(a + '.bak')).toBe(false);
  });

  it('creates a missing file only when it was missing when planned', () => {
    const n = path.join(dir, 'new.xml');
    writePlanned([{ path: n, uri: 'n', text: '<x/>\n', expected: undefined }], true);
    expect(readFileSync(n, 'utf8')).toBe('<x/>\n');
    expect(() => writePlanned([{ path: n, uri: 'n', text: '<y/>\n', expected: undefined }], true)).toThrow(/created on disk/);
  });
});
