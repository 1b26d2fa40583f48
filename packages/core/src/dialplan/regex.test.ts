import { describe, expect, it } from 'vitest';
import { asteriskToRegex, checkPcre2Pattern, checkRegex, toPcre2Input } from './regex.js';

// Expected values below were taken from PCRE2 10.42 (pcre2test); test/pcre2/regex-oracle.test.ts
// re-checks them against the real library.

const ok = (p: string, captures: number): [string, number] => [p, captures];

describe('checkRegex: valid patterns (no false alarms)', () => {
  const valid: Array<[string, number]> = [
    ok('^(\\d+)$', 1),
    ok('^((09|1[0-7])[0-5][0-9]|1800)$', 2),
    ok('^((?!6000)60\\d{2})$', 1),
    ok('(.*?)-canvas-(\\d+)', 2),
    ok('a(b)(?:c)(?<n>d)', 2),
    ok('(?|(a)|(b)(c))', 2),
    ok('(?|(?<a>x)|(?<a>y))', 1),
    ok('(?n)(a)(?<b>c)', 1),
    ok('(?P<name>\\d+)(?P=name)', 1),
    ok("(?'q'x)\\k'q'", 1),
    ok('a++b*+c?+d{2,3}+', 0),
    ok('(?>ab|a)c', 0),
    ok('\\Qa.b*(\\E+', 0),
    ok('(?x) a b # comment\n c', 0),
    ok('(?i)abc(?-i)d', 0),
    ok('\\A\\h\\v\\R\\K\\z', 0),
    ok('[[:digit:][:^alpha:]]+', 0),
    ok('\\x{ff}\\o{377}\\377\\e\\cA', 0),
    ok('(a)(?1)(?-1)(?R)?', 1),
    ok('(?(DEFINE)(?<d>\\d))(?&d)', 1),
    ok('(?(1)a|b)(x)', 1),
    ok('(?<=ab|c)d(?<!x{3})', 0),
    ok('(?<=(?1))(a)', 1),
    ok('(?<=a(*ACCEPT)b+)', 0),
    ok('a{,5}', 0), // literal in 10.42
    ok('a{ 1}', 0),
    ok('[]a]', 0),
    ok('[\\d-]', 0),
    ok('[a-z-9]', 0),
    ok('\\12', 0), // octal: fewer than 12 groups
    ok('(*UTF)\\x{100}é+', 0),
    ok('(*CRLF)(?x)a#c\r\nb', 0),
    ok('(*ACCEPT:x)?', 0),
    ok('[[:<:]]w[[:>:]]', 0),
    ok('\\p{Greek}\\p{sc:Latin}\\p{bc:AL}\\P{L&}', 0),
    ok('', 0),
    ok('('.repeat(250) + 'a' + ')'.repeat(250), 250),
  ];
  for (const [p, caps] of valid) {
    it(JSON.stringify(p.length > 60 ? p.slice(0, 60) + '…' : p), () => {
      const r = checkRegex(p);
      expect(r.error).toBeUndefined();
      expect(r.ok).toBe(true);
      expect(r.captureCount).toBe(caps);
    });
  }
});

describe('checkRegex: invalid patterns', () => {
  const invalid: Array<[string, number]> = [
    ['(abc', 114],
    ['abc)', 122],
    ['*a', 109],
    ['^*', 109],
    ['\\b+', 109],
    ['a**', 109],
    ['a{2}{3}', 109],
    ['a{3,2}', 104],
    ['a{65536}', 105],
    ['[z-a]', 108],
    ['[a', 106],
    ['a\\', 101],
    ['\\c', 102],
    ['\\i', 103],
    ['\\L', 137],
    ['\\x{100}', 134],
    ['\\400', 151],
    ['(?<=a+)b', 125],
    ['(?<=a(b|cd))x', 125],
    ['(?<n>a)(?<n>b)', 143],
    ['(?|(?<a>x)|(?<b>y))', 165],
    ['(?P=missing)', 115],
    ['(?1)', 115],
    ['(a)\\2', 115],
    ['(?(1)a|b|c)(d)', 127],
    ['(?(DEFINE)a|b)', 154],
    ['[[:foo:]]', 130],
    ['[:alpha:]', 112],
    ['[[.a.]]', 113],
    ['(?z)', 111],
    ['(?<1a>x)', 144],
    ['(*FOO)', 160],
    ['(*MARK)', 166],
    ['(?C256)', 138],
    ['\\p{Foo}', 147],
    ['(?=\\K)', 199],
    ['[\\d-z]', 150],
    ['\\g', 157],
    ['\\k', 169],
    ['(?#x', 118],
    ['\\N{U+41}', 193],
    ['(?<abcdefghijklmnopqrstuvwxyzabcdefg>x)', 148],
    ['('.repeat(251) + 'a' + ')'.repeat(251), 119],
  ];
  for (const [p, code] of invalid) {
    it(`${JSON.stringify(p.length > 60 ? p.slice(0, 60) + '…' : p)} -> error ${code}`, () => {
      const r = checkRegex(p);
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe(code);
      expect(r.error!.offset).toBeGreaterThanOrEqual(0);
      expect(r.error!.offset).toBeLessThanOrEqual(p.length);
      expect(r.error!.message.length).toBeGreaterThan(0);
    });
  }
});

describe('error offsets', () => {
  it('points into the original expression', () => {
    expect(checkRegex('abc)').error!.offset).toBe(3);
    expect(checkRegex('x{3,2}').error!.offset).toBeGreaterThanOrEqual(2);
    // non-ASCII before the error: offsets are UTF-16 offsets of the JS string, not UTF-8 bytes
    const r = checkRegex('éé)');
    expect(r.ok).toBe(false);
    expect(r.error!.offset).toBe(2);
  });

  it('adds the leading "/" of the /re/flags form', () => {
    const r = checkRegex('/ab)c/i');
    expect(r.ok).toBe(false);
    expect(r.error!.offset).toBe(3);
  });
});

describe('FreeSWITCH front end', () => {
  it('handles /re/flags with i and s', () => {
    expect(toPcre2Input('/^(\\d+)$/is')).toMatchObject({ ok: true, pattern: '^(\\d+)$', caseless: true, dotall: true, form: 'slashes' });
    expect(toPcre2Input('/a/b/g')).toMatchObject({ ok: true, pattern: 'a/b', caseless: false, dotall: false });
    expect(checkRegex('/^(\\d+)$/i')).toMatchObject({ ok: true, captureCount: 1, hasParen: true });
  });

  it('reports a missing closing "/"', () => {
    const r = checkRegex('/abc');
    expect(r.ok).toBe(false);
    expect(r.error!.message).toMatch(/missing ending '\/'/);
    expect(checkRegex('/').ok).toBe(false);
    expect(checkRegex('//').ok).toBe(true);
  });

  it('converts Asterisk patterns', () => {
    expect(asteriskToRegex('1NXXNXXXXXX').regex).toBe('^1[2-9][0-9][0-9][2-9][0-9][0-9][0-9][0-9][0-9][0-9]$');
    expect(asteriskToRegex('9Z.').regex).toBe('^9[1-9].*$');
    expect(checkRegex('_1NXX')).toMatchObject({ ok: true, captureCount: 0, hasParen: false });
    // nothing else is escaped: "_+1..." becomes "^+1..." which PCRE2 rejects
    const r = checkRegex('_+1NXX');
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe(109);
    expect(r.error!.offset).toBe(1); // the '+' in the original expression
  });

  it('truncates long Asterisk patterns like the 256-byte C buffer', () => {
    const long = asteriskToRegex('1'.repeat(300)).regex;
    expect(long.length).toBeLessThanOrEqual(256);
    expect(long.startsWith('^1')).toBe(true);
  });

  it('does not convert "_" when asked (switch_regex_match)', () => {
    expect(toPcre2Input('_abc', { asterisk: false })).toMatchObject({ ok: true, pattern: '_abc', form: 'plain' });
  });

  it('hasParen follows a plain "(" test on the expression', () => {
    expect(checkRegex('^\\(x').hasParen).toBe(true); // FreeSWITCH only looks for the character
    expect(checkRegex('^x$').hasParen).toBe(false);
  });

  it('lists named groups once, in order', () => {
    expect(checkRegex('(?<b>x)(?<a>y)(?J)(?<b>z)').namedGroups).toEqual(['b', 'a']);
  });
});

describe('checkPcre2Pattern', () => {
  it('works on raw patterns', () => {
    expect(checkPcre2Pattern('(a)(b)')).toMatchObject({ ok: true, captureCount: 2 });
    expect(checkPcre2Pattern('(a')).toMatchObject({ ok: false, error: { code: 114 } });
  });
});
