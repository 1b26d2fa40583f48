// YAML helpers shared by build-kb.mjs and import-reference.mjs. Plain Node ESM, no TypeScript.
// Parsing and writing use the `yaml` package (a dependency of @fsconf/core); duplicate keys are errors.
// Existing files are edited as yaml Documents, so their comments, key order and layout stay; every KB
// file round-trips unchanged through parseDocument → toString(KB_STYLE) (kb-yaml.test.ts).
import YAML, { Document, isMap, isScalar, parseDocument, visit } from 'yaml';

/** How KB files are written: no folding of long lines, flow collections without inner padding. */
const KB_STYLE = Object.freeze({ lineWidth: 0, flowCollectionPadding: false });

/** Parse YAML text. Throws an Error whose message names the line on a syntax error. */
export async function loadYamlParser() {
  return (text) => YAML.parse(text, { prettyErrors: true, uniqueKeys: true });
}

/** Parse a KB file for editing (comments and layout kept). */
export function parseKbDocument(text) {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) throw doc.errors[0];
  return doc;
}

const small = (v) => typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length < 30 && !v.includes('\n'));

/**
 * The KB's layout for new nodes: lists of scalars and small mappings on one line ({ mode, kbps }), but
 * never an entry with a name or a doc; entries of a top-level list separated by a blank line.
 */
function styleNode(node, topLevelList = false) {
  visit(node, {
    Seq(_, seq) {
      if (seq.items.every((i) => isScalar(i))) seq.flow = true;
    },
    Map(_, map) {
      const keys = map.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key));
      if (
        keys.length > 0 &&
        keys.length <= 4 &&
        !keys.includes('doc') &&
        !keys.includes('name') &&
        map.items.every((p) => isScalar(p.value) && small(p.value.value))
      )
        map.flow = true;
    },
  });
  if (topLevelList && isMap(node) && !node.flow) node.spaceBefore = true;
  return node;
}

/** A node for `value` in `doc`, laid out like the KB (an entry of a top-level list: `entry`). */
export function kbNode(doc, value, entry = false) {
  return styleNode(doc.createNode(value), entry);
}

/** A whole new KB file: `header` lines become its leading comment. */
export function newKbFile(value, header = []) {
  const doc = new Document();
  doc.contents = doc.createNode({});
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const entries = Array.isArray(v) && v.some((x) => x && typeof x === 'object');
    const node = entries ? doc.createNode([]) : kbNode(doc, v);
    if (entries) for (const item of v) node.items.push(kbNode(doc, item, true));
    if (entries && node.items.every((i) => i.flow)) for (const i of node.items) i.spaceBefore = false;
    else if (entries && node.items[0]) node.items[0].spaceBefore = false;
    doc.contents.items.push(doc.createPair(k, node));
  }
  // the header as text: a Document's comment would turn an empty line into a blank one and add a blank after it
  return header.map((h) => (h ? `# ${h}\n` : '#\n')).join('') + doc.toString(KB_STYLE);
}

/** The text of an edited KB document. */
export function kbText(doc) {
  return doc.toString(KB_STYLE);
}

/** Order the pairs of a mapping node: keys in `order` first in that order, then the rest as they were, then `last`. */
export function orderKeys(map, order, last = []) {
  const rank = (p) => {
    const k = String(isScalar(p.key) ? p.key.value : p.key);
    const i = order.indexOf(k);
    return i >= 0 ? i : last.includes(k) ? order.length + 1 + last.indexOf(k) : order.length;
  };
  map.items = map.items
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map((x) => x.p);
}
