import { defineRule } from '../types.js';

/** FreeSWITCH's own parser (switch_xml_parse_str) would reject the file: the whole configuration fails to load. */
export const notWellFormed = defineRule({
  meta: { id: 'xml/not-well-formed', severity: 'error', description: "FreeSWITCH's XML parser rejects the text", fixable: false, scope: 'file' },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      const f = doc.xml.fatal;
      if (!f || doc.readError) continue;
      ctx.report({ doc, start: f.start, end: f.end, message: `${f.message}; FreeSWITCH refuses to load the configuration` });
    }
  },
});
