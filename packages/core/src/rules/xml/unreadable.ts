import { defineRule } from '../types.js';

/** A file in the tree that cannot be analysed at all (unreadable, binary, over the size limit). */
export const unreadable = defineRule({
  meta: { id: 'xml/unreadable', severity: 'error', description: 'a file in the tree cannot be read or is not text', fixable: false },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      if (!doc.readError) continue;
      ctx.report({ doc, start: 0, end: 0, message: `${doc.readError}` });
    }
  },
});
