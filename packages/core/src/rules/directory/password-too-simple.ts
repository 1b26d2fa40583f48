import type { Rule } from '../types.js';
import { judgePassword } from '../../passwords.js';
import { maskSecret } from '../../text.js';
import { originOf } from '../params.js';
import { passwordFixes, policyText, userPassword } from './passwords.js';

/** mod_cti refuses to load: `password is too simple`. */
export const passwordTooSimple: Rule = {
  meta: { id: 'directory/password-too-simple', severity: 'error', description: "a user's password uses fewer character classes than the policy strength", fixable: true, security: true },
  check(ctx) {
    const policy = ctx.config.passwords;
    for (const user of ctx.model.users) {
      if (user.type === 'pointer') continue;
      const p = userPassword(user);
      if (!p || !p.valueAttr || p.value.value === undefined || p.value.value === '') continue;
      const v = judgePassword(p.value.value, policy);
      if (v.ok || v.reason !== 'too-simple') continue;
      const from = p.value.refs.length ? ` (from $\${${p.value.refs[0]!.name}})` : '';
      ctx.report({
        doc: p.node.doc,
        start: p.valueAttr.valueStart,
        end: p.valueAttr.valueEnd,
        message: `sip_auth user:${user.id} password is too simple: "${maskSecret(p.value.value)}"${from} uses ${v.classes} of the 4 character classes; ${policyText(policy)}`,
        related: originOf(p),
        fixes: passwordFixes(p, policy),
      });
    }
  },
};
