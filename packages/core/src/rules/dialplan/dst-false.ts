import { defineRule } from '../types.js';
import { checkTimeAttr } from '../../dialplan/index.js';
import { attr } from '../../xml/parser.js';
import { attrText } from '../../semantics/source-map.js';
import { dialplanConditions } from '../../semantics/dialplan.js';
import { regexChildren } from '../../semantics/captures.js';

/**
 * `dst="false"`: switch_xml_std_datetime_check tests `tm_isdst > 0 && dst > 0`, so a false dst fails
 * all year round and the condition (or `<regex>`) never matches.
 */
export const dstFalse = defineRule({
  meta: { id: 'dialplan/dst-false', severity: 'warning', description: 'dst="false" can never match', fixable: false, scope: 'extension' },
  check(ctx) {
    for (const cond of dialplanConditions(ctx.model)) {
      for (const node of [cond.node, ...regexChildren(ctx.tree, cond)]) {
        const a = attr(node.el, 'dst');
        if (!a) continue;
        const t = attrText(ctx.tree, node.doc, a);
        if (t.value === undefined) continue;
        const r = checkTimeAttr('dst', t.value);
        if (r.ok || r.kind !== 'never-matches') continue;
        ctx.report({ doc: node.doc, start: a.valueStart, end: a.valueEnd, message: r.message });
      }
    }
  },
});
