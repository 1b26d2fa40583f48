import { defineRule, type RuleContext, type FixInput } from '../types.js';
import type { Doc, VarDef } from '../../tree.js';
import type { Directive } from '../../preprocess/scan.js';
import { seqAt } from '../../tree.js';
import { elementAt, attr } from '../../xml/parser.js';
import { inComment } from '../../semantics/source-map.js';
import { wholeLine } from '../util.js';

/**
 * The edit that removes a commented directive whole: through the `/>` that closes it when it runs on
 * to later lines, with the comment markers around it when they hold nothing else (so no orphan text
 * and no dangling `-->` is left), else the directive text alone.
 */
function removal(doc: Doc, d: Directive): { start: number; end: number } {
  const text = doc.text;
  let end = d.end;
  if (!text.slice(d.start, d.end).includes('/>')) {
    const close = text.indexOf('/>', d.end);
    const commentEnd = text.indexOf('-->', d.start);
    if (close >= 0 && (commentEnd < 0 || close < commentEnd)) end = close + 2;
  }
  const first = wholeLine(doc, d.start);
  const last = wholeLine(doc, Math.max(d.start, end - 1));
  const before = text.slice(first.start, d.start).trim();
  const after = text.slice(end, last.end).trim();
  const opens = before === '<!--';
  const closes = after === '-->';
  if ((before === '' || opens) && (after === '' || closes) && opens === closes) return { start: first.start, end: last.end };
  return { start: d.start, end };
}

/** Which values change when the definition goes: the uses it decides now, and what they get instead. */
function effectOfRemoving(ctx: RuleContext, def: VarDef): { from: string | undefined; to: string | undefined; where: string[] } | undefined {
  const where: string[] = [];
  for (const doc of ctx.tree.order) {
    for (const u of doc.scan.varUses) {
      if (u.name !== def.name || inComment(doc, u.start)) continue;
      if (ctx.tree.vars.lookup(def.name, seqAt(doc, u.start)) !== def) continue;
      const el = elementAt(doc.xml.roots, u.start);
      const label = el?.name === 'param' ? (attr(el, 'name')?.value ?? 'param') : el ? `<${el.name}>` : doc.path.split('/').pop()!;
      if (!where.includes(label)) where.push(label);
    }
  }
  if (!where.length) return undefined;
  const prev = ctx.tree.vars.lookup(def.name, def.seq);
  const to = prev?.value;
  if (prev && to === def.value) return undefined;
  return { from: def.value, to, where };
}

/** `<!-- <X-PRE-PROCESS …/> -->` still runs: the pre-processor does not know about XML comments. */
export const commentedDirective = defineRule({
  meta: { id: 'preprocess/commented-directive', severity: 'warning', description: 'an X-PRE-PROCESS inside <!-- --> still runs', fixable: true },
  // not scope 'file': whether the removal changes a value depends on the uses in other files
  check(ctx) {
    for (const doc of ctx.tree.order) {
      for (const d of doc.scan.directives) {
        // a malformed directive does not run anywhere (preprocess/malformed says why)
        if (d.form !== 'tag' || !d.cmd || d.malformed) continue;
        const sameLineComment = d.leading !== undefined && doc.text.slice(d.leading.start, d.leading.end).includes('<!--');
        if (!sameLineComment && !inComment(doc, d.start)) continue;
        const span = removal(doc, d);
        const cmd = d.cmd.toLowerCase();
        const def = cmd === 'set' ? [...ctx.tree.vars.defs.values()].flat().find((v) => v.doc === doc && v.directive === d) : undefined;
        const effect = def ? effectOfRemoving(ctx, def) : undefined;
        // removing a directive that decides a value today changes the switch: say so, and let a person choose
        let fix: FixInput;
        if (effect) {
          const shown = (v: string | undefined) => (v === undefined ? 'undefined' : v === '' ? '""' : v);
          fix = {
            title: `Delete the directive: $\${${def!.name}} changes from ${shown(effect.from)} to ${shown(effect.to)} (used by ${effect.where.slice(0, 3).join(', ')}${effect.where.length > 3 ? ', …' : ''})`,
            kind: 'choice',
            edits: [{ doc, ...span, newText: '' }],
          };
        } else if (cmd === 'set' || cmd === 'include' || cmd === 'exec' || cmd === 'exec-set' || cmd === 'env-set' || cmd === 'stun-set') {
          // an include, exec or an unused/identical set: its removal is not known to change nothing
          const harmless = cmd === 'set' && def !== undefined;
          fix = {
            title: harmless ? 'Delete the directive (no value changes)' : 'Delete the directive',
            kind: harmless ? 'safe' : 'choice',
            edits: [{ doc, ...span, newText: '' }],
            ...(harmless ? { preferred: true } : {}),
          };
        } else fix = { title: 'Delete the directive', kind: 'choice', edits: [{ doc, ...span, newText: '' }] };
        ctx.report({
          doc,
          start: d.start,
          end: d.end,
          message: `this ${d.cmd} directive is inside a comment but FreeSWITCH still runs it (the pre-processor ignores <!-- -->)${cmd === 'set' && d.data ? `: ${d.data.split('=')[0]} is set` : ''}`,
          fixes: [fix],
        });
      }
    }
  },
});
