import type { Rule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { insertParamFix, originOf, setValueFixes } from '../params.js';
import { isExternal } from './roles.js';

/** mod_cti refuses an external profile that routes into the internal dialplan: strangers could dial out. */
export const externalContext: Rule = {
  meta: { id: 'sofia/external-context', severity: 'error', description: "an external profile's context is internal or default (or missing, which means default)", fixable: true, security: true, reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS, ['context']) },
  check(ctx) {
    // a context is only offered when the dialplan defines it (else every inbound call fails with
    // NO_ROUTE_DESTINATION): "public" first, never the internal ones this rule is about
    const defined = [...new Set(ctx.model.contexts.map((c) => c.name).filter((n) => n && n !== 'default' && n !== 'internal'))].sort((a, b) => Number(b === 'public') - Number(a === 'public') || (a < b ? -1 : 1));
    for (const profile of ctx.model.profiles) {
      if (!isExternal(profile, ctx.config)) continue;
      const p = findParam(profile.settings, 'context');
      if (!p) {
        const at = profile.settingsNode ?? profile.node;
        const settings = profile.settingsNode;
        const fixes = settings ? defined.map((c, i) => insertParamFix(settings, profile.settings, 'context', c, `Insert context=${c} (a context the dialplan defines)`, 'choice', i === 0)).filter((f) => f !== undefined) : [];
        ctx.report({
          doc: at.doc,
          start: at.el.nameStart,
          end: at.el.nameEnd,
          message: `sofia_profile:${profile.name} context:default refuse load: no context is set, so FreeSWITCH routes inbound calls into "default", where extensions can dial out`,
          fixes,
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
        fixes: defined.flatMap((c, i) => setValueFixes(p, c, `context=${c} (a context the dialplan defines)`, 'choice').map((f) => (i === 0 ? f : { ...f, preferred: false }))),
      });
    }
  },
};
