import { defineRule } from '../types.js';
import { findParam } from '../../model.js';

/** A voicemail PIN equal to the extension number is the first thing anyone tries. */
export const vmPasswordIsId = defineRule({
  meta: {
    id: 'directory/vm-password-is-id',
    severity: 'warning',
    description: 'vm-password equals the user id',
    fixable: false,
    security: true,
    scope: 'user',
  },
  check(ctx) {
    for (const user of ctx.model.users) {
      const p = findParam(user.params, 'vm-password');
      if (!p || !p.valueAttr || p.value.value === undefined || p.value.value !== user.id) continue;
      ctx.report({
        doc: p.node.doc,
        start: p.valueAttr.valueStart,
        end: p.valueAttr.valueEnd,
        message: `user ${user.id}'s voicemail password equals the extension number: anyone can guess it and listen to (or forward) the messages`,
        about: user.node.el,
      });
    }
  },
});
