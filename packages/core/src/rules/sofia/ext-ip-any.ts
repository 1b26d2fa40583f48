import { defineRule } from '../types.js';
import { SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParams } from '../../model.js';

/**
 * `ext-sip-ip` / `ext-rtp-ip` = 0.0.0.0: mod_sofia logs "Invalid IP 0.0.0.0 replaced with …" and uses its
 * guessed local address (sofia.c:5157, 5253) — behind NAT, SDP and Contact then carry a private address.
 */
export const extIpAny = defineRule({
  meta: {
    id: 'sofia/ext-ip-any',
    severity: 'warning',
    description: 'ext-sip-ip or ext-rtp-ip is 0.0.0.0: sofia replaces it with a guessed local address',
    fixable: false,
    reads: reads(SOFIA_ELEMENTS),
  },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      for (const name of ['ext-sip-ip', 'ext-rtp-ip']) {
        for (const p of findParams(profile.settings, name)) {
          if (!p.valueAttr || p.value.value?.trim() !== '0.0.0.0') continue;
          const from = p.value.refs.length ? ` (from $\${${p.value.refs[0]!.name}})` : '';
          ctx.report({
            doc: p.node.doc,
            start: p.valueAttr.valueStart,
            end: p.valueAttr.valueEnd,
            message: `${name} of profile ${profile.name} is 0.0.0.0${from}: sofia logs "Invalid IP 0.0.0.0 replaced with …" and advertises its guessed local address instead — behind NAT, phones and carriers get a private address; give the public address, "auto-nat" or "stun:…"`,
          });
        }
      }
    }
  },
});
