import { defineRule } from '../types.js';
import { ACL_ELEMENTS, reads } from '../reads.js';
import { switchTrue } from '../../acl/index.js';
import { listAnchor, listsToCheck } from './shared.js';

/** A `<list>` without nodes: every address gets the list default. */
export const emptyList = defineRule({
  meta: {
    id: 'acl/empty-list',
    severity: 'warning',
    description: 'a network list has no nodes, so every address gets its default',
    fixable: false,
    reads: reads(ACL_ELEMENTS),
  },
  check(ctx) {
    for (const list of listsToCheck(ctx.model)) {
      if (list.node.el.children.some((c) => c.name === 'node') || list.nodes.length) continue;
      let allows: boolean;
      let why: string;
      if (!list.defaultAttr) {
        allows = true;
        why = 'it has no default= either, which means allow';
      } else {
        const v = list.defaultAttr.expanded.value;
        if (v === undefined) continue;
        allows = switchTrue(v);
        why = `default="${v}"`;
      }
      const at = listAnchor(list);
      ctx.report({
        ...at,
        message: `list "${list.name}" has no nodes (${why}): FreeSWITCH ${allows ? 'allows everything' : 'denies everything'} checked against it`,
      });
    }
  },
});
