/**
 * Exact set arithmetic over a list's verdict function: how many (public) IPv4 addresses a list allows,
 * a one-line summary for hovers, and CIDR descriptions.
 *
 * The verdict of a list is piecewise constant over the address space. We walk the binary trie of the
 * address space from the top bit down, carrying the nodes that may still match ("partial"), the best
 * node that covers the whole current subtree, and stop as soon as the verdict is uniform over a subtree.
 * Nodes are handled through their effective (care, value) bits, so the FreeSWITCH quirks (zero-mask exact
 * matches, 0.0.0.0/32 matching everything, non-contiguous host/mask masks) are counted exactly; memoising
 * on the subtree state keeps non-contiguous masks cheap. No sampling.
 *
 * Pure, no I/O.
 */
import { formatAddress, parseCidr } from './cidr.js';
import type { IpFamily } from './cidr.js';
import { compileInline, portMatches } from './evaluator.js';
import type { AclNode, InlineList, NetworkList, NetworkLists } from './evaluator.js';

interface SegNode {
  care: Uint8Array;
  val: Uint8Array;
  /** depth at which every care bit is fixed (the node then covers the whole subtree or nothing) */
  cover: number;
  /** 0 = highest priority (longest prefix, then first in file) */
  rank: number;
  allow: boolean;
  id: number;
}

interface Ctx {
  W: number;
  dflt: boolean;
  sizes: bigint[];
  memo: Map<string, bigint> | null;
  emit: ((prefix: bigint, depth: number, allow: boolean) => void) | null;
  emitted: number;
  cap: number;
  aborted: boolean;
}

function sizesFor(W: number): bigint[] {
  const s: bigint[] = [];
  for (let d = 0; d <= W; d++) s.push(1n << BigInt(W - d));
  return s;
}
const SIZES32 = sizesFor(32);
const SIZES128 = sizesFor(128);

function segFromWords(W: number, net: ArrayLike<number>, mask: ArrayLike<number>, allow: boolean, id: number): SegNode {
  const care = new Uint8Array(W);
  const val = new Uint8Array(W);
  let cover = 0;
  for (let i = 0; i < W; i++) {
    const word = i >>> 5;
    const bit = 31 - (i & 31);
    const c = ((mask[word]! >>> bit) & 1) as 0 | 1;
    care[i] = c;
    val[i] = (net[word]! >>> bit) & 1;
    if (c) cover = i + 1;
  }
  return { care, val, cover, rank: 0, allow, id };
}

/** The effective (net, mask) words FreeSWITCH matches a node with, for one family. */
function nodeWords(n: AclNode, fam: IpFamily): { net: number[]; mask: number[] } {
  if (fam === 4) {
    const m = n.v4Mask !== 0 ? n.v4Mask : n.v4Net !== 0 ? 0xffffffff : 0;
    return { net: [n.v4Net >>> 0], mask: [m >>> 0] };
  }
  const m = n.v6Mask;
  const w = n.v6Net;
  const maskZero = (m[0]! | m[1]! | m[2]! | m[3]!) === 0;
  const netZero = (w[0]! | w[1]! | w[2]! | w[3]!) === 0;
  const em = !maskZero ? [m[0]!, m[1]!, m[2]!, m[3]!] : !netZero ? [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff] : [0, 0, 0, 0];
  return { net: [w[0]!, w[1]!, w[2]!, w[3]!], mask: em };
}

interface FamilyModel {
  W: number;
  dflt: boolean;
  nodes: SegNode[];
  /** nodes FreeSWITCH would evaluate unpredictably (malformed / uninitialised) and that we ignore */
  unpredictable: number;
  /** the list has the host-dependent local-net node, ignored here */
  hostDependent: boolean;
}

function listModel(list: NetworkList, fam: IpFamily, port: number): FamilyModel {
  const W = fam === 4 ? 32 : 128;
  const picked: AclNode[] = [];
  let unpredictable = 0;
  let hostDependent = false;
  for (const n of list.nodes) {
    if (fam === 4 ? n.family === 6 : n.family === 4) continue;
    if (n.hostDependent) {
      hostDependent = true;
      continue;
    }
    if (n.malformed) {
      unpredictable++;
      continue;
    }
    if (fam === 4 && !portMatches(n, port)) continue;
    picked.push(n);
  }
  picked.sort((a, b) => b.bits - a.bits || a.index - b.index);
  const nodes = picked.map((n, rank) => {
    const { net, mask } = nodeWords(n, fam);
    const s = segFromWords(W, net, mask, n.allow, rank);
    s.rank = rank;
    return s;
  });
  return { W, dflt: list.defaultAllow, nodes, unpredictable, hostDependent };
}

function inlineModel(il: InlineList, fam: IpFamily): FamilyModel {
  const W = fam === 4 ? 32 : 128;
  const nodes: SegNode[] = [];
  let unpredictable = 0;
  il.items.forEach((it) => {
    const nBytes = fam === 4 ? 4 : 16;
    for (let i = 0; i < nBytes; i++) {
      if (!it.netKnown[i] || !it.maskKnown[i]) {
        unpredictable++;
        return;
      }
    }
    let net: number[];
    let mask: number[];
    if (fam === 4) {
      // ip_t.v4 read little-endian from the first 4 bytes (see inlineItemTest4)
      const nv = (it.net[0]! | (it.net[1]! << 8) | (it.net[2]! << 16) | (it.net[3]! << 24)) >>> 0;
      const mv = (it.mask[0]! | (it.mask[1]! << 8) | (it.mask[2]! << 16) | (it.mask[3]! << 24)) >>> 0;
      net = [nv];
      mask = [mv !== 0 ? mv : nv !== 0 ? 0xffffffff : 0];
    } else {
      const words = (b: Uint8Array): number[] =>
        [0, 1, 2, 3].map((k) => ((b[k * 4]! << 24) | (b[k * 4 + 1]! << 16) | (b[k * 4 + 2]! << 8) | b[k * 4 + 3]!) >>> 0);
      net = words(it.net);
      const m = words(it.mask);
      const mz = m.every((x) => x === 0);
      const nz = net.every((x) => x === 0);
      mask = !mz ? m : !nz ? [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff] : [0, 0, 0, 0];
    }
    nodes.push(segFromWords(W, net, mask, true, nodes.length));
  });
  nodes.forEach((n, i) => (n.rank = i));
  return { W, dflt: false, nodes, unpredictable, hostDependent: false };
}

/** Allowed address count in the subtree; emits uniform blocks when ctx.emit is set. */
function rec(ctx: Ctx, depth: number, prefix: bigint, best: SegNode | null, partial: SegNode[], excl: SegNode[]): bigint {
  if (ctx.aborted) return 0n;
  const fallback = best ? best.allow : ctx.dflt;
  const kept: SegNode[] = [];
  let uniform = true;
  // index loops: for…of makes an iterator result per step in code not yet optimised, and this recursion
  // visits thousands of nodes in a cold lint
  for (let i = 0; i < partial.length; i++) {
    const n = partial[i]!;
    if (best !== null && best.rank < n.rank) continue;
    kept.push(n);
    if (n.allow !== fallback) uniform = false;
  }
  if (uniform && excl.length === 0) {
    if (ctx.emit) {
      if (++ctx.emitted > ctx.cap) {
        ctx.aborted = true;
        return 0n;
      }
      ctx.emit(prefix, depth, fallback);
    }
    return fallback ? ctx.sizes[depth]! : 0n;
  }
  const live = uniform ? [] : kept;
  let key: string | null = null;
  if (ctx.memo !== null && live.length + excl.length <= 24) {
    key = `${depth}|${best ? best.rank : -1}|${live.map((n) => n.rank).join(',')}|${excl.map((n) => n.id).join(',')}`;
    const hit = ctx.memo.get(key);
    if (hit !== undefined) return hit;
  }
  let total = 0n;
  for (let c = 0; c < 2; c++) {
    let childBest = best;
    const childPartial: SegNode[] = [];
    for (let i = 0; i < live.length; i++) {
      const n = live[i]!;
      if (n.care[depth] && n.val[depth] !== c) continue;
      if (n.cover <= depth + 1) {
        if (childBest === null || n.rank < childBest.rank) childBest = n;
      } else {
        childPartial.push(n);
      }
    }
    let excluded = false;
    const childExcl: SegNode[] = [];
    for (let i = 0; i < excl.length; i++) {
      const e = excl[i]!;
      if (e.care[depth] && e.val[depth] !== c) continue;
      if (e.cover <= depth + 1) {
        excluded = true;
        break;
      }
      childExcl.push(e);
    }
    if (excluded) continue;
    total += rec(ctx, depth + 1, ctx.emit ? prefix * 2n + BigInt(c) : 0n, childBest, childPartial, childExcl);
  }
  if (key !== null) ctx.memo!.set(key, total);
  return total;
}

function start(model: FamilyModel, excl: SegNode[], emit: Ctx['emit'], cap = Infinity): { allowed: bigint; aborted: boolean } {
  const ctx: Ctx = {
    W: model.W,
    dflt: model.dflt,
    sizes: model.W === 32 ? SIZES32 : SIZES128,
    memo: emit ? null : new Map(),
    emit,
    emitted: 0,
    cap,
    aborted: false,
  };
  let best: SegNode | null = null;
  const partial: SegNode[] = [];
  for (const n of model.nodes) {
    if (n.cover === 0) {
      if (best === null || n.rank < best.rank) best = n;
    } else {
      partial.push(n);
    }
  }
  const allowed = rec(ctx, 0, 0n, best, partial, excl);
  return { allowed, aborted: ctx.aborted };
}

// ---------------------------------------------------------------------------------------------
// Public IPv4 counting
// ---------------------------------------------------------------------------------------------

/** Private, shared, loopback, link-local, documentation, benchmarking, multicast and reserved space. */
const NON_PUBLIC_IPV4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '255.255.255.255/32',
] as const;

const EXCL_NODES: SegNode[] = NON_PUBLIC_IPV4.map((c, i) => {
  const [a, b] = c.split('/') as [string, string];
  const bits = Number(b);
  const net = a.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const mask = bits === 0 ? 0 : bits === 32 ? 0xffffffff : ~(0xffffffff >>> bits) >>> 0;
  return segFromWords(32, [net], [mask], false, i);
});

/** Number of public IPv4 addresses (2^32 minus NON_PUBLIC_IPV4). */
export const PUBLIC_IPV4_TOTAL: bigint = start({ W: 32, dflt: true, nodes: [], unpredictable: 0, hostDependent: false }, EXCL_NODES, null).allowed;

export interface PublicIPv4Count {
  list: string;
  /** Public IPv4 addresses the list allows (exact). */
  allowed: bigint;
  /** Size of the public IPv4 space (constant, see NON_PUBLIC_IPV4). */
  publicTotal: bigint;
  /** allowed / publicTotal */
  fraction: number;
  /** No such list and the name is not a CIDR: FreeSWITCH denies everything (allowed = 0). */
  unknownList?: boolean;
  /** The name was read as inline CIDRs. */
  inline?: boolean;
  /** localnet.auto / nat.auto built without localNet: the host's local-net node was left out. */
  hostDependent?: boolean;
  /** Nodes/items FreeSWITCH evaluates unpredictably (malformed addresses), left out of the count. */
  unpredictableNodes: number;
}

function resolve(lists: NetworkLists, name: string): { list?: NetworkList; inline?: InlineList } {
  const list = lists.lists.get(name);
  if (list) return { list };
  if (name.includes('/')) {
    let il = lists._inline.get(name);
    if (!il) il = compileInline(name);
    return { inline: il };
  }
  return {};
}

/**
 * Exact number of public IPv4 addresses `name` allows (port 0 = ports ignored, like the acl API,
 * register and event-socket ACLs; pass `port` to model use-port-for-acl-check).
 */
/**
 * Results depend only on a list's content, which rarely changes between two analyses of an edited tree:
 * memoise them by a content key (bounded, oldest dropped first).
 */
const memo = new Map<string, unknown>();
const MEMO_MAX = 512;

function contentKey(lists: NetworkLists, name: string, extra: string): string {
  const l = lists.lists.get(name);
  if (!l) return `inline\u0001${name}\u0001${extra}`;
  let k = `${l.name}\u0001${l.defaultAllow}\u0001${l.hostDependent}\u0001${extra}`;
  for (const n of l.nodes)
    k += `\u0002${n.kind}|${n.cidr}|${n.allow}|${n.family}|${n.bits}|${n.malformed}|${n.hostDependent}|${n.port}|${n.ports.join(',')}|${n.label}`;
  return k;
}

function memoised<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const v = compute();
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(key, v);
  return v;
}

export function countAllowedPublicIPv4(lists: NetworkLists, name: string, opts: { port?: number } = {}): PublicIPv4Count {
  return memoised(contentKey(lists, name, `count4|${opts.port ?? 0}`), () => countAllowedPublicIPv4Uncached(lists, name, opts));
}

function countAllowedPublicIPv4Uncached(lists: NetworkLists, name: string, opts: { port?: number }): PublicIPv4Count {
  const r = resolve(lists, name);
  const base = { list: name, publicTotal: PUBLIC_IPV4_TOTAL };
  if (!r.list && !r.inline) return { ...base, allowed: 0n, fraction: 0, unknownList: true, unpredictableNodes: 0 };
  const model = r.list ? listModel(r.list, 4, opts.port ?? 0) : inlineModel(r.inline!, 4);
  const { allowed } = start(model, EXCL_NODES, null);
  const out: PublicIPv4Count = { ...base, allowed, fraction: Number(allowed) / Number(PUBLIC_IPV4_TOTAL), unpredictableNodes: model.unpredictable };
  if (r.inline) out.inline = true;
  if (model.hostDependent) out.hostDependent = true;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Blocks and summaries
// ---------------------------------------------------------------------------------------------

export interface CidrBlock {
  start: bigint;
  /** prefix length */
  len: number;
}

export interface VerdictBlocks {
  family: IpFamily;
  allowed: CidrBlock[];
  denied: CidrBlock[];
  allowedCount: bigint;
  /** The enumeration hit the block cap; allowed/denied are incomplete (allowedCount is still exact). */
  truncated: boolean;
  hostDependent: boolean;
  unpredictable: number;
}

/** Bits of a positive BigInt. */
function bitLength(x: bigint): number {
  return x.toString(2).length;
}

function toCidrs(intervals: [bigint, bigint][], W: number): CidrBlock[] {
  const out: CidrBlock[] = [];
  for (const [a0, b] of intervals) {
    let a = a0;
    while (a < b) {
      // the largest aligned block at a that fits: 2^k with k = min(trailing zeros of a, floor(log2(b - a)), W),
      // from bit lengths (a loop of BigInt shifts and remainders per bit cost a cold lint ~1 ms)
      let k = bitLength(b - a) - 1;
      if (a !== 0n) k = Math.min(k, bitLength(a & -a) - 1);
      if (k > W) k = W;
      out.push({ start: a, len: W - k });
      a += 1n << BigInt(k);
    }
  }
  return out;
}

function modelBlocks(model: FamilyModel, fam: IpFamily, cap: number): VerdictBlocks {
  const W = model.W;
  const runs: { a: bigint; b: bigint; allow: boolean }[] = [];
  const res = start(
    model,
    [],
    (prefix, depth, allow) => {
      const a = prefix << BigInt(W - depth);
      const b = a + (1n << BigInt(W - depth));
      const last = runs[runs.length - 1];
      if (last && last.allow === allow && last.b === a) last.b = b;
      else runs.push({ a, b, allow });
    },
    cap,
  );
  const allowedCount = res.aborted ? start(model, [], null).allowed : res.allowed;
  return {
    family: fam,
    allowed: toCidrs(
      runs.filter((r) => r.allow).map((r) => [r.a, r.b]),
      W,
    ),
    denied: toCidrs(
      runs.filter((r) => !r.allow).map((r) => [r.a, r.b]),
      W,
    ),
    allowedCount,
    truncated: res.aborted,
    hostDependent: model.hostDependent,
    unpredictable: model.unpredictable,
  };
}

/** The list's verdict over one family as minimal CIDR blocks (ports ignored unless given). */
export function verdictBlocks(lists: NetworkLists, name: string, family: IpFamily, opts: { port?: number; cap?: number } = {}): VerdictBlocks {
  return memoised(contentKey(lists, name, `blocks|${family}|${opts.port ?? 0}|${opts.cap ?? 20000}`), () => verdictBlocksUncached(lists, name, family, opts));
}

function verdictBlocksUncached(lists: NetworkLists, name: string, family: IpFamily, opts: { port?: number; cap?: number }): VerdictBlocks {
  const r = resolve(lists, name);
  if (!r.list && !r.inline) {
    return { family, allowed: [], denied: [{ start: 0n, len: 0 }], allowedCount: 0n, truncated: false, hostDependent: false, unpredictable: 0 };
  }
  const model = r.list ? listModel(r.list, family, opts.port ?? 0) : inlineModel(r.inline!, family);
  return modelBlocks(model, family, opts.cap ?? 20000);
}

export function formatCount(n: bigint): string {
  if (n >= 1n << 40n && (n & (n - 1n)) === 0n) return `2^${n.toString(2).length - 1}`;
  const s = n.toString();
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "3 addresses and 1 /28" */
function describeBlocks(blocks: CidrBlock[], W: number): string {
  const byLen = new Map<number, number>();
  for (const b of blocks) byLen.set(b.len, (byLen.get(b.len) ?? 0) + 1);
  const lens = [...byLen.keys()].sort((a, b) => b - a);
  if (lens.length > 4) {
    let total = 0n;
    for (const b of blocks) total += 1n << BigInt(W - b.len);
    return `${plural(blocks.length, 'network', 'networks')} (${formatCount(total)} addresses)`;
  }
  return joinAnd(lens.map((len) => (len === W ? plural(byLen.get(len)!, 'address', 'addresses') : `${byLen.get(len)} /${len}`)));
}

function describeExcept(blocks: CidrBlock[], W: number): string {
  if (blocks.every((b) => b.len === W)) return plural(blocks.length, 'address', 'addresses');
  return plural(blocks.length, 'network', 'networks');
}

function summarizeFamily(vb: VerdictBlocks): string {
  const W = vb.family === 4 ? 32 : 128;
  const total = 1n << BigInt(W);
  if (vb.allowedCount === 0n) return 'denies everything';
  if (vb.allowedCount === total) return 'allows everything';
  if (vb.truncated) return `allows ${formatCount(vb.allowedCount)} addresses in many small ranges`;
  if (vb.allowed.length <= vb.denied.length) return `allows ${describeBlocks(vb.allowed, W)}; denies everything else`;
  return `allows everything except ${describeExcept(vb.denied, W)}`;
}

/**
 * One line for hovers, e.g. "allows 3 addresses and 1 /28; denies everything else (IPv6: denies everything)"
 * or "allows everything except 4 networks (IPv6: allows everything)". Ports are ignored.
 */
export function summarizeList(lists: NetworkLists, name: string): string {
  const r = resolve(lists, name);
  if (!r.list && !r.inline) return `no list named "${name}" is defined: FreeSWITCH denies everything`;
  const v4 = verdictBlocks(lists, name, 4, { cap: 4000 });
  const v6 = verdictBlocks(lists, name, 6, { cap: 4000 });
  if (r.inline) {
    let s4 = summarizeFamily(v4);
    if (v4.unpredictable > 0) s4 += ` (plus whatever ${plural(v4.unpredictable, 'invalid item', 'invalid items')} match: unpredictable)`;
    let s6 = summarizeFamily(v6);
    if (v6.unpredictable > 0 && v6.allowedCount !== 1n << 128n) {
      s6 =
        v6.allowedCount === 0n
          ? 'unpredictable: IPv6 addresses are compared with uninitialised bytes of the IPv4 CIDRs'
          : `${s6}, plus unpredictable matches against the IPv4 CIDRs`;
    }
    return `inline CIDR list: ${s4} (IPv6: ${s6})`;
  }
  let s = `${summarizeFamily(v4)} (IPv6: ${summarizeFamily(v6)})`;
  if (v4.hostDependent || v6.hostDependent) s = `depends on the host's local network (pass --local-net); apart from it: ${s}`;
  const malformed = r.list!.nodes.filter((n) => n.malformed).length;
  if (malformed > 0)
    s += `; ${plural(malformed, 'node with a malformed address is', 'nodes with malformed addresses are')} ignored (unpredictable in FreeSWITCH)`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// CIDR description
// ---------------------------------------------------------------------------------------------

export type CidrDescription =
  | {
      ok: true;
      family: IpFamily;
      /** first and last address FreeSWITCH matches */
      first: string;
      last: string;
      count: bigint;
      bits: number;
      matchKind: 'prefix' | 'exact' | 'all';
      quirk?: string;
      /** one-line text for hovers */
      summary: string;
    }
  | { ok: false; malformed?: boolean; summary: string };

/** First/last address and address count of a CIDR as FreeSWITCH matches it, for hovers. */
export function describeCidr(text: string): CidrDescription {
  const p = parseCidr(text);
  if (!p.ok) return { ok: false, summary: `${text}: ${p.reason}` };
  if (p.malformedAddress) return { ok: false, malformed: true, summary: `${text}: ${p.quirk ?? 'malformed address'}` };
  const W = p.family === 4 ? 32 : 128;
  const all = (1n << BigInt(W)) - 1n;
  const first = p.network;
  const last = p.network | (~p.effectiveMask & all);
  // count = 2^(number of zero bits in the effective mask); contiguous in every case parseCidr produces
  let zeros = 0;
  for (let i = 0; i < W; i++) if (((p.effectiveMask >> BigInt(i)) & 1n) === 0n) zeros++;
  const count = 1n << BigInt(zeros);
  const f = formatAddress(p.family, first);
  const l = formatAddress(p.family, last);
  const canon = `${f}/${W - zeros}`;
  let summary: string;
  if (p.matchKind === 'all') {
    summary = `${text}: every ${p.family === 4 ? 'IPv4' : 'IPv6'} address (${formatCount(count)} addresses)`;
  } else if (count === 1n) {
    summary = `${text}: the single address ${f}`;
  } else {
    summary = `${text}: ${f} – ${l} (${formatCount(count)} addresses)`;
  }
  if (p.mapped) summary += ` — the "::ffff:" prefix is stripped, so this is IPv4`;
  if (p.hostBitsSet) summary += ` — host bits are set; FreeSWITCH treats it as ${canon}`;
  if (p.quirk) summary += ` — ${p.quirk}`;
  const out: CidrDescription = { ok: true, family: p.family, first: f, last: l, count, bits: p.bits, matchKind: p.matchKind, summary };
  if (p.quirk) out.quirk = p.quirk;
  return out;
}
