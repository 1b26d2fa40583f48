import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_LIST_NAMES,
  buildNetworkLists,
  checkAddress,
  checkAddressCode,
  checkAddressFast,
  ipv4ToNumber,
  nodeMatchesV4,
  nodeMatchesV6,
  parseIp,
  portMatches,
} from './index.js';
import type { AclListDef, AclNodeDef, NetworkLists } from './index.js';

const src = (line: number) => ({ file: 'autoload_configs/acl.conf.xml', line });

/** Literal port of switch_network_list_validate_ip[6]_port_token (reverse file order, bits >= best). */
function cWalk(lists: NetworkLists, name: string, ip: string, port: number): 'allow' | 'deny' {
  const list = lists.lists.get(name)!;
  const p = parseIp(ip);
  if (!p.ok) throw new Error('bad ip');
  let ok = list.defaultAllow;
  let bits = 0;
  for (let i = list.nodes.length - 1; i >= 0; i--) {
    const n = list.nodes[i]!;
    const hit = p.family === 4 ? n.family !== 6 && nodeMatchesV4(n, p.v4) && portMatches(n, port) : n.family !== 4 && nodeMatchesV6(n, p.v6);
    if (n.bits >= bits && hit) {
      ok = n.allow;
      bits = n.bits;
    }
  }
  return ok ? 'allow' : 'deny';
}

describe('vanilla acl.conf.xml', () => {
  const lists = buildNetworkLists([
    {
      name: 'lan',
      default: 'allow',
      source: src(12),
      nodes: [
        { type: 'deny', cidr: '192.168.42.0/24', source: src(13) },
        { type: 'allow', cidr: '192.168.42.42/32', source: src(14) },
      ],
    },
    {
      name: 'domains',
      default: 'deny',
      source: src(22),
      nodes: [{ type: 'allow', domain: '$${domain}', source: src(24) }],
    },
  ]);

  it('lan: .42 is allowed because /32 beats /24', () => {
    const v = checkAddress(lists, 'lan', '192.168.42.42');
    expect(v.verdict).toBe('allow');
    expect(v.decidedBy).toEqual({ cidr: '192.168.42.42/32', type: 'allow', source: src(14) });
    expect(v.reason).toBe('192.168.42.42 matches 192.168.42.0/24 (deny, line 13) and 192.168.42.42/32 (allow, line 14); the longest prefix /32 wins');
    expect(v.competing.map((c) => [c.cidr, c.bits, c.type])).toEqual([
      ['192.168.42.0/24', 24, 'deny'],
      ['192.168.42.42/32', 32, 'allow'],
    ]);
  });

  it('lan: the rest of the /24 is denied, everything else allowed by default', () => {
    expect(checkAddress(lists, 'lan', '192.168.42.41').verdict).toBe('deny');
    const v = checkAddress(lists, 'lan', '8.8.8.8');
    expect(v.verdict).toBe('allow');
    expect(v.decidedBy).toBeNull();
    expect(v.reason).toBe('no node matches; the list default (allow) applies');
  });

  it('an unresolvable domain node is skipped with a diagnostic', () => {
    expect(lists.lists.get('domains')!.nodes).toHaveLength(0);
    expect(lists.diagnostics.find((d) => d.code === 'domain-not-found')?.source).toEqual(src(24));
  });
});

describe('built-in lists', () => {
  it('creates all ten in FreeSWITCH order', () => {
    const lists = buildNetworkLists([]);
    expect([...lists.lists.keys()]).toEqual([...BUILTIN_LIST_NAMES]);
    expect(lists.lists.get('wan.auto')!.nodes.map((n) => n.cidr)).toEqual([
      '0.0.0.0/8',
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/16',
      '169.254.0.0/16',
      '100.64.0.0/10',
      'fe80::/10',
    ]);
    expect(lists.lists.get('rfc1918.auto')!.defaultAllow).toBe(false);
    expect(lists.lists.get('any_v4.auto')!.nodes.map((n) => n.cidr)).toEqual(['::/0']);
  });

  it('localnet.auto / nat.auto are unknown without localNet unless the answer cannot change', () => {
    const lists = buildNetworkLists([]);
    const v = checkAddress(lists, 'localnet.auto', '192.168.1.5');
    expect(v.verdict).toBe('unknown');
    expect(v.reason).toMatch(/--local-net/);
    expect(checkAddressCode(lists, 'localnet.auto', '192.168.1.5')).toBe(-1);
    expect(checkAddressFast(lists, 'localnet.auto', '192.168.1.5')).toBe(false);
    expect(checkAddress(lists, 'nat.auto', '10.1.1.1').verdict).toBe('unknown');
    // public addresses are denied by nat.auto whatever the local network is
    expect(checkAddress(lists, 'nat.auto', '8.8.8.8').verdict).toBe('deny');
    expect(checkAddressCode(lists, 'nat.auto', '8.8.8.8')).toBe(0);
  });

  it('accepts a prefix length as localNet mask', () => {
    const lists = buildNetworkLists([], { localNet: { ip: '10.9.8.7', mask: '16' } });
    expect(checkAddress(lists, 'localnet.auto', '10.9.200.1').verdict).toBe('allow');
    expect(checkAddress(lists, 'localnet.auto', '10.10.0.1').verdict).toBe('deny');
    expect(checkAddress(lists, 'nat.auto', '10.9.0.1').verdict).toBe('deny');
    expect(checkAddress(lists, 'nat.auto', '10.10.0.1').verdict).toBe('allow');
  });
});

describe('lookup semantics', () => {
  it('ties go to the node first in the file and the reason says so', () => {
    const lists = buildNetworkLists([
      {
        name: 't',
        default: 'allow',
        nodes: [
          { type: 'deny', cidr: '172.16.5.0/24', source: src(3) },
          { type: 'allow', cidr: '172.16.5.0/24', source: src(4) },
        ],
      },
    ]);
    const v = checkAddress(lists, 't', '172.16.5.9');
    expect(v.verdict).toBe('deny');
    expect(v.decidedBy?.source).toEqual(src(3));
    expect(v.reason).toMatch(/first in the file wins/);
  });

  it('a node without type takes the list default', () => {
    const lists = buildNetworkLists([{ name: 't', default: 'deny', nodes: [{ cidr: '10.0.0.0/8' }] }]);
    expect(checkAddress(lists, 't', '10.1.1.1').verdict).toBe('deny');
  });

  it('ports: port, ports (0 stops the list), port-min without port-max', () => {
    const lists = buildNetworkLists([
      {
        name: 'p',
        default: 'deny',
        nodes: [
          { type: 'allow', cidr: '192.0.2.0/24', ports: '5060,0,5080' },
          { type: 'allow', cidr: '198.51.100.0/24', ports: '0,5060' },
          { type: 'allow', cidr: '203.0.113.0/24', portMin: '5000' },
          { type: 'allow', cidr: '203.0.114.0/24', portMin: '5000', portMax: '5100' },
          { type: 'allow', cidr: '203.0.115.0/24', ports: '1,2,3,4,5,6,7,8,9,10,11' },
        ],
      },
    ]);
    expect(checkAddress(lists, 'p', '192.0.2.1', 5060).verdict).toBe('allow');
    expect(checkAddress(lists, 'p', '192.0.2.1', 5080).verdict).toBe('deny');
    expect(checkAddress(lists, 'p', '198.51.100.1', 1234).verdict).toBe('allow');
    expect(checkAddress(lists, 'p', '203.0.113.1', 5050).verdict).toBe('deny');
    expect(checkAddress(lists, 'p', '203.0.113.1').verdict).toBe('allow');
    expect(checkAddress(lists, 'p', '203.0.114.1', 5050).verdict).toBe('allow');
    expect(checkAddress(lists, 'p', '203.0.114.1', 5101).verdict).toBe('deny');
    expect(checkAddress(lists, 'p', '203.0.115.1', 10).verdict).toBe('allow');
    expect(checkAddress(lists, 'p', '203.0.115.1', 11).verdict).toBe('deny');
    const codes = lists.diagnostics.map((d) => d.code);
    expect(codes).toContain('port-zero');
    expect(codes).toContain('port-min-without-max');
    expect(codes).toContain('ports-truncated');
    // IPv6 never checks ports
    const l6 = buildNetworkLists([{ name: 'p', default: 'deny', nodes: [{ type: 'allow', cidr: '2001:db8::/32', port: '5060' }] }]);
    expect(checkAddress(l6, 'p', '2001:db8::1', 5080).verdict).toBe('allow');
  });

  it('cidr= lists: only 32 items are split, the 32nd keeps the rest glued on', () => {
    const items = Array.from({ length: 33 }, (_, i) => `198.51.100.${i + 1}/32`);
    const lists = buildNetworkLists([{ name: 'c', default: 'deny', nodes: [{ type: 'allow', cidr: items.join(',') }] }]);
    expect(checkAddress(lists, 'c', '198.51.100.31').verdict).toBe('allow');
    expect(checkAddress(lists, 'c', '198.51.100.32').verdict).toBe('allow');
    expect(checkAddress(lists, 'c', '198.51.100.33').verdict).toBe('deny');
    expect(lists.diagnostics.some((d) => d.code === 'cidr-list-truncated')).toBe(true);
  });

  it('malformed nodes match nothing and are reported', () => {
    const lists = buildNetworkLists([
      {
        name: 'm',
        default: 'deny',
        nodes: [
          { type: 'allow', cidr: '300.1.1.1/24', source: src(5) },
          { type: 'allow', host: '10.0.0.1', mask: 'bogus' },
        ],
      },
    ]);
    expect(checkAddress(lists, 'm', '44.1.1.1').verdict).toBe('deny');
    expect(checkAddress(lists, 'm', '44.1.1.1').reason).toMatch(/malformed address/);
    expect(lists.diagnostics.map((d) => d.code)).toEqual(['cidr-malformed-address', 'hostmask-malformed']);
  });

  it('type/default typos are diagnosed and deny', () => {
    const lists = buildNetworkLists([{ name: 'x', default: 'alow', nodes: [{ type: 'permit', cidr: '10.0.0.0/8' }] }]);
    expect(lists.lists.get('x')!.defaultAllow).toBe(false);
    expect(lists.diagnostics.map((d) => d.code)).toEqual(['default-not-boolean', 'type-not-boolean']);
  });

  it('an invalid address is unknown unless every node agrees with the default', () => {
    const lists = buildNetworkLists([
      { name: 'mixed', default: 'deny', nodes: [{ type: 'allow', cidr: '10.0.0.0/8' }] },
      { name: 'flat', default: 'deny', nodes: [{ type: 'deny', cidr: '10.0.0.0/8' }] },
    ]);
    expect(checkAddress(lists, 'mixed', '10.0.0.256').verdict).toBe('unknown');
    expect(checkAddressCode(lists, 'mixed', '10.0.0.256')).toBe(-1);
    expect(checkAddress(lists, 'flat', '10.0.0.256').verdict).toBe('deny');
    expect(checkAddressCode(lists, 'flat', '10.0.0.256')).toBe(0);
    expect(checkAddressCode(lists, 'nosuch', 'garbage')).toBe(0);
  });

  it('unknown names deny, with a case hint', () => {
    const lists = buildNetworkLists([]);
    const v = checkAddress(lists, 'Loopback.auto', '127.0.0.1');
    expect(v.verdict).toBe('deny');
    expect(v.unknownList).toBe(true);
    expect(v.reason).toMatch(/did you mean "loopback\.auto"/);
  });

  it('an unknown name close to a defined one says which (fsconf acl 203.0.113.9 providers)', () => {
    const lists = buildNetworkLists([{ name: 'provider', default: 'deny', nodes: [{ type: 'allow', cidr: '203.0.113.0/24' }] }]);
    const v = checkAddress(lists, 'providers', '203.0.113.9');
    expect(v.verdict).toBe('deny');
    expect(v.reason).toBe('no list named "providers" is defined, so FreeSWITCH silently denies every address (did you mean "provider"?)');
  });
});

describe('inline CIDR names (uninitialised-memory emulation)', () => {
  const lists = buildNetworkLists([]);
  const chk = (name: string, ip: string) => {
    const v = checkAddress(lists, name, ip);
    expect(checkAddressCode(lists, name, ip)).toBe(v.verdict === 'allow' ? 1 : v.verdict === 'deny' ? 0 : -1);
    return v.verdict;
  };
  it('a bad first item is unpredictable unless a later item matches', () => {
    expect(chk('bogus/16,10.0.0.0/8', '10.0.0.1')).toBe('allow');
    expect(chk('bogus/16,10.0.0.0/8', '11.0.0.1')).toBe('unknown');
    expect(chk('1.2.3.4,10.0.0.0/8', '11.0.0.1')).toBe('unknown');
  });
  it('a rejected later item re-tests the previous values', () => {
    expect(chk('10.0.0.0/8,1.2.3.4', '11.0.0.1')).toBe('deny');
    expect(chk('10.0.0.0/8,1.2.3.4/33', '11.0.0.1')).toBe('deny');
  });
  it('a malformed later item keeps the previous net, byte-swapped by htonl', () => {
    // net bytes become 10.0.0.0 read the wrong way round (0.0.0.10 host order) with a /16 mask => 0.0.0.0/16
    expect(chk('10.0.0.0/8,bogus/16', '0.0.1.2')).toBe('allow');
    expect(chk('10.0.0.0/8,bogus/16', '11.0.0.1')).toBe('deny');
  });
  it('IPv6 addresses against IPv4 items are unpredictable, but deterministic after an IPv6 item', () => {
    expect(chk('10.0.0.0/8', '2001:db8::1')).toBe('unknown');
    expect(chk('2001:db8::/32,10.0.0.0/8', '2001:db8::1')).toBe('allow');
    // the IPv4 item overwrites bytes 0-3 only: byte 3 must equal 10, bytes 4-15 are masked out
    expect(chk('2001:db8::/32,10.0.0.0/8', '3001:a::1')).toBe('allow');
    expect(chk('2001:db8::/32,10.0.0.0/8', '3001::1')).toBe('deny');
  });
  it('plain inline lists', () => {
    expect(chk('10.0.0.0/8,192.168.0.0/16', '192.168.1.1')).toBe('allow');
    expect(chk('10.0.0.0/8,192.168.0.0/16', '172.16.0.1')).toBe('deny');
    const v = checkAddress(lists, '10.0.0.0/8, 192.168.0.0/16', '192.168.1.1');
    expect(v.inline).toBe(true);
    expect(v.decidedBy?.cidr).toBe('192.168.0.0/16');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: the indexed fast path and the explaining path agree with the literal C walk.
// ---------------------------------------------------------------------------------------------

const POOL4 = ['10.0.0.0', '10.1.0.0', '10.1.2.0', '10.1.2.3', '192.168.1.0', '192.168.1.77', '0.0.0.0', '203.0.113.9', '255.255.255.255'];
const POOL6 = ['::', '::1', '2001:db8::', '2001:db8:1::', 'fe80::', 'fe80::1234', '2001:db8::1'];

const typeArb = fc.constantFrom<string | undefined>('allow', 'deny', undefined, 'permit', 'yes', 'Allow');
const portsArb = fc.record(
  {
    port: fc.constantFrom('5060', '5080', '0'),
    ports: fc.constantFrom('5060,5080', '5080', '0,5060', '5060,0,5080'),
    portMin: fc.constantFrom('5000', '5070'),
    portMax: fc.constantFrom('5070', '6000'),
  },
  { requiredKeys: [] },
);

const v4Cidr = fc.tuple(fc.constantFrom(...POOL4), fc.integer({ min: -1, max: 33 })).map(([a, b]) => `${a}/${b}`);
const v6Cidr = fc.tuple(fc.constantFrom(...POOL6), fc.constantFrom(0, 1, 10, 32, 48, 64, 127, 128, 129)).map(([a, b]) => `${a}/${b}`);
const cidrNode = fc
  .tuple(typeArb, fc.oneof(v4Cidr, v4Cidr, v6Cidr, fc.constant('300.1.1.1/24'), fc.constant('::ffff:10.1.2.0/24')), portsArb)
  .map(([type, cidr, ports]) => {
    const n: AclNodeDef = { cidr, ...ports };
    if (type !== undefined) n.type = type;
    return n;
  });
const hostMaskNode = fc
  .tuple(
    typeArb,
    fc.constantFrom(...POOL4, '1.168.192.0'),
    fc.constantFrom('255.255.255.0', '255.0.255.0', '0.0.0.0', '255.255.255.255', '255.255.0.0'),
    portsArb,
  )
  .map(([type, host, mask, ports]) => {
    const n: AclNodeDef = { host, mask, ...ports };
    if (type !== undefined) n.type = type;
    return n;
  });
const listArb = fc.record({
  default: fc.constantFrom<string | undefined>('allow', 'deny', undefined),
  nodes: fc.array(fc.oneof(cidrNode, cidrNode, hostMaskNode), { maxLength: 12 }),
});
const ip4Arb = fc.oneof(
  fc.constantFrom(
    '10.1.2.3',
    '10.1.2.4',
    '10.1.9.9',
    '10.2.0.0',
    '192.168.1.77',
    '192.168.1.1',
    '0.0.0.0',
    '203.0.113.9',
    '255.255.255.255',
    '::ffff:10.1.2.3',
  ),
  fc.integer({ min: 0, max: 0xffffffff }).map((n) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`),
);
const ip6Arb = fc.constantFrom('::1', '::', '2001:db8::1', '2001:db8:1::5', 'fe80::1', 'febf::1', '1:a8c0::1', '0:a8c0:100::', '2001:db8::', 'ff02::1');
const portArb = fc.constantFrom(0, 5060, 5080, 5070, 5999);

describe('property: fast index == explaining walk == C walk', () => {
  it('IPv4 and IPv6', () => {
    fc.assert(
      fc.property(listArb, fc.oneof(ip4Arb, ip6Arb), portArb, (l, ip, port) => {
        const def: AclListDef = { name: 'L', nodes: l.nodes };
        if (l.default !== undefined) def.default = l.default;
        const lists = buildNetworkLists([def]);
        const want = cWalk(lists, 'L', ip, port);
        const v = checkAddress(lists, 'L', ip, port);
        expect(v.verdict).toBe(want);
        expect(checkAddressCode(lists, 'L', ip, port)).toBe(want === 'allow' ? 1 : 0);
        const p = parseIp(ip);
        if (p.ok && p.family === 4) expect(checkAddressFast(lists, 'L', p.v4, port)).toBe(want === 'allow');
      }),
      { numRuns: 4000 },
    );
  });
});

describe('property: address parsing agrees between the fast and explaining paths', () => {
  it('arbitrary address-like strings', () => {
    const lists = buildNetworkLists([
      {
        name: 'L',
        default: 'deny',
        nodes: [
          { type: 'allow', cidr: '1.0.0.0/8' },
          { type: 'allow', cidr: '::/1' },
        ],
      },
    ]);
    const strArb = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789.'.split('')), maxLength: 17 }),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.'.split('')), maxLength: 41 }),
      fc.string({ unit: fc.constantFrom(...'0123456789fF:.'.split('')), maxLength: 20 }).map((s) => `::ffff:${s}`),
    );
    fc.assert(
      fc.property(strArb, (ip) => {
        const v = checkAddress(lists, 'L', ip);
        expect(checkAddressCode(lists, 'L', ip)).toBe(v.verdict === 'allow' ? 1 : v.verdict === 'deny' ? 0 : -1);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('numeric IPv4 input', () => {
  it('ipv4ToNumber and checkAddressFast(number)', () => {
    const lists = buildNetworkLists([]);
    expect(ipv4ToNumber('192.168.1.1')).toBe(0xc0a80101);
    expect(ipv4ToNumber('1.2.3')).toBe(-1);
    expect(checkAddressFast(lists, 'rfc1918.auto', 0xc0a80101)).toBe(true);
    expect(checkAddressFast(lists, 'rfc1918.auto', 0x08080808)).toBe(false);
  });
});
