// Differential test: packages/core/src/dialplan/regex.ts against the real PCRE2 (Debian's pcre2test,
// package pcre2-utils). Every pattern is first preprocessed like FreeSWITCH's switch_regex_perform
// (`_` Asterisk form, `/re/flags` form), then compiled by both; they must agree on success and on the
// capture group count. Without pcre2test these tests FAIL (they are never skipped).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPcre2Pattern, checkRegex, toPcre2Input } from '../../packages/core/src/dialplan/regex.js';
import { CORPUS } from '../helpers.js';
import { PCRE2TEST_MISSING, pcre2Printable, pcre2testVersion, runPcre2Match, runPcre2test, type OracleResult } from './pcre2test.js';
import { exampleFor, matchExpression } from '../../packages/core/src/simulate/regex-match.js';

const version = pcre2testVersion();

function requirePcre2test(): void {
  if (!version) throw new Error(PCRE2TEST_MISSING);
}

interface Verdict {
  expression: string;
  oracle: OracleResult;
}

/** What FreeSWITCH + PCRE2 do with each expression. */
function oracleForExpressions(expressions: readonly string[]): Verdict[] {
  const inputs = expressions.map((e) => toPcre2Input(e));
  const toCompile = inputs.flatMap((inp) => (inp.ok ? [{ pattern: inp.pattern, caseless: inp.caseless, dotall: inp.dotall }] : []));
  const compiled = runPcre2test(toCompile);
  let k = 0;
  return expressions.map((expression, i) => {
    const inp = inputs[i]!;
    return { expression, oracle: inp.ok ? compiled[k++]! : { ok: false, message: inp.message } };
  });
}

function disagreements(verdicts: readonly Verdict[]): string[] {
  const out: string[] = [];
  for (const { expression, oracle } of verdicts) {
    const mine = checkRegex(expression);
    const agree = mine.ok === oracle.ok && (!oracle.ok || mine.captureCount === oracle.captureCount);
    if (!agree) {
      out.push(
        `${JSON.stringify(expression)}: pcre2 ${oracle.ok ? `ok, ${oracle.captureCount} captures` : `error ${oracle.code ?? '-'} ${oracle.message}`}; ` +
          `checkRegex ${mine.ok ? `ok, ${mine.captureCount} captures` : `error ${mine.error?.code ?? '-'} ${mine.error?.message}`}`,
      );
    }
  }
  return out;
}

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...xmlFiles(p));
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Every expression="..." / expression='...' value in the corpus that contains no variable. */
function corpusExpressions(): string[] {
  const found = new Set<string>();
  for (const file of xmlFiles(CORPUS)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bexpression\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const value = decodeXml(m[1] ?? m[2] ?? '');
      if (value.includes('${') || value.includes('$${')) continue;
      found.add(value);
    }
  }
  return [...found].sort();
}

/** Valid in PCRE2 10.42; JavaScript's RegExp rejects most of them (checked below). */
const PCRE2_ONLY = [
  'a++',
  'a*+b',
  'a?+',
  '\\d{2,4}+',
  '(?>ab|a)c',
  '\\Qa.b*c\\E',
  '\\Q(unclosed',
  '(?i)abc',
  '(?i:ab)c',
  '(?x) a b c # comment',
  '(?s).+',
  '(?m)^a$',
  '(?-i)a',
  '(?^)a',
  '(?|(a)|(b))',
  '(?|(?<n>a)|(?<n>b))\\k<n>',
  '(?P<name>\\d+)(?P=name)',
  '(?P<x>a)(?P>x)',
  "(?'quoted'abc)",
  '\\Aabc\\z',
  'abc\\Z',
  '\\h+\\v*',
  '\\Rx',
  'foo\\Kbar',
  '[[:digit:]]+',
  '[[:^alpha:][:space:]]',
  '\\x{41}\\x{ff}',
  'a(?#comment)b',
  '(a|b(?R))',
  '(a)(?1)',
  '(?+1)(x)',
  '(a)(?-1)',
  '(?(1)a|b)(x)',
  '(?(<n>)a|b)(?<n>c)',
  '(?(R)a|b)',
  '(?(DEFINE)(?<d>\\d))(?&d)',
  '\\g{1}(a)',
  '(a)\\g{-1}',
  '(a)\\g1',
  '\\g<1>(a)',
  '\\k{n}(?<n>a)',
  '(*ACCEPT)',
  '(*FAIL)|a',
  'a(*SKIP)b|c',
  '(*MARK:x)a',
  '(*UTF)é',
  '(*CRLF)a$',
  '(*pla:a)b',
  '(*atomic:a+)b',
  '(?C1)a',
  '[[:<:]]word[[:>:]]',
  '\\ca\\e',
  '\\N{3}',
  '\\p{L&}',
  '(?n)(a)(?<b>c)',
  '\\o{101}',
  'a{,3}',
  '(?<=ab|c)d',
  '(?<=(?1))(a)',
  '(?J)(?<n>a)|(?<n>b)',
  '[\\Q]\\E]',
  '(?xx)[ a b ]',
  // FreeSWITCH front end
  '/^(\\d+)$/i',
  '/a.b/s',
  '_1NXXNXXXXXX',
  '_9.',
];

/** Rejected by PCRE2 10.42 (or by FreeSWITCH before compiling). */
const INVALID = [
  '(abc',
  'abc)',
  '*a',
  'a**',
  'a{2}{3}',
  'a{3,2}',
  'a{65536}',
  '[z-a]',
  '[a',
  'a\\',
  '\\c',
  '\\i',
  '\\x{100}',
  '\\400',
  '(?<=a+)b',
  '(?<=a(b|cd))x',
  '(?<n>a)(?<n>b)',
  '(?P=missing)',
  '\\k<missing>',
  '(?&missing)',
  '(?1)',
  '(a)\\2',
  '(?(2)a|b)(c)',
  '(?(1)a|b|c)(d)',
  '(?(DEFINE)a|b)',
  '[[:foo:]]',
  '[:alpha:]',
  '[[.a.]]',
  '(?z)',
  '(?<1a>x)',
  '(*FOO)',
  '(*MARK)',
  '(?C256)',
  '\\p{Foo}',
  '(?=\\K)',
  '[\\d-z]',
  '\\g',
  '\\k',
  '(?<=\\R)',
  '^*',
  '\\b+',
  '(?#unterminated',
  '\\N{U+41}',
  '(?x:a',
  '(?|(?<a>x)|(?<b>y))',
  '(?<abcdefghijklmnopqrstuvwxyzabcdefg>x)',
  '('.repeat(251) + 'a' + ')'.repeat(251),
  // FreeSWITCH front end
  '/abc',
  '/',
  '_+1NXX',
];

// A small deterministic generator of PCRE2-ish patterns (mostly valid, some broken).
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatePatterns(seed: number, count: number): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const lits = ['a', 'b', '1', '0', ' ', '#', '-', ']', '}', '{', 'é', ',', ':', '=', '<', '>', '/', '_'];
  const escs = [
    '\\d',
    '\\w',
    '\\s',
    '\\b',
    '\\B',
    '\\A',
    '\\z',
    '\\1',
    '\\2',
    '\\g{-1}',
    '\\k<n>',
    '\\g<1>',
    '\\x41',
    '\\x{1ff}',
    '\\p{L}',
    '\\P{Greek}',
    '\\pX',
    '\\Qa|b\\E',
    '\\E',
    '\\K',
    '\\R',
    '\\X',
    '\\C',
    '\\N',
    '\\h',
    '\\cA',
    '\\0',
    '\\377',
    '\\400',
    '\\.',
    '\\i',
    '\\o{12}',
  ];
  const classes = [
    '[ab]',
    '[^a-z]',
    '[z-a]',
    '[\\d-]',
    '[\\d-z]',
    '[[:alpha:]]',
    '[[:foo:]]',
    '[]a]',
    '[\\Q-]\\E]',
    '[a-\\d]',
    '[é]',
    '[%--]',
    '[\\N]',
    '[\\b]',
  ];
  const quants = ['*', '+', '?', '{2}', '{1,3}', '{2,}', '{,3}', '{0}', '{3,1}'];
  const groups = [
    '',
    '',
    '?:',
    '?<n>',
    '?<m>',
    '?|',
    '?>',
    '?=',
    '?!',
    '?<=',
    '?<!',
    '?(1)',
    '?(<n>)',
    '?(R)',
    '?(?=a)',
    '?(DEFINE)',
    '?i:',
    '?x:',
    '?n:',
    '*pla:',
    '*plb:',
    '*atomic:',
    '?<*',
    '?*',
  ];
  const others = ['(?R)', '(?1)', '(?-1)', '(?+1)', '(?&n)', '(*ACCEPT)', '(*F)', '(*MARK:x)', '(?C1)', '(?i)', '(?x)', '(?#c)', '.', '^', '$'];
  const regex = (d: number): string => {
    const alt = (): string => {
      let s = '';
      const n = Math.floor(rnd() * 5);
      for (let i = 0; i < n; i++) {
        const r = rnd();
        let atom: string;
        if (r < 0.3) atom = pick(lits);
        else if (r < 0.55) atom = pick(escs);
        else if (r < 0.65) atom = pick(classes);
        else if (r < 0.78) atom = pick(others);
        else atom = d < 3 ? `(${pick(groups)}${regex(d + 1)})` : pick(lits);
        if (rnd() < 0.3) atom += pick(quants) + pick(['', '', '?', '+']);
        s += atom;
      }
      return s;
    };
    let s = alt();
    while (rnd() < 0.25) s += '|' + alt();
    return s;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let p = regex(0);
    if (rnd() < 0.15 && p.length > 0) {
      const at = Math.floor(rnd() * (p.length + 1));
      p = rnd() < 0.5 ? p.slice(0, at) + pick([...'()[]{}|\\*+?-^$#x ']) + p.slice(at) : p.slice(0, at) + p.slice(at + 1);
    }
    out.push(p);
  }
  return out;
}

describe('PCRE2 oracle (pcre2test)', () => {
  it('pcre2test is installed', () => {
    requirePcre2test();
    expect(version).toBeTruthy();
  });

  it('accepts every expression of the FreeSWITCH corpus exactly like PCRE2', () => {
    requirePcre2test();
    const expressions = corpusExpressions();
    expect(expressions.length).toBeGreaterThan(300);
    const verdicts = oracleForExpressions(expressions);
    expect(disagreements(verdicts)).toEqual([]);
    // No false alarm: everything PCRE2 compiles is accepted.
    for (const v of verdicts) if (v.oracle.ok) expect(checkRegex(v.expression).ok).toBe(true);
  });

  it('accepts PCRE2-only syntax that JavaScript rejects', () => {
    requirePcre2test();
    const jsRejects = PCRE2_ONLY.filter((p) => {
      const inp = toPcre2Input(p);
      const pattern = inp.ok ? inp.pattern : p;
      try {
        new RegExp(pattern, 'u');
        return false;
      } catch {
        return true;
      }
    });
    expect(jsRejects.length).toBeGreaterThanOrEqual(40);
    const verdicts = oracleForExpressions(PCRE2_ONLY);
    expect(verdicts.filter((v) => !v.oracle.ok).map((v) => v.expression)).toEqual([]);
    expect(disagreements(verdicts)).toEqual([]);
  });

  it('rejects invalid patterns like PCRE2, with the same error number', () => {
    requirePcre2test();
    expect(INVALID.length).toBeGreaterThanOrEqual(30);
    const verdicts = oracleForExpressions(INVALID);
    expect(verdicts.filter((v) => v.oracle.ok).map((v) => v.expression)).toEqual([]);
    expect(disagreements(verdicts)).toEqual([]);
    for (const v of verdicts) {
      const mine = checkRegex(v.expression);
      expect(mine.error, v.expression).toBeDefined();
      if (v.oracle.code !== undefined) expect(mine.error!.code, v.expression).toBe(v.oracle.code);
      expect(mine.error!.offset).toBeGreaterThanOrEqual(0);
      expect(mine.error!.offset).toBeLessThanOrEqual(v.expression.length);
    }
  });

  it('agrees with PCRE2 on generated patterns', () => {
    requirePcre2test();
    const patterns = generatePatterns(20241123, 4000);
    const oracle = runPcre2test(patterns.map((pattern) => ({ pattern })));
    const bad: string[] = [];
    patterns.forEach((p, i) => {
      const o = oracle[i]!;
      const m = checkPcre2Pattern(p);
      if (m.ok !== o.ok || (o.ok && m.captureCount !== o.captureCount)) {
        bad.push(
          `${JSON.stringify(p)}: pcre2 ${o.ok ? `ok ${o.captureCount}` : `error ${o.code}`}, mine ${m.ok ? `ok ${m.captureCount}` : `error ${m.error?.code}`}`,
        );
      }
    });
    expect(bad).toEqual([]);
  });
});

// Matching: the call simulator (packages/core/src/simulate/regex-match.ts) must find the same match and the
// same captures as PCRE2 for every corpus expression, on subjects written to match it and on common dialled
// strings; where it cannot translate an expression it must say so (undecided), never answer differently.
const SUBJECTS = [
  '1000',
  '1019',
  '1020',
  '0044123456789',
  '5551212',
  '3500',
  '*98',
  '**1000',
  '+15551234567',
  '011441234567',
  '9',
  'abc',
  'ABC',
  'true',
  'false',
  'sip:1000@example.org',
  '1000\n',
  'a b',
  'é1',
];

describe('PCRE2 matching oracle (pcre2test subjects)', () => {
  it('matches every corpus expression exactly like PCRE2 on generated and common subjects', () => {
    requirePcre2test();
    const expressions = corpusExpressions();
    const cases: { expression: string; pattern: string; caseless: boolean; dotall: boolean; subjects: string[] }[] = [];
    const undecided: string[] = [];
    for (const e of expressions) {
      const inp = toPcre2Input(e);
      if (!inp.ok || !checkRegex(e).ok) continue;
      const probe = matchExpression(e, '1000', { ovectorLimit: false });
      if (!probe.decided) {
        undecided.push(`${e}: ${probe.reason}`);
        continue;
      }
      const ex = exampleFor(e);
      const subjects = [...new Set([...(ex ? [ex, ex + '1', ex.slice(0, -1)] : []), ...SUBJECTS])].filter((s) => s !== '');
      cases.push({ expression: e, pattern: inp.pattern, caseless: inp.caseless, dotall: inp.dotall, subjects });
    }
    expect(cases.length).toBeGreaterThan(300);
    const oracle = runPcre2Match(cases);
    const bad: string[] = [];
    let compared = 0;
    cases.forEach((c, i) => {
      c.subjects.forEach((s, j) => {
        const o = oracle[i]![j];
        const m = matchExpression(c.expression, s, { ovectorLimit: false });
        if (!m.decided) return void bad.push(`${c.expression} on ${JSON.stringify(s)}: undecided (${m.reason})`);
        compared++;
        const mine = m.matched
          ? (m.bytes ?? []).map((g) => (g === undefined ? undefined : pcre2Printable(Uint8Array.from(g, (ch) => ch.charCodeAt(0)))))
          : null;
        // pcre2test does not print unset groups after the last set one
        if (mine) while (mine.length && mine[mine.length - 1] === undefined) mine.pop();
        if (JSON.stringify(mine) !== JSON.stringify(o))
          bad.push(`${c.expression} on ${JSON.stringify(s)}: pcre2 ${JSON.stringify(o)}, fsconf ${JSON.stringify(mine)}`);
      });
    });
    expect(bad).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
    // what fsconf cannot translate is named, never guessed; the corpus has next to none
    expect(undecided.length).toBeLessThanOrEqual(5);
    for (const u of undecided) expect(u).toMatch(/cannot match this expression exactly like PCRE: /);
    // every generated example really matches
    let examples = 0;
    cases.forEach((c, i) => {
      const ex = exampleFor(c.expression);
      if (!ex) return;
      examples++;
      expect(oracle[i]![c.subjects.indexOf(ex)], `${c.expression} on ${ex}`).not.toBeNull();
    });
    expect(examples).toBeGreaterThan(300);
  });

  it('generated PCRE2 patterns: wherever fsconf decides, it decides like PCRE2', () => {
    requirePcre2test();
    // raw PCRE2 patterns (the FreeSWITCH `/re/` and `_` front ends are covered by the corpus test)
    const patterns = generatePatterns(7, 3000).filter((p) => checkPcre2Pattern(p).ok && !p.startsWith('/') && !p.startsWith('_'));
    const cases = patterns.flatMap((pattern) => {
      const m = matchExpression(pattern, 'a', { ovectorLimit: false });
      if (!m.decided) return [];
      const ex = exampleFor(pattern);
      return [{ pattern, subjects: [...new Set([...(ex ? [ex] : []), 'a', 'ab', 'b1 0', '#-]', 'é', 'a\nb', ' ', '1,0'])] }];
    });
    expect(cases.length).toBeGreaterThan(200);
    const oracle = runPcre2Match(cases);
    const bad: string[] = [];
    cases.forEach((c, i) =>
      c.subjects.forEach((s, j) => {
        const m = matchExpression(c.pattern, s, { ovectorLimit: false });
        if (!m.decided) return;
        const mine = m.matched
          ? (m.bytes ?? []).map((g) => (g === undefined ? undefined : pcre2Printable(Uint8Array.from(g, (ch) => ch.charCodeAt(0)))))
          : null;
        if (mine) while (mine.length && mine[mine.length - 1] === undefined) mine.pop();
        if (JSON.stringify(mine) !== JSON.stringify(oracle[i]![j]))
          bad.push(`${JSON.stringify(c.pattern)} on ${JSON.stringify(s)}: pcre2 ${JSON.stringify(oracle[i]![j])}, fsconf ${JSON.stringify(mine)}`);
      }),
    );
    expect(bad).toEqual([]);
  });
});
