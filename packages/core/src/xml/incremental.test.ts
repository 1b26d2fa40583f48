import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fs from 'node:fs';
import { CORPUS_DIR } from '../testing/paths.js';
import { MemoryFileSystem, DEFAULT_LIMITS } from '../fs.js';
import { readDoc, type Doc, type ParseCache } from '../tree.js';
import { walk, type XmlElement } from './parser.js';

const CORPUS = `${CORPUS_DIR}/`;
const FILES = [
  'vanilla/dialplan/default.xml',
  'vanilla/dialplan/public.xml',
  'vanilla/sip_profiles/internal.xml',
  'vanilla/directory/default.xml',
  'vanilla/autoload_configs/acl.conf.xml',
  'vanilla/vars.xml',
  'sbc/dialplan/default.xml',
].map((f) => ({ name: f, text: fs.readFileSync(CORPUS + f, 'utf8') }));

/** Everything a parse produces, offsets included, in a comparable shape (parents checked on the way). */
function dump(doc: Doc): unknown {
  const el = (e: XmlElement, parent: XmlElement | undefined): unknown => {
    expect(e.parent).toBe(parent);
    return {
      n: e.name,
      o: [e.start, e.nameStart, e.nameEnd, e.startTagEnd, e.end, e.selfClosing, e.closed],
      a: e.attrs.map((a) => [a.name, a.value, a.nameStart, a.nameEnd, a.valueStart, a.valueEnd, a.quote]),
      t: e.textParts.map((t) => [t.start, t.end, t.cdata]),
      c: e.children.map((c) => el(c, e)),
    };
  };
  const { text, roots, comments, fatal, fatals, strict } = doc.xml;
  return {
    text,
    roots: roots.map((r) => el(r, undefined)),
    comments,
    fatal,
    fatals,
    strict,
    scan: doc.scan,
    lines: Array.from({ length: doc.lines.lineCount }, (_, i) => doc.lines.lineStart(i)),
  };
}

const SNIPPETS = [
  '<',
  '>',
  '"',
  '/>',
  '&',
  '$${x}',
  '$${',
  '<!--',
  '-->',
  '\n',
  '\r\n',
  ' ',
  'é',
  '<action application="log" data="$1"/>',
  '</extension>',
  '<extension name="e">',
  '<condition field="x" expression="^(1)$"/>',
  '<![CDATA[ a ]]>',
  '<X-PRE-PROCESS cmd="set" data="a=b"/>',
  '<!--#set a=b-->',
  '<include>',
  'name="y" ',
];

const edit = fc.record({
  file: fc.nat(FILES.length - 1),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(200)),
  ins: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 12 }), fc.constant('')),
});

describe('re-parsing only the edited span gives exactly what a full parse gives', () => {
  it('on random edit sequences of corpus files (fixed seed)', () => {
    let reused = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const mem = new MemoryFileSystem();
        const texts = FILES.map((f) => f.text);
        const cache: ParseCache = new Map();
        const path = (i: number) => `/conf/${i}.xml`;
        for (const [i, t] of texts.entries()) {
          mem.set(path(i), t);
          readDoc(mem, path(i), DEFAULT_LIMITS, cache);
        }
        for (const e of edits) {
          const old = texts[e.file]!;
          const at = Math.floor(e.at * old.length);
          const next = old.slice(0, at) + e.ins + old.slice(Math.min(old.length, at + e.del));
          texts[e.file] = next;
          mem.set(path(e.file), next);
          const before = new Set(walk(cache.get(path(e.file))!.xml.roots));
          const doc = readDoc(mem, path(e.file), DEFAULT_LIMITS, cache);
          for (const el of walk(doc.xml.roots)) {
            total++;
            if (before.has(el)) reused++;
          }
          const fresh = readDoc(mem, path(e.file), DEFAULT_LIMITS);
          expect(dump(doc)).toEqual(dump(fresh));
        }
      }),
      { seed: 20261123, numRuns: Number(process.env.FSCONF_FUZZ_RUNS ?? 120) },
    );
    // most elements must actually be kept (same objects), or this test proves nothing
    expect(reused / total).toBeGreaterThan(0.8);
  }, 900_000);
});

describe('a file with a fatal error is still re-parsed only where it was edited', () => {
  it('edits before and after the error keep the elements and move the error with the text', () => {
    const text = FILES[0]!.text.replace('<extension name="echo">', '<extension name="echo"><condition field="x" expression="y"></extension>');
    const mem = new MemoryFileSystem({ '/c/a.xml': text });
    const cache: ParseCache = new Map();
    const first = readDoc(mem, '/c/a.xml', DEFAULT_LIMITS, cache);
    expect(first.xml.fatal?.message).toContain('unexpected closing tag </extension>');
    const errorAt = first.xml.fatal!.start;
    const steps = [
      text.replace('<extension name="unloop">', '<extension name="unloop" continue="true">'), // before the error: it moves
      text.replace('<extension name="unloop">', '<extension name="unloop" continue="true">').replace('<extension name="milliwatt">', '<extension name="mw">'), // after it: the error stays
    ];
    const moved = [errorAt + ' continue="true"'.length, errorAt + ' continue="true"'.length];
    for (const [i, t] of steps.entries()) {
      const before = new Set(walk(cache.get('/c/a.xml')!.xml.roots));
      mem.set('/c/a.xml', t);
      const doc = readDoc(mem, '/c/a.xml', DEFAULT_LIMITS, cache);
      expect(dump(doc)).toEqual(dump(readDoc(mem, '/c/a.xml', DEFAULT_LIMITS)));
      expect(doc.xml.fatal!.start).toBe(moved[i]);
      const all = [...walk(doc.xml.roots)];
      expect(all.filter((e) => before.has(e)).length / all.length).toBeGreaterThan(0.9);
    }
  });
});
