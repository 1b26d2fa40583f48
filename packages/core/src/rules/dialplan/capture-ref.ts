import { defineRule } from '../types.js';
import { actionData, subRange } from '../../semantics/source-map.js';
import { captureRefs, captureSource } from '../../semantics/captures.js';
import { dialplanActions } from '../../semantics/dialplan.js';

/**
 * `$N` / `${N}` in action data that the condition's regex cannot supply. switch_perform_substitution
 * replaces a group the pattern does not have with nothing; when the condition has no field or its
 * expression has no '(', FreeSWITCH does not substitute at all and `$N` reaches the application as
 * written. Anti-actions are never substituted (skipped here).
 */
export const captureRef = defineRule({
  meta: {
    id: 'dialplan/capture-ref',
    severity: 'error',
    description: 'action data uses $N beyond the capture groups of its condition',
    fixable: false,
    scope: 'extension',
  },
  check(ctx) {
    const sources = new Map<unknown, ReturnType<typeof captureSource>>();
    for (const action of dialplanActions(ctx.model)) {
      if (action.kind !== 'action') continue;
      const data = actionData(action);
      const v = data.value;
      if (v === undefined || !v.includes('$')) continue;
      const refs = captureRefs(v);
      if (!refs.length) continue;
      const cond = action.condition;
      let src = sources.get(cond);
      if (!src) sources.set(cond, (src = captureSource(ctx.tree, cond)));
      if (src.kind === 'unknown') continue;
      for (const r of refs) {
        const written = v.slice(r.start, r.end);
        const where = subRange(data, r.start, r.end);
        if (src.kind === 'literal') {
          ctx.report({
            doc: data.doc,
            start: where.start,
            end: where.end,
            severity: 'warning',
            message: `${written} is not substituted: ${src.why}, so FreeSWITCH passes "${written}" to ${action.application || 'the application'} literally`,
          });
          continue;
        }
        if (r.n >= 0 && r.n <= src.count) continue;
        const site = src.sites[src.sites.length - 1]!.site;
        const expr = site.text.value ?? '';
        const shown = expr.length > 60 ? `${expr.slice(0, 57)}…` : expr;
        const groups = src.count === 1 ? '1 capture group' : `${src.count} capture groups`;
        const what = src.sites.length > 1 ? `none of the <regex> expressions has more than ${groups}` : `"${shown}" has ${groups}`;
        const why = r.n === -1 ? `group numbers above 256 are never substituted` : what;
        ctx.report({
          doc: data.doc,
          start: where.start,
          end: where.end,
          message: `${written}: ${why}, so FreeSWITCH replaces ${written} with an empty string`,
          related: src.sites.map((s) => ({
            doc: s.site.text.doc,
            start: s.site.text.start,
            end: s.site.text.end,
            message: 'the expression that supplies the captures',
          })),
        });
      }
    }
  },
});
