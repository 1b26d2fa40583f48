import { defineRule } from '../types.js';
import { seqAt } from '../../tree.js';
import { CORE_GLOBALS } from '../../preprocess/globals.js';
import { inComment } from '../../semantics/source-map.js';
import { suggestionFixes } from '../util.js';

/** `$${name}` with no earlier definition expands to "" at load time. */
export const undefinedVar = defineRule({
  meta: { id: 'preprocess/undefined-var', severity: 'warning', description: '$${var} used before any set defines it', fixable: true },
  check(ctx) {
    const { tree } = ctx;
    if (!tree.root) return; // without the tree we cannot know what vars.xml defines
    const names = tree.vars.names();
    for (const doc of tree.order) {
      for (const use of doc.scan.varUses) {
        if (CORE_GLOBALS.has(use.name)) continue;
        if (inComment(doc, use.start)) continue;
        const seq = seqAt(doc, use.start);
        if (tree.vars.lookup(use.name, seq)) continue;
        const later = tree.vars.defs.get(use.name);
        const nameStart = use.start + 3;
        const { fixes, hint } = suggestionFixes(doc, nameStart, use.end - 1, use.name, names);
        const message = later?.length
          ? `$\${${use.name}} is used before it is set (${relative(tree.root, later[0]!.doc.path)} line ${later[0]!.directive.line + 1} sets it later in load order): here it expands to ""`
          : `$\${${use.name}} is never set: FreeSWITCH expands it to ""${/^\w+\(.*\)$/.test(use.name) ? ` (there is no ${use.name.split('(')[0]}() inside $\${}: it is a variable name like any other; env-set reads the environment)` : ''}${hint}`;
        ctx.report({ doc, start: use.start, end: use.end, message, fixes: later?.length ? [] : fixes });
      }
    }
  },
});

function relative(root: string, path: string): string {
  return path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
}
