/**
 * Re-parsing after an edit without re-reading the whole file: only the children of the innermost
 * element whose content holds the edit are parsed again, between the last untouched child before it and
 * the first untouched child after it. Everything outside that span keeps its objects (so caches keyed by
 * element identity stay valid); what lies after the edit is shifted by the change in length; the
 * elements on the path from the edit to the root are copied, so an element whose content changed is
 * always a new object.
 *
 * The result must equal a full parse of the new text (xml/incremental.test.ts checks this on random
 * edits of the corpus); whenever the shortcut could differ it returns undefined and the caller parses
 * the whole text: a span that does not parse on its own without error (an edit that opens or closes a
 * tag across the span), an old span that left an element open, the error and strict-problem caps,
 * extreme depth.
 */
import { elementNames, FATAL_CAP, parseXml, setElementNames, walk, type XmlDocument, type XmlElement, type XmlProblem } from './parser.js';
import type { TextChange } from '../text.js';

const WRAP_OPEN = '<fsconf-span>';
const WRAP_CLOSE = '</fsconf-span>';
const STRICT_CAP = 1000;

// a weak link back: a strong one would keep every earlier version of the document alive
const editedFrom = new WeakMap<XmlDocument, { previous: WeakRef<XmlDocument>; touched: Set<string> }>();

/**
 * The element names an edit touched, when `doc` was made from `previous` by reparseXml: those of the
 * elements re-parsed (before and after the edit) and the element whose content held it. Its other
 * ancestors only contain the change. Undefined when doc did not come from previous that way.
 */
export function touchedNames(doc: XmlDocument, previous: XmlDocument): Set<string> | undefined {
  const e = editedFrom.get(doc);
  return e && e.previous.deref() === previous ? e.touched : undefined;
}

/** Where a closed element's end tag starts (its content ends there). */
function closeStart(text: string, el: XmlElement): number {
  return text.lastIndexOf('<', el.end - 1);
}

/** Index of the last element of a start-sorted list that starts at or before offset (-1 if none). */
function lastStartingBefore(list: XmlElement[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Move an element and everything inside it by d characters (in place). */
function shiftElement(el: XmlElement, d: number): void {
  el.start += d;
  el.nameStart += d;
  el.nameEnd += d;
  el.startTagEnd += d;
  el.end += d;
  for (const a of el.attrs) {
    a.nameStart += d;
    a.nameEnd += d;
    a.valueStart += d;
    a.valueEnd += d;
  }
  for (const t of el.textParts) {
    t.start += d;
    t.end += d;
  }
  for (const c of el.children) shiftElement(c, d);
}

function shiftProblem(p: XmlProblem, d: number): XmlProblem {
  return { ...p, start: p.start + d, end: p.end + d, ...(p.fix ? { fix: { ...p.fix, start: p.fix.start + d, end: p.fix.end + d } } : {}) };
}

function adopt(parent: XmlElement, children: XmlElement[]): XmlElement[] {
  for (const c of children) c.parent = parent;
  return children;
}

/**
 * The document for `text` (= old.text with change applied), reusing old's elements; undefined when only
 * a full parse gives the right answer. Takes ownership of old's elements (old must not be used after).
 */
export function reparseXml(old: XmlDocument, text: string, change: TextChange, maxDepth = 1000): XmlDocument | undefined {
  if (old.depth >= maxDepth - 1 || old.strict.length >= STRICT_CAP || old.fatals.length >= FATAL_CAP) return undefined;
  const oldText = old.text;
  const oldNames = elementNames(old);
  const delta = change.newEnd - change.oldEnd;

  // the innermost element whose content (between its tags) holds the whole edit
  const path: XmlElement[] = [];
  /** Index of each path element among its siblings. */
  const at: number[] = [];
  let list = old.roots;
  for (;;) {
    const i = lastStartingBefore(list, change.start);
    const c = i >= 0 ? list[i]! : undefined;
    if (!c || c.selfClosing || !c.closed || c.startTagEnd > change.start || change.oldEnd > closeStart(oldText, c)) break;
    path.push(c);
    at.push(i);
    list = c.children;
  }
  const container = path[path.length - 1];

  // children untouched before and after the edit (siblings never overlap: ends are sorted too)
  let i0 = lastStartingBefore(list, change.start);
  if (i0 < 0 || list[i0]!.end <= change.start) i0++;
  let i1 = Math.max(i0, lastStartingBefore(list, change.oldEnd - 1) + 1);
  while (i1 < list.length && list[i1]!.start < change.oldEnd) i1++;
  const from = i0 > 0 ? list[i0 - 1]!.end : container ? container.startTagEnd : 0;
  const oldTo = i1 < list.length ? list[i1]!.start : container ? closeStart(oldText, container) : oldText.length;
  const newTo = oldTo + delta;
  // an old span with an element left open (a tag half typed) may have swallowed what follows: the
  // parse after the span would not be the same
  for (const el of walk(list.slice(i0, i1))) if (!el.closed) return undefined;

  const wrapped = WRAP_OPEN + text.slice(from, newTo) + WRAP_CLOSE;
  const frag = parseXml(wrapped, { maxDepth: maxDepth - path.length + 1 });
  const w = frag.roots[0];
  if (frag.fatal || frag.roots.length !== 1 || !w || !w.closed || w.end !== wrapped.length) return undefined;
  if (frag.depth + path.length >= maxDepth - 1) return undefined;
  if (old.strict.length + frag.strict.length >= STRICT_CAP) return undefined;

  const sh = from - WRAP_OPEN.length;
  for (const c of w.children) shiftElement(c, sh);
  const replaced = list.slice(i0, i1);
  const after = list.slice(i1);
  for (const c of after) shiftElement(c, delta);
  let children: XmlElement[] = [...list.slice(0, i0), ...w.children, ...after];

  // copy the path bottom-up: each copy gets the new children and its end moved by delta
  let copy: XmlElement | undefined;
  for (let k = path.length - 1; k >= 0; k--) {
    const el = path[k]!;
    let textParts: XmlElement['textParts'];
    if (k === path.length - 1) {
      textParts = [
        ...el.textParts.filter((t) => t.end <= from).map((t) => ({ ...t })),
        ...w.textParts.map((t) => ({ start: t.start + sh, end: t.end + sh, cdata: t.cdata })),
        ...el.textParts.filter((t) => t.start >= oldTo).map((t) => ({ start: t.start + delta, end: t.end + delta, cdata: t.cdata })),
      ];
    } else {
      const inner = path[k + 1]!;
      const i = at[k + 1]!;
      const later = el.children.slice(i + 1);
      for (const c of later) shiftElement(c, delta);
      children = [...el.children.slice(0, i), copy!, ...later];
      textParts = el.textParts.map((t) => (t.start >= inner.end ? { start: t.start + delta, end: t.end + delta, cdata: t.cdata } : { ...t }));
    }
    const next: XmlElement = { ...el, end: el.end + delta, children, textParts };
    adopt(next, children);
    copy = next;
  }
  let roots: XmlElement[];
  if (path.length) {
    const i = at[0]!;
    const later = old.roots.slice(i + 1);
    for (const c of later) shiftElement(c, delta);
    roots = [...old.roots.slice(0, i), copy!, ...later];
  } else {
    for (const c of children) c.parent = undefined;
    roots = children;
  }

  const comments = [
    ...old.comments.filter((c) => c.end <= from),
    ...frag.comments.map((c) => ({ start: c.start + sh, end: c.end + sh })),
    ...old.comments.filter((c) => c.start >= oldTo).map((c) => ({ start: c.start + delta, end: c.end + delta })),
  ];
  const strict = [
    ...old.strict.filter((p) => p.start < from),
    ...frag.strict.map((p) => shiftProblem(p, sh)),
    ...old.strict.filter((p) => p.start >= oldTo).map((p) => shiftProblem(p, delta)),
  ];
  // depth: the deepest nesting seen; an edit that removed the deepest branch leaves the old figure
  const depth = Math.max(old.depth, path.length + frag.depth - 1);
  // errors before the span stay where they are, the span has none now, those after it move with the text
  const fatals = [...old.fatals.filter((p) => p.start < from), ...old.fatals.filter((p) => p.start >= oldTo).map((p) => shiftProblem(p, delta))];
  const doc: XmlDocument = { text, roots, comments, fatal: fatals[0], fatals, strict, depth };
  // the names in the new text are among the old ones and those of the re-parsed span; the edit touched
  // the elements of the span (before and after) and the content of the container
  const names = new Set(oldNames);
  const touched = new Set<string>();
  for (const el of walk(w.children)) {
    names.add(el.name);
    touched.add(el.name);
  }
  for (const el of walk(replaced)) touched.add(el.name);
  if (container) touched.add(container.name);
  setElementNames(doc, names);
  editedFrom.set(doc, { previous: new WeakRef(old), touched });
  return doc;
}

/** Equal elements, `b` being `a` moved by d characters (names, offsets, attributes, text, children). */
function sameMoved(a: XmlElement, b: XmlElement, d: number): boolean {
  if (a.name !== b.name || a.start + d !== b.start || a.end + d !== b.end || a.startTagEnd + d !== b.startTagEnd || a.nameEnd + d !== b.nameEnd) return false;
  if (a.selfClosing !== b.selfClosing || a.closed !== b.closed) return false;
  if (a.attrs.length !== b.attrs.length || a.textParts.length !== b.textParts.length || a.children.length !== b.children.length) return false;
  for (let i = 0; i < a.attrs.length; i++) {
    const x = a.attrs[i]!;
    const y = b.attrs[i]!;
    if (
      x.name !== y.name ||
      x.value !== y.value ||
      x.quote !== y.quote ||
      x.nameStart + d !== y.nameStart ||
      x.valueStart + d !== y.valueStart ||
      x.valueEnd + d !== y.valueEnd
    )
      return false;
  }
  for (let i = 0; i < a.textParts.length; i++) {
    const x = a.textParts[i]!;
    const y = b.textParts[i]!;
    if (x.start + d !== y.start || x.end + d !== y.end || x.cdata !== y.cdata) return false;
  }
  for (let i = 0; i < a.children.length; i++) if (!sameMoved(a.children[i]!, b.children[i]!, d)) return false;
  return true;
}

/**
 * After a full parse of an edited text (the span could not be parsed on its own, e.g. a tag half typed):
 * put the old element objects back wherever the new parse found the very same element, unmoved before
 * the edit or moved by the edit's length after it, so what is cached per element stays valid and only
 * what really changed is analysed again. `change` is in the coordinates of the parsed (blanked) texts.
 * Records the names the edit touched (see touchedNames). Takes ownership of old's elements.
 */
export function adoptUnchanged(old: XmlDocument, doc: XmlDocument, change: TextChange): void {
  const delta = change.newEnd - change.oldEnd;
  const adopted = new Set<XmlElement>();
  const touched = new Set<string>();
  const visit = (oldList: XmlElement[], list: XmlElement[], parent: XmlElement | undefined): void => {
    const byStart = new Map<number, XmlElement>();
    for (const o of oldList) byStart.set(o.start, o);
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      let o: XmlElement | undefined;
      let d = 0;
      if (n.end <= change.start) o = byStart.get(n.start);
      else if (n.start >= change.newEnd) {
        o = byStart.get(n.start - delta);
        d = delta;
        if (o && o.start < change.oldEnd) o = undefined;
      }
      if (o && sameMoved(o, n, d)) {
        if (d) shiftElement(o, d);
        o.parent = parent;
        list[i] = o;
        adopted.add(o);
        continue;
      }
      // the element itself changed; its start tag may not have, nor some of its children
      touched.add(n.name);
      const same = byStart.get(n.start);
      if (same && same.name === n.name && same.startTagEnd === n.startTagEnd && n.startTagEnd <= change.start && !n.selfClosing) {
        if (n.children.length) visit(same.children, n.children, n);
      } else for (const e of walk(n.children)) touched.add(e.name);
    }
  };
  visit(old.roots, doc.roots, undefined);
  // what the old text had and the new one no longer has (or has elsewhere) was touched too
  const stack = [...old.roots];
  while (stack.length) {
    const e = stack.pop()!;
    if (adopted.has(e)) continue;
    touched.add(e.name);
    for (const c of e.children) stack.push(c);
  }
  editedFrom.set(doc, { previous: new WeakRef(old), touched });
}
