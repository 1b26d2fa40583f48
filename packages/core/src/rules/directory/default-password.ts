import { defineRule } from '../types.js';
import { reads } from '../reads.js';
import { lazyEdit, lazyPassword } from '../../passwords.js';

/** The stock default_password=1234: shared by every stock user, and the stock dialplan delays every call. */
export const defaultPassword = defineRule({
  meta: {
    id: 'directory/default-password',
    severity: 'error',
    description: 'default_password is still the stock 1234',
    fixable: true,
    security: true,
    reads: reads(),
  },
  check(ctx) {
    for (const def of ctx.tree.vars.defs.get('default_password') ?? []) {
      if (def.value !== '1234') continue;
      ctx.report({
        doc: def.doc,
        start: def.valueStart,
        end: def.valueEnd,
        message:
          'default_password is the stock "1***": every stock directory user shares it, and the stock dialplan delays every call by 10 s until it is changed',
        fixes: [
          {
            title: 'Replace with a generated strong password',
            kind: 'credential',
            edits: [lazyEdit(def.doc, def.valueStart, def.valueEnd, lazyPassword(ctx.config.passwords))],
            preferred: true,
          },
        ],
      });
    }
  },
});
