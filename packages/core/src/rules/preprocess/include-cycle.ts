import { defineRule } from '../types.js';

/** An include that reaches itself, or nests beyond FreeSWITCH's 100 levels. */
export const includeCycle = defineRule({
  meta: { id: 'preprocess/include-cycle', severity: 'error', description: 'an include cycle or include nesting deeper than 100', fixable: false },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      for (const site of doc.includeSites) {
        const p = site.problem;
        if (!p || (p.kind !== 'cycle' && p.kind !== 'depth')) continue;
        ctx.report({ doc, start: site.directive.dataStart, end: site.directive.dataEnd, message: p.message });
      }
    }
  },
});
