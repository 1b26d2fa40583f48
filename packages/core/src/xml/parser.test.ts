import { describe, expect, it } from 'vitest';
import { parseXml, elementText } from './parser.js';
import { LineIndex } from '../text.js';
import { scanFile } from '../preprocess/scan.js';

describe('XML scanner ranges', () => {
  it('element, attribute-name and attribute-value ranges are exact, in UTF-16 columns', () => {
    const text = '<profile name="😀 internal">\n  <param name="auth-calls" value="true"/>\n</profile>\n';
    const doc = parseXml(text);
    const lines = new LineIndex(text);
    const profile = doc.roots[0]!;
    const nameAttr = profile.attrs[0]!;
    expect(text.slice(nameAttr.valueStart, nameAttr.valueEnd)).toBe('😀 internal');
    const param = profile.children[0]!;
    const value = param.attrs[1]!;
    expect(lines.range(value.valueStart, value.valueEnd)).toEqual({ start: { line: 1, character: 34 }, end: { line: 1, character: 38 } });
    expect(lines.range(value.nameStart, value.nameEnd)).toEqual({ start: { line: 1, character: 27 }, end: { line: 1, character: 32 } });
    // after the emoji (2 UTF-16 units) columns still line up with what an editor shows
    expect(lines.positionAt(nameAttr.valueEnd)).toEqual({ line: 0, character: 26 });
    expect(text.slice(profile.start, profile.end)).toBe(text.trimEnd());
  });

  it('decodes entities in attribute values and keeps CDATA text as is', () => {
    const doc = parseXml('<condition field="a" expression="^1&amp;2$"><expression><![CDATA[^(\\d+)<$]]></expression></condition>');
    const cond = doc.roots[0]!;
    expect(cond.attrs[1]!.value).toBe('^1&2$');
    expect(elementText(doc, cond.children[0]!)).toBe('^(\\d+)<$');
    expect(doc.fatal).toBeUndefined();
  });

  it('a missing "/>" is accepted by FreeSWITCH but swallows the next element (xml/strict says so)', () => {
    const doc = parseXml('<settings>\n  <param name="a" value="1"/>\n  <param name="b" value="2"\n  <param name="c" value="3"/>\n</settings>\n');
    expect(doc.fatal).toBeUndefined();
    expect(doc.strict.map((p) => p.message)).toEqual([expect.stringContaining('"<param" inside the tag <param>')]);
    expect(doc.roots[0]!.children.length).toBe(2);
  });

  it("keeps a usable tree after an error (first error only is FreeSWITCH's verdict)", () => {
    const doc = parseXml('<settings>\n  <param name="a" value="1"/>\n  <param name="b" value="2">\n</settings>\n');
    expect(doc.fatal?.message).toContain('unexpected closing tag </settings>');
    expect(doc.roots[0]!.name).toBe('settings');
    expect(doc.roots[0]!.children.map((c) => c.attrs.find((a) => a.name === 'name')?.value)).toContain('a');
  });
});

describe('pre-processor scan', () => {
  it('blanks dropped lines and directives to the same length', () => {
    const text = '<include>\n  <X-PRE-PROCESS cmd="set" data="a=1"/>\n  <param name="x" value="$${a}"/>\n</include>\n';
    const s = scanFile(text);
    expect(s.blanked.length).toBe(text.length);
    expect(s.blanked.split('\n').map((l) => l.trim())).toEqual(['', '', '<param name="x" value="$${a}"/>', '', '']);
    expect(s.directives.map((d) => [d.cmd, d.data, d.line])).toEqual([['set', 'a=1', 1]]);
    expect(s.varUses.map((u) => [u.name, text.slice(u.start, u.end)])).toEqual([['a', '$${a}']]);
  });

  it('a line that merely mentions x-pre-process without "<" before it is dropped', () => {
    const s = scanFile('<!--\n NOTICE: YOU CAN NOT COMMENT OUT AN X-PRE-PROCESS line\n-->\n');
    expect(s.dropped.map((d) => d.reason)).toEqual(['mentions-directive']);
    expect(s.directives).toEqual([]);
  });

  it('the <!--#cmd--> form, single and multi-line', () => {
    const s = scanFile('<a>\n<!--#set "x=1"-->\n<!--#comment\n  text\n-->\n</a>\n');
    expect(s.directives.map((d) => [d.form, d.cmd, d.data])).toEqual([
      ['hash-comment', 'set', 'x=1'],
      ['hash-comment', 'comment', undefined],
    ]);
    expect(s.blanked.split('\n').map((l) => l.trim())).toEqual(['<a>', '', '', '', '', '</a>', '']);
  });
});
