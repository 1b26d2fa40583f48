import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParams } from '../../model.js';
import { countAllowedPublicIPv4 } from '../../acl/index.js';
import { aclModelFor, parseLocalNet } from '../../semantics/network-lists.js';

/** apply-register-acl: a REGISTER from a matching address is accepted with no password at all. */
export const registerAclSkipsAuth = defineRule({
  meta: {
    id: 'sofia/register-acl-skips-auth',
    severity: 'warning',
    description: 'apply-register-acl accepts REGISTERs from matching addresses without a password',
    fixable: false,
    security: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  check(ctx) {
    let am: ReturnType<typeof aclModelFor> | undefined;
    for (const profile of ctx.model.profiles) {
      for (const p of findParams(profile.settings, 'apply-register-acl')) {
        if (!p.valueAttr || p.value.value === '') continue;
        const name = p.value.value;
        if (name !== undefined) {
          am ??= aclModelFor(ctx.model, ctx.config.localNet ? parseLocalNet(ctx.config.localNet) : undefined);
          // an unknown list lets nobody in (acl/unknown-list); one open to a /8 of the internet is
          // acl/allows-internet's finding at this same place, saying the same: do not repeat it
          if (!am.lists.lists.has(name) && !name.includes('/')) continue;
          if (countAllowedPublicIPv4(am.lists, name).allowed > 1n << 24n) continue;
        }
        ctx.report({
          doc: p.node.doc,
          start: p.valueAttr.valueStart,
          end: p.valueAttr.valueEnd,
          message: `apply-register-acl "${p.value.value ?? p.value.raw}" on profile ${profile.name}: FreeSWITCH accepts REGISTERs from addresses this list allows without asking for a password (and answers REGISTERs from any other address with 403, with no digest fallback)`,
        });
      }
    }
  },
});
