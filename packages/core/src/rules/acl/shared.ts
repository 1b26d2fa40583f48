/** Helpers shared by the acl/* rules: CIDR items with their offsets, list/node locations, deletions. */
import type { AclList, AclNode, AttrValue } from '../../model.js';
import type { Doc } from '../../tree.js';
import { MAX_CIDR_ITEMS, separateString } from '../../acl/index.js';
import type { EditAt } from '../types.js';
import { wholeLine } from '../util.js';
import { effectiveAclLists } from '../../semantics/network-lists.js';
import type { Model } from '../../model.js';

export interface CidrItem {
  /** The item as FreeSWITCH parses it (after comma splitting and trimming). */
  text: string;
  /** Offsets of the item in the file (the whole value when they cannot be mapped exactly). */
  start: number;
  end: number;
  /** start/end cover exactly this item. */
  exact: boolean;
  index: number;
  count: number;
}

/**
 * The items of a `cidr=` value the way switch_network_list_add_cidr_port_token splits them (a value
 * without a comma is used as is; otherwise at most 32 items, trimmed). undefined when the value is unknown.
 */
export function cidrItems(av: AttrValue): CidrItem[] | undefined {
  const value = av.expanded.value;
  if (value === undefined) return undefined;
  const doc = av.node.doc;
  const a = av.attr;
  const raw = doc.text.slice(a.valueStart, a.valueEnd);
  const texts = value.includes(',') ? separateString(value, ',', MAX_CIDR_ITEMS) : [value];
  const out: CidrItem[] = [];
  let exactAll = raw === value;
  const rawPieces: { start: number; end: number; text: string }[] = [];
  if (exactAll) {
    let pos = 0;
    for (let i = 0; i < texts.length; i++) {
      const comma = i < texts.length - 1 ? raw.indexOf(',', pos) : -1;
      const endPiece = comma < 0 ? raw.length : comma;
      const piece = raw.slice(pos, endPiece);
      const lead = piece.length - piece.trimStart().length;
      const trimmed = texts.length > 1 ? piece.trim() : piece;
      const s = texts.length > 1 ? pos + lead : pos;
      rawPieces.push({ start: s, end: s + trimmed.length, text: trimmed });
      pos = endPiece + 1;
    }
    if (rawPieces.some((p, i) => p.text !== texts[i])) exactAll = false;
  }
  texts.forEach((text, i) => {
    if (exactAll)
      out.push({ text, start: a.valueStart + rawPieces[i]!.start, end: a.valueStart + rawPieces[i]!.end, exact: true, index: i, count: texts.length });
    else out.push({ text, start: a.valueStart, end: a.valueEnd, exact: false, index: i, count: texts.length });
  });
  return out;
}

/** Where to point at a list: its name value, else the tag name. */
export function listAnchor(list: AclList): { doc: Doc; start: number; end: number } {
  const doc = list.node.doc;
  if (list.nameAttr && list.nameAttr.valueEnd > list.nameAttr.valueStart) return { doc, start: list.nameAttr.valueStart, end: list.nameAttr.valueEnd };
  return { doc, start: list.node.el.nameStart, end: list.node.el.nameEnd };
}

/** Delete a whole `<node …/>` (its line when it is alone there). */
export function deleteNodeEdit(n: AclNode): EditAt {
  const doc = n.node.doc;
  const el = n.node.el;
  const line = wholeLine(doc, el.start);
  const before = doc.text.slice(line.start, el.start);
  const after = doc.text.slice(el.end, line.end);
  if (before.trim() === '' && after.trim() === '') return { doc, start: line.start, end: line.end, newText: '' };
  return { doc, start: el.start, end: el.end, newText: '' };
}

/** Delete one item of a comma-separated cidr= value (with its comma). */
export function deleteItemEdit(doc: Doc, av: AttrValue, item: CidrItem, items: CidrItem[]): EditAt | undefined {
  if (!item.exact) return undefined;
  if (item.index > 0) {
    const prev = items[item.index - 1]!;
    return { doc, start: prev.end, end: item.end, newText: '' };
  }
  const next = items[1];
  if (!next) return { doc, start: av.attr.valueStart, end: av.attr.valueEnd, newText: '' };
  return { doc, start: item.start, end: next.start, newText: '' };
}

/** Every list the rules look at: the effective ones first, then any other `<list>` of the model. */
export function listsToCheck(model: Model): AclList[] {
  const eff = effectiveAclLists(model);
  const seen = new Set(eff);
  return [...eff, ...model.aclLists.filter((l) => !seen.has(l))];
}
