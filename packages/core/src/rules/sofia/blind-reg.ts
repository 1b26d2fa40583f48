import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { switchTrue } from '../../text.js';
import { originOf, setValueFixes } from '../params.js';

/** accept-blind-reg: any REGISTER succeeds without a password. */
export const blindReg = defineRule({
  meta: { id: 'sofia/blind-reg', severity: 'error', description: 'accept-blind-reg is true: anyone can register as anyone', fixable: true, security: true, reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS) },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      const p = findParam(profile.settings, 'accept-blind-reg');
      if (!p || p.value.value === undefined || !switchTrue(p.value.value)) continue;
      ctx.report({
        doc: p.node.doc,
        start: p.valueAttr!.valueStart,
        end: p.valueAttr!.valueEnd,
        message: `accept-blind-reg is "${p.value.value}" on profile ${profile.name}: FreeSWITCH accepts every REGISTER without a password, so anyone can register as any user`,
        related: originOf(p),
        fixes: setValueFixes(p, 'false', 'accept-blind-reg=false', 'choice'),
      });
    }
  },
});
