import { defineRule } from '../types.js';
import { reads } from '../reads.js';
import { lazyEdit, lazyPassword } from '../../passwords.js';
import { attr } from '../../xml/parser.js';
import { dialplanConditions } from '../../semantics/dialplan.js';

/**
 * The stock default_password=1234: shared by every stock user. The stock dialplan (default.xml's
 * "global" extension: `<condition field="${default_password}" expression="^1234$">` … sleep 10000) delays
 * every call; a tree without that condition does not, so the message says so only when one is there.
 */
export const defaultPassword = defineRule({
  meta: {
    id: 'directory/default-password',
    severity: 'error',
    description: 'default_password is still the stock 1234',
    fixable: true,
    security: true,
    // the dialplan's conditions decide the wording (is the stock 10 s delay there?)
    reads: reads(['context', 'extension', 'condition', 'regex']),
  },
  check(ctx) {
    let delays: boolean | undefined;
    for (const def of ctx.tree.vars.defs.get('default_password') ?? []) {
      if (def.value !== '1234') continue;
      delays ??= dialplanConditions(ctx.model).some((c) => /\$\{default_password\}/i.test(attr(c.node.el, 'field')?.value ?? ''));
      ctx.report({
        doc: def.doc,
        start: def.valueStart,
        end: def.valueEnd,
        message: `default_password is the stock "1***": every stock directory user shares it, and ${
          delays ? 'the stock dialplan delays every call by 10 s until it is changed' : 'it is the first password anyone tries'
        }`,
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
