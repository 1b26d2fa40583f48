import { defineRule } from '../types.js';

/** exec / exec-set run a shell command when FreeSWITCH loads; fsconf never runs them. */
export const exec = defineRule({
  meta: { id: 'preprocess/exec', severity: 'info', description: 'exec/exec-set runs a shell command at load time', fixable: false, scope: 'file' },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      for (const d of doc.scan.directives) {
        const cmd = d.cmd?.toLowerCase();
        if (d.malformed || (cmd !== 'exec' && cmd !== 'exec-set')) continue;
        const what = cmd === 'exec' ? 'its output is inserted into the configuration' : `${(d.data ?? '').split('=')[0]} gets its output`;
        ctx.report({
          doc,
          start: d.cmdStart,
          end: d.cmdEnd,
          message: `FreeSWITCH runs this shell command at every load and ${what}; fsconf never runs it, so values that depend on it are unknown and not checked`,
        });
      }
    }
  },
});
