import { defineRule } from '../types.js';

/** Text FreeSWITCH accepts but XML 1.0 does not: almost always a typo that other tools choke on. */
export const strict = defineRule({
  meta: { id: 'xml/strict', severity: 'warning', description: 'FreeSWITCH accepts it, XML 1.0 does not', fixable: true, scope: 'file' },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      if (doc.readError) continue;
      if (doc.notUtf8) {
        const bad = firstNonAscii(doc.text);
        ctx.report({
          doc,
          start: bad,
          end: bad + 1,
          message: 'the file is not UTF-8 (read as Latin-1): FreeSWITCH passes the bytes through, but editors and XML tools will mangle them; save it as UTF-8',
        });
      }
      for (const p of doc.xml.strict) {
        ctx.report({
          doc,
          start: p.start,
          end: p.end,
          message: p.message,
          ...(p.fix
            ? {
                fixes: [
                  {
                    title: p.fix.title,
                    kind: /^Escape/.test(p.fix.title) ? ('safe' as const) : ('choice' as const),
                    edits: [{ doc, start: p.fix.start, end: p.fix.end, newText: p.fix.newText }],
                    preferred: true,
                  },
                ],
              }
            : {}),
        });
      }
    }
  },
});

function firstNonAscii(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return i;
  return 0;
}
