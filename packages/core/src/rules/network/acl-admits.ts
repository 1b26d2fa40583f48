/**
 * Does a named ACL admit addresses beyond loopback / on the public internet? (for the network-service
 * rules). Answered with the exact evaluator over the tree's lists (built-ins, acl.conf, inline CIDRs).
 */
import type { Model } from '../../model.js';
import { aclModelFor } from '../../acl-model.js';
import { countAllowedPublicIPv4, verdictBlocks, type CidrBlock } from '../../acl/index.js';

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
