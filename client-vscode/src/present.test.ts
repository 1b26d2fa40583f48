import { describe, expect, it } from 'vitest';
import { revealTarget, verdictMessage } from './present.js';

describe('ACL verdict presentation', () => {
  const rel = (u: string) => u.replace('file:///conf/', '');

  it('names the deciding node and where it is', () => {
    const r = { verdict: 'allow', list: 'lan', decidedBy: { uri: 'file:///conf/acl.conf.xml', line: 13, cidr: '192.168.42.42/32', type: 'allow' }, reason: '/32 beats /24' };
    expect(verdictMessage('192.168.42.42', r, rel)).toBe('fsconf: 192.168.42.42 → ALLOW by ACL "lan" — decided by allow 192.168.42.42/32 at acl.conf.xml:14. Why: /32 beats /24');
    expect(revealTarget(r, undefined)).toEqual({ uri: 'file:///conf/acl.conf.xml', line: 13 });
  });

  it('a built-in list has no file: the message says so and nothing is revealed', () => {
    const r = { verdict: 'allow', list: 'loopback.auto', decidedBy: { uri: null, line: null, cidr: '127.0.0.0/8', type: 'allow' }, reason: 'matches 127.0.0.0/8' };
    expect(verdictMessage('127.0.0.1', r, rel)).toBe('fsconf: 127.0.0.1 → ALLOW by ACL "loopback.auto" — decided by allow 127.0.0.0/8 of the built-in list. Why: matches 127.0.0.0/8');
    expect(revealTarget(r, { name: 'loopback.auto', builtin: true })).toBeUndefined();
  });
});
