import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { switchTrue } from '../../text.js';
import { originOf, setValueFixes } from '../params.js';

/** accept-blind-auth without enforce-blind-auth-result: any INVITE passes the challenge. */
export const blindAuth = defineRule({
  meta: { id: 'sofia/blind-auth', severity: 'error', description: 'accept-blind-auth is true without enforce-blind-auth-result', fixable: true, security: true, reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS) },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      const p = findParam(profile.settings, 'accept-blind-auth');
      if (!p || p.value.value === undefined || !switchTrue(p.value.value)) continue;
      const enforce = findParam(profile.settings, 'enforce-blind-auth-result');
      if (enforce && (enforce.value.value === undefined || switchTrue(enforce.value.value))) continue;
      ctx.report({
        doc: p.node.doc,
        start: p.valueAttr!.valueStart,
        end: p.valueAttr!.valueEnd,
        message: `accept-blind-auth is "${p.value.value}" on profile ${profile.name} and enforce-blind-auth-result is not set: FreeSWITCH accepts any credentials on INVITE`,
        related: originOf(p),
        fixes: setValueFixes(p, 'false', 'accept-blind-auth=false', 'choice'),
      });
    }
  },
});
