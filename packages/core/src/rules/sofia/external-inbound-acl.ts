import type { Rule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParams } from '../../model.js';
import { insertParamFix } from '../params.js';
import { isExternal } from './roles.js';
import { admitsLabel } from '../network/acl-admits.js';

/** mod_cti refuses to load when an external profile has no inbound ACL. */
export const externalInboundAcl: Rule = {
  meta: { id: 'sofia/external-inbound-acl', severity: 'error', description: 'an external profile has no or an empty apply-inbound-acl', fixable: true, security: true, reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS) },
  check(ctx) {
    const lists = [...new Set(ctx.model.aclLists.map((l) => l.name).filter(Boolean))];
    for (const profile of ctx.model.profiles) {
      if (!isExternal(profile, ctx.config)) continue;
      const params = findParams(profile.settings, 'apply-inbound-acl');
      const head = `sofia_profile:${profile.name} apply-inbound-acl is empty refuse load`;
      if (params.some((p) => p.value.value === undefined || p.value.value.trim() !== '')) continue;
      const empty = params[params.length - 1];
      if (empty && empty.valueAttr) {
        const doc = empty.node.doc;
        ctx.report({
          doc,
          start: empty.valueAttr.valueStart,
          end: empty.valueAttr.valueEnd,
          message: `${head}: the value is empty, so every address may send calls to this profile`,
          fixes: lists.map((name) => ({ title: `Set apply-inbound-acl to "${name}" (${admitsLabel(ctx.model, name)})`, kind: 'choice' as const, edits: [{ doc, start: empty.valueAttr!.valueStart, end: empty.valueAttr!.valueEnd, newText: name }] })),
        });
        continue;
      }
      const at = profile.settingsNode ?? profile.node;
      const fixes = profile.settingsNode
        ? lists.map((name) => insertParamFix(profile.settingsNode!, profile.settings, 'apply-inbound-acl', name, `Insert apply-inbound-acl="${name}" (${admitsLabel(ctx.model, name)})`, 'choice')).filter((f) => f !== undefined)
        : [];
      ctx.report({
        doc: at.doc,
        start: at.el.nameStart,
        end: at.el.nameEnd,
        message: `${head}: no apply-inbound-acl is set, so every address may send calls to this profile`,
        fixes,
      });
    }
  },
};
