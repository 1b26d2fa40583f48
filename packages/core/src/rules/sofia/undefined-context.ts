import { defineRule } from '../types.js';
import { SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam, findParams, type Param } from '../../model.js';
import { didYouMean } from '../../kb/did-you-mean.js';

/**
 * A profile's (or gateway's) `context`, or an inbound ACL's pass/fail context, names no context of the XML
 * dialplan: mod_dialplan_xml.c:667 looks the context up, falls back to a context named "global" and,
 * without one, finds nothing — every such call fails with NO_ROUTE_DESTINATION.
 */
export const undefinedContext = defineRule({
  meta: {
    id: 'sofia/undefined-context',
    severity: 'error',
    description: "a profile's context names no context the dialplan defines",
    fixable: true,
    reads: reads(SOFIA_ELEMENTS, ['section', 'context']),
  },
  check(ctx) {
    const reachable = ctx.model.contexts.filter((c) => c.node.doc.reachable);
    // no XML dialplan in the tree (or it comes from elsewhere, e.g. mod_xml_curl): nothing to compare with
    if (!reachable.length || ctx.tree.root === undefined) return;
    if (ctx.model.moduleLoads.some((l) => l.module.startsWith('mod_xml_curl'))) return;
    const names = [...new Set(reachable.map((c) => c.name))];
    const lower = new Set(names.map((n) => n.toLowerCase()));
    if (lower.has('global')) return;
    const check = (owner: string, p: Param, value: string, start: number, end: number, what: string) => {
      if (!value || value.includes('$') || lower.has(value.toLowerCase())) return;
      const s = didYouMean(value, names).slice(0, 3);
      const exact = p.node.doc.text.slice(start, end) === value;
      ctx.report({
        doc: p.node.doc,
        start,
        end,
        message: `${what} of ${owner} is "${value}", which the dialplan does not define: FreeSWITCH finds no extension for these calls and hangs them up with NO_ROUTE_DESTINATION${s.length ? ` (did you mean "${s[0]}"?)` : ''}`,
        // kind: choice — which context the calls belong in
        fixes: exact ? s.map((x) => ({ title: `Change to "${x}"`, kind: 'choice' as const, edits: [{ doc: p.node.doc, start, end, newText: x }] })) : [],
      });
    };
    for (const profile of ctx.model.profiles) {
      if (!profile.node.doc.reachable) continue;
      const dp = findParam(profile.settings, 'dialplan')?.value.value;
      if (dp !== undefined && !/(^|,)\s*XML\b/i.test(dp)) continue;
      const cp = findParam(profile.settings, 'context');
      if (cp?.valueAttr && cp.value.value !== undefined)
        check(`profile ${profile.name}`, cp, cp.value.value.trim(), cp.valueAttr.valueStart, cp.valueAttr.valueEnd, 'the context');
      for (const acl of findParams(profile.settings, 'apply-inbound-acl')) {
        const v = acl.value.value;
        if (!acl.valueAttr || v === undefined || !v.includes(':')) continue;
        const raw = acl.node.doc.text.slice(acl.valueAttr.valueStart, acl.valueAttr.valueEnd);
        const parts = v.split(':');
        let off = parts[0]!.length + 1;
        for (const [i, part] of parts.slice(1, 3).entries()) {
          const exact = raw === v;
          const start = exact ? acl.valueAttr.valueStart + off : acl.valueAttr.valueStart;
          const end = exact ? start + part.length : acl.valueAttr.valueEnd;
          check(`profile ${profile.name}`, acl, part.trim(), start, end, `apply-inbound-acl's ${i === 0 ? 'pass' : 'fail'} context`);
          off += part.length + 1;
        }
      }
      for (const g of profile.gateways) {
        const gc = findParam(g.params, 'context', true);
        if (gc?.valueAttr && gc.value.value !== undefined)
          check(`gateway ${g.name}`, gc, gc.value.value.trim(), gc.valueAttr.valueStart, gc.valueAttr.valueEnd, 'the context');
      }
    }
  },
});
