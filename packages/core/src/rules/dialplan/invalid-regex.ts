import { defineRule } from '../types.js';
import { checkRegex, toPcre2Input } from '../../dialplan/index.js';
import { compiledExpressions, hasRuntimeVar, unmatchedParen } from '../../semantics/captures.js';
import { subRange } from '../../semantics/source-map.js';

/**
 * A condition (or `<regex>`) expression that PCRE2 does not compile. FreeSWITCH logs "COMPILE ERROR"
 * at call time and the condition never matches. Only expressions FreeSWITCH actually compiles are
 * judged (the element has a `field`; a `regex` block uses its `<regex>` children, not its own
 * expression). `$${var}` is expanded first; expressions with a channel variable `${…}` are skipped.
 */
export const invalidRegex = defineRule({
  meta: {
    id: 'dialplan/invalid-regex',
    severity: 'error',
    description: 'a condition/regex expression does not compile under PCRE2',
    fixable: false,
    scope: 'extension',
  },
  check(ctx) {
    for (const cond of ctx.model.conditions) {
      for (const site of compiledExpressions(ctx.tree, cond)) {
        const v = site.text.value;
        if (v === undefined || hasRuntimeVar(v)) continue;
        const r = checkRegex(v);
        if (r.ok || !r.error) continue;
        let at = Math.min(r.error.offset, Math.max(0, v.length - 1));
        if (r.error.code === 114) {
          // "missing closing parenthesis" is reported at the end: point at the '(' that is never closed
          const input = toPcre2Input(v);
          const open = input.ok ? unmatchedParen(input.pattern) : undefined;
          if (input.ok && open !== undefined) at = Math.min(input.toExpressionOffset(open), Math.max(0, v.length - 1));
        }
        const where = site.text.map && v.length ? subRange(site.text, at, at + 1) : { start: site.text.start, end: site.text.end };
        const shown = v.length > 80 ? `${v.slice(0, 77)}…` : v;
        ctx.report({
          doc: site.text.doc,
          start: where.start,
          end: where.end,
          message: `PCRE2 cannot compile "${shown}": ${r.error.message} at offset ${r.error.offset}; FreeSWITCH logs COMPILE ERROR and the ${site.node.el.name === 'regex' ? '<regex>' : 'condition'} never matches`,
        });
      }
    }
  },
});
