import { describe, expect, it } from 'vitest';
import { revealTarget, routeMarkdown, verdictDetail, verdictMessage } from './present.js';

describe('ACL verdict presentation', () => {
  const rel = (u: string) => u.replace('file:///conf/', '');

  it('names the deciding node and where it is', () => {
    const r = {
      verdict: 'allow',
      list: 'lan',
      decidedBy: { uri: 'file:///conf/acl.conf.xml', line: 13, cidr: '192.168.42.42/32', type: 'allow' },
      reason: '/32 beats /24',
    };
    expect(verdictMessage('192.168.42.42', r, rel)).toBe(
      'fsconf: 192.168.42.42 → ALLOW by ACL "lan" — decided by allow 192.168.42.42/32 at acl.conf.xml:14. Why: /32 beats /24',
    );
    expect(revealTarget(r, undefined)).toEqual({ uri: 'file:///conf/acl.conf.xml', line: 13 });
  });

  it('a built-in list has no file: the message says so and nothing is revealed', () => {
    const r = {
      verdict: 'allow',
      list: 'loopback.auto',
      decidedBy: { uri: null, line: null, cidr: '127.0.0.0/8', type: 'allow' },
      reason: 'matches 127.0.0.0/8',
    };
    expect(verdictMessage('127.0.0.1', r, rel)).toBe(
      'fsconf: 127.0.0.1 → ALLOW by ACL "loopback.auto" — decided by allow 127.0.0.0/8 of the built-in list. Why: matches 127.0.0.0/8',
    );
    expect(revealTarget(r, { name: 'loopback.auto', builtin: true })).toBeUndefined();
  });

  it('the whole verdict: deciding node, reason and every matching node with where it is', () => {
    const r = {
      verdict: 'deny' as const,
      list: 'trunks',
      decidedBy: { uri: 'file:///conf/acl.conf.xml', line: 4, cidr: '203.0.113.66/32', type: 'deny' as const },
      reason: 'the /32 deny is longer than the /24 allow',
      competing: [
        { uri: 'file:///conf/acl.conf.xml', line: 3, cidr: '203.0.113.0/24', bits: 24, type: 'allow' as const },
        { uri: 'file:///conf/acl.conf.xml', line: 4, cidr: '203.0.113.66/32', bits: 32, type: 'deny' as const },
      ],
    };
    expect(verdictDetail('203.0.113.66', r, rel)).toBe(
      '# 203.0.113.66 → DENY by ACL "trunks"\n\nDecided by `deny 203.0.113.66/32` at acl.conf.xml:5.\n\nWhy: the /32 deny is longer than the /24 allow\n\nEvery node that matched (the longest prefix wins; on a tie, the first):\n\n- `allow 203.0.113.0/24` (/24) at acl.conf.xml:4\n- `deny 203.0.113.66/32` (/32) at acl.conf.xml:5\n',
    );
  });
});

describe('routeMarkdown: where a bridge takes the call', () => {
  const base = {
    admission: {
      profile: 'edge',
      from: '198.51.100.7',
      verdict: 'admitted' as const,
      authenticated: true,
      by: 'acl' as const,
      reason: 'the carriers list allows it',
    },
    context: 'from-carrier',
    contexts: ['from-carrier'],
    actions: [],
    trace: [],
    premises: [],
  };
  it("shows the server's words for where the bridge goes, escaped for markdown", () => {
    const where = 'fails: no sofia profile defines gateway upstrem (INVALID_GATEWAY)';
    const md = routeMarkdown(
      { to: '0044123' },
      {
        ...base,
        outcome: {
          kind: 'bridge',
          endpoint: 'sofia/gateway/upstrem/44123',
          external: false,
          reason: 'bridge',
          where,
          targets: [{ target: 'sofia/gateway/upstrem/44123', kind: 'gateway', name: 'upstrem', missing: true }],
        },
      },
      (u) => u,
    );
    expect(md).toContain('**Outcome:** bridge `sofia/gateway/upstrem/44123` — fails: no sofia profile defines gateway upstrem (INVALID\\_GATEWAY)');
  });
});
