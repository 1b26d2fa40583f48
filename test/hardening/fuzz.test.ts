/**
 * Property-based fuzzing of the engine over FreeSWITCH's own corpus: every file, mutated (byte flips,
 * truncation, deleted/duplicated lines, inserted `<`, `"`, `&`, `$${`, `<!--`, very long attribute values,
 * random Unicode), is analysed by every rule: no exception, no rule error, bounded time, and every
 * diagnostic range inside its document. A fixed seed in CI; `npm run fuzz` runs longer.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, MemoryFileSystem, LineIndex } from '@fsconf/core';
import { CORPUS } from '../helpers.js';

const RUNS = Number(process.env.FSCONF_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FSCONF_FUZZ_SEED ?? 20261123);

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.xml')) out.push(p);
    }
  };
  walk(CORPUS);
  return out.sort();
}

const files = corpusFiles();
const texts = files.map((f) => fs.readFileSync(f, 'latin1'));

const INSERTS = [
  '<',
  '"',
  '&',
  '$${',
  '<!--',
  '-->',
  '</',
  '/>',
  '<X-PRE-PROCESS cmd="set" data="a=$${a}"/>',
  '<X-PRE-PROCESS cmd="include" data="*.xml"/>',
  '\u0000',
  '\uFFFD',
  '😀',
  '\r\n',
];

type Mutation =
  | { kind: 'flip'; at: number; to: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'dup-line'; line: number }
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'long-attr'; at: number; len: number }
  | { kind: 'unicode'; at: number; s: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), to: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('dup-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('long-attr' as const), at: fc.nat(), len: fc.integer({ min: 1000, max: 200000 }) }),
  fc.record({ kind: fc.constant('unicode' as const), at: fc.nat(), s: fc.string({ unit: 'grapheme', maxLength: 8 }) }),
);

function apply(text: string, m: Mutation): string {
  const n = Math.max(1, text.length);
  switch (m.kind) {
    case 'flip': {
      const i = m.at % n;
      return text.slice(0, i) + String.fromCharCode(m.to) + text.slice(i + 1);
    }
    case 'truncate':
      return text.slice(0, m.at % n);
    case 'delete-line':
    case 'dup-line': {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      if (m.kind === 'delete-line') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'insert': {
      const i = m.at % n;
      return text.slice(0, i) + m.what + text.slice(i);
    }
    case 'long-attr': {
      const i = m.at % n;
      return text.slice(0, i) + ` x="${'A&<'.repeat(Math.ceil(m.len / 3)).slice(0, m.len)}"` + text.slice(i);
    }
    case 'unicode': {
      const i = m.at % n;
      return text.slice(0, i) + m.s + text.slice(i);
    }
  }
}

function checkOne(name: string, text: string): void {
  const fsys = new MemoryFileSystem({
    '/conf/freeswitch.xml': '<document>\n  <X-PRE-PROCESS cmd="include" data="x/*.xml"/>\n</document>\n',
    [`/conf/x/${name}`]: text,
  });
  const started = Date.now();
  const a = analyze(fsys, { root: '/conf' });
  const ms = Date.now() - started;
  expect(a.ruleErrors, `${name}: a rule threw`).toEqual([]);
  expect(ms, `${name}: analysis took ${ms} ms`).toBeLessThan(5000);
  for (const f of a.findings) {
    const doc = a.tree.docs.get(f.file);
    if (!doc) continue;
    const lines = new LineIndex(doc.text);
    const { start, end } = f.range;
    expect(start.line, `${f.rule} line`).toBeLessThan(lines.lineCount);
    expect(end.line).toBeLessThan(lines.lineCount);
    expect(start.character).toBeLessThanOrEqual(lines.lineEnd(start.line) - lines.lineStart(start.line) + 2);
    expect(end.line > start.line || end.character >= start.character, `${f.rule} range order`).toBe(true);
  }
}

describe('fuzzing the engine over the corpus', () => {
  it(`every corpus file analyses cleanly as is (${files.length} files)`, () => {
    files.forEach((f, i) => checkOne(path.basename(f), texts[i]!));
  });

  it(`mutated corpus files never crash a rule (seed ${SEED}, ${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (idx, muts) => {
        let text = texts[idx]!;
        for (const m of muts) text = apply(text, m);
        checkOne(path.basename(files[idx]!), text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120000);
});
