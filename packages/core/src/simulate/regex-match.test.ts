import { describe, expect, it } from 'vitest';
import { exampleFor, matchExpression } from './regex-match.js';

const m = (e: string, s: string) => {
  const r = matchExpression(e, s);
  return r.decided ? (r.matched ? r.groups : false) : `undecided: ${r.reason}`;
};

describe('matching a condition expression like PCRE', () => {
  it('anchors, classes, captures and alternation', () => {
    expect(m('^(10[01][0-9])$', '1000')).toEqual(['1000', '1000']);
    expect(m('^(10[01][0-9])$', '1020')).toBe(false);
    expect(m('^88(\\d{4})$|^\\*0(.*)$', '*0123')).toEqual(['*0123', undefined, '123']);
  });
  it('$ also matches before a final newline; a dot does not match a newline', () => {
    expect(m('^1$', '1\n')).toEqual(['1']);
    expect(m('^1\\z', '1\n')).toBe(false);
    expect(m('^1.2$', '1\n2')).toBe(false);
    expect(m('/^1.2$/s', '1\n2')).toEqual(['1\n2']);
  });
  it('the /re/i form folds ASCII case only; the _ form is an Asterisk pattern', () => {
    expect(m('/^abc$/i', 'ABC')).toEqual(['ABC']);
    expect(m('_1XXX', '1234')).toEqual(['1234']);
    expect(m('_1XXX', '12345')).toBe(false);
    expect(m('_NXX.', '2001')).toEqual(['2001']);
  });
  it('works on bytes: a two-byte character is two dots', () => {
    expect(m('^..$', 'é')).toEqual(['é']);
    expect(m('^.$', 'é')).toBe(false);
  });
  it('a compile error is a decided no-match; constructs JavaScript lacks are undecided', () => {
    expect(m('^(12', '12')).toBe(false);
    expect(m('^a++$', 'aa')).toMatch(/undecided: .*possessive/);
    expect(m('^(a)\\1$', 'aa')).toMatch(/undecided: .*back reference/);
    expect(m('(?i)abc', 'ABC')).toMatch(/undecided/);
  });
  it('a match with a group numbered 10 or more is no match for FreeSWITCH 1.10.12 (30-int ovector)', () => {
    expect(m('^(1)(2)(3)(4)(5)(6)(7)(8)(9)$', '123456789')).not.toBe(false);
    expect(m('^(1)(2)(3)(4)(5)(6)(7)(8)(9)(0)$', '1234567890')).toBe(false);
  });
});

describe('writing a destination an expression accepts', () => {
  it.each(['^(10[01][0-9])$', '^9(\\d{11})$', '^(011|00)(\\d+)$', '^\\+?1?([2-9]\\d{9})$', '_1NXXNXXXXXX', '^(?:\\*|#)9(\\d+)$', '^(3[5-8][01][0-9])$'])(
    '%s',
    (e) => {
      const s = exampleFor(e);
      expect(s).toBeDefined();
      const r = matchExpression(e, s!);
      expect(r.decided && r.matched).toBe(true);
    },
  );
});
