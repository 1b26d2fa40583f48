import { describe, expect, it } from 'vitest';
import { captureRefs, groupText, unmatchedParen } from '../../semantics/captures.js';

describe('captureRefs (switch_perform_substitution)', () => {
  it('reads $N and ${N}, not ${var}', () => {
    const refs = (s: string) => captureRefs(s).map((r) => `${s.slice(r.start, r.end)}=${r.n}`);
    expect(refs('$1 ${2} ${caller_id_number} $$3 $0')).toEqual(['$1=1', '${2}=2', '$3=3', '$0=0']);
    expect(refs('$10x')).toEqual(['$10=10']); // greedy digits: group 10
    expect(refs('${12x}')).toEqual([]); // no closing brace right after the digits: not a reference
    expect(refs('$257 $256')).toEqual(['$257=-1', '$256=256']); // above 256: never substituted
    expect(refs('$1234567890')).toEqual(['$123456789=-1']); // at most 9 digits are read
    expect(refs('cost: $ 5, ${')).toEqual([]);
  });
});

describe('groupText', () => {
  it('shows the text of group N', () => {
    expect(groupText('^(1)(\\d{3})$', 2)).toBe('(\\d{3})');
    expect(groupText('^(?:00|\\+)(?<cc>\\d{2})([(]x)$', 1)).toBe('(?<cc>\\d{2})');
    expect(groupText('^(?:00|\\+)(?<cc>\\d{2})([(]x)$', 2)).toBe('([(]x)');
    expect(groupText('/^(a)(?#(comment)(b)$/i', 2)).toBe('(b)');
    expect(groupText('^\\Q(\\E(x)$', 1)).toBe('(x)');
    expect(groupText('^(?|(a)|(b))$', 1)).toBeUndefined(); // branch reset renumbers
    expect(groupText('^(a)$', 2)).toBeUndefined();
  });
});

describe('unmatchedParen', () => {
  it('finds the "(" that is never closed', () => {
    expect(unmatchedParen('^(9\\d+$')).toBe(1);
    expect(unmatchedParen('^(a)(b(c)$')).toBe(4);
    expect(unmatchedParen('^[(](x)$')).toBeUndefined();
    expect(unmatchedParen('^\\((x)$')).toBeUndefined();
  });
});
