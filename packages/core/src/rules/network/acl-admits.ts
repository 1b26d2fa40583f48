/**
 * Does a named ACL admit addresses beyond loopback / on the public internet? (for the network-service
 * rules). Answered with the exact evaluator over the tree's lists (built-ins, acl.conf, inline CIDRs).
 */
import type { Model } from '../../model.js';
import { aclModelFor } from '../../semantics/network-lists.js';
import { buildNetworkLists, countAllowedPublicIPv4, formatCount, PUBLIC_IPV4_TOTAL, verdictBlocks, type AclListDef, type CidrBlock } from '../../acl/index.js';
import { formatIPv4 } from '../../acl/cidr.js';

/** Does prefix a (start/len over W bits) overlap prefix b? */
function overlaps(a: CidrBlock, b: CidrBlock, W: number): boolean {
  const len = Math.min(a.len, b.len);
  const shift = BigInt(W - len);
  return a.start >> shift === b.start >> shift;
}

const LOOP4: CidrBlock = { start: 0x7f000000n, len: 8 };
const LOOP6: CidrBlock = { start: 1n, len: 128 };
/** IPv6 global unicast 2000::/3 */
const GLOBAL6: CidrBlock = { start: 0x2n << 124n, len: 3 };

function inside(a: CidrBlock, outer: CidrBlock, W: number): boolean {
  return a.len >= outer.len && overlaps(a, outer, W);
}

/** Lists with values fsconf cannot know answer undefined. */
function uncertain(model: Model, name: string): boolean {
  const am = aclModelFor(model);
  const info = am.byName.get(name);
  return info !== undefined && am.lists.lists.get(name)?.builtin === false && (info.unknownDefault || info.unknownNodes.length > 0);
}

/** true / false, or undefined when it depends on something unknown. */
export function admitsNonLoopback(model: Model, name: string): boolean | undefined {
  const n = name.trim();
  const am = aclModelFor(model);
  const list = am.lists.lists.get(n);
  if (!list && !n.includes('/')) return false; // an unknown name denies everything
  if (uncertain(model, n)) return undefined;
  if (list?.hostDependent) return true; // localnet.auto / nat.auto: the host's own LAN
  const v4 = verdictBlocks(am.lists, n, 4, { cap: 5000 });
  if (v4.truncated) return true;
  if (v4.allowed.some((b) => !inside(b, LOOP4, 32))) return true;
  const v6 = verdictBlocks(am.lists, n, 6, { cap: 5000 });
  if (v6.truncated) return true;
  return v6.allowed.some((b) => !inside(b, LOOP6, 128));
}

/** Does it admit public (non-private, non-reserved) IPv4 space, or global IPv6 unicast? */
export function admitsPublic(model: Model, name: string): boolean | undefined {
  const n = name.trim();
  const am = aclModelFor(model);
  const list = am.lists.lists.get(n);
  if (!list && !n.includes('/')) return false;
  if (uncertain(model, n)) return undefined;
  if (countAllowedPublicIPv4(am.lists, n).allowed > 0n) return true;
  const v6 = verdictBlocks(am.lists, n, 6, { cap: 5000 });
  if (v6.truncated) return true;
  return v6.allowed.some((b) => overlaps(b, GLOBAL6, 128));
}

/**
 * What a list admits, in a few words, for labelling ACL choices: "allows all of the internet",
 * "denies everything", "admits only this host (loopback)", "admits 10.0.0.0/8, 192.168.0.0/16", …
 * Counted with the exact evaluator (ports ignored).
 */
export function admitsLabel(model: Model, name: string): string {
  const n = name.trim();
  const am = aclModelFor(model);
  const list = am.lists.lists.get(n);
  if (!list && !n.includes('/')) return 'names no list: denies everything';
  if (uncertain(model, n)) return 'depends on a variable fsconf cannot know';
  if (list?.hostDependent) return "admits this host's own local network";
  const pub = countAllowedPublicIPv4(am.lists, n).allowed;
  if (pub > 0n && pub === PUBLIC_IPV4_TOTAL) return 'allows all of the internet';
  const v4 = verdictBlocks(am.lists, n, 4, { cap: 5000 });
  const v6 = verdictBlocks(am.lists, n, 6, { cap: 5000 });
  if (v4.allowedCount === 0n && v6.allowedCount === 0n) return 'denies everything';
  if (pub >= 1n << 24n) return `allows ${formatCount(pub)} internet addresses`;
  if (v4.allowed.length && v4.allowed.every((b) => inside(b, LOOP4, 32)) && v6.allowed.every((b) => inside(b, LOOP6, 128)))
    return 'admits only this host (loopback)';
  const cidrs = v4.allowed.map((b) => (b.len === 32 ? formatIPv4(b.start) : `${formatIPv4(b.start)}/${b.len}`));
  if (!cidrs.length) return `admits IPv6 only (${v6.allowed.length} network${v6.allowed.length === 1 ? '' : 's'})`;
  if (v4.truncated || cidrs.length > 3) return `admits ${formatCount(v4.allowedCount)} IPv4 addresses in ${v4.truncated ? 'many' : cidrs.length} ranges`;
  return `admits ${cidrs.join(', ')}`;
}

/** The same label for a list with some of its nodes left out, or with another default (what a fix at the list would leave). */
export function admitsLabelIf(model: Model, name: string, change: { dropLines?: number[]; default?: string }): string | undefined {
  const am = aclModelFor(model);
  const info = am.byName.get(name.trim());
  if (!info) return undefined;
  const def: AclListDef = { ...info.def, nodes: info.def.nodes.filter((n) => !change.dropLines?.includes(n.source?.line ?? -1)) };
  if (change.default !== undefined) def.default = change.default;
  const lists = buildNetworkLists([def]);
  const pub = countAllowedPublicIPv4(lists, def.name).allowed;
  if (pub > 0n && pub === PUBLIC_IPV4_TOTAL) return 'allows all of the internet';
  const v4 = verdictBlocks(lists, def.name, 4, { cap: 5000 });
  const v6 = verdictBlocks(lists, def.name, 6, { cap: 5000 });
  if (v4.allowedCount === 0n && v6.allowedCount === 0n) return 'denies everything';
  if (pub >= 1n << 24n) return `allows ${formatCount(pub)} internet addresses`;
  const cidrs = v4.allowed.map((b) => (b.len === 32 ? formatIPv4(b.start) : `${formatIPv4(b.start)}/${b.len}`));
  if (!cidrs.length) return `admits IPv6 only`;
  if (v4.truncated || cidrs.length > 3) return `admits ${formatCount(v4.allowedCount)} IPv4 addresses in ${v4.truncated ? 'many' : cidrs.length} ranges`;
  return `admits ${cidrs.join(', ')}${pub > 0n ? ` (${formatCount(pub)} of them public)` : ''}`;
}
