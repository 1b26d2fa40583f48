import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PUBLIC_IPV4_TOTAL, buildNetworkLists, checkAddressCode, countAllowedPublicIPv4, describeCidr, summarizeList, verdictBlocks } from './index.js';
import type { AclNodeDef } from './index.js';

const TWO_24 = 1n << 24n;

describe('countAllowedPublicIPv4', () => {
  it('public space size is 2^32 minus the listed non-public ranges', () => {
    const nonPublic =
      3n * (1n << 24n) + // 0/8, 10/8, 127/8
      (1n << 22n) + // 100.64/10
      (1n << 16n) * 2n + // 169.254/16, 192.168/16
      (1n << 20n) + // 172.16/12
      256n * 4n + // 192.0.0/24, 192.0.2/24, 198.51.100/24, 203.0.113/24
      (1n << 17n) + // 198.18/15
      2n * (1n << 28n); // 224/4, 240/4 (255.255.255.255 is inside)
    expect(PUBLIC_IPV4_TOTAL).toBe((1n << 32n) - nonPublic);
    expect(PUBLIC_IPV4_TOTAL).toBe(3702258688n);
  });

  it('default="allow" list allows more than 2^24 public addresses', () => {
    const lists = buildNetworkLists([{ name: 'open', default: 'allow', nodes: [{ type: 'deny', cidr: '8.8.8.0/24' }] }]);
    const c = countAllowedPublicIPv4(lists, 'open');
    expect(c.allowed).toBe(PUBLIC_IPV4_TOTAL - 256n);
    expect(c.allowed > TWO_24).toBe(true);
  });

  it('an rfc1918-only allow list counts 0', () => {
    const lists = buildNetworkLists([
      {
        name: 'lan',
        default: 'deny',
        nodes: [
          { type: 'allow', cidr: '10.0.0.0/8' },
          { type: 'allow', cidr: '172.16.0.0/12' },
          { type: 'allow', cidr: '192.168.0.0/16' },
        ],
      },
    ]);
    expect(countAllowedPublicIPv4(lists, 'lan').allowed).toBe(0n);
    expect(countAllowedPublicIPv4(lists, 'rfc1918.auto').allowed).toBe(0n);
    expect(countAllowedPublicIPv4(lists, 'loopback.auto').allowed).toBe(0n);
  });

  it('0.0.0.0/0 allows all public space; quirks are counted exactly', () => {
    const lists = buildNetworkLists([
      { name: 'all', default: 'deny', nodes: [{ type: 'allow', cidr: '0.0.0.0/0' }] },
      { name: 'zero32', default: 'deny', nodes: [{ type: 'allow', cidr: '0.0.0.0/32' }] },
      { name: 'slash0', default: 'deny', nodes: [{ type: 'allow', cidr: '8.8.8.8/0' }] },
      { name: 'v6only', default: 'deny', nodes: [{ type: 'allow', cidr: '::/0' }] },
    ]);
    expect(countAllowedPublicIPv4(lists, 'all').allowed).toBe(PUBLIC_IPV4_TOTAL);
    expect(countAllowedPublicIPv4(lists, 'zero32').allowed).toBe(PUBLIC_IPV4_TOTAL);
    expect(countAllowedPublicIPv4(lists, 'slash0').allowed).toBe(1n);
    expect(countAllowedPublicIPv4(lists, 'v6only').allowed).toBe(0n);
    expect(countAllowedPublicIPv4(lists, 'wan.auto').allowed).toBe(PUBLIC_IPV4_TOTAL);
    expect(countAllowedPublicIPv4(lists, 'nosuch').unknownList).toBe(true);
    expect(countAllowedPublicIPv4(lists, '8.8.8.0/24').allowed).toBe(256n);
    expect(countAllowedPublicIPv4(lists, '8.8.8.0/24').inline).toBe(true);
  });

  it('non-contiguous host/mask masks are exact and fast', () => {
    const lists = buildNetworkLists([
      { name: 'odd', default: 'deny', nodes: [{ type: 'allow', host: '0.0.0.1', mask: '0.0.0.1' }] },
      { name: 'grid', default: 'deny', nodes: [{ type: 'allow', host: '11.0.5.0', mask: '255.0.255.0' }] },
    ]);
    // every odd address: half of the public space (all excluded ranges have even size and alignment)
    expect(countAllowedPublicIPv4(lists, 'odd').allowed).toBe(PUBLIC_IPV4_TOTAL / 2n);
    expect(countAllowedPublicIPv4(lists, 'grid').allowed).toBe(256n * 256n);
  });

  it('ports: a port-constrained node only counts for that port', () => {
    const lists = buildNetworkLists([{ name: 'p', default: 'deny', nodes: [{ type: 'allow', cidr: '8.8.8.0/24', port: '5060' }] }]);
    expect(countAllowedPublicIPv4(lists, 'p').allowed).toBe(256n);
    expect(countAllowedPublicIPv4(lists, 'p', { port: 5060 }).allowed).toBe(256n);
    expect(countAllowedPublicIPv4(lists, 'p', { port: 5080 }).allowed).toBe(0n);
  });

  it('host-dependent lists are flagged', () => {
    const lists = buildNetworkLists([]);
    const c = countAllowedPublicIPv4(lists, 'nat.auto');
    expect(c.hostDependent).toBe(true);
    expect(c.allowed).toBe(0n);
  });

  // Brute force inside 11.0.0.0/20 (public): every node lives there, so the count outside is the default.
  const REGION = 0x0b000000;
  const nodeArb = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 20, max: 32 }), fc.boolean()).map(([off, bits, allow]): AclNodeDef => {
      const a = REGION + off;
      return { type: allow ? 'allow' : 'deny', cidr: `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${bits}` };
    }),
    fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 0, max: 4095 }), fc.boolean()).map(([off, low, allow]): AclNodeDef => {
      const a = REGION + off;
      const m = (0xfffff000 | low) >>> 0;
      const d = (x: number) => `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`;
      return { type: allow ? 'allow' : 'deny', host: d(a), mask: d(m) };
    }),
  );
  it('property: count and blocks match a brute-force scan', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { maxLength: 10 }), fc.boolean(), (nodes, dflt) => {
        const lists = buildNetworkLists([{ name: 'L', default: dflt ? 'allow' : 'deny', nodes }]);
        let brute = 0n;
        const allowedSet = new Set<number>();
        for (let i = 0; i < 4096; i++) {
          if (checkAddressCode(lists, 'L', REGION + i) === 1) {
            brute++;
            allowedSet.add(REGION + i);
          }
        }
        const outside = dflt ? PUBLIC_IPV4_TOTAL - 4096n : 0n;
        expect(countAllowedPublicIPv4(lists, 'L').allowed).toBe(outside + brute);
        const vb = verdictBlocks(lists, 'L', 4);
        let inRegion = 0;
        for (const b of vb.allowed) {
          const start = Number(b.start);
          const size = 2 ** (32 - b.len);
          for (let x = Math.max(start, REGION); x < Math.min(start + size, REGION + 4096); x++) {
            expect(allowedSet.has(x)).toBe(true);
            inRegion++;
          }
        }
        expect(inRegion).toBe(allowedSet.size);
      }),
      { numRuns: 200 },
    );
  });

  it('1000-node list counts quickly', () => {
    const nodes: AclNodeDef[] = [];
    for (let i = 0; i < 1000; i++) {
      const a = (0x0b000000 + i * 7919 * 256) >>> 0;
      nodes.push({ type: i % 3 === 0 ? 'deny' : 'allow', cidr: `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${24 + (i % 9)}` });
    }
    const lists = buildNetworkLists([{ name: 'big', default: 'deny', nodes }]);
    const t = performance.now();
    const c = countAllowedPublicIPv4(lists, 'big');
    const s = summarizeList(lists, 'big');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(c.allowed > 0n).toBe(true);
    expect(s).toMatch(/^allows /);
  });
});

describe('summarizeList', () => {
  const lists = buildNetworkLists([
    {
      name: 'small',
      default: 'deny',
      nodes: [
        { type: 'allow', cidr: '198.51.100.1/32' },
        { type: 'allow', cidr: '198.51.100.7/32' },
        { type: 'allow', cidr: '203.0.113.200/32' },
        { type: 'allow', cidr: '192.0.2.16/28' },
      ],
    },
    {
      name: 'open',
      default: 'allow',
      nodes: [
        { type: 'deny', cidr: '10.0.0.0/8' },
        { type: 'deny', cidr: '172.16.0.0/12' },
        { type: 'deny', cidr: '192.168.0.0/16' },
        { type: 'deny', cidr: '100.64.0.0/10' },
      ],
    },
    {
      name: 'lan',
      default: 'allow',
      nodes: [
        { type: 'deny', cidr: '192.168.42.0/24' },
        { type: 'allow', cidr: '192.168.42.42/32' },
      ],
    },
  ]);
  it('formats allow-lists and deny-lists', () => {
    expect(summarizeList(lists, 'small')).toBe('allows 3 addresses and 1 /28; denies everything else (IPv6: denies everything)');
    expect(summarizeList(lists, 'open')).toBe('allows everything except 4 networks (IPv6: allows everything)');
    expect(summarizeList(lists, 'loopback.auto')).toBe('allows 1 /8; denies everything else (IPv6: allows 1 address; denies everything else)');
    expect(summarizeList(lists, 'any_v4.auto')).toBe('allows everything (IPv6: denies everything)');
    expect(summarizeList(lists, 'nosuch')).toMatch(/no list named "nosuch"/);
    expect(summarizeList(lists, 'localnet.auto')).toMatch(/--local-net/);
    expect(summarizeList(lists, '10.0.0.0/8')).toMatch(/^inline CIDR list: allows 1 \/8; denies everything else \(IPv6: unpredictable/);
    // lan: the /24 minus .42 is 8 CIDR blocks
    expect(summarizeList(lists, 'lan')).toBe('allows everything except 8 networks (IPv6: allows everything)');
  });
  it('verdictBlocks lists the exact blocks', () => {
    const vb = verdictBlocks(lists, 'lan', 4);
    expect(vb.denied.map((b) => `${b.start}/${b.len}`)).toHaveLength(8);
    const v6 = verdictBlocks(lists, 'loopback.auto', 6);
    expect(v6.allowed).toEqual([{ start: 1n, len: 128 }]);
  });
});

describe('describeCidr', () => {
  it('first/last/count and quirks', () => {
    const a = describeCidr('192.168.42.0/24');
    expect(a.ok && [a.first, a.last, a.count]).toEqual(['192.168.42.0', '192.168.42.255', 256n]);
    expect(a.summary).toBe('192.168.42.0/24: 192.168.42.0 – 192.168.42.255 (256 addresses)');
    const b = describeCidr('192.0.2.5/32');
    expect(b.summary).toBe('192.0.2.5/32: the single address 192.0.2.5');
    const c = describeCidr('0.0.0.0/32');
    expect(c.ok && c.count).toBe(1n << 32n);
    expect(c.summary).toMatch(/every IPv4 address/);
    const d = describeCidr('198.51.100.9/0');
    expect(d.ok && d.count).toBe(1n);
    const e = describeCidr('192.0.2.77/24');
    expect(e.summary).toMatch(/host bits are set; FreeSWITCH treats it as 192\.0\.2\.0\/24/);
    const f = describeCidr('fe80::/10');
    expect(f.ok && [f.first, f.last]).toEqual(['fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
    expect(f.summary).toMatch(/2\^118 addresses/);
    const g = describeCidr('300.1.1.1/24');
    expect(g.ok).toBe(false);
    expect(!g.ok && g.malformed).toBe(true);
    const h = describeCidr('192.0.2.1');
    expect(h.ok).toBe(false);
    expect(h.summary).toMatch(/no "\/bits"/);
  });
});
