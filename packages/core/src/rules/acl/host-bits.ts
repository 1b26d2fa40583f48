import { defineRule } from '../types.js';
import { ACL_ELEMENTS, reads } from '../reads.js';
import { formatAddress, parseCidr } from '../../acl/index.js';
import { cidrItems, listsToCheck } from './shared.js';

/** An address with host bits set: FreeSWITCH silently masks them (or, for /0, matches one address only). */
export const hostBits = defineRule({
  meta: {
    id: 'acl/host-bits',
    severity: 'warning',
    description: 'a node cidr has host bits set, so it means another network than written',
    fixable: true,
    reads: reads(ACL_ELEMENTS),
  },
  check(ctx) {
    for (const list of listsToCheck(ctx.model)) {
      for (const n of list.nodes) {
        if (n.attrs.has('domain')) continue;
        const cidr = n.attrs.get('cidr');
        if (!cidr) continue;
        const items = cidrItems(cidr);
        if (!items) continue;
        const doc = cidr.node.doc;
        for (const it of items) {
          const p = parseCidr(it.text);
          if (!p.ok || p.malformedAddress) continue;
          const W = p.family === 4 ? 32 : 128;
          const addr = formatAddress(p.family, p.addr);
          const single = `${addr}/${W}`;
          const edit = (text: string) => [{ doc, start: it.start, end: it.end, newText: text }];
          if (p.hostBitsSet) {
            const net = `${formatAddress(p.family, p.network)}/${p.bits}`;
            const size = 1n << BigInt(W - p.bits);
            ctx.report({
              doc,
              start: it.start,
              end: it.end,
              message: `cidr "${it.text}" has host bits set: FreeSWITCH matches the whole network ${net} (${size.toLocaleString('en-US')} addresses), not just ${addr}`,
              ...(it.exact
                ? {
                    fixes: [
                      { title: `Use the network address ${net}`, kind: 'choice', edits: edit(net) },
                      { title: `Use ${single} (only ${addr})`, kind: 'choice', edits: edit(single) },
                    ],
                  }
                : {}),
            });
          } else if (p.matchKind === 'exact' && p.bits === 0) {
            const all = p.family === 4 ? '0.0.0.0/0' : '::/0';
            ctx.report({
              doc,
              start: it.start,
              end: it.end,
              message: `cidr "${it.text}" is a /0 with a non-zero address: FreeSWITCH matches only ${addr}, not every address`,
              ...(it.exact
                ? {
                    fixes: [
                      { title: `Use ${all} (every ${p.family === 4 ? 'IPv4' : 'IPv6'} address)`, kind: 'choice', edits: edit(all) },
                      { title: `Use ${single} (only ${addr})`, kind: 'choice', edits: edit(single) },
                    ],
                  }
                : {}),
            });
          }
        }
      }
    }
  },
});
