import { defineRule } from '../types.js';
import { switchFalse } from '../../text.js';
import { lazyEdit, lazyPassword } from '../../passwords.js';
import { insertParamFix } from '../params.js';
import { inheritedParam, userPassword } from './passwords.js';

/** No password and no a1-hash: mod_sofia accepts any credentials (allow-empty-password defaults to true). */
export const emptyPassword = defineRule({
  meta: {
    id: 'directory/empty-password',
    severity: 'error',
    description: 'a user has neither password nor a1-hash: any credentials are accepted',
    fixable: true,
    security: true,
    scope: 'user',
  },
  check(ctx) {
    for (const user of ctx.model.users) {
      if (user.type === 'pointer' || !user.domain) continue;
      const pw = userPassword(user);
      if (pw && (pw.value.value === undefined || pw.value.value !== '')) continue;
      const hash = inheritedParam(user, 'a1-hash');
      if (hash && hash.value.value !== '') continue;
      const allow = inheritedParam(user, 'allow-empty-password');
      if (allow && (allow.value.value === undefined || switchFalse(allow.value.value))) continue;
      const paramsNode = user.params[0]?.node.parent;
      const generated = lazyPassword(ctx.config.passwords);
      const fix = pw?.valueAttr
        ? {
            title: 'Set a generated strong password',
            kind: 'credential' as const,
            edits: [lazyEdit(pw.node.doc, pw.valueAttr.valueStart, pw.valueAttr.valueEnd, generated)],
            preferred: true,
          }
        : paramsNode
          ? insertParamFix(paramsNode, user.params, 'password', generated, 'Insert a generated strong password', 'credential', true)
          : undefined;
      const anchor = user.idAttr;
      ctx.report({
        doc: user.node.doc,
        start: anchor ? anchor.valueStart : user.node.el.nameStart,
        end: anchor ? anchor.valueEnd : user.node.el.nameEnd,
        message: `user ${user.id} has no password and no a1-hash, and allow-empty-password is not false: FreeSWITCH accepts any credentials for this user`,
        about: user.node.el,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
});
