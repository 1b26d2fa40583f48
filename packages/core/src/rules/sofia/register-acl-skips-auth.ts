import type { Rule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParams } from '../../model.js';

/** apply-register-acl: a REGISTER from a matching address is accepted with no password at all. */
export const registerAclSkipsAuth: Rule = {
  meta: { id: 'sofia/register-acl-skips-auth', severity: 'warning', description: 'apply-register-acl accepts REGISTERs from matching addresses without a password', fixable: false, security: true, reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS) },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      for (const p of findParams(profile.settings, 'apply-register-acl')) {
        if (!p.valueAttr || p.value.value === '') continue;
        ctx.report({
          doc: p.node.doc,
          start: p.valueAttr.valueStart,
          end: p.valueAttr.valueEnd,
          message: `apply-register-acl "${p.value.value ?? p.value.raw}" on profile ${profile.name}: FreeSWITCH accepts REGISTERs from addresses this list allows without asking for a password`,
        });
      }
    }
  },
};
