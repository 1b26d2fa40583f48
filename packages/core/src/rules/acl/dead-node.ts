import { defineRule, type FixInput } from '../types.js';
import { ACL_ELEMENTS, reads } from '../reads.js';
import { inetPton4, parseCidr } from '../../acl/index.js';
import type { AclNode } from '../../model.js';
import { cidrItems, deleteItemEdit, deleteNodeEdit, listsToCheck, type CidrItem } from './shared.js';

interface Entry {
  key: string;
  node: AclNode;
  item: CidrItem | undefined;
  items: CidrItem[] | undefined;
  /** port constraint as written ('' = none) */
  ports: string;
  family: 0 | 4 | 6;
  line: number;
  text: string;
}

function portKey(n: AclNode): string | undefined {
  const parts: string[] = [];
  for (const a of ['port', 'ports', 'port-min', 'port-max']) {
    const av = n.attrs.get(a);
    if (!av) continue;
    if (av.expanded.value === undefined) return undefined;
    parts.push(`${a}=${av.expanded.value.trim()}`);
  }
  return parts.join(' ');
}

/** A node that repeats the network and prefix of an earlier node of its list can never decide. */
export const deadNode = defineRule({
  meta: {
    id: 'acl/dead-node',
    severity: 'warning',
    description: 'a node repeats the network and prefix of an earlier node, so it never decides',
    fixable: true,
    reads: reads(ACL_ELEMENTS),
  },
  check(ctx) {
    for (const list of listsToCheck(ctx.model)) {
      const seen = new Map<string, Entry[]>();
      for (const n of list.nodes) {
        if (n.attrs.has('domain')) continue;
        const ports = portKey(n);
        if (ports === undefined) continue;
        const line = n.node.doc.lines.lineOf(n.node.el.start) + 1;
        const entries: Entry[] = [];
        const cidr = n.attrs.get('cidr');
        if (cidr) {
          const items = cidrItems(cidr);
          if (!items) continue;
          for (const it of items) {
            const p = parseCidr(it.text);
            if (!p.ok || p.malformedAddress) continue;
            entries.push({
              key: `${p.family}|${p.network}|${p.effectiveMask}|${p.bits}`,
              node: n,
              item: it,
              items,
              ports,
              family: p.family,
              line,
              text: it.text,
            });
          }
        } else {
          const h = n.attrs.get('host')?.expanded.value;
          const m = n.attrs.get('mask')?.expanded.value;
          if (h === undefined || m === undefined) continue;
          const hb = new Uint8Array(4);
          const mb = new Uint8Array(4);
          if (!inetPton4(h, hb) || !inetPton4(m, mb)) continue;
          const mask = ((mb[0]! << 24) | (mb[1]! << 16) | (mb[2]! << 8) | mb[3]!) >>> 0;
          const net = (((hb[0]! << 24) | (hb[1]! << 16) | (hb[2]! << 8) | hb[3]!) & mask) >>> 0;
          entries.push({ key: `hm|${net}|${mask}`, node: n, item: undefined, items: undefined, ports, family: 0, line, text: `host ${h} mask ${m}` });
        }
        for (const e of entries) {
          const earlier = seen.get(e.key) ?? [];
          // an earlier node without ports (or with the same ports) wins every tie; IPv6 never checks ports
          const winner = earlier.find((x) => x.ports === '' || x.ports === e.ports || e.family === 6);
          if (winner) {
            const doc = n.node.doc;
            const fixes: FixInput[] = [];
            if (e.item && e.items && e.items.length > 1) {
              const ed = deleteItemEdit(doc, cidr!, e.item, e.items);
              if (ed) fixes.push({ title: `Delete ${e.text} from this node`, kind: 'safe', edits: [ed], preferred: true });
            } else fixes.push({ title: 'Delete the node', kind: 'safe', edits: [deleteNodeEdit(n)], preferred: true });
            const start = e.item?.exact ? e.item.start : n.node.el.start;
            const end = e.item?.exact ? e.item.end : n.node.el.end;
            const same = winner.node === n ? 'an earlier item of this node' : `the node at line ${winner.line}`;
            ctx.report({
              doc,
              start,
              end: start === n.node.el.start ? n.node.el.nameEnd : end,
              message: `${e.text} has the same network and prefix as ${same} (${winner.text}): the earlier one always wins the tie, so FreeSWITCH never lets this one decide`,
              related: [
                {
                  doc: winner.node.node.doc,
                  start: winner.item?.start ?? winner.node.node.el.start,
                  end: winner.item?.end ?? winner.node.node.el.nameEnd,
                  message: 'the node that wins the tie',
                },
              ],
              fixes,
            });
          }
          earlier.push(e);
          seen.set(e.key, earlier);
        }
      }
    }
  },
});
