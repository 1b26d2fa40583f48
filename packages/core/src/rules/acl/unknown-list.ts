import { defineRule, type RuleContext } from '../types.js';
import { ACL_ELEMENTS, ACL_REFERENCE_ELEMENTS, ACTION_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { aclModelFor, aclReferences, parseLocalNet, referenceResolves, type AclReference } from '../../semantics/network-lists.js';
import { profileBehaviour } from '../sofia/behaviour.js';
import { didYouMean } from '../../kb/did-you-mean.js';
import type { FixInput } from '../types.js';
import type { Doc } from '../../tree.js';
import { admitsLabel } from '../network/acl-admits.js';

/** A reference that names no list, no built-in and no CIDR: FreeSWITCH silently denies everything. */
export const unknownList = defineRule({
  meta: {
    id: 'acl/unknown-list',
    severity: 'error',
    description: 'an ACL reference names no defined list, built-in *.auto list or CIDR',
    fixable: true,
    reads: reads(ACL_ELEMENTS, ACL_REFERENCE_ELEMENTS, ACTION_ELEMENTS, SOFIA_ELEMENTS),
  },
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
        message: `${what} names "${ref.name}", which is no network list, built-in *.auto list or CIDR: ${effectOfUnknown(ctx, ref)}${s.hint}`,
        fixes: s.fixes,
      });
    }
  },
});

/**
 * An unknown list allows no address. What that does depends on the reference (sofia.c:10545, sofia_reg.c:2389):
 * an inbound ACL of a profile with auth-calls on only stops skipping digest; with auth-calls off every INVITE
 * gets 403; a register ACL gives every REGISTER 403, with no digest fallback.
 */
function effectOfUnknown(ctx: RuleContext, ref: AclReference): string {
  const profile =
    ref.param === 'apply-inbound-acl' || ref.param === 'apply-register-acl'
      ? ctx.model.profiles.find((p) => p.settings.some((s) => s.node.el === ref.node.el))
      : undefined;
  if (profile && ref.param === 'apply-register-acl')
    return 'no address passes it, so FreeSWITCH answers every REGISTER on this profile with 403 Forbidden (no digest fallback)';
  if (profile) {
    const b = profileBehaviour(profile);
    if (b.authCalls === true)
      return 'no address passes it; with auth-calls=true every call falls back to digest authentication (the list never lets a call skip the password)';
    if (b.authCalls === false) return 'no address passes it; with auth-calls off FreeSWITCH answers every INVITE on this profile with 403 Forbidden';
  }
  return 'FreeSWITCH silently denies everything';
}

/** Did-you-mean for list names: same name in another case, the built-in with ".auto", then edit distance. */
export function suggestListNames(name: string, names: string[]): string[] {
  const out: string[] = [];
  const lower = name.toLowerCase();
  for (const n of names)
    if (n.toLowerCase() === lower || n.toLowerCase() === `${lower}.auto` || n.toLowerCase() === lower.replace(/[._-]?auto$/, '.auto')) out.push(n);
  for (const n of didYouMean(name, names)) if (!out.includes(n)) out.push(n);
  return out.slice(0, 3);
}

function listSuggestions(
  doc: Doc,
  start: number,
  end: number,
  name: string,
  names: string[],
  label: (name: string) => string,
): { fixes: FixInput[]; hint: string } {
  const s = suggestListNames(name, names);
  return {
    // each list says what it admits: a did-you-mean may be the list that allows the whole internet
    fixes: s.map((x, i) => ({
      title: `Change to "${x}" (${label(x)})`,
      kind: 'choice' as const,
      edits: [{ doc, start, end, newText: x }],
      ...(s.length === 1 && i === 0 ? { preferred: true } : {}),
    })),
    hint: s.length ? ` (did you mean "${s[0]}"?)` : '',
  };
}
