import { defineRule } from '../types.js';
import { ACL_ELEMENTS, ACL_REFERENCE_ELEMENTS, ACTION_ELEMENTS, reads } from '../reads.js';
import { countAllowedPublicIPv4, formatCount } from '../../acl/index.js';
import { aclModelFor, aclReferences, parseLocalNet, refLabel } from '../../semantics/network-lists.js';
import { listAnchor } from './shared.js';

const LIMIT = 1n << 24n;

/** An inbound or register ACL that lets a /8's worth of the public internet through. */
export const allowsInternet = defineRule({
  meta: {
    id: 'acl/allows-internet',
    severity: 'warning',
    description: 'a list used as an inbound or register ACL allows more than 2^24 public IPv4 addresses',
    fixable: false,
    security: true,
    reads: reads(ACL_ELEMENTS, ACL_REFERENCE_ELEMENTS, ACTION_ELEMENTS),
  },
  check(ctx) {
    const ln = ctx.config.localNet ? parseLocalNet(ctx.config.localNet) : undefined;
    const am = aclModelFor(ctx.model, ln);
    const counts = new Map<string, ReturnType<typeof countAllowedPublicIPv4>>();
    for (const ref of aclReferences(ctx.model)) {
      if (ref.role !== 'inbound' && ref.role !== 'register') continue;
      if (ref.name === undefined || ref.name === '') continue;
      const list = am.lists.lists.get(ref.name);
      if (!list && !ref.name.includes('/')) continue; // acl/unknown-list
      const info = am.byName.get(ref.name);
      if (list && !list.builtin && info && (info.unknownDefault || info.unknownNodes.length)) continue;
      let c = counts.get(ref.name);
      if (!c) counts.set(ref.name, (c = countAllowedPublicIPv4(am.lists, ref.name)));
      if (c.allowed <= LIMIT) continue;
      const pct = (c.fraction * 100).toFixed(c.fraction >= 0.995 ? 0 : 1);
      const effect =
        ref.role === 'register'
          ? 'FreeSWITCH accepts REGISTERs from all of them without asking for a password'
          : 'FreeSWITCH lets calls from all of them in without digest authentication';
      const related = info && list && !list.builtin ? [{ ...listAnchor(info.list), message: `list "${ref.name}"` }] : [];
      ctx.report({
        doc: ref.doc,
        start: ref.start,
        end: ref.end,
        message: `${refLabel(ref)} "${ref.name}" allows ${formatCount(c.allowed)} public IPv4 addresses (${pct}% of the internet): ${effect}`,
        related,
      });
    }
  },
});
