import { describe, expect, it } from 'vitest';
import { applyEdits, diffLines } from './edits.js';
import { decodeAttr, encodeAttr, hoverColumn, lineSegments, valueAttribute } from './line.js';
import { markdownToText } from './markdown.js';
import { counted } from './count.js';

describe('edits and diff', () => {
  it('applies LSP edits in any order', () => {
    const text = 'a\nbb\nccc\n';
    expect(
      applyEdits(text, [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, newText: 'C' },
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '>' },
        { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, newText: '' },
      ]),
    ).toBe('>a\nb\nC\n');
    expect(() =>
      applyEdits(text, [
        { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 1 } }, newText: '' },
        { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: 'x' },
      ]),
    ).toThrow('overlapping');
  });
  it('diffs with context and hunk markers', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const b = a.replace('line 3', 'LINE 3').replace('line 15', 'line 15\ninserted');
    const d = diffLines(a, b, 1);
    expect(d.map((l) => `${l.kind}${l.text}`)).toEqual([
      '@line 2',
      ' line 2',
      '-line 3',
      '+LINE 3',
      ' line 4',
      '@line 15',
      ' line 15',
      '+inserted',
      ' line 16',
    ]);
    expect(d.find((l) => l.kind === '+' && l.text === 'inserted')!.newLine).toBe(15);
  });
});

describe('line rendering', () => {
  it('expands tabs, marks ranges and scrolls sideways', () => {
    expect(lineSegments('\t<a b="x"/>', [{ start: 4, end: 7, severity: 1 }], 0, 80)).toEqual([
      { text: '    <a ' },
      { text: 'b="', severity: 1 },
      { text: 'x"/>' },
    ]);
    expect(lineSegments('abcdef', [], 2, 3)).toEqual([{ text: 'cde' }]);
    // an empty range still shows one marked column
    expect(lineSegments('ab', [{ start: 2, end: 2, severity: 2 }], 0, 80)).toEqual([{ text: 'ab' }, { text: ' ', severity: 2 }]);
  });
  it('finds the hover column and the value to edit', () => {
    expect(hoverColumn('    <param name="auth-calls" value="false"/>')).toBe(17);
    expect(hoverColumn('  <X-PRE-PROCESS cmd="set" data="a=b"/>')).toBe(22);
    expect(valueAttribute('    <param name="auth-calls" value="false"/>')).toEqual({ name: 'auth-calls', start: 36, end: 41, value: 'false', quote: '"' });
    // a quote of the other kind is part of the value; entities are decoded for the editor, escaped when written
    expect(valueAttribute(`    <param name="greeting" value="it's"/>`)).toMatchObject({ value: "it's", quote: '"' });
    expect(decodeAttr('1&quot;&lt;&amp;')).toBe('1"<&');
    expect(encodeAttr('1"<&')).toBe('1&quot;&lt;&amp;');
    expect(encodeAttr("it's", "'")).toBe('it&apos;s');
    expect(valueAttribute('  <X-PRE-PROCESS cmd="set" data="a=b"/>')).toMatchObject({ name: 'data', value: 'a=b' });
    expect(valueAttribute('<profile name="x">')).toBeUndefined();
  });
  it('turns hover markdown into plain lines', () => {
    expect(markdownToText('**auth-calls** — `bool`\n\nChallenge *every* INVITE.\n\n```xml\n<param/>\n```\n- one')).toEqual([
      'auth-calls — bool',
      '',
      'Challenge every INVITE.',
      '',
      '  <param/>',
      '• one',
    ]);
  });
});

describe('counted', () => {
  it('puts the noun in the right number', () => {
    expect([counted(0, 'user'), counted(1, 'user'), counted(2, 'extension'), counted(1, 'address', 'addresses')]).toEqual([
      '0 users',
      '1 user',
      '2 extensions',
      '1 address',
    ]);
  });
});
