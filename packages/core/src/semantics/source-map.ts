/**
 * Values with their place in the source: an attribute's value after `$${}` expansion, an element's text,
 * an action's data — each with a map back into the file, so a squiggle can land on one argument or one
 * regex character and a fix can replace exactly that part. Shared by rules and language features.
 */
import { type Action, expandAttr } from '../model.js';
import type { Doc, Tree } from '../tree.js';
import type { XmlAttr, XmlElement } from '../xml/parser.js';
import type { FixInput } from '../rules/types.js';

/** A value as FreeSWITCH sees it, with where it sits in the file. */
export interface SourceText {
  doc: Doc;
  /** undefined = unknown after `$${}` expansion. */
  value: string | undefined;
  /** The whole source range of the value (attribute value or element text). */
  start: number;
  end: number;
  /**
   * Maps an offset inside `value` to a file offset; present only when every character of the value
   * is written literally in the file (no entity, no `$${}`), so sub-ranges and edits are exact.
   */
  map?: (i: number) => number;
}

/** The file range of value[a, b) (the whole value when characters do not map one to one). */
export function subRange(st: SourceText, a: number, b: number): { start: number; end: number } {
  if (!st.map) return { start: st.start, end: st.end };
  const start = st.map(a);
  const end = b > a ? st.map(b - 1) + 1 : start;
  return { start, end };
}

/** An attribute's value after `$${}` expansion, with its source range. */
export function attrText(tree: Tree, doc: Doc, a: XmlAttr): SourceText {
  const e = expandAttr(tree, doc, a);
  const raw = doc.text.slice(a.valueStart, a.valueEnd);
  const st: SourceText = { doc, value: e.value, start: a.valueStart, end: a.valueEnd };
  if (e.value !== undefined && raw === e.value) st.map = (i) => a.valueStart + i;
  return st;
}

/** The character content of an element (text and CDATA) with a map back into the file when it is literal. */
export function elementTextAt(doc: Doc, el: XmlElement, trim: boolean): SourceText {
  const parts = el.textParts;
  let value = '';
  const segs: { from: number; src: number; len: number }[] = [];
  let literal = true;
  for (const p of parts) {
    const raw = doc.text.slice(p.start, p.end);
    if (!p.cdata && raw.includes('&')) literal = false;
    if (p.cdata) value += raw;
    else
      value += raw.replace(/&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (m, n: string) => {
        if (n === 'lt') return '<';
        if (n === 'gt') return '>';
        if (n === 'amp') return '&';
        if (n === 'quot') return '"';
        if (n === 'apos') return "'";
        const cp = n.startsWith('#x') ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
        return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      });
    segs.push({ from: value.length - raw.length, src: p.start, len: raw.length });
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  let start = first ? first.start : el.startTagEnd;
  let end = last ? last.end : el.startTagEnd;
  let lead = 0;
  if (trim) {
    const t = value.trim();
    lead = value.length - value.trimStart().length;
    value = t;
  }
  const st: SourceText = { doc, value, start, end };
  if (literal && segs.length) {
    const map = (i: number): number => {
      const k = i + lead;
      for (const s of segs) if (k >= s.from && k < s.from + s.len) return s.src + (k - s.from);
      const l = segs[segs.length - 1]!;
      return l.src + l.len;
    };
    st.map = map;
    if (trim && value.length) {
      start = map(0);
      end = map(value.length - 1) + 1;
      st.start = start;
      st.end = end;
    }
  }
  return st;
}

/** Where an action's data lives and what it is (the model's `data`, located in the file). */
export function actionData(action: Action): SourceText {
  const doc = action.node.doc;
  if (action.dataAttr) {
    const a = action.dataAttr;
    const raw = doc.text.slice(a.valueStart, a.valueEnd);
    const st: SourceText = { doc, value: action.data.value, start: a.valueStart, end: a.valueEnd };
    if (action.data.value !== undefined && raw === action.data.value) st.map = (i) => a.valueStart + i;
    return st;
  }
  const t = elementTextAt(doc, action.node.el, true);
  // the model expands `$${}` in element text; an unknown expansion makes the value unknown
  if (action.data.value === undefined) return { doc, value: undefined, start: t.start, end: t.end };
  if (action.data.value !== t.value) return { doc, value: action.data.value, start: t.start, end: t.end };
  return t;
}

/** Edits that replace value[a, b) with `text`, or undefined when the value is not written literally. */
export function replaceIn(st: SourceText, a: number, b: number, text: string): FixInput['edits'] | undefined {
  if (!st.map) return undefined;
  const r = subRange(st, a, b);
  return [{ doc: st.doc, start: r.start, end: r.end, newText: text }];
}

/** Is offset inside an XML comment of the file? */
export function inComment(doc: Doc, offset: number): boolean {
  // comments are in source order and never overlap: the first one ending after offset is the only candidate
  // (a binary search: rules ask this for every $${} use of a file)
  const cs = doc.xml.comments;
  let lo = 0;
  let hi = cs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cs[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < cs.length && cs[lo]!.start <= offset;
}
