import { describe, expect, it } from 'vitest';
import { separateArgs } from './args.js';

// Behaviour checked against a compiled copy of switch_separate_string (src/switch_utils.c).

const values = (data: string, max: number): string[] => separateArgs(data, max).map((a) => a.value);

describe('separateArgs with the blank delimiter', () => {
  it('splits on runs of spaces', () => {
    expect(values('1 4  /tmp/x.wav   digits 5000 #', 7)).toEqual(['1', '4', '/tmp/x.wav', 'digits', '5000', '#']);
    expect(values('  a  b  ', 7)).toEqual(['a', 'b']);
    expect(values('', 7)).toEqual([]);
    expect(values('   ', 7)).toEqual(['']);
  });

  it('keeps quoted spaces and removes the quotes', () => {
    expect(values("a 'b c' d", 7)).toEqual(['a', 'b c', 'd']);
    expect(values("'1000 XML default'", 3)).toEqual(['1000 XML default']);
  });

  it('gives the rest of the string to the last argument', () => {
    expect(values('a b c d e', 3)).toEqual(['a', 'b', 'c d e']);
    expect(values('1 2 3 4 5 6 7 8 9 10 1000 XML default', 11)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '1000 XML default']);
  });

  it('resolves escapes', () => {
    expect(values('a\\sb c', 7)).toEqual(['a b', 'c']);
    expect(values("it\\'s x", 7)).toEqual(["it's", 'x']);
    expect(values('\\d+ x', 7)).toEqual(['\\d+', 'x']); // unknown escapes keep the backslash
    expect(values('a\\ b', 7)).toEqual(['a\\ b']); // "\ " does not split, and the backslash stays
  });

  it('only treats a quote with a partner as a quote when cleaning up', () => {
    expect(values("it's", 7)).toEqual(["it's"]);
    // ...but the splitter toggles on every quote: a lone apostrophe swallows the rest of the data
    expect(values("it's a b", 7)).toEqual(["it's a b"]);
  });

  it('switches the delimiter with ^^<c>', () => {
    expect(values('^^:a b:c:d', 7)).toEqual(['a b', 'c', 'd']);
    expect(values('^^,a,,b', 7)).toEqual(['a', '', 'b']);
    expect(values('^^:', 7)).toEqual(['^^:']); // needs a character after the delimiter
    expect(values('^^:a\\:b', 7)).toEqual(['a:b']);
  });

  it('reports offsets of the raw argument text', () => {
    const data = "1  'b c'   x ";
    const args = separateArgs(data, 7);
    expect(args.map((a) => data.slice(a.start, a.end))).toEqual(['1', "'b c'", 'x']);
    const d2 = '^^:a:  b  :c';
    expect(separateArgs(d2, 7).map((a) => [a.value, d2.slice(a.start, a.end)])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
    ]);
  });
});
