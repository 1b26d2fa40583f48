import type { Rule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { switchTrue } from '../../text.js';
import { insertParamFix, originOf, setValueFixes } from '../params.js';
import { isInternal } from './roles.js';

/** mod_cti refuses to load when an internal profile does not challenge INVITEs. */
export const internalAuthCalls: Rule = {
  meta: { id: 'sofia/internal-auth-calls', severity: 'error', description: 'an internal profile does not set auth-calls to true', fixable: true, security: true, reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS) },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      if (!isInternal(profile, ctx.config)) continue;
      const p = findParam(profile.settings, 'auth-calls');
      const head = `sofia_profile:${profile.name} auth-calls not true refuse load`;
      if (!p) {
        const at = profile.settingsNode ?? profile.node;
        const fix = profile.settingsNode ? insertParamFix(profile.settingsNode, profile.settings, 'auth-calls', 'true', 'Insert auth-calls=true', 'choice', true) : undefined;
        const anchor = profile.nameAttr ?? undefined;
        ctx.report({
          doc: at.doc,
          start: anchor && at === profile.node ? anchor.valueStart : at.el.nameStart,
          end: anchor && at === profile.node ? anchor.valueEnd : at.el.nameEnd,
          message: `${head}: auth-calls is not set (the default is off), so FreeSWITCH accepts unauthenticated INVITEs on this profile`,
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      if (p.value.value === undefined || switchTrue(p.value.value)) continue;
      const fromVar = p.value.refs.length ? ` (from ${p.value.refs.map((r) => `$\${${r.name}}`).join(', ')})` : '';
      ctx.report({
        doc: p.node.doc,
        start: (p.valueAttr ?? p.nameAttr)!.valueStart,
        end: (p.valueAttr ?? p.nameAttr)!.valueEnd,
        message: `${head}: auth-calls is "${p.value.value}"${fromVar}, which FreeSWITCH reads as false: INVITEs are not challenged`,
        related: originOf(p),
        fixes: setValueFixes(p, 'true', 'auth-calls=true', 'choice', false),
      });
    }
  },
};
