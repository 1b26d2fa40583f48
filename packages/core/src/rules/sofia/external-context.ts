import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { insertParamFix, originOf, setValueFixes } from '../params.js';
import { isExternal, isInternal } from './roles.js';
import { modCtiPresent, profileBehaviour } from './behaviour.js';

/**
 * Calls from strangers that land in the internal dialplan (`default`/`internal`), where extensions dial out.
 * By behaviour: any profile that takes calls from any address without a password. By name: mod_cti, where
 * present, refuses an external profile with that context.
 */
export const externalContext = defineRule({
  meta: {
    id: 'sofia/external-context',
    severity: 'error',
    description: 'a profile open to any address (or an external profile) routes calls into context internal or default',
    fixable: true,
    security: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS, ['context']),
  },
  check(ctx) {
    const cti = modCtiPresent(ctx);
    // a context is only offered when the dialplan defines it (else every inbound call fails with
    // NO_ROUTE_DESTINATION): "public" first, never the internal ones this rule is about
    const defined = [...new Set(ctx.model.contexts.map((c) => c.name).filter((n) => n && n !== 'default' && n !== 'internal'))].sort(
      (a, b) => Number(b === 'public') - Number(a === 'public') || (a < b ? -1 : 1),
    );
    for (const profile of ctx.model.profiles) {
      const ctiCheck = cti && isExternal(profile, ctx.config);
      if (!ctiCheck) {
        // an internal profile without auth-calls is sofia/internal-auth-calls's finding
        if (isInternal(profile, ctx.config) || profileBehaviour(profile).admits !== 'anyone') continue;
      }
      const who = ctiCheck ? 'calls from anywhere' : `profile ${profile.name} takes calls from any address without a password, and they`;
      const p = findParam(profile.settings, 'context');
      if (!p) {
        const at = profile.settingsNode ?? profile.node;
        const settings = profile.settingsNode;
        const fixes = settings
          ? defined
              .map((c, i) =>
                insertParamFix(settings, profile.settings, 'context', c, `Insert context=${c} (a context the dialplan defines)`, 'choice', i === 0),
              )
              .filter((f) => f !== undefined)
          : [];
        ctx.report({
          doc: at.doc,
          start: at.el.nameStart,
          end: at.el.nameEnd,
          message: ctiCheck
            ? `mod_cti refuses to load this profile ("sofia_profile:${profile.name} context:default refuse load"): no context is set, so FreeSWITCH routes inbound calls into "default", where extensions can dial out`
            : `no context is set, so ${who} land in "default", where extensions can dial out (toll fraud)`,
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
        message: ctiCheck
          ? `mod_cti refuses to load this profile ("sofia_profile:${profile.name} context:${v} refuse load"): calls from anywhere land in the "${v}" context, where extensions can dial out (toll fraud)`
          : `${who} land in the "${v}" context, where extensions can dial out (toll fraud)`,
        related: originOf(p),
        fixes: defined.flatMap((c, i) =>
          setValueFixes(p, c, `context=${c} (a context the dialplan defines)`, 'choice').map((f) => (i === 0 ? f : { ...f, preferred: false })),
        ),
      });
    }
  },
});
