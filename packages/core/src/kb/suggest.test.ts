import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, didYouMean } from './suggest.js';

describe('damerauLevenshtein', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    expect(damerauLevenshtein('auth-clals', 'auth-calls')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('same', 'same')).toBe(0);
  });

  it('stops early beyond max', () => {
    expect(damerauLevenshtein('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });
});

describe('didYouMean', () => {
  const names = ['auth-calls', 'auth-messages', 'auth-subscriptions', 'accept-blind-auth', 'apply-inbound-acl', 'context'];

  it('suggests the closest names first', () => {
    expect(didYouMean('auth-clals', names)).toEqual(['auth-calls']);
    expect(didYouMean('contxt', names)).toEqual(['context']);
    expect(didYouMean('aply-inbound-acl', names)).toEqual(['apply-inbound-acl']);
  });

  it('returns nothing for a known name or a far one', () => {
    expect(didYouMean('context', names)).toEqual([]);
    expect(didYouMean('use-rtp-timer', names)).toEqual([]);
    expect(didYouMean('', names)).toEqual([]);
  });

  it('puts a case-only difference first and respects max', () => {
    expect(didYouMean('Register', ['register', 'registers', 'regster'])[0]).toBe('register');
    expect(didYouMean('Register', ['register'], { caseSensitive: true })).toEqual(['register']);
    expect(didYouMean('abcd', ['abce', 'abcf', 'abcg', 'abch'], { max: 2 })).toHaveLength(2);
  });
});
