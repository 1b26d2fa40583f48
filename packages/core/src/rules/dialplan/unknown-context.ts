import { defineRule } from '../types.js';
import { closestFixes } from '../../semantics/gateways.js';
import { contextNames, contextTargets } from '../../semantics/dialplan.js';
import { replaceIn, subRange } from '../../semantics/source-map.js';

/**
 * A literal `transfer` / `execute_extension` (or play_and_get_digits transfer-on-failure) target
 * `<ext> XML <ctx>` whose context no `<context name>` defines. mod_dialplan_xml looks the context up
 * case-insensitively and falls back to a context named "global"; without one it logs
 * "Context … not found" and the call has no route.
 */
export const unknownContext = defineRule({
  meta: {
    id: 'dialplan/unknown-context',
    severity: 'warning',
    description: 'a transfer/execute_extension target names a context the dialplan does not define',
    fixable: true,
    scope: 'extension',
  },
  // an extension's findings depend on the contexts the dialplan defines
  unitKey(ctx) {
    if (!ctx.tree.root) return '';
    const names = contextNames(ctx.tree, ctx.model);
    return names ? [...names].map(([k, c]) => `${k}=${c.nameAttr?.value ?? c.name}`).join('\u0000') : '\u0001unknown';
  },
  check(ctx) {
    if (!ctx.tree.root) return; // a file on its own: the other contexts are not known
    let names: ReturnType<typeof contextNames> | null = null;
    for (const t of contextTargets(ctx.model)) {
      if (!t.action.node.doc.reachable) continue;
      names ??= contextNames(ctx.tree, ctx.model);
      if (!names) return; // a context name depends on an unknown variable
      if (names.has(t.context.toLowerCase())) continue;
      const where = subRange(t.data, t.start, t.end);
      const candidates = [...names.values()].map((c) => c.nameAttr?.value ?? c.name);
      const { fixes, hint } = closestFixes(t.data.doc, where.start, where.end, t.context, candidates, !!replaceIn(t.data, t.start, t.end, ''));
      const global = names.get('global');
      const outcome = global ? `FreeSWITCH falls back to the "global" context` : `FreeSWITCH logs "Context ${t.context} not found" and the call has no route`;
      ctx.report({
        doc: t.data.doc,
        start: where.start,
        end: where.end,
        message: `${t.app} names the context "${t.context}", which no <context name> in the dialplan defines: ${outcome}${hint}`,
        fixes,
      });
    }
  },
});
