/**
 * The assembled configuration: what FreeSWITCH really loads, as it writes log/freeswitch.xml.fsxml —
 * freeswitch.xml with every `X-PRE-PROCESS include` spliced in (in load order, the `<include>` wrappers
 * gone) and `$${var}` expanded as the pre-processor does at that line. Each element remembers where it
 * was written. Secrets are masked unless `reveal` is asked.
 *
 * Reading stays with the ezxml-faithful scanner (the tree fsconf already holds); fast-xml-parser's builder
 * writes the result, so escaping is a library's, not ours, and its object form is the JSON output.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Analysis } from '../analysis.js';
import { expandAttr, logicalChildren, topLevelNodes, type Node } from '../model.js';
import { seqAt, type Doc } from '../tree.js';
import { CORE_GLOBALS } from '../preprocess/globals.js';
import { relativePath } from '../fs.js';
import { maskSecret } from '../text.js';
import { isSecretName } from '../semantics/secret-names.js';
import { secretRangesInText } from './secrets.js';

export const SECTIONS = ['configuration', 'dialplan', 'directory', 'chatplan', 'languages'] as const;

interface Origin {
  /** Absolute path of the file the element is written in. */
  path: string;
  /** 1-based line of its start tag. */
  line: number;
}

export interface AssembledElement {
  name: string;
  attrs: [string, string][];
  text?: string;
  children: AssembledElement[];
  origin: Origin;
}

export interface AssembleOptions {
  section?: string;
  /** A child of the section by its `name` (`sofia.conf` or just `sofia`, a context, a domain). */
  name?: string;
  /** Show secrets as written (default: masked). */
  reveal?: boolean;
}

export type Assembled = { elements: AssembledElement[]; root: string | undefined } | { error: string };

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'amp') return '&';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    const code = l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Secret spans per file (offsets), computed once. */
function secretSpans(doc: Doc, cache: Map<Doc, [number, number][]>): [number, number][] {
  let s = cache.get(doc);
  if (!s) {
    s = secretRangesInText(doc.text, doc.path).map((r) => [doc.lines.offsetAt(r.start), doc.lines.offsetAt(r.end)] as [number, number]);
    cache.set(doc, s);
  }
  return s;
}

export function assemble(a: Analysis, options: AssembleOptions = {}): Assembled {
  const tree = a.tree;
  const main = tree.root ? tree.docs.get(`${tree.root}/freeswitch.xml`) : undefined;
  if (!main) return { error: `no freeswitch.xml${tree.root ? ` in ${tree.root}` : ''}: nothing is assembled from single files` };
  const spans = new Map<Doc, [number, number][]>();
  /** `$${}` expanded where a `set` gives a value (chains too); kept where FreeSWITCH decides it on the switch. */
  const partial = (raw: string, seq: number, depth: number): string =>
    raw.replace(/\$\$\{([^}]*)\}/g, (whole, name: string) => {
      const def = tree.vars.lookup(name, seq);
      if (!def || depth > 20) return def || CORE_GLOBALS.has(name) ? whole : ''; // never set: FreeSWITCH writes nothing
      if (def.value !== undefined) return def.value;
      if (def.cmd !== 'set') return whole;
      return partial(def.doc.text.slice(def.valueStart, def.valueEnd), def.seq, depth + 1);
    });

  const attrValue = (node: Node, i: number): string => {
    const at = node.el.attrs[i]!;
    const e = expandAttr(tree, node.doc, at);
    // an unknown value is expanded as far as fsconf can: what is left is a `$${}` only the switch knows
    // (its address, an exec-set / stun-set result)
    let v = e.value ?? partial(node.doc.text.slice(at.valueStart, at.valueEnd), seqAt(node.doc, at.valueStart), 0);
    if (e.value === undefined) v = decode(v);
    if (options.reveal) return v;
    const nameAttr = node.el.attrs.find((x) => x.name === 'name')?.value ?? '';
    if ((at.name === 'value' && isSecretName(nameAttr)) || isSecretName(at.name)) return v === '' ? v : maskSecret(v);
    const hits = secretSpans(node.doc, spans).filter(([s, t]) => s < at.valueEnd && t > at.valueStart);
    if (!hits.length) return v;
    if (at.value !== e.value || at.value.length !== at.valueEnd - at.valueStart) return maskSecret(v); // expanded or escaped: no exact spans
    for (const [s, t] of [...hits].sort((x, y) => y[0] - x[0])) {
      const from = Math.max(0, s - at.valueStart);
      const to = Math.min(v.length, t - at.valueStart);
      v = v.slice(0, from) + maskSecret(v.slice(from, to)) + v.slice(to);
    }
    return v;
  };

  const build = (node: Node, depth: number): AssembledElement => {
    const el = node.el;
    // the parsed text: directives and dropped lines are blanked there, as the pre-processor drops them
    const src = node.doc.xml.text;
    const text = el.textParts
      .map((p) => (p.cdata ? src.slice(p.start, p.end) : decode(src.slice(p.start, p.end))))
      .join('')
      .trim();
    return {
      name: el.name,
      attrs: el.attrs.map((x, i) => [x.name, attrValue(node, i)] as [string, string]),
      ...(text ? { text } : {}),
      children: depth > 1000 ? [] : logicalChildren(tree, node).map((c) => build(c, depth + 1)),
      origin: { path: node.doc.path, line: node.doc.lines.lineOf(el.start) + 1 },
    };
  };

  let elements = topLevelNodes(main, undefined).map((n) => build(n, 0));
  const attr = (e: AssembledElement, name: string) => e.attrs.find(([k]) => k === name)?.[1];
  if (options.section) {
    const section = elements.flatMap((d) => d.children).find((s) => s.name === 'section' && attr(s, 'name') === options.section);
    if (!section) return { error: `no <section name="${options.section}"> in the assembled configuration` };
    elements = [section];
  }
  if (options.name) {
    const want = options.name.toLowerCase();
    const pool = options.section ? elements[0]!.children : elements.flatMap((d) => d.children).flatMap((s) => s.children);
    const hits = pool.filter((c) => {
      const n = (attr(c, 'name') ?? '').toLowerCase();
      return n === want || n === `${want}.conf`;
    });
    if (!hits.length) return { error: `nothing named "${options.name}"${options.section ? ` in section ${options.section}` : ''}` };
    elements = hits;
  }
  return { elements, root: tree.root };
}

type OrderedNode = Record<string, unknown>;

function originText(o: Origin, root: string | undefined): string {
  return `${root ? relativePath(root, o.path) : o.path}:${o.line}`;
}

/** fast-xml-parser's ordered object form (`preserveOrder`): what `--format json` prints. */
export function toOrderedObject(elements: AssembledElement[], root: string | undefined, origins: boolean): OrderedNode[] {
  const conv = (e: AssembledElement): OrderedNode => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of e.attrs) attrs[`@_${k}`] = v;
    if (origins) attrs['@_fsconf-origin'] = originText(e.origin, root);
    const kids: OrderedNode[] = [];
    if (e.text !== undefined) kids.push({ '#text': e.text });
    for (const c of e.children) kids.push(conv(c));
    return { [e.name]: kids, ...(Object.keys(attrs).length ? { ':@': attrs } : {}) };
  };
  return elements.map(conv);
}

const BUILDER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  commentPropName: '#comment',
} as const;

export interface AssembledText {
  text: string;
  /** For each element: the 0-based line of its start tag in `text` and where it was written. */
  origins: { line: number; origin: Origin }[];
}

/**
 * The XML text, as FreeSWITCH writes freeswitch.xml.fsxml. With `origins`, a comment before each element
 * says where it was written. The line map is returned either way (editors link back with it).
 */
export function toXml(elements: AssembledElement[], root: string | undefined, origins: boolean): AssembledText {
  // every element is preceded by a comment holding its index; the comments are then dropped (or kept,
  // rewritten as the file:line) — this keeps the line map exact whatever the builder's layout
  const list: AssembledElement[] = [];
  const conv = (e: AssembledElement): OrderedNode[] => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of e.attrs) attrs[`@_${k}`] = v;
    const kids: OrderedNode[] = [];
    if (e.text !== undefined) kids.push({ '#text': e.text });
    for (const c of e.children) kids.push(...conv(c));
    list.push(e);
    return [{ '#comment': [{ '#text': ` @${list.length - 1}@ ` }] }, { [e.name]: kids, ...(Object.keys(attrs).length ? { ':@': attrs } : {}) }];
  };
  const body = new XMLBuilder(BUILDER_OPTIONS).build(elements.flatMap(conv)) as string;
  const out: string[] = ['<?xml version="1.0"?>'];
  const map: AssembledText['origins'] = [];
  let pending: AssembledElement | undefined;
  for (const line of body.split('\n')) {
    const m = /^(\s*)<!-- @(\d+)@ -->$/.exec(line);
    if (m) {
      pending = list[Number(m[2])];
      if (origins && pending) out.push(`${m[1]}<!-- ${originText(pending.origin, root)} -->`);
      continue;
    }
    if (pending) {
      map.push({ line: out.length, origin: pending.origin });
      pending = undefined;
    }
    if (line.trim()) out.push(line);
  }
  while (out.length && !out[out.length - 1]!.trim()) out.pop();
  return { text: out.join('\n') + '\n', origins: map };
}
