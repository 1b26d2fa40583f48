import { defineRule } from '../types.js';
import { application } from '../../kb/index.js';
import { switchTrue } from '../../dialplan/index.js';
import { attr } from '../../xml/parser.js';
import { dialplanActions } from '../../semantics/dialplan.js';

/**
 * `inline="true"` runs the application while the dialplan is being hunted; mod_dialplan_xml's exec_app
 * refuses every application without the SAF_ROUTING_EXEC flag ("This application cannot be executed
 * inline"), so the action never runs at all.
 */
export const inlineNotRouting = defineRule({
  meta: {
    id: 'dialplan/inline-not-routing',
    severity: 'error',
    description: 'inline="true" on an application that cannot run during routing',
    fixable: true,
    scope: 'extension',
  },
  check(ctx) {
    for (const action of dialplanActions(ctx.model)) {
      const a = attr(action.node.el, 'inline');
      if (!a || !switchTrue(a.value)) continue;
      const name = action.application.trim();
      const app = name && !name.includes('$') ? application(name) : undefined;
      if (!app || app.flags.includes('routing-exec')) continue;
      const doc = action.node.doc;
      let start = a.nameStart;
      while (start > 0 && /[ \t\r\n]/.test(doc.text[start - 1]!)) start--;
      const end = a.quote ? a.valueEnd + 1 : a.valueEnd;
      ctx.report({
        doc,
        start: a.nameStart,
        end: end,
        message: `inline="${a.value}": ${app.name} is not a routing-exec application, so FreeSWITCH refuses to run it while hunting ("This application cannot be executed inline") and the action never runs`,
        fixes: [{ title: 'Remove the inline attribute', kind: 'safe', edits: [{ doc, start, end, newText: '' }], preferred: true }],
      });
    }
  },
});
