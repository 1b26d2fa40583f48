import type { Rule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { insertParamFix, originOf, setValueFixes } from '../params.js';
import { isExternal } from './roles.js';

/** mod_cti refuses an external profile that routes into the internal dialplan: strangers could dial out. */
export const externalContext: Rule = {
  meta: { id: 'sofia/external-context', severity: 'error', description: "an external profile's context is internal or default (or missing, which means default)", fixable: true, security: true, reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS) },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      if (!isExternal(profile, ctx.config)) continue;
      const p = findParam(profile.settings, 'context');
      if (!p) {
        const at = profile.settingsNode ?? profile.node;
        const fix = profile.settingsNode ? insertParamFix(profile.settingsNode, profile.settings, 'context', 'public', 'Insert context=public', 'choice', true) : undefined;
        ctx.report({
          doc: at.doc,
          start: at.el.nameStart,
          end: at.el.nameEnd,
          message: `sofia_profile:${profile.name} context:default refuse load: no context is set, so FreeSWITCH routes inbound calls into "default", where extensions can dial out`,
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      const v = p.value.value;
      if (v === undefined || (v !== 'default' && v !== 'internal')) continue;
      ctx.report({
        doc: p.node.doc,
        start: p.valueAttr!.valueStart,
        end: p.valueAttr!.valueEnd,
        message: `sofia_profile:${profile.name} context:${v} refuse load: calls from anywhere land in the "${v}" context, where extensions can dial out (toll fraud)`,
        related: originOf(p),
        fixes: setValueFixes(p, 'public', 'context=public', 'choice'),
      });
    }
  },
};
