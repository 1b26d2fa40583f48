/**
 * A tolerant XML scanner that reads text the way FreeSWITCH's own parser does
 * (src/switch_xml.c switch_xml_parse_str, an ezxml derivative): it accepts what ezxml accepts
 * (bare `&`, attributes without values, unquoted junk) and fails where ezxml fails
 * (a `--` inside a comment not followed by `>`, mismatched close tags, an unexpected `<`).
 *
 * Why not fast-xml-parser alone: its validator is XML 1.0 strict, so it both rejects text FreeSWITCH
 * loads and cannot say where ezxml would stop; and it gives no attribute positions. We need exact
 * ranges for every element and attribute, and a tree even after an error, so hover and completion keep
 * working in a broken file. The first ezxml-fatal error is recorded (that is what FreeSWITCH reports);
 * scanning then resynchronises at the next `<`.
 *
 * The input is a *fragment*: several top-level elements are fine (FreeSWITCH splices files textually).
 */

export interface XmlAttr {
  name: string;
  /** Decoded value (entities resolved, whitespace normalised as ezxml does for attributes). */
  value: string;
  nameStart: number;
  nameEnd: number;
  /** Offsets of the raw value inside the quotes (equal to nameEnd when there is no value). */
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'" | '';
}

export interface XmlElement {
  name: string;
  start: number;
  nameStart: number;
  nameEnd: number;
  /** Offset just after the start tag's `>` (or where the tag was cut off). */
  startTagEnd: number;
  /** Offset just after the end tag (or the self-closing `/>`); for an unclosed element, the end of input. */
  end: number;
  attrs: XmlAttr[];
  children: XmlElement[];
  parent: XmlElement | undefined;
  selfClosing: boolean;
  closed: boolean;
  /** Character content pieces (text and CDATA) in source order. */
  textParts: { start: number; end: number; cdata: boolean }[];
}

type XmlProblemKind = 'fatal' | 'strict';

export interface XmlProblem {
  kind: XmlProblemKind;
  message: string;
  start: number;
  end: number;
  /** A replacement that repairs the text where the fix is obvious. */
  fix?: { title: string; start: number; end: number; newText: string };
}

export interface XmlDocument {
  text: string;
  roots: XmlElement[];
  comments: { start: number; end: number }[];
  /** The first error FreeSWITCH's parser would stop at, if any. */
  fatal: XmlProblem | undefined;
  /**
   * Every such error in order (the first is `fatal`), up to FATAL_CAP: what comes after the first one
   * is what an edit that repairs the first one would leave (xml/incremental.ts).
   */
  fatals: XmlProblem[];
  /** Things ezxml accepts but XML 1.0 does not. */
  strict: XmlProblem[];
  /** Deepest nesting seen (bounded by maxDepth). */
  depth: number;
}

/** Errors kept per document beyond the first (a broken file resynchronises at every `<`). */
export const FATAL_CAP = 100;

export interface ParseOptions {
  /** Elements nested deeper than this are scanned but not kept in the tree (hostile input). */
  maxDepth?: number;
  /** Collect xml/strict findings (costs a little; off for speed-only callers). */
  strict?: boolean;
}

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  QUOT = 34,
  AMP = 38,
  APOS = 39,
  SLASH = 47,
  COLON = 58,
  LT = 60,
  EQ = 61,
  GT = 62,
  QMARK = 63,
  BANG = 33,
  UNDERSCORE = 95,
}

// Most elements have no children or no text: they share these (never pushed into; see addChild/addText).
const NO_CHILDREN: XmlElement[] = [];
const NO_TEXT: XmlElement['textParts'] = [];
const NO_ATTRS: XmlAttr[] = [];

// Runs of one character class, matched by the regexp engine's native code: a JS loop per character runs
// in V8's interpreter in a cold process (`fsconf lint` parses every file once), several times slower.
const TAG_NAME = /[^\t\n\r />]*/y;
const CLOSE_NAME = /[^\t\n\r >]*/y;
const ATTR_NAME = /[^\t\n\r =/>]*/y;
const WS_EQ = /[\t\n\r =]*/y;
// The common attribute, name="value" with nothing to decode or report (no quote or '<' in the name, no '&',
// '<', tab or newline in the value), and the whitespace after it, in one match: the general path below does
// the same in a dozen steps, and attributes are most of a config file
const PLAIN_ATTR = /[^\t\n\r =/>"'<]+="[^"<&\t\n\r]*"[\t\n\r ]*/y;

function isWs(c: number): boolean {
  return c === C.SPACE || c === C.TAB || c === C.LF || c === C.CR;
}

function isNameStart(c: number): boolean {
  // ezxml: isalpha || '_' || ':' || a byte >= 0x80 (read as signed char < 0)
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === C.UNDERSCORE || c === C.COLON || c >= 0x80;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const ENTITY_RE = /&(?:#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/y;

/** Decode entities the way switch_xml_decode does (unknown entities and bare `&` stay as they are). */
function decodeXml(raw: string, attribute: boolean): string {
  if (raw.indexOf('&') < 0 && (!attribute || !/[\t\r\n]/.test(raw))) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '&') {
      // entity names are short: look for ';' only nearby (a long run of bare '&' stays linear)
      let semi = -1;
      for (let k = i + 1; k < raw.length && k <= i + 12; k++) {
        if (raw.charCodeAt(k) === 59) {
          semi = k;
          break;
        }
      }
      if (semi > i) {
        const body = raw.slice(i + 1, semi);
        let rep: string | undefined;
        if (body.startsWith('#x')) {
          const n = parseInt(body.slice(2), 16);
          if (Number.isFinite(n) && n > 0 && n <= 0x10ffff) rep = String.fromCodePoint(n);
        } else if (body.startsWith('#')) {
          const n = parseInt(body.slice(1), 10);
          if (Number.isFinite(n) && n > 0 && n <= 0x10ffff) rep = String.fromCodePoint(n);
        } else rep = ENTITIES[body];
        if (rep !== undefined) {
          out += rep;
          i = semi;
          continue;
        }
      }
      out += ch;
    } else if (attribute && (ch === '\t' || ch === '\n' || ch === '\r')) {
      if (ch === '\r' && raw[i + 1] === '\n') i++;
      out += ' ';
    } else out += ch;
  }
  return out;
}

export function parseXml(text: string, options: ParseOptions = {}): XmlDocument {
  const maxDepth = options.maxDepth ?? 1000;
  const wantStrict = options.strict !== false;
  const len = text.length;
  const roots: XmlElement[] = [];
  const comments: { start: number; end: number }[] = [];
  const strict: XmlProblem[] = [];
  let fatal: XmlProblem | undefined;
  const fatals: XmlProblem[] = [];
  const stack: XmlElement[] = [];
  let skippedDepth = 0; // elements beyond maxDepth: tracked by count only
  let depthSeen = 0;

  const fail = (message: string, start: number, end: number): void => {
    if (fatals.length >= FATAL_CAP) return;
    const p: XmlProblem = { kind: 'fatal', message, start, end: Math.max(end, start + 1 <= len ? start + 1 : start) };
    fatals.push(p);
    fatal ??= p;
  };
  const strictAt = (message: string, start: number, end: number, fix?: XmlProblem['fix']): void => {
    if (wantStrict && strict.length < 1000) strict.push({ kind: 'strict', message, start, end, ...(fix ? { fix } : {}) });
  };
  // Where the next '&' and '<' are, found with the native indexOf: the parser visits text left to right, so
  // each is searched for once per occurrence (a JS loop over every character costs ~5x more in a cold
  // process, where this code has not been optimised yet: `fsconf lint` runs it once).
  let nextAmp = -2;
  let nextLt = -2;
  const ampFrom = (from: number): number => {
    if (nextAmp !== -1 && nextAmp < from) nextAmp = text.indexOf('&', from);
    return nextAmp;
  };
  const ltFrom = (from: number): number => {
    if (nextLt !== -1 && nextLt < from) nextLt = text.indexOf('<', from);
    return nextLt;
  };
  const checkAmps = (from: number, to: number): void => {
    if (!wantStrict) return;
    let i = ampFrom(from);
    if (i >= to) i = -1;
    while (i >= 0) {
      ENTITY_RE.lastIndex = i;
      if (!ENTITY_RE.test(text)) {
        strictAt('bare "&": FreeSWITCH keeps it as text, but XML requires "&amp;"', i, i + 1, {
          title: 'Escape "&" as "&amp;"',
          start: i,
          end: i + 1,
          newText: '&amp;',
        });
      }
      i = ampFrom(i + 1);
      if (i >= to) i = -1;
    }
  };
  const addText = (start: number, end: number, cdata: boolean): void => {
    const top = stack[stack.length - 1];
    if (top && skippedDepth === 0) {
      if (top.textParts === NO_TEXT) top.textParts = [];
      top.textParts.push({ start, end, cdata });
    }
  };

  // one function for every element (a closure made per element is garbage the collector must sweep)
  const attach = (el: XmlElement): boolean => {
    if (skippedDepth > 0 || stack.length >= maxDepth) return false;
    const parent = stack[stack.length - 1];
    el.parent = parent;
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(el);
    } else roots.push(el);
    return true;
  };

  let s = text.indexOf('<');
  let textFrom = 0;
  if (s < 0) s = len;
  if (wantStrict && s > 0) checkAmps(0, s);

  while (s < len) {
    // s is at '<'
    const d = s + 1;
    const c = d < len ? text.charCodeAt(d) : -1;
    let next = -1; // offset after this markup
    if (c >= 0 && isNameStart(c)) {
      // start tag
      TAG_NAME.lastIndex = d;
      TAG_NAME.test(text);
      let p = TAG_NAME.lastIndex;
      const nameEnd = p;
      const name = text.slice(d, nameEnd);
      let attrs: XmlAttr[] = NO_ATTRS;
      while (p < len && isWs(text.charCodeAt(p))) p++;
      let broken = false;
      while (p < len) {
        const ch = text.charCodeAt(p);
        if (ch === C.SLASH || ch === C.GT) break;
        const aStart = p;
        PLAIN_ATTR.lastIndex = p;
        if (PLAIN_ATTR.test(text)) {
          // what the general path gives such an attribute: no finding, the value as written
          const eq = text.indexOf('=', p);
          const valueEnd = text.indexOf('"', eq + 2);
          (attrs === NO_ATTRS ? (attrs = []) : attrs).push({
            name: text.slice(p, eq),
            value: text.slice(eq + 2, valueEnd),
            nameStart: p,
            nameEnd: eq,
            valueStart: eq + 2,
            valueEnd,
            quote: '"',
          });
          p = PLAIN_ATTR.lastIndex;
          continue;
        }
        ATTR_NAME.lastIndex = p;
        ATTR_NAME.test(text);
        p = ATTR_NAME.lastIndex;
        const aEnd = p;
        const aName = text.slice(aStart, aEnd);
        let valueStart = aEnd;
        let valueEnd = aEnd;
        let quote: XmlAttr['quote'] = '';
        let value = '';
        let sawEq = false;
        if (p < len && (text.charCodeAt(p) === C.EQ || isWs(text.charCodeAt(p)))) {
          p++;
          // ezxml skips any run of whitespace and '=' here
          WS_EQ.lastIndex = p;
          WS_EQ.test(text);
          const q = WS_EQ.lastIndex;
          sawEq = text.charCodeAt(aEnd) === C.EQ || text.slice(aEnd, q).includes('=');
          p = q;
          const qc = p < len ? text.charCodeAt(p) : -1;
          if (qc === C.QUOT || qc === C.APOS) {
            quote = qc === C.QUOT ? '"' : "'";
            const close = text.indexOf(quote, p + 1);
            if (close < 0) {
              fail(`missing ${quote}: the attribute value that starts here is never closed`, p, p + 1);
              broken = true;
              valueStart = p + 1;
              valueEnd = len;
              p = len;
            } else {
              valueStart = p + 1;
              valueEnd = close;
              p = close + 1;
            }
            value = decodeXml(text.slice(valueStart, valueEnd), true);
            if (wantStrict && !broken) {
              checkAmps(valueStart, valueEnd);
              const lt = ltFrom(valueStart);
              if (lt >= 0 && lt < valueEnd)
                strictAt('"<" inside an attribute value: FreeSWITCH accepts it, XML does not (write "&lt;")', lt, lt + 1, {
                  title: 'Escape "<" as "&lt;"',
                  start: lt,
                  end: lt + 1,
                  newText: '&lt;',
                });
            }
          }
        }
        if (wantStrict && !broken) {
          if (aName.startsWith('<')) {
            strictAt(
              `"${aName}" inside the tag <${name}>: a ">" or "/>" is missing before it, so FreeSWITCH reads it as an attribute of <${name}> and the element it starts is lost`,
              aStart,
              aEnd,
            );
          } else if (/["']/.test(aName)) {
            const stray = aName.length === 1 && attrs.length > 0;
            strictAt(
              stray
                ? `stray quote after the value of "${attrs[attrs.length - 1]!.name}": FreeSWITCH ignores it, XML parsers reject it`
                : `${aName} is not an attribute: an attribute needs a name and ="value"`,
              aStart,
              aEnd,
              stray ? { title: 'Remove the stray quote', start: aStart, end: aEnd, newText: '' } : undefined,
            );
          } else if (quote === '') {
            if (sawEq) strictAt(`attribute "${aName}" has no quoted value: FreeSWITCH reads its value as empty`, aStart, Math.max(aEnd, p));
            else if (aName.length > 0) strictAt(`attribute "${aName}" has no value: FreeSWITCH reads it as empty, XML requires ="…"`, aStart, aEnd);
          }
        }
        if (aName.length > 0 && !/["']/.test(aName))
          (attrs === NO_ATTRS ? (attrs = []) : attrs).push({ name: aName, value, nameStart: aStart, nameEnd: aEnd, valueStart, valueEnd, quote });
        while (p < len && isWs(text.charCodeAt(p))) p++;
        if (aEnd === aStart && p === aStart) {
          // cannot advance (e.g. '=' at attribute start); consume one char like ezxml's loop would
          p++;
        }
        if (broken) break;
      }
      const el: XmlElement = {
        name,
        start: s,
        nameStart: d,
        nameEnd,
        startTagEnd: p,
        end: p,
        attrs,
        children: NO_CHILDREN,
        parent: undefined,
        selfClosing: false,
        closed: false,
        textParts: NO_TEXT,
      };
      if (broken) {
        el.startTagEnd = el.end = len;
        attach(el);
        next = len;
      } else if (p < len && text.charCodeAt(p) === C.SLASH) {
        if (p + 1 < len && text.charCodeAt(p + 1) === C.GT) {
          el.selfClosing = true;
          el.closed = true;
          el.startTagEnd = el.end = p + 2;
          attach(el);
          next = p + 2;
        } else {
          fail(`missing >: "<${name}" is not closed by "/>"`, p, p + 1);
          el.startTagEnd = el.end = p + 1;
          attach(el);
          next = p + 1;
        }
      } else if (p < len && text.charCodeAt(p) === C.GT) {
        el.startTagEnd = p + 1;
        if (attach(el)) stack.push(el);
        else skippedDepth++;
        if (stack.length + skippedDepth > depthSeen) depthSeen = stack.length + skippedDepth;
        next = p + 1;
      } else {
        fail(`missing >: the start tag <${name}> is cut off`, s, nameEnd);
        el.startTagEnd = el.end = p;
        attach(el);
        next = p;
      }
    } else if (c === C.SLASH) {
      // close tag
      CLOSE_NAME.lastIndex = d + 1;
      CLOSE_NAME.test(text);
      let p = CLOSE_NAME.lastIndex;
      const name = text.slice(d + 1, p);
      const nameStart = d + 1;
      const nameEnd = p;
      while (p < len && isWs(text.charCodeAt(p))) p++;
      const gt = p < len && text.charCodeAt(p) === C.GT ? p + 1 : p;
      if (gt === p) fail(`missing >: the end tag </${name}> is not closed`, s, p);
      if (skippedDepth > 0) {
        skippedDepth--;
      } else {
        const top = stack[stack.length - 1];
        if (top && top.name === name) {
          top.closed = true;
          top.end = gt;
          stack.pop();
        } else {
          fail(
            top ? `unexpected closing tag </${name}>: the open element is <${top.name}>` : `unexpected closing tag </${name}>: no element is open`,
            nameStart,
            nameEnd,
          );
          // resynchronise: close up to a matching ancestor if there is one
          const idx = stack.map((e) => e.name).lastIndexOf(name);
          if (idx >= 0) {
            for (let k = stack.length - 1; k >= idx; k--) {
              stack[k]!.end = gt;
              if (k === idx) stack[k]!.closed = true;
            }
            stack.length = idx;
          }
        }
      }
      next = gt;
    } else if (text.startsWith('!--', d)) {
      // comment: ezxml looks for the first "--" and requires '>' right after it
      const dash = text.indexOf('--', d + 3);
      if (dash < 0) {
        fail('unclosed <!--: the comment never ends', s, s + 4);
        comments.push({ start: s, end: len });
        next = len;
      } else if (text.charCodeAt(dash + 2) !== C.GT) {
        fail('unclosed <!--: "--" inside a comment must be followed by ">", so FreeSWITCH cannot close this comment', dash, dash + 2);
        const realEnd = text.indexOf('-->', dash);
        const end = realEnd < 0 ? len : realEnd + 3;
        comments.push({ start: s, end });
        next = end;
      } else {
        comments.push({ start: s, end: dash + 3 });
        next = dash + 3;
      }
    } else if (text.startsWith('![CDATA[', d)) {
      const close = text.indexOf(']]>', d);
      if (close < 0) {
        fail('unclosed <![CDATA[', s, s + 9);
        addText(s + 9, len, true);
        next = len;
      } else {
        addText(s + 9, close, true);
        next = close + 3;
      }
    } else if (text.startsWith('!DOCTYPE', d)) {
      // FreeSWITCH configs never need a DTD; entity declarations are not expanded here (bounded work)
      const bracket = text.indexOf('[', d);
      const gt = text.indexOf('>', d);
      let end: number;
      if (bracket >= 0 && (gt < 0 || bracket < gt)) {
        const close = text.indexOf(']', bracket);
        const gt2 = close < 0 ? -1 : text.indexOf('>', close);
        end = gt2 < 0 ? len : gt2 + 1;
      } else end = gt < 0 ? len : gt + 1;
      if (end === len && text.charCodeAt(len - 1) !== C.GT) fail('unclosed <!DOCTYPE', s, s + 9);
      strictAt('<!DOCTYPE> in a FreeSWITCH config: entity declarations are not used by fsconf', s, Math.min(end, s + 9));
      next = end;
    } else if (c === C.QMARK) {
      const close = text.indexOf('?>', d);
      if (close < 0) {
        fail('unclosed <?', s, s + 2);
        next = len;
      } else next = close + 2;
    } else {
      fail('unexpected <: "<" must start a tag, a comment or CDATA (write "&lt;" for a literal "<")', s, s + 1);
      next = s + 1;
    }

    // character content up to the next '<'
    textFrom = next;
    let lt = text.indexOf('<', next);
    if (lt < 0) lt = len;
    if (lt > textFrom) {
      addText(textFrom, lt, false);
      checkAmps(textFrom, lt);
    }
    s = lt;
  }

  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    fail(`unclosed tag <${open.name}>: it is never closed`, open.nameStart, open.nameEnd);
    for (const el of stack) el.end = len;
  }
  return { text, roots, comments, fatal, fatals, strict, depth: depthSeen };
}

const namesOf = new WeakMap<XmlDocument, Set<string>>();

/** Every element name in the document (computed once per parse; see also setElementNames). */
export function elementNames(doc: XmlDocument): Set<string> {
  let names = namesOf.get(doc);
  if (!names) {
    names = new Set();
    for (const el of walk(doc.roots)) names.add(el.name);
    namesOf.set(doc, names);
  }
  return names;
}

/** Record the names of a re-parsed document (a superset is fine: it only makes analyses more careful). */
export function setElementNames(doc: XmlDocument, names: Set<string>): void {
  namesOf.set(doc, names);
}

/** The decoded character content of an element (text and CDATA, in order). */
export function elementText(doc: { text: string }, el: XmlElement): string {
  let out = '';
  for (const part of el.textParts) {
    const raw = doc.text.slice(part.start, part.end);
    out += part.cdata ? raw : decodeXml(raw, false);
  }
  return out;
}

export function attr(el: XmlElement, name: string): XmlAttr | undefined {
  // switch_xml_attr returns the first attribute with that exact name. An index loop: for…of makes an
  // iterator and a result object per step in code not yet optimised, and a cold lint calls this for every element
  const attrs = el.attrs;
  for (let i = 0; i < attrs.length; i++) if (attrs[i]!.name === name) return attrs[i];
  return undefined;
}

export function* walk(roots: XmlElement[]): Generator<XmlElement> {
  const stack: XmlElement[] = [...roots].reverse();
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
}

/** The innermost element whose range contains offset. */
export function elementAt(roots: XmlElement[], offset: number): XmlElement | undefined {
  let list = roots;
  let found: XmlElement | undefined;
  for (;;) {
    let hit: XmlElement | undefined;
    for (const el of list) {
      if (offset >= el.start && offset <= el.end) {
        hit = el;
        break;
      }
    }
    if (!hit) return found;
    found = hit;
    list = hit.children;
  }
}
