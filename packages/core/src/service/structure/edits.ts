/**
 * Structural edits as text edits that keep the file as it is written: its indentation (tabs or spaces,
 * the file's own step), its comments, its line endings (the writer turns `\n` into the file's own), and
 * every byte the edit does not touch. New elements go where FreeSWITCH's layout puts them: a new
 * extension into `dialplan/<context>/NN_name.xml` when the context includes such a glob, a new user into
 * `directory/<domain>/ID.xml`, a new gateway into `sip_profiles/<profile>/NAME.xml`.
 */
import type { Analysis } from '../../analysis.js';
import type { Doc, IncludeSite } from '../../tree.js';
import type { DialplanContext, Extension, Node } from '../../model.js';
import { logicalChildren } from '../../model.js';
import { attr, walk, type XmlElement } from '../../xml/parser.js';
import { basename, dirname, joinPath } from '../../fs.js';
import { generatePin, template, userValues } from './templates.js';
import { generatePassword } from '../../passwords.js';
import type { ElementRef, NewElement, StructuralEdit, StructuralEditResult, TextEditLike } from './types.js';
import { isChatplan, type UriOf } from './build.js';

export class StructuralEditError extends Error {}

export interface EditHost {
  analysis: Analysis;
  uriOf: UriOf;
  /** URI → path (undefined: not a file URI). */
  pathOf(uri: string): string | undefined;
}

type Changes = Map<string, { doc: Doc | undefined; edits: { start: number; end: number; newText: string }[] }>;

// ── text helpers ─────────────────────────────────────────────────────────

const lineStartOf = (text: string, off: number) => text.lastIndexOf('\n', off - 1) + 1;
const nextLineStart = (text: string, off: number) => {
  const i = text.indexOf('\n', off);
  return i < 0 ? text.length : i + 1;
};
const blankBefore = (text: string, off: number) => /^[ \t]*$/.test(text.slice(lineStartOf(text, off), off));
const blankAfter = (text: string, off: number) => {
  const i = text.indexOf('\n', off);
  return /^[ \t\r]*$/.test(text.slice(off, i < 0 ? text.length : i));
};
/** The whitespace that starts the line holding `off`. */
const indentOf = (text: string, off: number) => /^[ \t]*/.exec(text.slice(lineStartOf(text, off)))![0];

/** The file's indentation step: a tab when its lines start with tabs, else the smallest step of spaces seen. */
function indentUnit(text: string): string {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let prev = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = /^[ \t]*/.exec(line)![0];
    if (m.startsWith('\t')) tabs++;
    else if (m.length) {
      spaces++;
      const d = m.length - prev;
      if (d > 0) steps.set(d, (steps.get(d) ?? 0) + 1);
    }
    prev = m.startsWith('\t') ? prev : m.length;
  }
  if (tabs > spaces) return '\t';
  let best = 2;
  let bestN = 0;
  for (const [d, n] of steps) if (d <= 8 && n > bestN) [best, bestN] = [d, n];
  return ' '.repeat(best);
}

/** Attribute value escaping as ezxml reads it back (entities decoded in attributes). */
function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** An element as lines (relative indentation in steps of `unit`). */
function renderElement(e: NewElement, unit: string, depth = 0): string[] {
  const pad = unit.repeat(depth);
  const at = (e.attrs ?? []).map(([k, val]) => ` ${k}="${escapeAttr(val)}"`).join('');
  if (!e.children?.length) return [`${pad}<${e.name}${at}/>`];
  return [`${pad}<${e.name}${at}>`, ...e.children.flatMap((c) => renderElement(c, unit, depth + 1)), `${pad}</${e.name}>`];
}

// ── finding elements ─────────────────────────────────────────────────────

function docOf(host: EditHost, uri: string): Doc {
  const path = host.pathOf(uri);
  const doc = path ? host.analysis.tree.docs.get(path) : undefined;
  if (!doc) throw new StructuralEditError(`${uri} is not a file of this tree`);
  return doc;
}

function elementAtRef(host: EditHost, ref: ElementRef): { doc: Doc; el: XmlElement } {
  if (!ref || typeof ref.uri !== 'string' || typeof ref.line !== 'number' || typeof ref.character !== 'number')
    throw new StructuralEditError('an element is named by { uri, line, character } of its start');
  const doc = docOf(host, ref.uri);
  const off = doc.lines.offsetAt({ line: ref.line, character: ref.character });
  for (const el of walk(doc.xml.roots)) if (el.start === off) return { doc, el };
  throw new StructuralEditError(`no element starts at ${ref.uri}:${ref.line + 1}:${ref.character + 1} (the file changed? ask for the structure again)`);
}

/** The span an element occupies: its whole lines when nothing else shares them. */
function span(doc: Doc, el: XmlElement): { start: number; end: number; whole: boolean } {
  const t = doc.text;
  if (blankBefore(t, el.start) && blankAfter(t, el.end)) return { start: lineStartOf(t, el.start), end: nextLineStart(t, el.end), whole: true };
  return { start: el.start, end: el.end, whole: false };
}

// ── change set ───────────────────────────────────────────────────────────

function add(changes: Changes, path: string, doc: Doc | undefined, start: number, end: number, newText: string): void {
  let c = changes.get(path);
  if (!c) changes.set(path, (c = { doc, edits: [] }));
  c.edits.push({ start, end, newText });
}

/**
 * Where an element begins for moving and inserting before it: the comment lines right above it (no
 * blank line between) describe it and travel with it.
 */
function leadStart(doc: Doc, el: XmlElement): number {
  const t = doc.text;
  if (!blankBefore(t, el.start)) return el.start;
  let start = lineStartOf(t, el.start);
  for (;;) {
    if (start === 0) return start;
    const c = doc.xml.comments.find((x) => x.end <= start && /^[ \t\r]*\n$/.test(t.slice(x.end, start)));
    if (!c || !blankBefore(t, c.start)) return start;
    start = lineStartOf(t, c.start);
  }
}

/** Lines to insert (indented to `ind` unless raw: already indented). */
const indented = (lines: string[], ind: string, raw: boolean) => lines.map((l) => (raw ? l : ind + l)).join('\n');

/** Text to insert before sibling `el` (same indentation as it, above the comments that describe it). */
function insertBefore(changes: Changes, doc: Doc, el: XmlElement, lines: string[], raw = false): void {
  const t = doc.text;
  if (blankBefore(t, el.start)) {
    const ind = indentOf(t, el.start);
    const at = leadStart(doc, el);
    add(changes, doc.path, doc, at, at, indented(lines, ind, raw) + '\n');
  } else add(changes, doc.path, doc, el.start, el.start, lines.map((l) => l.trim()).join(' '));
}

function insertAfter(changes: Changes, doc: Doc, el: XmlElement, lines: string[], raw = false): void {
  const t = doc.text;
  if (blankBefore(t, el.start) && blankAfter(t, el.end)) {
    const ind = indentOf(t, el.start);
    const at = nextLineStart(t, el.end);
    const nl = at === t.length && !t.endsWith('\n') ? '\n' : '';
    add(changes, doc.path, doc, at, at, nl + indented(lines, ind, raw) + (nl ? '' : '\n'));
  } else add(changes, doc.path, doc, el.end, el.end, lines.map((l) => l.trim()).join(' '));
}

/** Insert as the first or last child of `parent` (self-closing parents are opened). */
function insertChild(changes: Changes, doc: Doc, parent: XmlElement, lines: string[], first: boolean): void {
  const t = doc.text;
  const unit = indentUnit(t);
  const pInd = indentOf(t, parent.start);
  const kids = parent.children;
  if (kids.length && first) return insertBefore(changes, doc, kids[0]!, lines);
  const last = kids[kids.length - 1];
  // at the end: after trailing comments too, with the indentation of the last child
  const cInd = last && blankBefore(t, last.start) ? indentOf(t, last.start) : pInd + unit;
  if (parent.selfClosing) {
    const close = t.lastIndexOf('/', parent.end - 1);
    add(changes, doc.path, doc, close, parent.end, `>\n${lines.map((l) => cInd + l).join('\n')}\n${pInd}</${parent.name}>`);
    return;
  }
  const closeAt = t.lastIndexOf('</', parent.end);
  if (closeAt >= parent.startTagEnd && blankBefore(t, closeAt)) {
    const ls = lineStartOf(t, closeAt);
    if (ls >= parent.startTagEnd) {
      add(changes, doc.path, doc, ls, ls, lines.map((l) => cInd + l).join('\n') + '\n');
      return;
    }
  }
  add(changes, doc.path, doc, closeAt, closeAt, `\n${lines.map((l) => cInd + l).join('\n')}\n${pInd}`);
}

function removeEl(changes: Changes, doc: Doc, el: XmlElement): void {
  const s = span(doc, el);
  add(changes, doc.path, doc, s.start, s.end, '');
}

// ── layout: where new files go ───────────────────────────────────────────

/** An include inside `parent` whose pattern is a glob of `.xml` files (e.g. `default/*.xml`). */
function globSite(doc: Doc, parent: XmlElement): IncludeSite | undefined {
  return doc.includeSites.find((s) => s.parent === parent && s.resolvedPattern && /\*[^/]*\.xml$/.test(s.resolvedPattern) && s.directive.cmd === 'include');
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.+-]+/g, '_').replace(/^[._]+/, '') || 'new';
}

/** A file path in the glob's folder, named the way that folder already names its files. */
function newFilePath(host: EditHost, site: IncludeSite, name: string, numbered: boolean): string {
  const dir = dirname(site.resolvedPattern!);
  const fs = host.analysis.tree.fs;
  const entries = fs.readDir(dir) ?? [];
  let file = `${safeName(name)}.xml`;
  if (numbered) {
    let max = -1;
    let width = 2;
    for (const e of entries) {
      const m = /^(\d+)_/.exec(e);
      if (m) {
        max = Math.max(max, Number(m[1]));
        width = m[1]!.length;
      }
    }
    file = `${String(max + 1).padStart(width, '0')}_${file}`;
  }
  const path = joinPath(dir, file);
  if (fs.stat(path)) throw new StructuralEditError(`${path} exists already: pick another name`);
  return path;
}

/** A new file: the element inside `<include>`, indented with the step the including file uses. */
function newFile(changes: Changes, path: string, e: NewElement, unit: string): void {
  const body = ['<include>', ...renderElement(e, unit, 1), '</include>', ''].join('\n');
  add(changes, path, undefined, 0, 0, body);
}

// ── the edits ────────────────────────────────────────────────────────────

function contextByName(host: EditHost, name: string): DialplanContext {
  const ctx = host.analysis.model.contexts.find((c) => c.name === name && !isChatplan(c.node));
  if (!ctx) throw new StructuralEditError(`no dialplan context named "${name}" (contexts: ${host.analysis.model.contexts.map((c) => c.name).join(', ')})`);
  return ctx;
}

function extensionElement(req: { element?: NewElement; template?: string; values?: Record<string, string> }, kind: string): NewElement {
  if (req.element) return req.element;
  if (!req.template) throw new StructuralEditError(`give an element or a template for the new ${kind}`);
  const t = template(req.template);
  if (!t || t.kind !== kind) throw new StructuralEditError(`no ${kind} template "${req.template}"`);
  return t.build(req.values ?? {});
}

function siblingsOf(host: EditHost, el: XmlElement): Node[] | undefined {
  if (el.name === 'extension') {
    const ext = host.analysis.model.extensions.find((x) => x.node.el === el);
    return ext?.context.extensions.map((x) => x.node);
  }
  return undefined;
}

function reloadFor(host: EditHost, paths: string[]): string[] {
  const out = new Set<string>();
  const root = host.analysis.tree.root ?? '';
  for (const p of paths) {
    const rel = p.startsWith(root + '/') ? p.slice(root.length + 1) : p;
    const prof = /^sip_profiles\/([^/]+?)(?:\.xml$|\/)/.exec(rel);
    if (prof) {
      out.add('reloadxml');
      out.add(`sofia profile ${prof[1]} rescan`);
    } else if (/^autoload_configs\/acl\.conf\.xml$/.test(rel)) {
      out.add('reloadxml');
      out.add('reloadacl');
    } else {
      const mod = /^autoload_configs\/([a-z0-9_]+)\.conf\.xml$/.exec(rel);
      out.add('reloadxml');
      if (mod && mod[1] !== 'sofia' && mod[1] !== 'modules') out.add(`reload mod_${mod[1]}`);
    }
  }
  return [...out];
}

export function structuralEdit(host: EditHost, req: StructuralEdit): StructuralEditResult {
  const changes: Changes = new Map();
  let summary = '';
  const created: string[] = [];
  let generated: Record<string, string> | undefined;
  switch (req.op) {
    case 'insert': {
      const { doc, el } = elementAtRef(host, req.parent);
      const unit = indentUnit(doc.text);
      const lines = renderElement(req.element, unit);
      if (req.before) {
        const b = elementAtRef(host, req.before);
        insertBefore(changes, b.doc, b.el, lines);
      } else if (req.after) {
        const a = elementAtRef(host, req.after);
        insertAfter(changes, a.doc, a.el, lines);
      } else insertChild(changes, doc, el, lines, !!req.first);
      summary = `add <${req.element.name}> to <${el.name}${nameOf(el)}>`;
      break;
    }
    case 'addExtension': {
      const ctx = contextByName(host, req.context);
      const e = extensionElement(req, 'extension');
      const name = e.attrs?.find(([k]) => k === 'name')?.[1] ?? 'extension';
      if (ctx.extensions.some((x) => x.name === name))
        throw new StructuralEditError(`context ${ctx.name} has an extension named "${name}" already: pick another name`);
      const ctxDoc = ctx.node.doc;
      const site = globSite(ctxDoc, ctx.node.el);
      const placement = req.before ? 'before' : (req.placement ?? (site ? 'file' : 'bottom'));
      if (placement === 'file') {
        if (!site) throw new StructuralEditError(`context ${ctx.name} includes no folder of files: add the extension to ${ctxDoc.path} instead`);
        const path = newFilePath(host, site, name, true);
        newFile(changes, path, e, indentUnit(ctxDoc.text));
        created.push(host.uriOf(path));
        summary = `add extension ${name} to context ${ctx.name} in a new file ${basename(path)} (hunted where ${ctxDoc.path.split('/').pop()} includes ${site.directive.data})`;
      } else {
        const lines = renderElement(e, indentUnit(ctxDoc.text));
        if (placement === 'before') {
          const b = elementAtRef(host, req.before!);
          insertBefore(changes, b.doc, b.el, lines);
        } else if (placement === 'top' && ctx.extensions[0]) insertBefore(changes, ctx.extensions[0].node.doc, ctx.extensions[0].node.el, lines);
        else insertChild(changes, ctxDoc, ctx.node.el, lines, placement === 'top');
        summary = `add extension ${name} to context ${ctx.name}`;
      }
      break;
    }
    case 'delete': {
      const { doc, el } = elementAtRef(host, req.target);
      removeEl(changes, doc, el);
      summary = `delete <${el.name}${nameOf(el)}>`;
      break;
    }
    case 'duplicate': {
      const { doc, el } = elementAtRef(host, req.target);
      const s = span(doc, el);
      let copy = doc.text.slice(s.start, s.end);
      const nameA = attr(el, 'name');
      if (nameA && el.name === 'extension') {
        const newName = req.name ?? uniqueName(host, el, nameA.value);
        copy = copy.slice(0, nameA.valueStart - s.start) + escapeAttr(newName) + copy.slice(nameA.valueEnd - s.start);
        summary = `duplicate extension ${nameA.value} as ${newName} (right after it)`;
      } else summary = `duplicate <${el.name}${nameOf(el)}>`;
      if (s.whole) add(changes, doc.path, doc, s.end, s.end, copy.endsWith('\n') ? copy : copy + '\n');
      else add(changes, doc.path, doc, el.end, el.end, copy);
      break;
    }
    case 'move': {
      const { doc, el } = elementAtRef(host, req.target);
      let before: { doc: Doc; el: XmlElement } | undefined;
      let after: { doc: Doc; el: XmlElement } | undefined;
      if (req.before) before = elementAtRef(host, req.before);
      else if (req.after) after = elementAtRef(host, req.after);
      else if (req.direction) {
        const sibs =
          siblingsOf(host, el) ?? (el.parent ? el.parent.children.filter((c) => c.name === el.name).map((c) => ({ doc, el: c, parent: undefined })) : []);
        const i = sibs.findIndex((n) => n.el === el);
        const j = req.direction === 'up' ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= sibs.length)
          throw new StructuralEditError(`<${el.name}${nameOf(el)}> is already the ${req.direction === 'up' ? 'first' : 'last'}`);
        if (req.direction === 'up') before = { doc: sibs[j]!.doc, el: sibs[j]!.el };
        else after = { doc: sibs[j]!.doc, el: sibs[j]!.el };
      } else throw new StructuralEditError('move needs before, after or direction');
      const to = (before ?? after)!;
      if (to.el === el) throw new StructuralEditError('an element cannot move next to itself');
      if (to.doc === doc && to.el.start >= el.start && to.el.end <= el.end) throw new StructuralEditError('an element cannot move inside itself');
      const toInd = blankBefore(to.doc.text, to.el.start) ? indentOf(to.doc.text, to.el.start) : '';
      const lines = movedLines(doc, el, toInd);
      cutEl(changes, doc, el);
      if (before) insertBefore(changes, before.doc, before.el, lines, true);
      else insertAfter(changes, after!.doc, after!.el, lines, true);
      summary = `move <${el.name}${nameOf(el)}> ${before ? 'above' : 'below'} <${to.el.name}${nameOf(to.el)}>${to.doc !== doc ? ` (from ${basename(doc.path)} to ${basename(to.doc.path)})` : ''}`;
      break;
    }
    case 'setAttribute': {
      const { doc, el } = elementAtRef(host, req.target);
      setAttr(changes, doc, el, req.name, req.value);
      summary = `set ${req.name}="${req.value}" on <${el.name}${nameOf(el)}>`;
      break;
    }
    case 'removeAttribute': {
      const { doc, el } = elementAtRef(host, req.target);
      const a = attr(el, req.name);
      if (!a) throw new StructuralEditError(`<${el.name}> has no ${req.name} attribute`);
      let s = a.nameStart;
      while (s > 0 && /[ \t]/.test(doc.text[s - 1]!)) s--;
      add(changes, doc.path, doc, s, a.valueEnd + (a.quote ? 1 : 0), '');
      summary = `remove ${req.name} from <${el.name}${nameOf(el)}>`;
      break;
    }
    case 'setParam':
    case 'removeParam': {
      const { doc, el } = elementAtRef(host, req.target);
      const kind = req.kind ?? 'param';
      const container = paramContainer(host, doc, el, kind);
      let value = req.op === 'setParam' ? req.value : '';
      if (req.op === 'setParam' && req.generate) {
        const id = attr(el, 'id')?.value ?? '';
        value = req.generate === 'pin' ? generatePin(id) : generatePassword(host.analysis.config.passwords);
        generated = { [req.name]: value };
      }
      const existing = [...container.params].reverse().find((p) => attr(p.el, 'name')?.value.toLowerCase() === req.name.toLowerCase());
      if (req.op === 'removeParam') {
        if (!existing) throw new StructuralEditError(`<${el.name}${nameOf(el)}> has no ${kind} ${req.name}`);
        removeEl(changes, existing.doc, existing.el);
        summary = `remove ${kind} ${req.name} from <${el.name}${nameOf(el)}>`;
      } else if (existing) {
        setAttr(changes, existing.doc, existing.el, 'value', value);
        summary = `set ${kind} ${req.name} = ${generated ? '(generated)' : value} on <${el.name}${nameOf(el)}>`;
      } else {
        const line = renderElement(
          {
            name: kind,
            attrs: [
              ['name', req.name],
              ['value', value],
            ],
          },
          indentUnit(container.doc.text),
        );
        if (container.el) insertChild(changes, container.doc, container.el, line, false);
        else
          insertChild(
            changes,
            doc,
            el,
            renderElement(
              {
                name: kind === 'param' ? 'params' : 'variables',
                children: [
                  {
                    name: kind,
                    attrs: [
                      ['name', req.name],
                      ['value', value],
                    ],
                  },
                ],
              },
              indentUnit(doc.text),
            ),
            false,
          );
        summary = `add ${kind} ${req.name} = ${generated ? '(generated)' : value} to <${el.name}${nameOf(el)}>`;
      }
      break;
    }
    case 'addUser': {
      const domain = req.domain
        ? host.analysis.model.domains.find((d) => (d.name ?? d.nameValue?.raw) === req.domain)
        : host.analysis.model.domains.find((d) => d.node);
      if (!domain?.node) throw new StructuralEditError(req.domain ? `no directory domain named "${req.domain}"` : 'the tree has no directory domain');
      let e: NewElement;
      if (req.element) e = req.element;
      else {
        const t = template(req.template ?? 'user')!;
        const uv = userValues(req.values ?? {}, host.analysis.config.passwords);
        generated = uv.generated;
        e = t.build(uv.values);
      }
      const id = e.attrs?.find(([k]) => k === 'id')?.[1] ?? '';
      const dname = domain.name ?? domain.nameValue?.raw ?? '';
      if (!/^[A-Za-z0-9_.+-]+$/.test(id)) throw new StructuralEditError(`"${id}" is not a user id (digits or letters, no spaces)`);
      if (domain.users.some((u) => u.id === id)) throw new StructuralEditError(`domain ${dname} has a user ${id} already`);
      const site = usersSite(domain.node);
      if (site) {
        const path = newFilePath(host, site, id, false);
        newFile(changes, path, e, indentUnit(site.doc.text));
        created.push(host.uriOf(path));
        summary = `add user ${id} to domain ${dname} in a new file ${basename(path)}`;
      } else {
        const users = findChild(domain.node.el, 'users') ?? domain.node.el;
        insertChild(changes, domain.node.doc, users, renderElement(e, indentUnit(domain.node.doc.text)), false);
        summary = `add user ${id} to domain ${dname}`;
      }
      break;
    }
    case 'addGateway': {
      const profile = host.analysis.model.profiles.find((p) => p.name === req.profile);
      if (!profile) throw new StructuralEditError(`no sofia profile named "${req.profile}"`);
      const e = extensionElement(req, 'gateway');
      const name = e.attrs?.find(([k]) => k === 'name')?.[1] ?? '';
      if (host.analysis.model.gateways.some((g) => g.name === name))
        throw new StructuralEditError(`a gateway named "${name}" exists already (gateway names are global in mod_sofia)`);
      const gw = profile.gatewaysNode;
      const site = gw ? globSite(gw.doc, gw.el) : undefined;
      if (site) {
        const path = newFilePath(host, site, name, false);
        newFile(changes, path, e, indentUnit(site.doc.text));
        created.push(host.uriOf(path));
        summary = `add gateway ${name} to profile ${profile.name} in a new file ${basename(path)}`;
      } else if (gw) {
        insertChild(changes, gw.doc, gw.el, renderElement(e, indentUnit(gw.doc.text)), false);
        summary = `add gateway ${name} to profile ${profile.name}`;
      } else {
        insertChild(changes, profile.node.doc, profile.node.el, renderElement({ name: 'gateways', children: [e] }, indentUnit(profile.node.doc.text)), false);
        summary = `add gateway ${name} to profile ${profile.name}`;
      }
      break;
    }
    case 'addAclNode': {
      const list = host.analysis.model.aclLists.find((l) => l.name === req.list);
      if (!list) throw new StructuralEditError(`no ACL list named "${req.list}"`);
      if (req.type !== 'allow' && req.type !== 'deny') throw new StructuralEditError('an ACL node is type allow or deny');
      if (!req.cidr === !req.domain) throw new StructuralEditError('an ACL node has a cidr or a domain (one of them)');
      const attrs: [string, string][] = [['type', req.type], req.cidr ? ['cidr', req.cidr] : ['domain', req.domain!]];
      insertChild(changes, list.node.doc, list.node.el, renderElement({ name: 'node', attrs }, indentUnit(list.node.doc.text)), false);
      summary = `add <node type="${req.type}" ${attrs[1]![0]}="${attrs[1]![1]}"> to list ${list.name}`;
      break;
    }
    default:
      throw new StructuralEditError(`unknown structural edit ${(req as { op?: unknown }).op}`);
  }
  const out: Record<string, TextEditLike[]> = {};
  for (const [path, c] of changes) {
    const uri = host.uriOf(path);
    out[uri] = c.edits.map((e) => ({
      range: c.doc ? c.doc.lines.range(e.start, e.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: c.doc ? withEol(c.doc.text, e.newText) : e.newText,
    }));
  }
  return { changes: out, summary, created, ...(generated && Object.keys(generated).length ? { generated } : {}), reload: reloadFor(host, [...changes.keys()]) };
}

/** New line breaks in the file's own line ending (a CRLF file stays CRLF for any client). */
function withEol(text: string, s: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? s.replace(/\r?\n/g, '\r\n') : s;
}

function nameOf(el: XmlElement): string {
  const n = attr(el, 'name') ?? attr(el, 'id') ?? attr(el, 'application');
  return n ? ` ${n.name}="${n.value}"` : '';
}

function uniqueName(host: EditHost, el: XmlElement, base: string): string {
  const ext = host.analysis.model.extensions.find((x) => x.node.el === el);
  const taken = new Set((ext?.context.extensions ?? []).map((x: Extension) => x.name));
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** An element's lines with the comments above it, re-indented from its own depth to `to` (lines not at its depth are kept as written). */
function movedLines(doc: Doc, el: XmlElement, to: string): string[] {
  const s = span(doc, el);
  if (!s.whole) return doc.text.slice(el.start, el.end).split(/\r?\n/);
  const from = indentOf(doc.text, el.start);
  return doc.text
    .slice(leadStart(doc, el), s.end)
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((l) => (l.startsWith(from) ? to + l.slice(from.length) : l));
}

/** Remove an element for a move: with the comments that describe it. */
function cutEl(changes: Changes, doc: Doc, el: XmlElement): void {
  const s = span(doc, el);
  add(changes, doc.path, doc, s.whole ? leadStart(doc, el) : s.start, s.end, '');
}

function setAttr(changes: Changes, doc: Doc, el: XmlElement, name: string, value: string): void {
  const a = attr(el, name);
  const escaped =
    a?.quote === "'"
      ? escapeAttr(value)
          .replace(/'/g, '&apos;')
          .replace(/&quot;/g, '"')
      : escapeAttr(value);
  if (a && a.quote) add(changes, doc.path, doc, a.valueStart, a.valueEnd, escaped);
  else if (a) add(changes, doc.path, doc, a.nameStart, a.valueEnd, `${name}="${escapeAttr(value)}"`);
  else {
    const last = el.attrs[el.attrs.length - 1];
    const at = last ? last.valueEnd + (last.quote ? 1 : 0) : el.nameEnd;
    add(changes, doc.path, doc, at, at, ` ${name}="${escapeAttr(value)}"`);
  }
}

function findChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Where an element's params (or variables) live: a profile's <settings>, a gateway's <params> or itself, a user's or domain's <params>/<variables>. */
function paramContainer(host: EditHost, doc: Doc, el: XmlElement, kind: 'param' | 'variable'): { doc: Doc; el: XmlElement | undefined; params: Node[] } {
  const block = kind === 'param' ? 'params' : 'variables';
  let container: XmlElement | undefined;
  if (el.name === 'profile') container = findChild(el, 'settings');
  else if (el.name === 'gateway') container = findChild(el, 'params') ?? el;
  else if (el.name === 'user' || el.name === 'domain' || el.name === 'group') container = findChild(el, block);
  else if (el.name === 'settings' || el.name === 'params' || el.name === 'variables') container = el;
  else throw new StructuralEditError(`<${el.name}> holds no ${kind}s`);
  if (!container) return { doc, el: undefined, params: [] };
  const node: Node = { doc, el: container, parent: undefined };
  const params = logicalChildren(host.analysis.tree, node).filter((n) => n.el.name === kind);
  return { doc, el: container, params };
}

/** The include of user files inside a domain (its first group's <users>, or its own <users>). */
function usersSite(node: Node): IncludeSite | undefined {
  for (const el of walk([node.el])) {
    if (el.name !== 'users') continue;
    const s = globSite(node.doc, el);
    if (s) return s;
  }
  return undefined;
}
