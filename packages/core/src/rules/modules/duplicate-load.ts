import { defineRule } from '../types.js';
import { attr } from '../../xml/parser.js';
import { expandAttr } from '../../model.js';
import { loadNodes } from './unknown-module.js';
import { wholeLine } from '../util.js';

/**
 * A module loaded twice (modules.conf, pre_/post_load_modules.conf): FreeSWITCH loads it once and logs
 * "Module … Already Loaded!" for the second line (switch_loadable_module.c:1824), which does nothing.
 */
export const duplicateLoad = defineRule({
  meta: { id: 'modules/duplicate-load', severity: 'info', description: 'a module is loaded twice', fixable: true, reads: ['configuration', 'modules', 'load'] },
  check(ctx) {
    const seen = new Map<string, { file: string; line: number }>();
    for (const node of loadNodes(ctx)) {
      const a = attr(node.el, 'module');
      if (!a) continue;
      const v = expandAttr(ctx.tree, node.doc, a)
        .value?.trim()
        .replace(/\.(so|dll|dylib)$/i, '');
      if (!v) continue;
      const first = seen.get(v);
      const here = { file: node.doc.path.split('/').pop()!, line: node.doc.lines.lineOf(node.el.start) + 1 };
      if (!first) {
        seen.set(v, here);
        continue;
      }
      const line = wholeLine(node.doc, node.el.start);
      const alone = node.doc.text.slice(line.start, line.end).trim() === node.doc.text.slice(node.el.start, node.el.end).trim();
      ctx.report({
        doc: node.doc,
        start: a.valueStart,
        end: a.valueEnd,
        message: `${v} is already loaded at ${first.file}:${first.line}: FreeSWITCH skips this second load ("Already Loaded")`,
        // kind: safe — the second load does nothing
        fixes: alone
          ? [{ title: `Remove the second <load module="${v}"/>`, kind: 'safe', edits: [{ doc: node.doc, ...line, newText: '' }], preferred: true }]
          : [],
      });
    }
  },
});
