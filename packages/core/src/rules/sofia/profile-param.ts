/**
 * The shape several sofia rules share: for each profile, one `<settings>` param whose value is wrong is
 * reported on its value, with fixes that set the right one; a rule that also wants the param present
 * reports its absence on the profile's `<settings>`, with a fix that inserts it.
 */
import { defineRule, type FixKind, type Rule, type RuleContext, type RuleMeta } from '../types.js';
import { findParam, type Param, type SofiaProfile } from '../../model.js';
import { insertParamFix, originOf, setValueFixes } from '../params.js';

export interface ProfileParamSpec<Id extends string> {
  meta: RuleMeta<Id>;
  /** The param's name in the profile's settings. */
  param: string;
  /** Is this value wrong? Not asked for a value that does not expand (an undefined variable). */
  wrong(value: string): boolean;
  /** The profiles the rule looks at (default: every one). */
  applies?(profile: SofiaProfile, ctx: RuleContext): boolean;
  /** A missing param (or one without a value) is wrong too: reported on `<settings>`, fixed by inserting it. */
  missing?: boolean;
  message(profile: SofiaProfile, p: Param | undefined): string;
  /** What a fix sets: the value, its name in the fix title ('sip-trace=no') and the fix kind. */
  fix: { value: string; what: string; kind: FixKind };
  /** Related information: where the variable the value comes from is set. */
  origin?: boolean;
}

export function profileParamRule<const Id extends string>(spec: ProfileParamSpec<Id>): Rule<Id> {
  const { param, fix } = spec;
  return defineRule({
    meta: spec.meta,
    check(ctx) {
      for (const profile of ctx.model.profiles) {
        if (spec.applies && !spec.applies(profile, ctx)) continue;
        const p = findParam(profile.settings, param);
        if (p ? p.value.value === undefined || !spec.wrong(p.value.value) : !spec.missing) continue;
        const message = spec.message(profile, p);
        if (p?.valueAttr) {
          ctx.report({
            doc: p.node.doc,
            start: p.valueAttr.valueStart,
            end: p.valueAttr.valueEnd,
            message,
            ...(spec.origin ? { related: originOf(p) } : {}),
            fixes: setValueFixes(p, fix.value, fix.what, fix.kind),
          });
        } else if (spec.missing) {
          const at = profile.settingsNode ?? profile.node;
          const insert = profile.settingsNode
            ? insertParamFix(profile.settingsNode, profile.settings, param, fix.value, `Insert ${fix.what}`, fix.kind, true)
            : undefined;
          ctx.report({ doc: at.doc, start: at.el.nameStart, end: at.el.nameEnd, message, ...(insert ? { fixes: [insert] } : {}) });
        }
      }
    },
  });
}
