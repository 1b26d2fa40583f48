/**
 * CIDR and address parsing with FreeSWITCH's exact semantics (src/switch_utils.c switch_parse_cidr,
 * switch_network_list_perform_add_cidr_token; src/switch_core.c switch_check_network_list_ip_port_token).
 *
 * Quirks reproduced on purpose:
 *  - a CIDR without "/bits" is rejected (rc -1); bits outside 0-32 (IPv4) / 0-128 (IPv6) give rc -2;
 *  - bits are read with atoi(): "/abc" is /0, "/24abc" is /24, " 24" is /24;
 *  - the family is IPv6 when the text contains ':' anywhere (even after the '/');
 *  - a leading "::ffff:" (any case) is stripped when a node is added, so ::ffff:a.b.c.d/n is IPv4;
 *  - the IPv4 mask is ~(0xFFFFFFFF >> bits): for /32 the shift wraps (x86/arm) and the mask is 0;
 *    a zero mask means "exact match against the net, or match everything when the net is 0"
 *    (switch_test_subnet), so /32 still works, 0.0.0.0/32 matches every IPv4 address and
 *    a.b.c.d/0 with a non-zero address matches only a.b.c.d;
 *  - IPv6 /0 behaves the same way (switch_testv6_subnet);
 *  - inet_pton's result is not checked: a malformed address is accepted with whatever bytes were on
 *    the stack. We report it as `malformedAddress` and the evaluator lets such a node match nothing.
 *
 * Pure, no I/O.
 */
import { cAtoiScan, cTruncateBytes, hasMappedPrefix, inetPton4, inetPton6 } from './c-compat.js';

export type IpFamily = 4 | 6;

/** How FreeSWITCH actually matches a parsed node. */
type MatchKind =
  /** (ip & mask) == (net & mask) */
  | 'prefix'
  /** zero mask with a non-zero net: only the written address matches */
  | 'exact'
  /** zero mask with a zero net: every address of the family matches */
  | 'all';

interface CidrOk {
  ok: true;
  rc: 0;
  /** The text handed to the parser (after "::ffff:" stripping). */
  text: string;
  /** The text as given. */
  input: string;
  /** True when a leading "::ffff:" was stripped. */
  mapped: boolean;
  family: IpFamily;
  /** The written address (IPv4: 32-bit, IPv6: 128-bit). 0n when malformedAddress. */
  addr: bigint;
  /** Prefix length as FreeSWITCH stores it (atoi of the text after '/'). Also the match priority. */
  bits: number;
  /** The mask FreeSWITCH computes (IPv4 /32 gives 0n — see the module comment). */
  mask: bigint;
  /** The mask that describes what really matches (all ones for 'exact', 0 for 'all'). */
  effectiveMask: bigint;
  /** First address of what matches (addr & effectiveMask). */
  network: bigint;
  matchKind: MatchKind;
  /** The address has bits set below the prefix (FreeSWITCH silently ignores them). */
  hostBitsSet: boolean;
  /** inet_pton failed: FreeSWITCH accepts the node with uninitialised address bytes. */
  malformedAddress: boolean;
  /** The text after '/'. */
  bitsText: string;
  /** False when bitsText is not a plain decimal number (atoi quirk applied). */
  bitsClean: boolean;
  /** A human note about a FreeSWITCH quirk that changes the meaning of this CIDR, if any. */
  quirk?: string;
}

interface CidrError {
  ok: false;
  /** switch_parse_cidr return code: -1 no "/bits", -2 bits out of range. */
  code: -1 | -2;
  reason: string;
  text: string;
  input: string;
  mapped: boolean;
  family?: IpFamily;
}

export type CidrResult = CidrOk | CidrError;

/** Low-level result of switch_parse_cidr, with the C memory layout the evaluator needs. */
export interface RawCidr {
  rc: 0 | -1 | -2;
  family: IpFamily;
  bits: number;
  bitsText: string;
  bitsClean: boolean;
  /** inet_pton succeeded. */
  ptonOk: boolean;
  /** Address bytes in network order (4 or 16), zeros when !ptonOk. */
  addrBytes: Uint8Array;
  /** IPv4 only: host-order net (what the C code stores in ip.v4). */
  v4Net: number;
  /** IPv4 only: host-order mask as computed by the C code (uint32). */
  v4Mask: number;
  /** IPv6 only: 16 mask bytes. */
  v6MaskBytes: Uint8Array;
}

const HOST_BUF_BYTES = 126; // char host[128]; switch_copy_string(host, string, sizeof(host) - 1)

/** switch_parse_cidr() exactly (no "::ffff:" stripping — that happens in the callers). */
export function rawParseCidr(string: string): RawCidr {
  const host0 = cTruncateBytes(string, HOST_BUF_BYTES);
  const slash = host0.indexOf('/');
  const family: IpFamily = string.includes(':') ? 6 : 4;
  const empty = new Uint8Array(family === 4 ? 4 : 16);
  if (slash < 0) {
    return { rc: -1, family, bits: 0, bitsText: '', bitsClean: false, ptonOk: false, addrBytes: empty, v4Net: 0, v4Mask: 0, v6MaskBytes: new Uint8Array(16) };
  }
  const host = host0.slice(0, slash);
  const bitsText = host0.slice(slash + 1);
  const scan = cAtoiScan(bitsText);
  const bits = scan.value;
  if (family === 6) {
    if (bits < 0 || bits > 128) {
      return { rc: -2, family, bits, bitsText, bitsClean: scan.clean, ptonOk: false, addrBytes: empty, v4Net: 0, v4Mask: 0, v6MaskBytes: new Uint8Array(16) };
    }
    const bytes = new Uint8Array(16);
    const ok = inetPton6(host, bytes);
    const maskBytes = new Uint8Array(16);
    let n = bits;
    for (let i = 0; i < 16; i++) {
      const k = n > 8 ? 8 : n;
      maskBytes[i] = 0xff & ~(0xff >> k);
      n -= k;
    }
    return { rc: 0, family, bits, bitsText, bitsClean: scan.clean, ptonOk: ok, addrBytes: ok ? bytes : empty, v4Net: 0, v4Mask: 0, v6MaskBytes: maskBytes };
  }
  if (bits < 0 || bits > 32) {
    return { rc: -2, family, bits, bitsText, bitsClean: scan.clean, ptonOk: false, addrBytes: empty, v4Net: 0, v4Mask: 0, v6MaskBytes: new Uint8Array(16) };
  }
  const bytes = new Uint8Array(4);
  const ok = inetPton4(host, bytes);
  const net = ok ? ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0 : 0;
  // 0xFFFFFFFF & ~(0xFFFFFFFF >> bits): x86/arm mask the shift count to 5 bits, so /32 shifts by 0.
  const mask = ~(0xffffffff >>> (bits & 31)) >>> 0;
  return {
    rc: 0,
    family,
    bits,
    bitsText,
    bitsClean: scan.clean,
    ptonOk: ok,
    addrBytes: ok ? bytes : empty,
    v4Net: net,
    v4Mask: mask,
    v6MaskBytes: new Uint8Array(16),
  };
}

function bytesToBigInt(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = 0; i < b.length; i++) v = (v << 8n) | BigInt(b[i]!);
  return v;
}

const ALL32 = (1n << 32n) - 1n;
const ALL128 = (1n << 128n) - 1n;

/**
 * Parse a CIDR the way FreeSWITCH does when it adds a list node (including "::ffff:" stripping).
 * Pass `{ stripMapped: false }` for the raw switch_parse_cidr behaviour used for inline CIDR names.
 */
export function parseCidr(input: string, opts: { stripMapped?: boolean } = {}): CidrResult {
  const stripMapped = opts.stripMapped !== false;
  const mapped = stripMapped && hasMappedPrefix(input);
  const text = mapped ? input.slice(7) : input;
  const raw = rawParseCidr(text);
  if (raw.rc === -1) {
    return { ok: false, code: -1, reason: `"${text}" has no "/bits" prefix length; FreeSWITCH rejects it and does not add the node`, text, input, mapped };
  }
  if (raw.rc === -2) {
    const max = raw.family === 4 ? 32 : 128;
    return {
      ok: false,
      code: -2,
      reason: `prefix length ${raw.bits} is outside 0-${max} for ${raw.family === 4 ? 'IPv4' : 'IPv6'}${mapped ? ' (the "::ffff:" prefix was stripped, so this is IPv4)' : ''}; FreeSWITCH rejects it and does not add the node`,
      text,
      input,
      mapped,
      family: raw.family,
    };
  }
  const family = raw.family;
  const all = family === 4 ? ALL32 : ALL128;
  const mask = family === 4 ? BigInt(raw.v4Mask) : bytesToBigInt(raw.v6MaskBytes);
  const addr = raw.ptonOk ? bytesToBigInt(raw.addrBytes) : 0n;
  const res: CidrOk = {
    ok: true,
    rc: 0,
    text,
    input,
    mapped,
    family,
    addr,
    bits: raw.bits,
    mask,
    effectiveMask: 0n,
    network: 0n,
    matchKind: 'prefix',
    hostBitsSet: false,
    malformedAddress: !raw.ptonOk,
    bitsText: raw.bitsText,
    bitsClean: raw.bitsClean,
  };
  if (!raw.ptonOk) {
    res.quirk = `"${text.slice(0, text.indexOf('/'))}" is not a valid ${family === 4 ? 'IPv4' : 'IPv6'} address; FreeSWITCH still adds the node with uninitialised address bytes, so what it matches is unpredictable`;
    return res;
  }
  if (mask !== 0n) {
    res.matchKind = 'prefix';
    res.effectiveMask = mask;
    res.network = addr & mask;
    res.hostBitsSet = (addr & ~mask & all) !== 0n;
  } else if (addr !== 0n) {
    res.matchKind = 'exact';
    res.effectiveMask = all;
    res.network = addr;
    if (raw.bits === 0) {
      res.quirk = `FreeSWITCH quirk: /0 with a non-zero address gives a zero mask, so it matches only ${formatAddress(family, addr)} (at priority /0)`;
    }
  } else {
    res.matchKind = 'all';
    res.effectiveMask = 0n;
    res.network = 0n;
    if (raw.bits !== 0) {
      res.quirk = `FreeSWITCH quirk: 0.0.0.0/${raw.bits} gives a zero mask and a zero net, so it matches every IPv4 address (at priority /${raw.bits})`;
    }
  }
  if (!raw.bitsClean && res.quirk === undefined) {
    res.quirk = `prefix length "${raw.bitsText}" is read with atoi() as /${raw.bits}`;
  }
  return res;
}

interface IpOk {
  ok: true;
  family: IpFamily;
  /** 32-bit (IPv4) or 128-bit (IPv6) value. */
  value: bigint;
  /** IPv4 host-order value (family 4 only). */
  v4: number;
  /** IPv6 as four big-endian 32-bit words (family 6 only). */
  v6: Uint32Array;
  /** "::ffff:" was stripped and the rest checked as IPv4. */
  mapped: boolean;
  /** The address as FreeSWITCH checks it (after stripping). */
  text: string;
}
interface IpError {
  ok: false;
  family: IpFamily;
  mapped: boolean;
  reason: string;
}
export type IpResult = IpOk | IpError;

/**
 * Parse an address being checked against a list (switch_check_network_list_ip_port_token):
 * "::ffff:" (any case) is stripped and the rest is IPv4; otherwise ':' anywhere means IPv6.
 */
export function parseIp(input: string): IpResult {
  const mapped = hasMappedPrefix(input);
  const text = mapped ? input.slice(7) : input;
  const family: IpFamily = !mapped && input.includes(':') ? 6 : 4;
  if (family === 4) {
    const b = new Uint8Array(4);
    if (!inetPton4(text, b)) {
      return {
        ok: false,
        family,
        mapped,
        reason: `"${input}" is not a valid IPv4 address${mapped ? ' (after stripping "::ffff:")' : ''}; FreeSWITCH would compare uninitialised memory`,
      };
    }
    const v4 = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    return { ok: true, family, value: BigInt(v4), v4, v6: new Uint32Array(4), mapped, text };
  }
  const b = new Uint8Array(16);
  if (!inetPton6(text, b)) {
    return { ok: false, family, mapped, reason: `"${input}" is not a valid IPv6 address; FreeSWITCH would compare uninitialised memory` };
  }
  return { ok: true, family, value: bytesToBigInt(b), v4: 0, v6: bytesToWords(b), mapped, text };
}

function bytesToWords(b: Uint8Array): Uint32Array {
  const w = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    w[i] = ((b[i * 4]! << 24) | (b[i * 4 + 1]! << 16) | (b[i * 4 + 2]! << 8) | b[i * 4 + 3]!) >>> 0;
  }
  return w;
}

/**
 * switch_is_ip_address(): true for a valid IPv4 or IPv6 literal (inet_pton), false otherwise
 * (including null/undefined and host names).
 */
export function isIpAddress(text: string | null | undefined): boolean {
  if (text === null || text === undefined || text === '') return false;
  return inetPton4(text) || inetPton6(text);
}

export function formatIPv4(v: number | bigint): string {
  const n = typeof v === 'bigint' ? Number(v & ALL32) : v >>> 0;
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** RFC 5952 text form (lower case, longest run of two or more zero groups compressed). */
export function formatIPv6(v: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  // IPv4-mapped addresses read better in mixed notation.
  if (bestStart === 0 && bestLen === 5 && groups[5] === 0xffff) {
    return `::ffff:${formatIPv4(Number(v & ALL32))}`;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}

export function formatAddress(family: IpFamily, v: bigint): string {
  return family === 4 ? formatIPv4(v) : formatIPv6(v);
}
