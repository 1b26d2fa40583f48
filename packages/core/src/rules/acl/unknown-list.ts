import type { Rule } from '../types.js';
import { aclModelFor, aclReferences, parseLocalNet, referenceResolves } from '../../acl-model.js';
import { suggestionFixes } from '../util.js';

/** A reference that names no list, no built-in and no CIDR: FreeSWITCH silently denies everything. */
export const unknownList: Rule = {
  meta: { id: 'acl/unknown-list', severity: 'error', description: 'an ACL reference names no defined list, built-in *.auto list or CIDR', fixable: true },
  check(ctx) {
    const ln = ctx.config.localNet ? parseLocalNet(ctx.config.localNet) : undefined;
    const am = aclModelFor(ctx.model, ln);
    const names = [...am.lists.lists.keys()];
    for (const ref of aclReferences(ctx.model)) {
      if (ref.name === undefined || ref.name === '') continue;
      if (referenceResolves(am, ref.name)) continue;
      const exact = ref.doc.text.slice(ref.start, ref.end) === ref.name;
      const s = exact ? suggestionFixes(ref.doc, ref.start, ref.end, ref.name, names) : { fixes: [], hint: '' };
      const what = ref.param === 'check_acl' ? 'check_acl' : ref.param;
      ctx.report({
        doc: ref.doc,
        start: ref.start,
        end: ref.end,
        message: `${what} names "${ref.name}", which is no network list, built-in *.auto list or CIDR: FreeSWITCH silently denies everything${s.hint}`,
        fixes: s.fixes,
      });
    }
  },
};
