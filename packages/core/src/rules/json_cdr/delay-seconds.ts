import { defineRule } from '../types.js';
import { configsNamed, paramsIn, sectionNodes } from '../../semantics/module-config.js';
import { findParam } from '../../model.js';

/**
 * mod_json_cdr `delay` is in seconds (mod_json_cdr.c:374 sleeps delay × 1 000 000 µs between retries, in the
 * thread posting the record): a value written as milliseconds holds that thread for minutes or hours.
 */
export const jsonCdrDelay = defineRule({
  meta: {
    id: 'json_cdr/delay-seconds',
    severity: 'warning',
    description: 'json_cdr delay looks like milliseconds: it is seconds between retries',
    fixable: true,
    reads: ['configuration', 'settings', 'param'],
  },
  check(ctx) {
    for (const cfg of configsNamed(ctx.model, 'json_cdr.conf')) {
      for (const s of sectionNodes(ctx.tree, cfg.node, 'settings')) {
        const p = findParam(paramsIn(ctx.tree, s), 'delay');
        if (!p?.valueAttr || p.value.value === undefined) continue;
        const n = Number.parseInt(p.value.value, 10);
        if (!Number.isFinite(n) || n < 60) continue;
        const mins = Math.round(n / 60);
        ctx.report({
          doc: p.node.doc,
          start: p.valueAttr.valueStart,
          end: p.valueAttr.valueEnd,
          message: `json_cdr delay is in seconds, not milliseconds: ${n} waits ${mins >= 60 ? `${(n / 3600).toFixed(1)} hours` : `${mins} minutes`} before each retry of a failed CDR post`,
          ...(n >= 1000 && n % 1000 === 0
            ? // kind: choice — the intended delay is the operator's; this reads the value as milliseconds
              {
                fixes: [
                  {
                    title: `Use ${n / 1000} (seconds)`,
                    kind: 'choice' as const,
                    edits: [{ doc: p.node.doc, start: p.valueAttr.valueStart, end: p.valueAttr.valueEnd, newText: String(n / 1000) }],
                  },
                ],
              }
            : {}),
        });
      }
    }
  },
});
