import { defineRule } from '../types.js';
import { ACL_ELEMENTS, DIRECTORY_ELEMENTS, reads } from '../reads.js';
import { matchDomain } from '../../semantics/network-lists.js';
import { listsToCheck } from './shared.js';
import { suggestionFixes } from '../util.js';

/** `<node domain="x">` naming no directory domain: FreeSWITCH skips the node. */
export const unknownDomain = defineRule({
  meta: {
    id: 'acl/unknown-domain',
    severity: 'warning',
    description: 'a domain= node names no directory domain',
    fixable: true,
    reads: reads(ACL_ELEMENTS, DIRECTORY_ELEMENTS),
  },
  check(ctx) {
    // A file analysed on its own may have its directory elsewhere (or in a database): only judge whole trees.
    const wholeTree = ctx.tree.root !== undefined;
    for (const list of listsToCheck(ctx.model)) {
      if (!wholeTree && !list.node.doc.reachable) continue;
      for (const n of list.nodes) {
        const dom = n.attrs.get('domain');
        if (!dom) continue;
        const m = matchDomain(ctx.model, dom.expanded);
        if (m.kind !== 'missing') continue;
        const v = dom.expanded.value!;
        const doc = dom.node.doc;
        const exact = doc.text.slice(dom.attr.valueStart, dom.attr.valueEnd) === v;
        const names = ctx.model.domains.map((d) => d.name).filter((x): x is string => x !== undefined);
        const s = exact ? suggestionFixes(doc, dom.attr.valueStart, dom.attr.valueEnd, v, names) : { fixes: [], hint: '' };
        ctx.report({
          doc,
          start: dom.attr.valueStart,
          end: dom.attr.valueEnd,
          message: `domain "${v}" is no directory domain: FreeSWITCH logs "Cannot locate domain" and skips this node${s.hint}`,
          fixes: s.fixes,
        });
      }
    }
  },
});
