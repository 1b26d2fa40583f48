import { defineRule } from '../types.js';
import { PREPROCESS_COMMANDS, HASH_COMMANDS } from '../../preprocess/scan.js';
import { suggestionFixes } from '../util.js';

/** An unknown cmd is silently ignored by FreeSWITCH. */
export const unknownCmd = defineRule({
  meta: { id: 'preprocess/unknown-cmd', severity: 'error', description: 'X-PRE-PROCESS cmd is not one FreeSWITCH knows', fixable: true, scope: 'file' },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      for (const d of doc.scan.directives) {
        if (d.cmd === undefined || d.malformed === 'mention') continue;
        // `<!--#comment …-->` is FreeSWITCH's own convention for a comment the XML parser never sees
        if (d.form === 'hash-comment' && d.cmd.toLowerCase() === 'comment') continue;
        const known: readonly string[] = d.form === 'tag' ? PREPROCESS_COMMANDS : HASH_COMMANDS;
        if (known.includes(d.cmd.toLowerCase())) continue;
        const { fixes, hint } = suggestionFixes(doc, d.cmdStart, d.cmdEnd, d.cmd, known);
        ctx.report({
          doc,
          start: d.cmdStart,
          end: d.cmdEnd,
          message: `"${d.cmd}" is not a pre-processor command: FreeSWITCH silently ignores this line${hint}`,
          fixes,
        });
      }
    }
  },
});
