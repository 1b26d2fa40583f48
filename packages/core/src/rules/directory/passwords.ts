/** Shared by the directory password rules: which password a user really has, and its fixes. */
import { findParam, type Param, type User } from '../../model.js';
import { lazyEdit, lazyPassword } from '../../passwords.js';
import type { PasswordPolicy } from '../../cti.js';
import type { FixInput, RuleContext } from '../types.js';
import { judgePassword } from '../../passwords.js';
import { maskSecret } from '../../text.js';
import { originOf } from '../params.js';
import { modCtiPresent } from '../sofia/behaviour.js';

/** A param as FreeSWITCH's user merge sees it: the user's own, else its group's, else its domain's. */
export function inheritedParam(user: User, name: string): Param | undefined {
  return findParam(user.params, name) ?? findParam(user.groupParams, name) ?? (user.domain ? findParam(user.domain.params, name) : undefined);
}

/** The user's password param (own, else inherited from its group, then its domain). */
export function userPassword(user: User): Param | undefined {
  return inheritedParam(user, 'password');
}

export function policyText(policy: PasswordPolicy & { source: string }): string {
  return `${policy.source === 'cti.json' ? "cti.json's" : policy.source === 'default' ? 'the default' : 'the configured'} policy: at least ${policy.minimum} characters and ${policy.strength} of the 4 classes digit / lower-case / upper-case / other`;
}

/** Replace the password here, or (when it is `$${var}`) in the variable's definition. */
function passwordFixes(p: Param, policy: PasswordPolicy): FixInput[] {
  const out: FixInput[] = [];
  if (!p.valueAttr) return out;
  const ref = p.value.refs.length === 1 && p.value.raw.trim() === `$\${${p.value.refs[0]!.name}}` ? p.value.refs[0] : undefined;
  if (ref?.def && ref.def.cmd === 'set') {
    const def = ref.def;
    out.push({
      title: `Generate a strong password for $\${${def.name}} in ${def.doc.path.split('/').pop()} (line ${def.directive.line + 1}; every user of the variable gets it)`,
      kind: 'credential',
      edits: [lazyEdit(def.doc, def.valueStart, def.valueEnd, lazyPassword(policy))],
      preferred: true,
    });
    out.push({
      title: 'Generate a strong password for this user only',
      kind: 'credential',
      edits: [lazyEdit(p.node.doc, p.valueAttr.valueStart, p.valueAttr.valueEnd, lazyPassword(policy))],
    });
  } else {
    out.push({
      title: 'Replace with a generated strong password',
      kind: 'credential',
      edits: [lazyEdit(p.node.doc, p.valueAttr.valueStart, p.valueAttr.valueEnd, lazyPassword(policy))],
      preferred: true,
    });
  }
  return out;
}

/**
 * mod_cti's two load-time checks share everything but the verdict they report: length first
 * (`password is too short`), then character classes (`password is too simple`).
 */
export function reportWeakPasswords(ctx: RuleContext, reason: 'too-short' | 'too-simple'): void {
  const policy = ctx.config.passwords;
  const cti = modCtiPresent(ctx);
  for (const user of ctx.model.users) {
    if (user.type === 'pointer') continue;
    const p = userPassword(user);
    if (!p || !p.valueAttr || p.value.value === undefined || p.value.value === '') continue;
    const v = judgePassword(p.value.value, policy);
    if (v.ok || v.reason !== reason) continue;
    const from = p.value.refs.length ? ` (from $\${${p.value.refs[0]!.name}})` : '';
    const detail = reason === 'too-short' ? `has ${p.value.value.length} characters` : `uses ${v.classes} of the 4 character classes`;
    const verdict = reason === 'too-short' ? 'too short' : 'too simple';
    ctx.report({
      doc: p.node.doc,
      start: p.valueAttr.valueStart,
      end: p.valueAttr.valueEnd,
      // mod_cti's log line only where mod_cti runs (it then refuses to load); elsewhere what it means
      message: cti
        ? `mod_cti refuses it ("sip_auth user:${user.id} password is ${verdict}"): "${maskSecret(p.value.value)}"${from} ${detail}; ${policyText(policy)}`
        : `user ${user.id}'s password is ${verdict}: "${maskSecret(p.value.value)}"${from} ${detail}; ${policyText(policy)} — whoever guesses it registers and calls as ${user.id}`,
      related: originOf(p),
      ...causeOf(p, 'weak'),
      fixes: passwordFixes(p, policy),
      about: user.node.el,
    });
  }
}

/** A password that is exactly `$${var}` is caused by the variable's `set`: every user of it shares the finding. */
function causeOf(p: Param, what: string): { cause?: NonNullable<import('../types.js').ReportInput['cause']> } {
  const ref = p.value.refs.length === 1 && p.value.raw.trim() === `$\${${p.value.refs[0]!.name}}` ? p.value.refs[0] : undefined;
  const def = ref?.def;
  if (!def || def.cmd.toLowerCase() !== 'set') return {};
  return {
    cause: {
      doc: def.doc,
      start: def.valueStart,
      end: def.valueEnd,
      message: `the ${what} $\${${def.name}} set at ${def.doc.path.split('/').pop()}:${def.directive.line + 1}`,
    },
  };
}
