import { defineRule } from '../types.js';
import { ACL_ELEMENTS, reads } from '../reads.js';
import { BUILTIN_LIST_NAMES, summarizeList, buildNetworkLists } from '../../acl/index.js';
import { effectiveAclLists, displayPath } from '../../semantics/network-lists.js';
import type { AclList } from '../../model.js';
import { listAnchor } from './shared.js';

const BUILTIN = new Set<string>(BUILTIN_LIST_NAMES);
const builtinSummary = new Map<string, string>();
function summaryOf(name: string): string {
  let s = builtinSummary.get(name);
  if (s === undefined) builtinSummary.set(name, (s = summarizeList(buildNetworkLists([]), name)));
  return s;
}

/** A list name defined twice, or a built-in *.auto list redefined: the last definition wins. */
export const duplicateList = defineRule({
  meta: {
    id: 'acl/duplicate-list',
    severity: 'warning',
    description: 'a network list name is defined twice or redefines a built-in *.auto list',
    fixable: false,
    reads: reads(ACL_ELEMENTS),
  },
  check(ctx) {
    const lists = effectiveAclLists(ctx.model).filter((l) => l.name !== '');
    const byName = new Map<string, AclList[]>();
    for (const l of lists) {
      let arr = byName.get(l.name);
      if (!arr) byName.set(l.name, (arr = []));
      arr.push(l);
    }
    const where = (l: AclList) => `${displayPath(ctx.tree.root, l.node.doc.path)}:${l.node.doc.lines.lineOf(l.node.el.start) + 1}`;
    for (const [name, defs] of byName) {
      if (BUILTIN.has(name)) {
        const first = defs[0]!;
        ctx.report({
          ...listAnchor(first),
          message: `list "${name}" replaces FreeSWITCH's built-in list of the same name (which ${summaryOf(name)}): FreeSWITCH uses this definition instead`,
        });
      }
      const last = defs[defs.length - 1]!;
      for (let i = 1; i < defs.length; i++) {
        const d = defs[i]!;
        const prev = defs[i - 1]!;
        const a = listAnchor(prev);
        ctx.report({
          ...listAnchor(d),
          message: `list "${name}" is already defined at ${where(prev)}: FreeSWITCH keeps only the last definition${d === last ? ' (this one)' : ` (at ${where(last)})`} and ignores the earlier ones`,
          related: [{ ...a, message: `earlier definition of "${name}" (ignored)` }],
        });
      }
    }
  },
});
