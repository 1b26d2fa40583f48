/**
 * Rename (F2) across the whole tree: a `$${}` variable (every `set` and every use), an ACL list (its
 * `<list name>` and every param naming it), a dialplan context (`<context name>`, transfer /
 * execute_extension targets, profile `context`, `user_context`), a gateway (`<gateway name>` and every
 * `sofia/gateway/NAME/…`). Refused, with the reason, where a use is not written literally (it comes
 * through a `$${}` variable, or is chosen at call time by `${…}`): fsconf cannot rewrite what it cannot see.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Doc } from '../tree.js';
import { relativePath } from '../fs.js';
import { dialplanActions, canonicalApp } from '../semantics/dialplan.js';
import { actionData, subRange } from '../semantics/source-map.js';
import { gatewayDefs, gatewayTargets } from '../semantics/gateways.js';
import type { FsconfWorkspace } from './workspace.js';
import type { ProviderContext } from './providers.js';
import { aclReferencesProvider } from './acl-provider.js';
import { dialplanReferences } from './dialplan-provider.js';
import { toUri } from './preprocess-provider.js';

type RenameKind = 'variable' | 'ACL list' | 'context' | 'gateway';

/** One place that names the thing: a file and [start, end) offsets of the name. */
interface Site {
  doc: Doc;
  start: number;
  end: number;
}

interface Found {
  kind: RenameKind;
  name: string;
  /** The name under the cursor. */
  at: Site;
  sites: Site[];
  /** Why renaming would be wrong (a use fsconf cannot rewrite). */
  refused?: string;
}

export type PrepareResult = { range: Range; placeholder: string; kind: RenameKind } | { refused: string } | undefined;
export type RenameResult = { changes: Map<string, TextEdit[]>; kind: RenameKind; count: number } | { refused: string };

const VALID: Record<RenameKind, RegExp> = {
  variable: /^[A-Za-z0-9_.-]+$/,
  'ACL list': /^[^\s,:"'<>&]+$/,
  context: /^[^\s"'<>&]+$/,
  gateway: /^[^\s/,|"'<>&:]+$/,
};

function where(ctx: ProviderContext, s: Site): string {
  const root = ctx.ws.analysis().tree.root;
  return `${root ? relativePath(root, s.doc.path) : s.doc.path}:${s.doc.lines.lineOf(s.start) + 1}`;
}

function context(ws: FsconfWorkspace, path: string, position: Position): ProviderContext | undefined {
  const cursor = ws.cursor(path, position);
  return cursor ? { ws, cursor, position } : undefined;
}

function within(offset: number, s: { start: number; end: number }): boolean {
  return offset >= s.start && offset <= s.end;
}

function variableAt(ctx: ProviderContext): Found | undefined {
  const { doc, offset } = ctx.cursor;
  const tree = ctx.ws.analysis().tree;
  let name: string | undefined;
  let at: Site | undefined;
  for (const u of doc.scan.varUses)
    if (within(offset, u)) {
      name = u.name;
      at = { doc, start: u.start + 3, end: u.end - 1 };
    }
  if (!name)
    for (const defs of tree.vars.defs.values())
      for (const d of defs)
        if (d.doc === doc && within(offset, { start: d.nameStart, end: d.nameEnd })) {
          name = d.name;
          at = { doc, start: d.nameStart, end: d.nameEnd };
        }
  if (!name || !at) return undefined;
  const sites: Site[] = [];
  for (const d of tree.order) for (const u of d.scan.varUses) if (u.name === name) sites.push({ doc: d, start: u.start + 3, end: u.end - 1 });
  for (const def of tree.vars.defs.get(name) ?? []) sites.push({ doc: def.doc, start: def.nameStart, end: def.nameEnd });
  return { kind: 'variable', name, at, sites };
}

/** ACL lists and contexts: the references the navigation providers already find, checked to be literal. */
function fromReferences(ctx: ProviderContext, kind: RenameKind, refs: { uri: string; range: Range }[] | undefined): Found | undefined {
  if (!refs?.length) return undefined;
  const tree = ctx.ws.analysis().tree;
  const byUri = new Map<string, Doc>();
  for (const d of tree.order) byUri.set(toUriKey(d.path), d);
  const sites: Site[] = [];
  for (const r of refs) {
    const doc = byUri.get(r.uri);
    if (!doc) continue;
    sites.push({ doc, start: doc.lines.offsetAt(r.range.start), end: doc.lines.offsetAt(r.range.end) });
  }
  const { doc, offset } = ctx.cursor;
  const at = sites.find((s) => s.doc === doc && within(offset, s));
  if (!at) return undefined;
  const name = doc.text.slice(at.start, at.end);
  return { kind, name, at, sites };
}

function toUriKey(path: string): string {
  return toUri(path);
}

function gatewayAt(ctx: ProviderContext): Found | undefined {
  const { tree, model } = ctx.ws.analysis();
  const { doc, offset } = ctx.cursor;
  const defs = gatewayDefs(tree, model) ?? [];
  const targets = gatewayTargets(model);
  let name: string | undefined;
  for (const g of defs) if (g.node.doc === doc && within(offset, { start: g.nameAttr.valueStart, end: g.nameAttr.valueEnd })) name = g.name;
  for (const t of targets) {
    const r = subRange(t.data, t.start, t.end);
    if (t.data.doc === doc && within(offset, r)) name = t.name.includes('::') ? t.name.slice(t.name.indexOf('::') + 2) : t.name;
  }
  if (!name) return undefined;
  const sites: Site[] = [];
  for (const g of defs) if (g.name === name) sites.push({ doc: g.node.doc, start: g.nameAttr.valueStart, end: g.nameAttr.valueEnd });
  for (const t of targets) {
    const bare = t.name.includes('::') ? t.name.slice(t.name.indexOf('::') + 2) : t.name;
    if (bare !== name) continue;
    const skip = t.name.length - bare.length; // `profile::` stays
    sites.push({ doc: t.data.doc, ...subRange(t.data, t.start + skip, t.end) });
  }
  const at = sites.find((s) => s.doc === doc && within(offset, s)) ?? sites[0]!;
  const found: Found = { kind: 'gateway', name, at, sites };
  // a dial string that picks its gateway at call time may name this one
  for (const a of dialplanActions(model)) {
    const app = canonicalApp(a);
    if (app !== 'bridge' && app !== 'att_xfer' && app !== 'conference_set_auto_outcall') continue;
    const data = actionData(a);
    if (data.value && /sofia\/gateway\/\$\{/i.test(data.value)) {
      found.refused = `${where(ctx, { doc: data.doc, start: data.start, end: data.end })} picks its gateway at call time (\`sofia/gateway/\${…}\`): fsconf cannot tell whether it means "${name}"`;
      break;
    }
  }
  return found;
}

/** Context targets whose context argument is chosen at call time (`transfer 1000 XML ${ctx}`). */
function computedContextUse(ctx: ProviderContext): string | undefined {
  const { model } = ctx.ws.analysis();
  for (const a of dialplanActions(model)) {
    const app = canonicalApp(a);
    if (app !== 'transfer' && app !== 'execute_extension') continue;
    const data = actionData(a);
    const args = (data.value ?? '').trim().split(/\s+/);
    const ctxArg = args[0]?.startsWith('-') ? args[3] : args[2];
    if (ctxArg && ctxArg.includes('${'))
      return `${where(ctx, { doc: data.doc, start: data.start, end: data.end })} chooses its context at call time (\`${ctxArg}\`): fsconf cannot tell whether it means this one`;
  }
  return undefined;
}

function find(ws: FsconfWorkspace, path: string, position: Position): Found | undefined {
  const ctx = context(ws, path, position);
  if (!ctx) return undefined;
  const v = variableAt(ctx);
  if (v) return v;
  const acl = fromReferences(ctx, 'ACL list', aclReferencesProvider(ctx));
  if (acl) return acl;
  const gw = gatewayAt(ctx);
  if (gw) return gw;
  const c = fromReferences(ctx, 'context', dialplanReferences(ctx));
  if (c) {
    const why = computedContextUse(ctx);
    if (why) c.refused = why;
    return c;
  }
  return undefined;
}

/** Every site must hold the name written literally; else the first one that does not, as the reason. */
function check(ws: FsconfWorkspace, f: Found): string | undefined {
  if (f.refused) return `cannot rename ${f.kind} "${f.name}": ${f.refused}`;
  const ctx = { ws } as ProviderContext;
  const same = (s: string) => (f.kind === 'context' ? s.toLowerCase() === f.name.toLowerCase() : s === f.name);
  for (const s of f.sites) {
    const text = s.doc.text.slice(s.start, s.end);
    if (!same(text))
      return `cannot rename ${f.kind} "${f.name}": ${where(ctx, s)} names it through \`${text}\` (a variable or an entity), which fsconf does not rewrite`;
  }
  return undefined;
}

export function prepareRename(ws: FsconfWorkspace, path: string, position: Position): PrepareResult {
  const f = find(ws, path, position);
  if (!f) return undefined;
  const why = check(ws, f);
  if (why) return { refused: why };
  return { range: f.at.doc.lines.range(f.at.start, f.at.end), placeholder: f.name, kind: f.kind };
}

export function rename(ws: FsconfWorkspace, path: string, position: Position, newName: string): RenameResult | undefined {
  const f = find(ws, path, position);
  if (!f) return undefined;
  const why = check(ws, f);
  if (why) return { refused: why };
  if (!VALID[f.kind].test(newName)) return { refused: `"${newName}" is not a valid ${f.kind} name` };
  const changes = new Map<string, TextEdit[]>();
  const seen = new Set<string>();
  for (const s of f.sites) {
    const key = `${s.doc.path}\u0000${s.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = changes.get(s.doc.path) ?? [];
    list.push({ range: s.doc.lines.range(s.start, s.end), newText: newName });
    changes.set(s.doc.path, list);
  }
  return { changes, kind: f.kind, count: seen.size };
}
