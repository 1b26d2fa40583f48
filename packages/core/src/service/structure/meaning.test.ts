import { describe, expect, it } from 'vitest';
import { actionMeaning, captureGroups, conditionMeaning, resolveCaptures } from './meaning.js';

describe('what a dialplan line means', () => {
  it('numbers capture groups as PCRE does: (?:…), look-arounds and escaped parens do not capture; named groups do', () => {
    expect(captureGroups('^(\\d{3})(?:-)?(\\d{4})$')).toEqual(['(\\d{3})', '(\\d{4})']);
    expect(captureGroups('^\\(0\\)(?=1)((1)(\\d+))$')).toEqual(['((1)(\\d+))', '(1)', '(\\d+)']);
    expect(captureGroups('^(?<area>\\d{3})[()](x)$')).toEqual(['(?<area>\\d{3})', '(x)']);
  });
  it('resolves $N against the expression and says when a group does not exist', () => {
    expect(resolveCaptures('user/$1@${domain_name}', '^(10[01][0-9])$')).toBe('$1 = (10[01][0-9])');
    expect(resolveCaptures('$2', '^(\\d+)$')).toBe('$2 = nothing (the expression has 1 group)');
  });
  it('names read args, says where a transfer goes, whom a bridge rings', () => {
    expect(actionMeaning('read', "0 10 'tone_stream://%(10000,0,350,440)' digits 5000 #", undefined)).toBe(
      'read min=0 max=10 file=tone_stream://%(10000,0,350,440) var=digits timeout=5000 terminators=#',
    );
    expect(actionMeaning('transfer', '$1 XML features', '^\\*(\\d+)$')).toBe('transfer to $1 in context features  [$1 = (\\d+)]');
    expect(actionMeaning('transfer', '9999', undefined)).toBe('transfer to 9999 in context (the current one)');
    expect(actionMeaning('bridge', 'user/1000@${domain_name}', undefined)).toBe('ring user 1000: user/1000@${domain_name}');
    expect(actionMeaning('set', 'call_timeout=30', undefined)).toBe('set call_timeout = 30');
  });
  it('says what a condition tests', () => {
    expect(conditionMeaning({ field: 'destination_number', expression: '^1000$', break: 'on-true' })).toBe('destination_number ~ ^1000$ · break=on-true');
    expect(conditionMeaning({ wday: '2-6', hour: '9-17' })).toBe('when wday=2-6 hour=9-17');
    expect(conditionMeaning({})).toBe('always true');
  });
});
