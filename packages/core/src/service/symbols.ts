/**
 * Workspace symbols (Ctrl+T): the named things of the whole tree in FreeSWITCH's words — sofia profiles,
 * gateways, dialplan contexts and extensions, directory domains and users, ACL network lists. Symbol
 * kinds match the document outline (navigation.ts) so an editor shows the same icons in both.
 */
import type { SymbolInformation } from 'vscode-languageserver-types';
import type { Node } from '../model.js';
import type { XmlAttr } from '../xml/parser.js';
import { toUri } from './preprocess-provider.js';
import type { FsconfWorkspace } from './workspace.js';

const Kind = { Namespace: 3, Class: 5, Interface: 11, Function: 12, Object: 19 } as const;

/** At most this many answers: Ctrl+T asks on every key. */
const LIMIT = 500;

/** Fuzzy as editors expect: the query's characters appear in order (case-insensitive). */
function matchesQuery(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of query.toLowerCase()) {
    if (ch === ' ') continue;
    i = n.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

export function workspaceSymbols(ws: FsconfWorkspace, query: string): SymbolInformation[] {
  const m = ws.analysis().model;
  const out: SymbolInformation[] = [];
  const add = (name: string | undefined, kind: number, node: Node | undefined, nameAttr: XmlAttr | undefined, container: string): void => {
    if (!name || !node || out.length >= LIMIT || !matchesQuery(name, query)) return;
    const doc = node.doc;
    const range = nameAttr ? doc.lines.range(nameAttr.valueStart, nameAttr.valueEnd) : doc.lines.range(node.el.nameStart, node.el.nameEnd);
    out.push({ name, kind: kind as SymbolInformation['kind'], location: { uri: toUri(doc.path), range }, containerName: container });
  };
  for (const p of m.profiles) add(p.name, Kind.Class, p.node, p.nameAttr, 'sofia profile');
  for (const g of m.gateways) add(g.name, Kind.Interface, g.node, g.nameAttr, g.profile ? `gateway of ${g.profile.name}` : 'gateway');
  for (const c of m.contexts) if (!c.name.startsWith('(file)')) add(c.name, Kind.Namespace, c.node, c.nameAttr, 'dialplan context');
  for (const e of m.extensions)
    add(
      e.name,
      Kind.Function,
      e.node,
      e.node.el.attrs.find((a) => a.name === 'name'),
      `extension in ${e.context.name.startsWith('(file)') ? 'dialplan' : e.context.name}`,
    );
  for (const d of m.domains)
    add(
      d.name ?? d.nameValue?.raw,
      Kind.Namespace,
      d.node,
      d.node?.el.attrs.find((a) => a.name === 'name'),
      'directory domain',
    );
  for (const u of m.users) add(u.id, Kind.Object, u.node, u.idAttr, u.domain?.name ? `user of ${u.domain.name}` : 'directory user');
  for (const l of m.aclLists) add(l.name, Kind.Namespace, l.node, l.nameAttr, 'ACL network list');
  return out;
}
