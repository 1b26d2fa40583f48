import { defineRule } from '../types.js';
import { SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { switchTrue } from '../../text.js';
import { setValueFixes } from '../params.js';

/** `sip-trace` on: sofia logs every SIP message of the profile (sofia.c:4753) — disk, CPU and credentials in logs. */
export const sipTrace = defineRule({
  meta: { id: 'sofia/sip-trace', severity: 'info', description: 'sip-trace is on: every SIP message is logged', fixable: true, reads: reads(SOFIA_ELEMENTS) },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      const p = findParam(profile.settings, 'sip-trace');
      if (!p?.valueAttr || !switchTrue(p.value.value)) continue;
      ctx.report({
        doc: p.node.doc,
        start: p.valueAttr.valueStart,
        end: p.valueAttr.valueEnd,
        message: `sip-trace is on for profile ${profile.name}: FreeSWITCH logs every SIP message it sends and receives (headers included), which fills logs on a busy switch; "sofia profile ${profile.name} siptrace on" turns it on when needed`,
        // kind: safe — only logging changes
        fixes: setValueFixes(p, 'no', 'sip-trace=no', 'safe'),
      });
    }
  },
});
