import { defineRule, type RuleContext } from '../types.js';
import { configsNamed, paramsIn, sectionNodes } from '../../semantics/module-config.js';
import { findParam } from '../../model.js';
import type { Expanded, VarRef } from '../../tree.js';
import { judgePassword, lazyEdit, lazyPassword } from '../../passwords.js';
import { maskSecret } from '../../text.js';
import { admitsNonLoopback } from '../network/acl-admits.js';
import { policyText } from '../directory/passwords.js';

/**
 * The value FreeSWITCH really uses: an undefined `$${name}` expands to "" (there is no function syntax
 * inside `$${}`, so `$${env(HOME)}` is just an undefined variable). Undefined while anything is truly unknown.
 */
function effectiveValue(e: Expanded): { value: string | undefined; undefinedRefs: string[] } {
  if (e.value !== undefined) return { value: e.value, undefinedRefs: [] };
  const undefinedRefs: string[] = [];
  const value = rebuild(e.raw, e.refs, undefinedRefs, 0);
  return { value, undefinedRefs: value === undefined ? [] : undefinedRefs };
}

/** `raw` with each `$${}` replaced by what FreeSWITCH puts there; undefined when one is truly unknown. */
function rebuild(raw: string, refs: readonly VarRef[], undefinedRefs: string[], depth: number): string | undefined {
  if (depth > 20) return undefined;
  const parts: string[] = [];
  for (const r of refs) {
    if (r.unknown === 'undefined' || (!r.def && !r.unknown)) {
      undefinedRefs.push(r.name);
      parts.push('');
    } else if (r.def && r.def.value !== undefined) parts.push(r.def.value);
    else if (r.def && r.def.cmd.toLowerCase() === 'set') {
      // a set whose own value holds an undefined $${}: resolve it the same way
      const v = rebuild(r.def.doc.text.slice(r.def.valueStart, r.def.valueEnd), r.def.uses, undefinedRefs, depth + 1);
      if (v === undefined) return undefined;
      parts.push(v);
    } else return undefined;
  }
  let i = 0;
  return raw.replace(/\$\$\{[^}]*\}/g, () => parts[i++] ?? '');
}

const isLoopbackIp = (ip: string) => ip === '' || ip.startsWith('127.') || ip === '::1' || ip === 'localhost';

/**
 * The effective event_socket password is empty (mod_event_socket.c:2916 then uses "ClueCon") or fails the
 * password policy. A literal "ClueCon" and a missing password are esl/default-password's.
 */
export const eslWeakPassword = defineRule({
  meta: {
    id: 'esl/weak-password',
    severity: 'error',
    description: 'the effective event_socket password is empty (so ClueCon) or fails the password policy',
    fixable: true,
    security: true,
    reads: ['configuration', 'settings', 'param', 'network-lists', 'list', 'node'],
  },
  check(ctx: RuleContext) {
    for (const cfg of configsNamed(ctx.model, 'event_socket.conf')) {
      for (const s of sectionNodes(ctx.tree, cfg.node, 'settings')) {
        const params = paramsIn(ctx.tree, s);
        const pw = findParam(params, 'password', true);
        if (!pw?.valueAttr) continue;
        const { value, undefinedRefs } = effectiveValue(pw.value);
        if (value === undefined || value === 'ClueCon') continue;
        const ipP = findParam(params, 'listen-ip', true);
        const ip = ipP ? ipP.value.value : '127.0.0.1';
        const aclP = findParam(params, 'apply-inbound-acl');
        const acl = aclP ? aclP.value.value : 'loopback.auto';
        const reachable = ip !== undefined && !isLoopbackIp(ip) && acl !== undefined && admitsNonLoopback(ctx.model, acl) === true;
        const where = reachable
          ? `; it listens on ${ip} and its ACL "${acl}" admits other hosts: whoever reaches the port controls the switch`
          : `; today only loopback may connect, but any local process gets full control`;
        const why = undefinedRefs.length
          ? ` (${undefinedRefs.map((n) => `$\${${n}}`).join(', ')} ${undefinedRefs.length > 1 ? 'are' : 'is'} not defined${undefinedRefs.some((n) => n.includes('(')) ? ' — there is no env() or other function inside $${}' : ''}, so ${undefinedRefs.length > 1 ? 'they expand' : 'it expands'} to "")`
          : '';
        let message: string;
        if (value === '') message = `the event_socket password is empty${why}: mod_event_socket then uses the well-known "C***"${where}`;
        else {
          const v = judgePassword(value, ctx.config.passwords);
          if (v.ok) continue;
          message = `the event_socket password "${maskSecret(value)}"${why} is ${v.reason === 'too-short' ? `too short (${value.length} characters)` : `too simple (${v.classes} of the 4 character classes)`} for ${policyText(ctx.config.passwords)}${where}`;
        }
        const generated = lazyPassword({ minimum: Math.max(16, ctx.config.passwords.minimum), strength: 4 });
        ctx.report({
          doc: pw.node.doc,
          start: pw.valueAttr.valueStart,
          end: pw.valueAttr.valueEnd,
          ...(reachable ? {} : { severity: 'warning' as const }),
          message,
          // kind: credential — every ESL client must be given the new password
          fixes: [
            {
              title: 'Replace with a generated strong password (every ESL client needs it)',
              kind: 'credential',
              edits: [lazyEdit(pw.node.doc, pw.valueAttr.valueStart, pw.valueAttr.valueEnd, generated)],
            },
          ],
        });
      }
    }
  },
});
