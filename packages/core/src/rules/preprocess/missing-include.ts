import { defineRule } from '../types.js';

/** An include without glob characters that names no file. */
export const missingInclude = defineRule({
  meta: { id: 'preprocess/missing-include', severity: 'warning', description: 'an include names a file that does not exist', fixable: false },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      for (const site of doc.includeSites) {
        const p = site.problem;
        if (!p || (p.kind !== 'missing' && p.kind !== 'unreadable')) continue;
        const d = site.directive;
        ctx.report({
          doc,
          start: d.dataStart,
          end: d.dataEnd,
          message: p.kind === 'missing' ? `${p.message}: FreeSWITCH includes nothing here` : `${p.message}: FreeSWITCH cannot include it`,
        });
      }
    }
  },
});
