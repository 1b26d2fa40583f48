import { describe, expect, it } from 'vitest';
import { literalRuns, maskDiff, maskLines, maskSecretValue, maskText, maskValue, rangesAfterEdit, touches, validRanges } from './secrets.js';
import { diffLines } from './edits.js';

const r = (line: number, s: number, e: number, endLine = line) => ({ start: { line, character: s }, end: { line: endLine, character: e } });

describe('masking', () => {
  it('keeps the first character and the length', () => {
    expect(maskValue('hunter22')).toBe('h*******');
    expect(maskValue('ab')).toBe('a*');
    expect(maskValue('x')).toBe('*');
    expect(maskValue('')).toBe('');
    expect(maskValue('😀pw')).toBe('😀**');
  });

  it('masks ranges in lines, multi-line ranges and CRLF lines included, and leaves the rest', () => {
    const lines = ['<param name="password" value="hunter22"/>', '  <x a="ab', 'cd"/>\r', 'plain'];
    const out = maskLines(lines, [r(0, 30, 38), r(1, 8, 2, 2)]);
    expect(out).toEqual(['<param name="password" value="h*******"/>', '  <x a="a*', '**"/>\r', 'plain']);
    expect(out.map((l) => l.length)).toEqual(lines.map((l) => l.length));
    expect(maskLines(lines, [])).toBe(lines);
    // out-of-range positions are clamped, never thrown
    expect(maskLines(['ab'], [r(0, 1, 99), r(7, 0, 3)])).toEqual(['ab']);
    expect(maskText('a="secret"\n', [r(0, 3, 9)])).toBe('a="s*****"\n');
  });

  it('a diff: removed/context lines masked with the old text, added lines with the new one', () => {
    const before = '<a>\n<param name="password" value="hunter22"/>\n</a>\n';
    const after = '<a>\n<param name="password" value="N3wGen-Pw_x9"/>\n</a>\n';
    const d = maskDiff(diffLines(before, after), before, after, [r(1, 30, 38)], [r(1, 30, 42)]);
    const text = d.map((l) => `${l.kind} ${l.text}`).join('\n');
    expect(text).toContain('- <param name="password" value="h*******"/>');
    expect(text).toContain('+ <param name="password" value="N***********"/>');
    expect(text).not.toMatch(/hunter22|N3wGen/);
  });

  it('a secret being edited: $${var} references stay readable', () => {
    expect(literalRuns('pre$${default_password}Post')).toEqual([
      [0, 3],
      [23, 27],
    ]);
    expect(maskSecretValue('$${default_password}')).toBe('$${default_password}');
    expect(maskSecretValue('hunter22')).toBe('h*******');
    expect(maskSecretValue('ab$${x}cd')).toBe('a*$${x}c*');
  });

  it('ranges after an in-place edit: later ranges on the line shift, the value becomes one when secret', () => {
    const ranges = [r(0, 5, 9), r(0, 20, 24), r(1, 0, 3)];
    expect(rangesAfterEdit(ranges, 0, 5, 9, 'abcdefg', true)).toEqual([r(0, 23, 27), r(1, 0, 3), r(0, 5, 12)]);
    expect(rangesAfterEdit(ranges, 0, 5, 9, '', true)).toEqual([r(0, 16, 20), r(1, 0, 3)]);
    expect(rangesAfterEdit(ranges, 0, 12, 14, 'xy', false)).toEqual(ranges);
    expect(touches(r(0, 5, 9), 0, 8, 10)).toBe(true);
    expect(touches(r(0, 5, 9), 0, 9, 10)).toBe(false);
  });

  it('keeps only well-formed ranges from the server', () => {
    expect(validRanges(null)).toEqual([]);
    expect(validRanges([r(0, 1, 2), { start: { line: 'x' } }, null, { start: { line: 0, character: -1 }, end: { line: 0, character: 1 } }])).toEqual([
      r(0, 1, 2),
    ]);
  });
});
