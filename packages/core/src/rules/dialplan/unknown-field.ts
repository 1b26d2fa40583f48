import { defineRule } from '../types.js';
import { CALLER_PROFILE_FIELDS, isCallerProfileField } from '../../dialplan/index.js';
import { attr } from '../../xml/parser.js';
import { attrText } from '../../semantics/source-map.js';
import { closestFixes } from '../../semantics/gateways.js';
import { dialplanConditions } from '../../semantics/dialplan.js';
import { isRegexBlock, regexChildren } from '../../semantics/captures.js';

/**
 * A condition `field` without `$` names a caller-profile field (switch_caller_get_field_by_name,
 * case-insensitive); any other name yields "" without an error, so the expression is matched against
 * the empty string.
 */
export const unknownField = defineRule({
  meta: {
    id: 'dialplan/unknown-field',
    severity: 'warning',
    description: 'a condition field is not a caller-profile field (always "")',
    fixable: true,
    scope: 'extension',
  },
  check(ctx) {
    const names = CALLER_PROFILE_FIELDS.map((f) => f.name);
    for (const cond of dialplanConditions(ctx.model)) {
      const nodes = isRegexBlock(cond) ? regexChildren(ctx.tree, cond) : [cond.node];
      for (const node of nodes) {
        const a = attr(node.el, 'field');
        if (!a) continue;
        const t = attrText(ctx.tree, node.doc, a);
        const v = t.value;
        if (v === undefined || v.includes('$') || isCallerProfileField(v)) continue;
        if (v === '') {
          // field="" expression="" is the "always" idiom (FusionPBX writes it in most extensions): "" matches "".
          // Any other expression is matched against "" too, so it decides the condition once and for all.
          const e = attr(node.el, 'expression');
          const ev = e ? attrText(ctx.tree, node.doc, e).value : undefined;
          if (ev === '') continue;
          ctx.report({
            doc: node.doc,
            start: a.valueStart,
            end: a.valueEnd,
            message: `field is empty: FreeSWITCH matches the expression against an empty string on every call; write the field to test (destination_number, \${var}), or expression="" for a condition that always matches`,
          });
          continue;
        }
        const raw = node.doc.text.slice(a.valueStart, a.valueEnd);
        const viaPre = raw.includes('$${');
        if (viaPre) {
          // `$${var}` is replaced when the config loads, so FreeSWITCH sees a plain word: the channel/global variable form is `${var}`
          const channelForm = raw.replaceAll('$${', '${');
          ctx.report({
            doc: node.doc,
            start: a.valueStart,
            end: a.valueEnd,
            message: `field "${raw}" becomes "${v}" when the configuration loads, and "${v}" is not a caller-profile field: FreeSWITCH matches the expression against an empty string; write ${channelForm} to read the variable per call`,
            fixes: [
              {
                title: `Use ${channelForm}`,
                kind: 'choice',
                edits: [{ doc: node.doc, start: a.valueStart, end: a.valueEnd, newText: channelForm }],
                preferred: true,
              },
            ],
          });
          continue;
        }
        const { fixes, hint } = closestFixes(t.doc, t.start, t.end, v, names, !!t.map);
        ctx.report({
          doc: node.doc,
          start: a.valueStart,
          end: a.valueEnd,
          message: `field "${v}" is not a caller-profile field: FreeSWITCH matches the expression against an empty string${hint}; use \${${v}} for a channel variable`,
          fixes,
        });
      }
    }
  },
});
