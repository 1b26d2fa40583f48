import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { insertParamFix, originOf, setValueFixes } from '../params.js';
import { isInternal } from './roles.js';
import { admitsText, modCtiPresent, profileBehaviour } from './behaviour.js';

/**
 * An internal profile (by name, mod_cti's check) that does not challenge INVITEs. With mod_cti present it
 * refuses to load the profile; elsewhere the finding says what FreeSWITCH does: it takes the calls unchallenged.
 */
export const internalAuthCalls = defineRule({
  meta: {
    id: 'sofia/internal-auth-calls',
    severity: 'error',
    description: 'an internal profile does not set auth-calls to true',
    fixable: true,
    security: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  check(ctx) {
    const cti = modCtiPresent(ctx);
    for (const profile of ctx.model.profiles) {
      if (!isInternal(profile, ctx.config)) continue;
      const b = profileBehaviour(profile);
      const p = b.authCallsParam;
      if (p && (p.value.value === undefined || switchTrueish(b.authCalls))) continue;
      // without mod_cti: what FreeSWITCH does; an inbound ACL limits who gets in (the others get 403)
      const does = `FreeSWITCH takes INVITEs on profile ${profile.name} without a password ${admitsText(b)}`;
      const head = cti ? `mod_cti refuses to load this profile ("sofia_profile:${profile.name} auth-calls not true refuse load")` : undefined;
      const severity = cti || b.admits === 'anyone' ? undefined : ('warning' as const);
      if (!p) {
        const at = profile.settingsNode ?? profile.node;
        const fix = profile.settingsNode
          ? insertParamFix(profile.settingsNode, profile.settings, 'auth-calls', 'true', 'Insert auth-calls=true', 'choice', true)
          : undefined;
        const anchor = profile.nameAttr ?? undefined;
        ctx.report({
          doc: at.doc,
          start: anchor && at === profile.node ? anchor.valueStart : at.el.nameStart,
          end: anchor && at === profile.node ? anchor.valueEnd : at.el.nameEnd,
          message: head ? `${head}: auth-calls is not set (the default is off), so ${does}` : `auth-calls is not set (the default is off): ${does}`,
          ...(severity ? { severity } : {}),
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      const fromVar = p.value.refs.length ? ` (from ${p.value.refs.map((r) => `$\${${r.name}}`).join(', ')})` : '';
      ctx.report({
        doc: p.node.doc,
        start: (p.valueAttr ?? p.nameAttr)!.valueStart,
        end: (p.valueAttr ?? p.nameAttr)!.valueEnd,
        message: `${head ? `${head}: ` : ''}auth-calls is "${p.value.value}"${fromVar}, which FreeSWITCH reads as false: ${does}`,
        ...(severity ? { severity } : {}),
        related: originOf(p),
        fixes: setValueFixes(p, 'true', 'auth-calls=true', 'choice', false),
      });
    }
  },
});

const switchTrueish = (v: boolean | undefined): boolean => v === true;
