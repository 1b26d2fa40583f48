import type { Rule } from '../types.js';
import { inComment, wholeLine } from '../util.js';

/** `<!-- <X-PRE-PROCESS …/> -->` still runs: the pre-processor does not know about XML comments. */
export const commentedDirective: Rule = {
  meta: { id: 'preprocess/commented-directive', severity: 'warning', description: 'an X-PRE-PROCESS inside <!-- --> still runs', fixable: true, scope: 'file' },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      for (const d of doc.scan.directives) {
        // a malformed directive does not run anywhere (preprocess/malformed says why)
        if (d.form !== 'tag' || !d.cmd || d.malformed) continue;
        const sameLineComment = d.leading !== undefined && doc.text.slice(d.leading.start, d.leading.end).includes('<!--');
        if (!sameLineComment && !inComment(doc, d.start)) continue;
        const line = wholeLine(doc, d.start);
        ctx.report({
          doc,
          start: d.start,
          end: d.end,
          message: `this ${d.cmd} directive is inside a comment but FreeSWITCH still runs it (the pre-processor ignores <!-- -->)${d.cmd.toLowerCase() === 'set' && d.data ? `: ${d.data.split('=')[0]} is set` : ''}`,
          fixes: [{ title: 'Delete the directive line', edits: [{ doc, start: line.start, end: line.end, newText: '' }], preferred: true }],
        });
      }
    }
  },
};
