import { defineRule } from '../types.js';
import { logicalChildren } from '../../model.js';
import { indentAt, wholeLine, eol } from '../util.js';

/**
 * `<action>`/`<anti-action>` directly inside `<extension>`: mod_dialplan_xml walks only the extension's
 * `<condition>` children (parse_exten), so these lines never run (mod_dialplan_xml.c:167).
 */
export const actionOutsideCondition = defineRule({
  meta: {
    id: 'dialplan/action-outside-condition',
    severity: 'warning',
    description: 'an <action> or <anti-action> directly in <extension>, outside any <condition>: never executed',
    fixable: true,
    scope: 'extension',
  },
  check(ctx) {
    for (const ext of ctx.model.extensions) {
      for (const c of logicalChildren(ctx.tree, ext.node)) {
        if (c.el.name !== 'action' && c.el.name !== 'anti-action') continue;
        const doc = c.doc;
        const line = wholeLine(doc, c.el.start);
        const alone = doc.text.slice(line.start, line.end).trim() === doc.text.slice(c.el.start, c.el.end).trim();
        const indent = indentAt(doc, c.el.start);
        const nl = eol(doc);
        const text = doc.text.slice(c.el.start, c.el.end);
        const fixes = alone
          ? [
              // kind: choice — wrapped, the action starts running on every call that reaches the extension
              {
                title: `Wrap in <condition> (it then runs on every call reaching extension ${ext.name})`,
                kind: 'choice' as const,
                edits: [{ doc, start: c.el.start, end: c.el.end, newText: `<condition>${nl}${indent}  ${text}${nl}${indent}</condition>` }],
              },
              // kind: choice — deleting keeps today's behaviour
              { title: `Delete the ${c.el.name} (it never runs today)`, kind: 'choice' as const, edits: [{ doc, ...line, newText: '' }] },
            ]
          : [];
        ctx.report({
          doc,
          start: c.el.nameStart,
          end: c.el.nameEnd,
          message: `this <${c.el.name}> sits directly in extension ${ext.name}, outside any <condition>: FreeSWITCH only runs actions inside conditions, so it never runs`,
          about: ext.node.el,
          fixes,
        });
      }
    }
  },
});
