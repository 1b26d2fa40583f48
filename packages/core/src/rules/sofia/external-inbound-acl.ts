import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParams } from '../../model.js';
import { insertParamFix } from '../params.js';
import { isExternal, isInternal } from './roles.js';
import { admitsText, modCtiPresent, profileBehaviour } from './behaviour.js';
import { admitsLabel } from '../network/acl-admits.js';

/**
 * A profile that takes calls from any address without a password: auth-calls off and no inbound ACL —
 * whatever its name (a profile called `public` is judged like `external`). mod_cti, where present, refuses
 * to load an external profile (by name) with no apply-inbound-acl; that refusal is its wording there.
 */
export const externalInboundAcl = defineRule({
  meta: {
    id: 'sofia/external-inbound-acl',
    severity: 'error',
    description: 'a profile takes calls from any address without a password (no apply-inbound-acl, auth-calls off)',
    fixable: true,
    security: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  check(ctx) {
    const lists = [...new Set(ctx.model.aclLists.map((l) => l.name).filter(Boolean))];
    const cti = modCtiPresent(ctx);
    for (const profile of ctx.model.profiles) {
      const b = profileBehaviour(profile);
      const ctiCheck = cti && isExternal(profile, ctx.config);
      if (!ctiCheck) {
        // by behaviour; an internal profile without auth-calls is sofia/internal-auth-calls's finding
        if (b.admits !== 'anyone' || isInternal(profile, ctx.config)) continue;
      } else if (b.inboundAcls.length || b.inboundAclUnknown) continue;
      const params = findParams(profile.settings, 'apply-inbound-acl');
      const does = `profile ${profile.name} takes calls without a password (auth-calls is off) ${admitsText(b)}`;
      const head = ctiCheck ? `mod_cti refuses to load this profile ("sofia_profile:${profile.name} apply-inbound-acl is empty refuse load")` : undefined;
      // without mod_cti this is how a public SIP profile works: worth knowing, an error only where it refuses to load
      const severity = ctiCheck ? undefined : ('warning' as const);
      const empty = params[params.length - 1];
      if (empty && empty.valueAttr && empty.value.value?.trim() === '') {
        const doc = empty.node.doc;
        ctx.report({
          doc,
          start: empty.valueAttr.valueStart,
          end: empty.valueAttr.valueEnd,
          message: head ? `${head}: the value is empty, so every address may send calls to this profile` : `apply-inbound-acl is empty, so ${does}`,
          ...(severity ? { severity } : {}),
          fixes: lists.map((name) => ({
            title: `Set apply-inbound-acl to "${name}" (${admitsLabel(ctx.model, name)})`,
            kind: 'choice' as const,
            edits: [{ doc, start: empty.valueAttr!.valueStart, end: empty.valueAttr!.valueEnd, newText: name }],
          })),
        });
        continue;
      }
      const at = profile.settingsNode ?? profile.node;
      const fixes = profile.settingsNode
        ? lists
            .map((name) =>
              insertParamFix(
                profile.settingsNode!,
                profile.settings,
                'apply-inbound-acl',
                name,
                `Insert apply-inbound-acl="${name}" (${admitsLabel(ctx.model, name)})`,
                'choice',
              ),
            )
            .filter((f) => f !== undefined)
        : [];
      ctx.report({
        doc: at.doc,
        start: at.el.nameStart,
        end: at.el.nameEnd,
        message: head ? `${head}: no apply-inbound-acl is set, so every address may send calls to this profile` : `no apply-inbound-acl: ${does}`,
        ...(severity ? { severity } : {}),
        fixes,
      });
    }
  },
});
