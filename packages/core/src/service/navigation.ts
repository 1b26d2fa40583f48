/**
 * Navigation views of one file, computed from the engine's model: document symbols (an outline in
 * FreeSWITCH terms), document links on include paths, and folding ranges. Protocol types only; the
 * language server forwards them as they are.
 */
import type { DocumentLink, DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { dirname, globFiles, hasGlob, joinPath, normalize, relativePath } from '../fs.js';
import { maskSecret } from '../text.js';
import type { Doc } from '../tree.js';
import { attr, elementText, walk, type XmlAttr, type XmlElement } from '../xml/parser.js';
import type { Analysis } from '../analysis.js';
import type { Param } from '../model.js';
import { toUri } from './preprocess-provider.js';
import type { FsconfWorkspace } from './workspace.js';

/** LSP SymbolKind values (kept numeric so core needs nothing beyond the types package). */
const Kind = {
  Module: 2,
  Namespace: 3,
  Package: 4,
  Class: 5,
  Property: 7,
  Field: 8,
  Interface: 11,
  Function: 12,
  Variable: 13,
  Object: 19,
  Key: 20,
  EnumMember: 22,
  Struct: 23,
} as const;

const SECRET_NAME = /pass|secret|pwd|token|(^|[-_])key($|[-_])/i;

interface Candidate {
  start: number;
  end: number;
  selStart: number;
  selEnd: number;
  name: string;
  detail?: string;
  kind: number;
}

function analysisOf(src: FsconfWorkspace | Analysis): Analysis {
  return 'analysis' in src && typeof src.analysis === 'function' ? src.analysis() : (src as Analysis);
}

function docOf(a: Analysis, path: string): Doc | undefined {
  return a.tree.docs.get(normalize(path));
}

function selection(el: XmlElement, a: XmlAttr | undefined): { selStart: number; selEnd: number } {
  if (a && a.quote) return { selStart: a.valueStart, selEnd: a.valueEnd };
  return { selStart: el.nameStart, selEnd: el.nameEnd };
}

function clip(s: string, n = 80): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function elementCandidate(el: XmlElement, nameAttr: XmlAttr | undefined, name: string, kind: number, detail?: string): Candidate {
  return {
    start: el.start,
    end: Math.max(el.end, el.startTagEnd),
    ...selection(el, nameAttr),
    name: clip(name) || `(unnamed ${el.name})`,
    kind,
    ...(detail ? { detail: clip(detail) } : {}),
  };
}

function shown(name: string, value: string): string {
  return SECRET_NAME.test(name) && value ? maskSecret(value) : value;
}

function paramCandidate(p: Param): Candidate {
  const value = p.valueAttr?.value ?? '';
  return elementCandidate(p.node.el, p.nameAttr, p.name, Kind.Property, shown(p.name, value));
}

/**
 * The outline of a file: sofia profiles › settings / gateways, ACL lists › nodes, directory domains ›
 * users, dialplan contexts › extensions (detail: the first condition), module configurations, loaded
 * modules and pre-processor variables. Nesting follows the file's own elements (an included file shows
 * what it holds at its top level).
 */
export function documentSymbols(src: FsconfWorkspace | Analysis, path: string): DocumentSymbol[] {
  const a = analysisOf(src);
  const doc = docOf(a, path);
  if (!doc) return [];
  const m = a.model;
  const cands: Candidate[] = [];
  const seen = new Set<XmlElement>();
  const add = (el: XmlElement, c: () => Candidate): void => {
    if (seen.has(el)) return;
    seen.add(el);
    cands.push(c());
  };
  const mine = (d: Doc) => d === doc;

  for (const c of m.configs)
    if (mine(c.node.doc)) add(c.node.el, () => elementCandidate(c.node.el, attr(c.node.el, 'name'), c.name, Kind.Module, descriptionOf(c.node.el)));
  for (const p of m.profiles) {
    if (mine(p.node.doc)) add(p.node.el, () => elementCandidate(p.node.el, p.nameAttr, p.name, Kind.Class, 'sofia profile'));
    if (p.settingsNode && mine(p.settingsNode.doc))
      add(p.settingsNode.el, () => elementCandidate(p.settingsNode!.el, undefined, 'settings', Kind.Struct, `${p.settings.length} params`));
    if (p.gatewaysNode && mine(p.gatewaysNode.doc))
      add(p.gatewaysNode.el, () =>
        elementCandidate(p.gatewaysNode!.el, undefined, 'gateways', Kind.Struct, `${p.gateways.length} gateway${p.gateways.length === 1 ? '' : 's'}`),
      );
  }
  for (const g of m.gateways) if (mine(g.node.doc)) add(g.node.el, () => elementCandidate(g.node.el, g.nameAttr, g.name, Kind.Interface, 'gateway'));
  for (const l of m.aclLists) {
    if (mine(l.node.doc))
      add(l.node.el, () =>
        elementCandidate(l.node.el, l.nameAttr, l.name, Kind.Namespace, l.defaultAttr ? `default ${l.defaultAttr.attr.value}` : 'network list'),
      );
    for (const n of l.nodes) {
      if (!mine(n.node.doc)) continue;
      const type = n.attrs.get('type')?.attr.value ?? '';
      const target = n.attrs.get('cidr') ?? n.attrs.get('host') ?? n.attrs.get('domain');
      const label = target ? `${target.attr.name === 'cidr' ? '' : target.attr.name + '='}${target.attr.value}` : 'node';
      add(n.node.el, () => elementCandidate(n.node.el, target?.attr, label, Kind.EnumMember, type));
    }
  }
  for (const d of m.domains)
    if (d.node && mine(d.node.doc))
      add(d.node.el, () =>
        elementCandidate(
          d.node!.el,
          attr(d.node!.el, 'name'),
          d.nameValue?.raw ?? d.name ?? '',
          Kind.Namespace,
          d.name && d.name !== d.nameValue?.raw ? d.name : 'domain',
        ),
      );
  for (const u of m.users) {
    if (!mine(u.node.doc)) continue;
    const detail = [u.numberAlias ? `alias ${u.numberAlias}` : '', u.type ?? '', u.inGroup ? 'in group' : ''].filter(Boolean).join(', ');
    add(u.node.el, () => elementCandidate(u.node.el, u.idAttr, u.id, Kind.Object, detail || 'user'));
  }
  for (const c of m.contexts) if (mine(c.node.doc)) add(c.node.el, () => elementCandidate(c.node.el, c.nameAttr, c.name, Kind.Namespace, 'dialplan context'));
  for (const e of m.extensions) {
    if (!mine(e.node.doc)) continue;
    add(e.node.el, () =>
      elementCandidate(e.node.el, attr(e.node.el, 'name'), e.name, Kind.Function, conditionDetail(e.conditions[0]?.node.el, e.conditions[0]?.node.doc)),
    );
  }
  for (const l of m.moduleLoads) if (mine(l.node.doc)) add(l.node.el, () => elementCandidate(l.node.el, l.attr, l.module, Kind.Package, 'load'));
  for (const p of m.params) if (mine(p.node.doc)) add(p.node.el, () => paramCandidate(p));

  // the sections of freeswitch.xml (or of any file that has them)
  for (const el of walk(doc.xml.roots)) {
    if (el.name === 'section') add(el, () => elementCandidate(el, attr(el, 'name'), attr(el, 'name')?.value ?? '', Kind.Namespace, 'section'));
  }

  // pre-processor variables defined in this file
  for (const d of doc.scan.directives) {
    const cmd = d.cmd?.toLowerCase();
    if (!cmd || d.malformed || !['set', 'exec-set', 'stun-set', 'env-set'].includes(cmd) || d.data === undefined) continue;
    const eq = d.data.indexOf('=');
    if (eq <= 0) continue;
    const name = d.data.slice(0, eq).trim();
    if (!name) continue;
    const value = d.data.slice(eq + 1);
    cands.push({
      start: d.start,
      end: d.end,
      selStart: d.dataStart,
      selEnd: d.dataStart + eq,
      name,
      detail: clip(cmd === 'set' ? shown(name, value) : `${cmd} (computed at load time)`),
      kind: Kind.Variable,
    });
  }
  return nest(doc, cands);
}

function descriptionOf(el: XmlElement): string | undefined {
  return attr(el, 'description')?.value || undefined;
}

function conditionDetail(el: XmlElement | undefined, doc?: Doc): string | undefined {
  if (!el) return undefined;
  const field = attr(el, 'field')?.value;
  // mod_dialplan_xml reads an <expression> child (e.g. CDATA) before the expression attribute
  const exprEl = doc ? el.children.find((c) => c.name === 'expression') : undefined;
  const expr = exprEl && doc ? elementText(doc, exprEl).trim() : attr(el, 'expression')?.value;
  if (field !== undefined || expr !== undefined) return `${field ?? ''}${expr !== undefined ? ` ~ ${expr}` : ''}`.trim();
  const rest = el.attrs.filter((x) => x.name !== 'break' && x.name !== 'require-nested').map((x) => `${x.name}=${x.value}`);
  if (rest.length) return rest.join(' ');
  const regex = el.children.find((c) => c.name === 'regex');
  if (regex) return `regex ${attr(regex, 'field')?.value ?? ''} ~ ${attr(regex, 'expression')?.value ?? ''}`.trim();
  return undefined;
}

/** Build the hierarchy from element containment (candidates of one file). */
function nest(doc: Doc, cands: Candidate[]): DocumentSymbol[] {
  cands.sort((x, y) => x.start - y.start || y.end - x.end);
  const roots: DocumentSymbol[] = [];
  const stack: { c: Candidate; s: DocumentSymbol }[] = [];
  for (const c of cands) {
    while (stack.length && !(c.start >= stack[stack.length - 1]!.c.start && c.end <= stack[stack.length - 1]!.c.end)) stack.pop();
    const selStart = Math.max(c.start, Math.min(c.selStart, c.end));
    const selEnd = Math.max(selStart, Math.min(c.selEnd, c.end));
    const s: DocumentSymbol = {
      name: c.name,
      kind: c.kind as DocumentSymbol['kind'],
      range: doc.lines.range(c.start, c.end),
      selectionRange: doc.lines.range(selStart, selEnd),
      ...(c.detail ? { detail: c.detail } : {}),
    };
    const parent = stack[stack.length - 1];
    if (parent) (parent.s.children ??= []).push(s);
    else roots.push(s);
    stack.push({ c, s });
  }
  return roots;
}

/**
 * Links on include paths that bring in one file. A glob bringing in several gets none: one link per file
 * stacked on the same range made editors list them all under the hover; go-to-definition offers them all.
 */
export function documentLinks(src: FsconfWorkspace | Analysis, path: string): DocumentLink[] {
  const a = analysisOf(src);
  const doc = docOf(a, path);
  if (!doc) return [];
  const out: DocumentLink[] = [];
  const root = a.tree.root;
  const rel = (p: string) => (root ? relativePath(root, p) : p);
  const done = new Set<unknown>();
  for (const site of doc.includeSites) {
    done.add(site.directive);
    const range = doc.lines.range(site.directive.dataStart, site.directive.dataEnd);
    if (site.targets.length === 1) for (const t of site.targets) out.push({ range, target: toUri(t.path), tooltip: `include ${rel(t.path)}` });
  }
  // a file analysed on its own: its includes were not followed, resolve them here (never when a variable is involved)
  for (const d of doc.scan.directives) {
    if (done.has(d) || d.malformed || d.cmd?.toLowerCase() !== 'include' || !d.data || d.data.includes('$${')) continue;
    const pattern = joinPath(dirname(doc.path), d.data.trim());
    const files = hasGlob(pattern) ? globFiles(a.tree.fs, pattern) : a.tree.fs.stat(pattern)?.isFile ? [pattern] : [];
    const range = doc.lines.range(d.dataStart, d.dataEnd);
    if (files.length === 1) for (const f of files) out.push({ range, target: toUri(f), tooltip: `include ${rel(f)}` });
  }
  return out;
}

/** Folding: every element spanning lines (the closing tag stays visible) and every multi-line comment. */
export function foldingRanges(src: FsconfWorkspace | Analysis, path: string): FoldingRange[] {
  const a = analysisOf(src);
  const doc = docOf(a, path);
  if (!doc) return [];
  const out: FoldingRange[] = [];
  const lines = doc.lines;
  for (const el of walk(doc.xml.roots)) {
    const startLine = lines.lineOf(el.start);
    const end = Math.max(el.end, el.startTagEnd);
    let endLine = lines.lineOf(Math.max(el.start, end - 1));
    if (el.closed && !el.selfClosing) {
      // keep `</tag>` visible when it starts its own line
      const closeStart = doc.text.lastIndexOf('</', end);
      if (closeStart > el.start && lines.lineOf(closeStart) === endLine && /^\s*$/.test(doc.text.slice(lines.lineStart(endLine), closeStart))) endLine--;
    }
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  for (const c of doc.xml.comments) {
    const startLine = lines.lineOf(c.start);
    const endLine = lines.lineOf(Math.max(c.start, c.end - 1));
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'comment' });
  }
  out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
  return out;
}
