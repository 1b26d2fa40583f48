import type { Rule } from '../types.js';
import { ACL_ELEMENTS, ACL_REFERENCE_ELEMENTS, ACTION_ELEMENTS, reads } from '../reads.js';
import { aclModelFor, aclReferences, parseLocalNet, referenceResolves } from '../../acl-model.js';
import { didYouMean } from '../../suggest.js';
import type { FixInput } from '../types.js';
import type { Doc } from '../../tree.js';
import { admitsLabel } from '../network/acl-admits.js';

/** A reference that names no list, no built-in and no CIDR: FreeSWITCH silently denies everything. */
export const unknownList: Rule = {
  meta: { id: 'acl/unknown-list', severity: 'error', description: 'an ACL reference names no defined list, built-in *.auto list or CIDR', fixable: true, reads: reads(ACL_ELEMENTS, ACL_REFERENCE_ELEMENTS, ACTION_ELEMENTS) },
  check(ctx) {
    const ln = ctx.config.localNet ? parseLocalNet(ctx.config.localNet) : undefined;
    const am = aclModelFor(ctx.model, ln);
    // A file opened on its own, with no acl.conf in sight: its lists are defined elsewhere.
    if (ctx.tree.root === undefined && am.infos.length === 0) return;
    const names = [...am.lists.lists.keys()];
    for (const ref of aclReferences(ctx.model)) {
      if (ref.name === undefined || ref.name === '') continue;
      if (referenceResolves(am, ref.name)) continue;
      const exact = ref.doc.text.slice(ref.start, ref.end) === ref.name;
      const s = exact ? listSuggestions(ref.doc, ref.start, ref.end, ref.name, names, (n) => admitsLabel(ctx.model, n)) : { fixes: [], hint: '' };
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

/** Did-you-mean for list names: same name in another case, the built-in with ".auto", then edit distance. */
export function suggestListNames(name: string, names: string[]): string[] {
  const out: string[] = [];
  const lower = name.toLowerCase();
  for (const n of names) if (n.toLowerCase() === lower || n.toLowerCase() === `${lower}.auto` || n.toLowerCase() === lower.replace(/[._-]?auto$/, '.auto')) out.push(n);
  for (const n of didYouMean(name, names)) if (!out.includes(n)) out.push(n);
  return out.slice(0, 3);
}

function listSuggestions(doc: Doc, start: number, end: number, name: string, names: string[], label: (name: string) => string): { fixes: FixInput[]; hint: string } {
  const s = suggestListNames(name, names);
  return {
    // each list says what it admits: a did-you-mean may be the list that allows the whole internet
    fixes: s.map((x, i) => ({ title: `Change to "${x}" (${label(x)})`, kind: 'choice' as const, edits: [{ doc, start, end, newText: x }], ...(s.length === 1 && i === 0 ? { preferred: true } : {}) })),
    hint: s.length ? ` (did you mean "${s[0]}"?)` : '',
  };
}
