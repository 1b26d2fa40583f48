import { describe, expect, it } from 'vitest';
import { cAtoi, cAtoiScan, inetPton4, inetPton6, separateString, switchTrue } from './c-compat.js';
import { formatIPv6, isIpAddress, parseCidr, parseIp } from './cidr.js';

describe('C helpers', () => {
  it('atoi like glibc', () => {
    expect(cAtoi('24')).toBe(24);
    expect(cAtoi('24abc')).toBe(24);
    expect(cAtoi('abc')).toBe(0);
    expect(cAtoi(' \t24')).toBe(24);
    expect(cAtoi('+7')).toBe(7);
    expect(cAtoi('-1')).toBe(-1);
    expect(cAtoi('')).toBe(0);
    // strtol result truncated to int: 2^32 + 24
    expect(cAtoi('4294967320')).toBe(24);
    // clamps to LONG_MAX (2^63-1) then truncates to -1
    expect(cAtoi('99999999999999999999999')).toBe(-1);
    expect(cAtoiScan('24').clean).toBe(true);
    expect(cAtoiScan(' 24').clean).toBe(false);
  });

  it('switch_true', () => {
    for (const t of ['yes', 'ON', 'true', 't', 'Enabled', 'active', 'ALLOW', '1', '-1', '2.5', '010']) expect(switchTrue(t), t).toBe(true);
    for (const f of ['deny', 'permit', 'no', 'false', '0', '', '0.9', 'allowed', ' yes', '1 ', '+', undefined]) expect(switchTrue(f), String(f)).toBe(false);
  });

  it('switch_separate_string with a comma', () => {
    expect(separateString('a, b ,c', ',', 32)).toEqual(['a', 'b', 'c']);
    expect(separateString('a,', ',', 32)).toEqual(['a']);
    expect(separateString(',a', ',', 32)).toEqual(['', 'a']);
    expect(separateString("'a,b',c", ',', 32)).toEqual(['a,b', 'c']);
    expect(separateString('a\\,b,c', ',', 32)).toEqual(['a,b', 'c']);
    expect(separateString('1,2,3,4', ',', 3)).toEqual(['1', '2', '3,4']);
    expect(separateString('^^;a;b,c', ',', 32)).toEqual(['a', 'b,c']);
  });

  it('inet_pton4 like glibc', () => {
    expect(inetPton4('192.168.1.1')).toBe(true);
    expect(inetPton4('0.0.0.0')).toBe(true);
    expect(inetPton4('255.255.255.255')).toBe(true);
    expect(inetPton4('256.1.1.1')).toBe(false);
    expect(inetPton4('01.2.3.4')).toBe(false);
    expect(inetPton4('1.2.3')).toBe(false);
    expect(inetPton4('1.2.3.4.5')).toBe(false);
    expect(inetPton4('1.2.3.4 ')).toBe(false);
    expect(inetPton4('1..3.4')).toBe(false);
    expect(inetPton4('')).toBe(false);
  });

  it('inet_pton6 like glibc', () => {
    const b = new Uint8Array(16);
    expect(inetPton6('::', b)).toBe(true);
    expect([...b].every((x) => x === 0)).toBe(true);
    expect(inetPton6('::1', b)).toBe(true);
    expect(b[15]).toBe(1);
    expect(inetPton6('2001:db8::ff00:42:8329', b)).toBe(true);
    expect(inetPton6('::ffff:192.0.2.1', b)).toBe(true);
    expect([...b.slice(10)]).toEqual([0xff, 0xff, 192, 0, 2, 1]);
    expect(inetPton6('1:2:3:4:5:6:7:8')).toBe(true);
    expect(inetPton6('1:2:3:4:5:6:7:8:9')).toBe(false);
    expect(inetPton6('1:2:3:4:5:6:7::8')).toBe(false);
    expect(inetPton6('1::2::3')).toBe(false);
    expect(inetPton6(':1::2')).toBe(false);
    expect(inetPton6('1::2:')).toBe(false);
    expect(inetPton6('12345::')).toBe(false);
    expect(inetPton6('fe80::1%eth0')).toBe(false);
    expect(inetPton6('FE80::ABCD')).toBe(true);
  });
});

describe('parseCidr', () => {
  it('parses IPv4 with FreeSWITCH masks', () => {
    const r = parseCidr('192.168.42.0/24');
    expect(r.ok && r.mask).toBe(0xffffff00n);
    expect(r.ok && r.matchKind).toBe('prefix');
    const h = parseCidr('192.0.2.5/32');
    expect(h.ok && h.mask).toBe(0n);
    expect(h.ok && h.matchKind).toBe('exact');
    expect(h.ok && h.network).toBe(0xc0000205n);
    const z = parseCidr('0.0.0.0/32');
    expect(z.ok && z.matchKind).toBe('all');
    expect(z.ok && z.quirk).toMatch(/every IPv4 address/);
    const s0 = parseCidr('198.51.100.9/0');
    expect(s0.ok && s0.matchKind).toBe('exact');
    expect(s0.ok && s0.quirk).toMatch(/only 198\.51\.100\.9/);
    expect(parseCidr('0.0.0.0/0').ok && (parseCidr('0.0.0.0/0') as { matchKind: string }).matchKind).toBe('all');
  });

  it('reports rejection codes and malformed addresses', () => {
    const a = parseCidr('192.0.2.1');
    expect(!a.ok && a.code).toBe(-1);
    const b = parseCidr('192.0.2.0/33');
    expect(!b.ok && b.code).toBe(-2);
    const c = parseCidr('192.0.2.0/-1');
    expect(!c.ok && c.code).toBe(-2);
    const d = parseCidr('300.1.1.1/24');
    expect(d.ok && d.malformedAddress).toBe(true);
    const e = parseCidr('192.0.2.1/abc');
    expect(e.ok && e.bits).toBe(0);
    expect(e.ok && e.bitsClean).toBe(false);
    const f = parseCidr('192.0.2.0/24abc');
    expect(f.ok && f.bits).toBe(24);
  });

  it('host bits, mapped prefix, family by colon', () => {
    const h = parseCidr('192.0.2.77/24');
    expect(h.ok && h.hostBitsSet).toBe(true);
    expect(h.ok && h.network).toBe(0xc0000200n);
    const m = parseCidr('::FFFF:192.0.2.0/24');
    expect(m.ok && m.family).toBe(4);
    expect(m.ok && m.mapped).toBe(true);
    const m120 = parseCidr('::ffff:192.0.2.0/120');
    expect(!m120.ok && m120.code).toBe(-2);
    const raw = parseCidr('::ffff:192.0.2.0/120', { stripMapped: false });
    expect(raw.ok && raw.family).toBe(6);
    const v6 = parseCidr('fe80::1234/10');
    expect(v6.ok && v6.network).toBe(0xfe80n << 112n);
    expect(v6.ok && v6.hostBitsSet).toBe(true);
    const v6x = parseCidr('2001:db8::1/0');
    expect(v6x.ok && v6x.matchKind).toBe('exact');
  });
});

describe('addresses', () => {
  it('parseIp strips ::ffff: and picks the family by colon', () => {
    const a = parseIp('::ffff:192.0.2.10');
    expect(a.ok && a.family).toBe(4);
    expect(a.ok && a.v4).toBe(0xc000020a);
    const b = parseIp('2001:db8::1');
    expect(b.ok && b.family).toBe(6);
    expect(parseIp('::ffff:1:2').ok).toBe(false);
    expect(parseIp('1.2.3').ok).toBe(false);
  });
  it('isIpAddress', () => {
    expect(isIpAddress('192.168.1.1')).toBe(true);
    expect(isIpAddress('2001:db8::ff00:42:8329')).toBe(true);
    expect(isIpAddress('www.google.com')).toBe(false);
    expect(isIpAddress(null)).toBe(false);
    expect(isIpAddress('')).toBe(false);
  });
  it('formats IPv6 per RFC 5952', () => {
    expect(formatIPv6(1n)).toBe('::1');
    expect(formatIPv6(0n)).toBe('::');
    expect(formatIPv6(0x20010db8000000000000000000000001n)).toBe('2001:db8::1');
    expect(formatIPv6(0x20010db8000100000001000000000001n)).toBe('2001:db8:1:0:1::1');
    expect(formatIPv6(0xffffc0000201n)).toBe('::ffff:192.0.2.1');
  });
});
