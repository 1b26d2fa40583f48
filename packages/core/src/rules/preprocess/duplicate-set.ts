import { defineRule } from '../types.js';
import { isSecretName } from '../../semantics/secret-names.js';
import { maskSecret } from '../../text.js';

/**
 * `$${name}` set twice to different values: FreeSWITCH expands line by line in load order, so uses between
 * the two sets see the first value and everything after sees the second — usually an override nobody meant.
 */
export const duplicateSet = defineRule({
  meta: { id: 'preprocess/duplicate-set', severity: 'warning', description: 'a $${var} is set twice to different values', fixable: false, reads: [] },
  check(ctx) {
    for (const [name, defs] of ctx.tree.vars.defs) {
      let prev = undefined as (typeof defs)[number] | undefined;
      for (const d of defs) {
        if (d.cmd.toLowerCase() !== 'set' || !d.doc.reachable) continue;
        const before = prev;
        prev = d;
        if (!before || before.value === undefined || d.value === undefined || before.value === d.value) continue;
        const show = (v: string) => (isSecretName(name) ? maskSecret(v) : v);
        const where = `${before.doc.path.split('/').pop()}:${before.directive.line + 1}`;
        ctx.report({
          doc: d.doc,
          start: d.nameStart,
          end: d.valueEnd,
          message: `$\${${name}} is set again here to "${show(d.value)}" after "${show(before.value)}" at ${where}: uses loaded between the two see the first value, every later use this one`,
          related: [{ doc: before.doc, start: before.nameStart, end: before.valueEnd, message: `$\${${name}} first set to "${show(before.value)}"` }],
        });
      }
    }
  },
});
