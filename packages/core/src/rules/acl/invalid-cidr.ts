import { defineRule } from '../types.js';
import { ACL_ELEMENTS, reads } from '../reads.js';
import { inetPton4, parseCidr, MAX_CIDR_ITEMS } from '../../acl/index.js';
import { cidrItems, listsToCheck } from './shared.js';

/** CIDRs FreeSWITCH rejects (no /bits, bits out of range) or reads as garbage (malformed address). */
export const invalidCidr = defineRule({
  meta: {
    id: 'acl/invalid-cidr',
    severity: 'error',
    description: 'a node cidr (or host/mask) FreeSWITCH rejects or cannot read',
    fixable: true,
    reads: reads(ACL_ELEMENTS),
  },
  check(ctx) {
    for (const list of listsToCheck(ctx.model)) {
      for (const n of list.nodes) {
        if (n.attrs.has('domain')) continue; // domain= wins, cidr= is never read
        const cidr = n.attrs.get('cidr');
        if (cidr) {
          const items = cidrItems(cidr);
          if (!items) continue;
          const doc = cidr.node.doc;
          if (items.length === MAX_CIDR_ITEMS && items[MAX_CIDR_ITEMS - 1]!.text.includes(',')) {
            const last = items[MAX_CIDR_ITEMS - 1]!;
            ctx.report({
              doc,
              start: last.start,
              end: cidr.attr.valueEnd,
              message: `cidr= has more than ${MAX_CIDR_ITEMS} items: FreeSWITCH splits only the first ${MAX_CIDR_ITEMS - 1} and rejects "${last.text.slice(0, 40)}…" as one item`,
            });
            continue;
          }
          for (const it of items) {
            const text = it.text;
            if (text.trim() === '') {
              ctx.report({
                doc,
                start: it.start,
                end: Math.max(it.end, it.start + 1),
                message: `cidr="${cidr.expanded.value}" has an empty item: FreeSWITCH logs "Error Adding" for it and adds nothing`,
              });
              continue;
            }
            const p = parseCidr(text);
            const v6 = text.includes(':') && !text.toLowerCase().startsWith('::ffff:');
            if (!p.ok) {
              if (p.code === -1) {
                const suffix = v6 ? '/128' : '/32';
                ctx.report({
                  doc,
                  start: it.start,
                  end: it.end,
                  message: `cidr "${text}" has no /bits prefix length: FreeSWITCH logs "Error Adding" and drops this node`,
                  ...(it.exact
                    ? {
                        fixes: [
                          {
                            title: `Append ${suffix} (this single address)`,
                            kind: 'choice',
                            edits: [{ doc, start: it.end, end: it.end, newText: suffix }],
                            preferred: true,
                          },
                        ],
                      }
                    : {}),
                });
              } else {
                const fam = p.family === 6 ? 'IPv6 allows 0-128' : 'IPv4 allows 0-32';
                ctx.report({
                  doc,
                  start: it.start,
                  end: it.end,
                  message: `cidr "${text}" has a prefix length out of range (${fam}): FreeSWITCH logs "Error Adding" and drops this node`,
                });
              }
              continue;
            }
            if (p.malformedAddress) {
              const addr = p.text.slice(0, p.text.indexOf('/'));
              ctx.report({
                doc,
                start: it.start,
                end: it.end,
                message: `"${addr}" in cidr "${text}" is not a valid ${p.family === 4 ? 'IPv4' : 'IPv6'} address: FreeSWITCH still adds the node, with uninitialised address bytes, so what it matches is unpredictable`,
              });
              continue;
            }
            if (!p.bitsClean) {
              ctx.report({
                doc,
                start: it.start,
                end: it.end,
                severity: 'warning',
                message: `cidr "${text}": FreeSWITCH reads the prefix "${p.bitsText}" with atoi() as /${p.bits}`,
              });
            }
          }
          continue;
        }
        const host = n.attrs.get('host');
        const mask = n.attrs.get('mask');
        if (host && mask) {
          for (const av of [host, mask]) {
            const v = av.expanded.value;
            if (v === undefined || inetPton4(v)) continue;
            ctx.report({
              doc: av.node.doc,
              start: av.attr.valueStart,
              end: av.attr.valueEnd,
              message: `${av.attr.name}="${v}" is not a dotted IPv4 ${av.attr.name === 'host' ? 'address' : 'mask'}: FreeSWITCH still adds the node, with uninitialised bytes, so what it matches is unpredictable`,
            });
          }
        }
      }
    }
  },
});
