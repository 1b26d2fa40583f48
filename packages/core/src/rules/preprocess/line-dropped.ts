import { defineRule } from '../types.js';
import { eol, indentAt } from '../util.js';

/** Lines (or parts of lines) the pre-processor throws away together with the markup on them. */
export const lineDropped = defineRule({
  meta: { id: 'preprocess/line-dropped', severity: 'warning', description: 'markup on a line FreeSWITCH discards', fixable: true, scope: 'file' },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      for (const dl of doc.scan.dropped) {
        if (!dl.lostMarkup || (dl.reason !== 'include-tag' && dl.reason !== 'processing-instruction')) continue;
        const text = doc.text.slice(dl.start, dl.end);
        const what = dl.reason === 'include-tag' ? (text.includes('</include>') ? '</include>' : '<include>') : '<?';
        const fixes = [];
        if (dl.reason === 'include-tag') {
          // move the other markup to its own line
          const tag = text.includes('</include>') ? '</include>' : '<include>';
          const idx = text.indexOf(tag);
          const before = text.slice(0, idx).trimEnd();
          const after = text.slice(idx + tag.length).trim();
          const ind = indentAt(doc, dl.start);
          const nl = eol(doc);
          const parts = [before.trim() ? before : '', `${ind}${tag}`, after ? `${ind}${after}` : ''].filter((p) => p.trim());
          if (tag === '<include>') parts.sort((a) => (a.trim() === tag ? -1 : 1));
          else parts.sort((a) => (a.trim() === tag ? 1 : -1));
          fixes.push({
            title: `Move the other markup off the ${tag} line`,
            kind: 'choice' as const,
            edits: [{ doc, start: dl.start, end: dl.end, newText: parts.join(nl) }],
            preferred: true,
          });
        }
        ctx.report({
          doc,
          start: dl.start + (text.length - text.trimStart().length),
          end: dl.end,
          message: `FreeSWITCH drops every line containing ${what}, so the other markup on this line is lost`,
          fixes,
        });
      }
      for (const d of doc.scan.directives) {
        if (d.form !== 'tag') continue;
        const lost: string[] = [];
        if (d.trailing) lost.push(doc.text.slice(d.trailing.start, d.trailing.end));
        if (d.leading) lost.push(doc.text.slice(d.leading.start, d.leading.end));
        let joined = lost.join(' ');
        // a comment wrapped around the directive on the same line is dropped whole: harmless
        joined = joined.replace(/<!--/g, '').replace(/-->/g, '');
        if (!/<[A-Za-z/!]|\S/.test(joined.trim()) || !/[<>]/.test(joined)) continue;
        const range = d.trailing ?? d.leading!;
        ctx.report({
          doc,
          start: range.start,
          end: range.end,
          message: 'FreeSWITCH replaces the whole directive line, so this text on the same line is lost; move it to its own line',
        });
      }
    }
  },
});
