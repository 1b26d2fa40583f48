/**
 * Code lenses: a line of facts above a definition, computed over the whole tree. A provider is one
 * function in `lensProviders`: it gets the analysis and the file, and returns lenses for that file.
 * Adding one (e.g. "▶ simulate a call" above each extension) is a new function plus one `push`.
 *
 * `command` names a client command; `fsconf.peekReferences` (the VS Code client registers it) shows the
 * given locations. Clients without it still show the title.
 */
import type { Location, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis.js';
import { aclReferences } from '../semantics/network-lists.js';
import type { Doc } from '../tree.js';
import { gatewayTargets } from '../semantics/gateways.js';
import { subRange } from '../semantics/source-map.js';
import { toUri } from './preprocess-provider.js';
import type { FsconfWorkspace } from './workspace.js';

export interface Lens {
  range: Range;
  title: string;
  command?: string;
  arguments?: unknown[];
}

export type LensProvider = (a: Analysis, doc: Doc) => Lens[];

export const lensProviders: LensProvider[] = [];

export function codeLenses(ws: FsconfWorkspace, path: string): Lens[] {
  const a = ws.analysis();
  const doc = a.tree.docs.get(path);
  if (!doc) return [];
  const out: Lens[] = [];
  for (const p of lensProviders) {
    try {
      out.push(...p(a, doc));
    } catch (e) {
      // one broken provider must not hide the others
      ws.providerFailed({ feature: 'lens', provider: p.name || '(anonymous)', path }, e);
    }
  }
  return out;
}

/** A lens that peeks at `locations` from `range` (title only when there are none). */
function peek(doc: Doc, range: Range, title: string, locations: Location[]): Lens {
  return locations.length ? { range, title, command: 'fsconf.peekReferences', arguments: [toUri(doc.path), range.start, locations] } : { range, title };
}

/** On an ACL list: who uses it, and in which role ("internal (inbound), event_socket"). */
const aclUsedBy: LensProvider = (a, doc) => {
  const refs = aclReferences(a.model);
  const out: Lens[] = [];
  for (const l of a.model.aclLists) {
    if (l.node.doc !== doc) continue;
    const mine = refs.filter((r) => r.name === l.name);
    const uses = [
      ...new Set(mine.map((r) => `${r.owner.replace(/^sofia profile "?([^"]*)"?$/, '$1')}${r.role === 'esl' || r.role === 'check_acl' ? '' : ` (${r.role})`}`)),
    ];
    const range = doc.lines.range(l.node.el.start, l.node.el.start);
    out.push(
      peek(
        doc,
        range,
        uses.length ? `used by: ${uses.join(', ')}` : 'used by nothing',
        mine.map((r) => ({ uri: toUri(r.doc.path), range: r.doc.lines.range(r.start, r.end) })),
      ),
    );
  }
  return out;
};

/** On a gateway: how many extensions dial it. */
const gatewayDialledBy: LensProvider = (a, doc) => {
  const out: Lens[] = [];
  const targets = gatewayTargets(a.model);
  for (const g of a.model.gateways) {
    if (g.node.doc !== doc || !g.name) continue;
    const hits = targets.filter((t) => t.name === g.name || t.name.endsWith(`::${g.name}`));
    const exts = new Set(hits.map((t) => t.action.condition.extension));
    const range = doc.lines.range(g.node.el.start, g.node.el.start);
    const title = exts.size ? `dialled by ${exts.size} extension${exts.size === 1 ? '' : 's'}` : 'dialled by no extension';
    out.push(
      peek(
        doc,
        range,
        title,
        hits.map((t) => ({
          uri: toUri(t.data.doc.path),
          range: t.data.doc.lines.range(subRange(t.data, t.start, t.end).start, subRange(t.data, t.start, t.end).end),
        })),
      ),
    );
  }
  return out;
};

lensProviders.push(aclUsedBy, gatewayDialledBy);
