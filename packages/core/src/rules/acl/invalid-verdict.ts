import { defineRule } from '../types.js';
import { ACL_ELEMENTS, reads } from '../reads.js';
import type { AttrValue } from '../../model.js';
import { isRecognisedBooleanWord } from '../../acl/c-compat.js';
import { switchTrue } from '../../acl/index.js';
import { listsToCheck } from './shared.js';

/** default= / type= words FreeSWITCH does not know: switch_true() makes them deny. */
export const invalidVerdict = defineRule({
  meta: {
    id: 'acl/invalid-verdict',
    severity: 'warning',
    description: 'a list default or node type is not an allow/deny word, so it means deny',
    fixable: true,
    reads: reads(ACL_ELEMENTS),
  },
  check(ctx) {
    const check = (av: AttrValue, what: 'default' | 'type') => {
      const v = av.expanded.value;
      if (v === undefined || isRecognisedBooleanWord(v)) return;
      const doc = av.node.doc;
      const allows = switchTrue(v); // non-zero numbers with junk, e.g. "1x"
      const effect = what === 'default' ? `the list default is ${allows ? 'allow' : 'deny'}` : `this node ${allows ? 'allows' : 'denies'}`;
      ctx.report({
        doc,
        start: av.attr.valueStart,
        end: av.attr.valueEnd,
        message: `${what}="${v}" is not an allow/deny word: FreeSWITCH reads it with switch_true(), so ${effect}`,
        fixes: ['allow', 'deny'].map((w) => ({
          title: `Change to "${w}"`,
          kind: 'choice' as const,
          edits: [{ doc, start: av.attr.valueStart, end: av.attr.valueEnd, newText: w }],
        })),
      });
    };
    for (const list of listsToCheck(ctx.model)) {
      if (list.defaultAttr) check(list.defaultAttr, 'default');
      for (const n of list.nodes) {
        const t = n.attrs.get('type');
        if (t) check(t, 'type');
      }
    }
  },
});
