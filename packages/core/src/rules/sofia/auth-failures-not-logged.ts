import { defineRule } from '../types.js';
import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { switchTrue } from '../../text.js';
import { insertParamFix, setValueFixes } from '../params.js';
import { isExternal } from './roles.js';

/** Without log-auth-failures, fail2ban has nothing to act on. */
export const authFailuresNotLogged = defineRule({
  meta: { id: 'sofia/auth-failures-not-logged', severity: 'info', description: 'an external profile does not log authentication failures', fixable: true, security: true, reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS) },
  check(ctx) {
    for (const profile of ctx.model.profiles) {
      if (!isExternal(profile, ctx.config)) continue;
      const p = findParam(profile.settings, 'log-auth-failures');
      if (p && (p.value.value === undefined || switchTrue(p.value.value))) continue;
      const msg = `profile ${profile.name} does not log authentication failures (log-auth-failures=true), so fail2ban and similar tools see no failed attempts`;
      if (p && p.valueAttr) {
        ctx.report({ doc: p.node.doc, start: p.valueAttr.valueStart, end: p.valueAttr.valueEnd, message: msg, fixes: setValueFixes(p, 'true', 'log-auth-failures=true', 'safe') });
      } else {
        const at = profile.settingsNode ?? profile.node;
        const fix = profile.settingsNode ? insertParamFix(profile.settingsNode, profile.settings, 'log-auth-failures', 'true', 'Insert log-auth-failures=true', 'safe', true) : undefined;
        ctx.report({ doc: at.doc, start: at.el.nameStart, end: at.el.nameEnd, message: msg, ...(fix ? { fixes: [fix] } : {}) });
      }
    }
  },
});
