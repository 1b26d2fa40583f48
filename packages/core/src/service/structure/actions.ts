/** "Add extension: …" code actions in dialplan files: the templates, inserted where the cursor is. */
import type { Position } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis.js';
import { TEMPLATES } from './templates.js';
import { structuralEdit, StructuralEditError } from './edits.js';
import { locate, type UriOf } from './build.js';
import type { TextEditLike } from './types.js';

export interface TemplateAction {
  title: string;
  kind: 'refactor.insert.fsconf';
  changes: Record<string, TextEditLike[]>;
}

export function templateActions(a: Analysis, path: string, position: Position, uriOf: UriOf, pathOf: (uri: string) => string | undefined): TemplateAction[] {
  const doc = a.tree.docs.get(path);
  if (!doc) return [];
  const off = doc.lines.offsetAt(position);
  const inFile = a.model.extensions.filter((e) => e.node.doc === doc);
  const ext = inFile.find((e) => off >= e.node.el.start && off <= e.node.el.end);
  const ctx =
    ext?.context.node.el.name === 'context' ? ext.context : a.model.contexts.find((c) => c.node.doc === doc && off >= c.node.el.start && off <= c.node.el.end);
  if (!ext && !ctx && !inFile.length) return [];
  const anchor = ext ?? (ctx ? undefined : inFile[inFile.length - 1]);
  const out: TemplateAction[] = [];
  for (const t of TEMPLATES) {
    if (t.kind !== 'extension') continue;
    const element = t.build({});
    try {
      const parent = locate((ctx ?? anchor!.context).node.el.name === 'context' ? (ctx ?? anchor!.context).node : anchor!.node, uriOf).at;
      const r = structuralEdit(
        { analysis: a, uriOf, pathOf },
        anchor ? { op: 'insert', parent, element, after: locate(anchor.node, uriOf).at } : { op: 'insert', parent, element },
      );
      out.push({ title: `Add extension: ${t.title} (${t.description})`, kind: 'refactor.insert.fsconf', changes: r.changes });
    } catch (e) {
      if (!(e instanceof StructuralEditError)) throw e;
    }
  }
  return out;
}
