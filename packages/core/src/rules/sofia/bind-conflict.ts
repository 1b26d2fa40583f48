import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam, type SofiaProfile } from '../../model.js';

/** Two profiles on the same address and port: the second fails to bind. */
export const bindConflict = defineRule({
  meta: {
    id: 'sofia/bind-conflict',
    severity: 'error',
    description: 'two profiles resolve to the same sip-ip:sip-port',
    fixable: false,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  check(ctx) {
    const seen = new Map<string, SofiaProfile>();
    for (const profile of ctx.model.profiles) {
      const ip = findParam(profile.settings, 'sip-ip');
      const port = findParam(profile.settings, 'sip-port');
      // unknown values compare by their source text: two profiles on $${local_ip_v4} share an address
      const ipKey = ip ? (ip.value.value ?? `raw:${ip.value.raw}`) : 'auto';
      const portKey = port ? (port.value.value ?? `raw:${port.value.raw}`) : '5060';
      const key = `${ipKey}|${portKey.trim()}`;
      const other = seen.get(key);
      if (!other) {
        seen.set(key, profile);
        continue;
      }
      const where = port ?? ip;
      const at = where?.valueAttr ?? profile.nameAttr;
      const doc = where?.node.doc ?? profile.node.doc;
      if (!at) continue;
      const shownIp = ip ? (ip.value.value ?? ip.value.raw) : '(guessed address)';
      const shownPort = port ? (port.value.value ?? port.value.raw) : '5060';
      ctx.report({
        doc,
        start: at.valueStart,
        end: at.valueEnd,
        message: `profiles ${other.name} and ${profile.name} both bind ${shownIp}:${shownPort}: the second one fails to start`,
        related: [{ doc: other.node.doc, start: other.node.el.start, end: other.node.el.nameEnd, message: `${other.name} binds the same address` }],
      });
    }
  },
});
