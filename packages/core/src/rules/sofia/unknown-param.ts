import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { configParams, sofiaGatewayParam, sofiaProfileParam } from '../../kb/index.js';
import { suggestionFixes } from '../util.js';

/**
 * A param mod_sofia never reads is silently ignored (profile names case-insensitive, gateway names
 * case-sensitive). Params parsed nowhere in mod_sofia, such as use-rtp-timer, count as unknown.
 */
export const unknownParam = defineRule({
  meta: {
    id: 'sofia/unknown-param',
    severity: 'warning',
    description: 'a sofia param name mod_sofia does not read (silently ignored)',
    fixable: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  check(ctx) {
    const profileNames = configParams('sofia.conf', 'settings').map((p) => p.name);
    const gatewayNames = configParams('sofia.conf', 'gateway').map((p) => p.name);
    for (const profile of ctx.model.profiles) {
      for (const p of profile.settings) {
        if (!p.nameAttr || !p.name || sofiaProfileParam(p.name)) continue;
        const { fixes, hint } = suggestionFixes(p.node.doc, p.nameAttr.valueStart, p.nameAttr.valueEnd, p.name, profileNames);
        ctx.report({
          doc: p.node.doc,
          start: p.nameAttr.valueStart,
          end: p.nameAttr.valueEnd,
          message: `"${p.name}" is not a profile setting mod_sofia reads: FreeSWITCH silently ignores it${hint}`,
          fixes,
        });
      }
      for (const gw of profile.gateways) {
        for (const p of gw.params) {
          if (!p.nameAttr || !p.name || sofiaGatewayParam(p.name)) continue;
          const caseOnly = gatewayNames.find((n) => n.toLowerCase() === p.name.toLowerCase());
          const sugg = caseOnly
            ? {
                fixes: [
                  {
                    title: `Change to "${caseOnly}"`,
                    kind: 'choice' as const,
                    edits: [{ doc: p.node.doc, start: p.nameAttr.valueStart, end: p.nameAttr.valueEnd, newText: caseOnly }],
                    preferred: true,
                  },
                ],
                hint: ` (gateway params are case-sensitive: "${caseOnly}")`,
              }
            : suggestionFixes(p.node.doc, p.nameAttr.valueStart, p.nameAttr.valueEnd, p.name, gatewayNames);
          ctx.report({
            doc: p.node.doc,
            start: p.nameAttr.valueStart,
            end: p.nameAttr.valueEnd,
            message: `"${p.name}" is not a gateway param mod_sofia reads: gateway ${gw.name} silently ignores it${sugg.hint}`,
            fixes: sugg.fixes,
          });
        }
      }
    }
  },
});
