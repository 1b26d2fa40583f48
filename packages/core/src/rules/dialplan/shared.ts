/**
 * Helpers shared by the dialplan rules and the dialplan language-service provider: where a value sits
 * in the source (so a squiggle can land on one argument or one regex character), what a condition's
 * expression is as mod_dialplan_xml reads it, which capture groups an action's `$N` can use, and the
 * targets (contexts, gateways) that action data names.
 *
 * mod_dialplan_xml.c (parse_exten) is the reference:
 * - a condition's expression is the text of its `<expression>` child when there is one, else its
 *   `expression` attribute (an absent attribute reads as "");
 * - a condition with a `regex` attribute ignores its own field/expression and evaluates its `<regex>`
 *   children instead;
 * - `$N` in action data is substituted only when the condition has a `field` and its (channel-variable
 *   expanded) expression contains '('; in a regex block, the last `<regex>` that has a field and a '('
 *   supplies the groups (for `any`, the first one that matches, unless an earlier capturing one failed);
 * - anti-actions are never substituted; nested conditions are evaluated by a recursive call with
 *   their own regex, so a nested condition's actions only see its own captures.
 */
import type { Condition, Action, DialplanContext, Gateway, Node, Model } from '../../model.js';
import { expandAttr, logicalChildren } from '../../model.js';
import type { Doc, Tree } from '../../tree.js';
import { attr, type XmlAttr, type XmlElement } from '../../xml/parser.js';
import { application } from '../../kb/index.js';
import { checkRegex, isTimeAttribute, toPcre2Input, type RegexCheck } from '../../dialplan/index.js';
import { separateArgs, type SeparatedArg } from '../../dialplan/args.js';
import { damerauLevenshtein, didYouMean } from '../../kb/suggest.js';
import type { FixInput } from '../types.js';

// ---------------------------------------------------------------------------------------------
// values with their place in the source

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
    else value += raw.replace(/&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (m, n: string) => {
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

// ---------------------------------------------------------------------------------------------
// dialplan vs chatplan

/**
 * Is the node part of the chatplan (mod_sms)? Chatplans share the dialplan's XML shape but run chat
 * applications and match event headers, so the dialplan rules leave them alone.
 */
export function inChatplan(node: Node): boolean {
  for (let p: Node | undefined = node; p; p = p.parent) {
    if (p.el.name === 'section') return (attr(p.el, 'name')?.value ?? '').toLowerCase() === 'chatplan';
  }
  return /(^|\/)chatplan(\/|[^/]*\.xml$)/i.test(node.doc.path);
}

/**
 * inChatplan per context, remembered for one model: the answer depends on the section the context's
 * file is included into, which an edit of another file (freeswitch.xml) can change while the context's
 * element stays the same object.
 */
const chatplanCache = new WeakMap<object, Map<XmlElement, boolean>>();
function chatCached(ctxNode: Node, model: Model): boolean {
  // scoped models share the full model's contexts array: one memo per analysis
  let memo = chatplanCache.get(model.contexts);
  if (!memo) chatplanCache.set(model.contexts, (memo = new Map()));
  let v = memo.get(ctxNode.el);
  if (v === undefined) memo.set(ctxNode.el, (v = inChatplan(ctxNode)));
  return v;
}

/** Actions of the dialplan (chatplan actions left out). */
export function dialplanActions(model: Model): Action[] {
  return model.actions.filter((a) => !chatCached(a.condition.extension.context.node, model));
}

/** Conditions of the dialplan (chatplan conditions left out). */
export function dialplanConditions(model: Model): Condition[] {
  return model.conditions.filter((c) => !chatCached(c.extension.context.node, model));
}

/** Extensions of the dialplan (chatplan extensions left out). */
export function dialplanExtensions(model: Model): Model['extensions'] {
  return model.extensions.filter((e) => !chatCached(e.context.node, model));
}

// ---------------------------------------------------------------------------------------------
// applications

/** The application an action runs (FreeSWITCH's application table ignores case). */
export function appName(action: Action): string {
  return action.application.trim();
}

/** The knowledge-base name of the action's application (e.g. `read`), if FreeSWITCH has it. */
export function canonicalApp(action: Action): string | undefined {
  const n = appName(action);
  if (!n || n.includes('$')) return undefined;
  return application(n)?.name;
}

// ---------------------------------------------------------------------------------------------
// expressions and captures

export interface ExpressionSite {
  /** The element that carries it (`<condition>` or `<regex>`). */
  node: Node;
  /** The `field` attribute, when present. */
  field: XmlAttr | undefined;
  text: SourceText;
  /** Where the expression is written. */
  from: 'attribute' | 'element' | 'absent';
}

/** The expression of a `<condition>` or `<regex>` element as mod_dialplan_xml reads it. */
export function expressionOf(tree: Tree, node: Node): ExpressionSite {
  const doc = node.doc;
  const field = attr(node.el, 'field');
  const child = logicalChildren(tree, node).find((c) => c.el.name === 'expression');
  if (child) {
    // ezxml keeps the text as written; surrounding blanks around a CDATA section are layout
    const text = elementTextAt(child.doc, child.el, true);
    return { node, field, text, from: 'element' };
  }
  const a = attr(node.el, 'expression');
  if (a) return { node, field, text: attrText(tree, doc, a), from: 'attribute' };
  return { node, field, text: { doc, value: '', start: node.el.nameStart, end: node.el.nameEnd }, from: 'absent' };
}

/** Does a channel variable (resolved only at call time) appear in the value? */
export function hasRuntimeVar(v: string): boolean {
  return v.includes('${');
}

/** The `<regex>` children of a condition (in order, includes spliced in). */
export function regexChildren(_tree: Tree, cond: Condition): Node[] {
  return cond.regexes;
}

/** A condition with a `regex` attribute evaluates its `<regex>` children instead of its own field. */
export function isRegexBlock(cond: Condition): boolean {
  return attr(cond.node.el, 'regex') !== undefined;
}

/** The expressions FreeSWITCH compiles for a condition: its own, or those of its `<regex>` children. */
export function compiledExpressions(tree: Tree, cond: Condition): ExpressionSite[] {
  if (isRegexBlock(cond)) return regexChildren(tree, cond).map((r) => expressionOf(tree, r)).filter((s) => s.field !== undefined);
  const own = expressionOf(tree, cond.node);
  return own.field !== undefined ? [own] : [];
}

export type CaptureSource =
  /** `$N` is substituted from these groups. `sites` has one entry, or several when it depends on which `<regex>` matches (regex="any"). */
  | { kind: 'groups'; count: number; sites: { site: ExpressionSite; check: RegexCheck }[] }
  /** `$N` stays literal in the data (no field, or no '(' in the expression). */
  | { kind: 'literal'; why: string; site?: ExpressionSite }
  /** Cannot be known statically (a channel variable, an unknown `$${}`, a regex that does not compile). */
  | { kind: 'unknown' };

function quoteExpr(v: string): string {
  return v.length > 60 ? `"${v.slice(0, 57)}…"` : `"${v}"`;
}

/** Which capture groups the actions of `cond` can refer to with `$N` / `${N}`. */
export function captureSource(tree: Tree, cond: Condition): CaptureSource {
  if (isRegexBlock(cond)) {
    const mode = (attr(cond.node.el, 'regex')!.value ?? '').toLowerCase();
    const sites = regexChildren(tree, cond).map((r) => expressionOf(tree, r));
    const capturing: { site: ExpressionSite; check: RegexCheck }[] = [];
    for (const s of sites) {
      const v = s.text.value;
      if (v === undefined || hasRuntimeVar(v)) {
        if (s.field !== undefined) return { kind: 'unknown' };
        continue;
      }
      if (s.field === undefined || !v.includes('(')) continue;
      const check = checkRegex(v);
      if (!check.ok) return { kind: 'unknown' };
      capturing.push({ site: s, check });
    }
    if (!capturing.length) {
      return { kind: 'literal', why: `no <regex> of this regex="${attr(cond.node.el, 'regex')!.value}" block has both a field and a '(' in its expression` };
    }
    if (mode === 'all' || mode === 'xor') {
      const last = capturing[capturing.length - 1]!;
      return { kind: 'groups', count: last.check.captureCount, sites: [last] };
    }
    // any (or an invalid value, which means any): the first matching <regex> breaks out of the loop
    return { kind: 'groups', count: Math.max(...capturing.map((c) => c.check.captureCount)), sites: capturing };
  }
  const site = expressionOf(tree, cond.node);
  if (site.field === undefined) {
    return { kind: 'literal', why: hasTimeAttrs(cond.node.el) ? 'the condition has no field (only time attributes)' : 'the condition has no field', site };
  }
  const v = site.text.value;
  if (v === undefined || hasRuntimeVar(v)) return { kind: 'unknown' };
  if (!v.includes('(')) return { kind: 'literal', why: `its expression ${quoteExpr(v)} has no '('`, site };
  const check = checkRegex(v);
  if (!check.ok) return { kind: 'unknown' };
  return { kind: 'groups', count: check.captureCount, sites: [{ site, check }] };
}

function hasTimeAttrs(el: XmlElement): boolean {
  return el.attrs.some((a) => isTimeAttribute(a.name));
}

export interface CaptureRef {
  /** Group number as FreeSWITCH reads it (atoi of up to 9 digits); -1 when above 256. */
  n: number;
  /** The digits as written. */
  digits: string;
  start: number;
  end: number;
}

/** `$N` and `${N}` exactly as switch_perform_substitution scans action data. */
export function captureRefs(data: string): CaptureRef[] {
  const out: CaptureRef[] = [];
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let x = 0;
  while (x < data.length) {
    if (data[x] !== '$') {
      x++;
      continue;
    }
    const start = x;
    x++;
    const brace = data[x] === '{';
    if (brace) x++;
    if (!isDigit(data[x])) {
      x -= brace ? 1 : 0;
      continue;
    }
    let digits = '';
    while (isDigit(data[x]) && digits.length < 9) digits += data[x++];
    if (brace) {
      if (data[x] !== '}') {
        x = start + 1;
        continue;
      }
      x++;
    }
    const n = parseInt(digits, 10);
    out.push({ n: n > 256 ? -1 : n, digits, start, end: x });
  }
  return out;
}

/**
 * The text of capture group `n` (1-based) in a PCRE2 pattern, for hovers. Undefined when the pattern
 * renumbers groups (branch reset, (?n)) or the scan disagrees with the checker's count.
 */
export function groupText(expression: string, n: number): string | undefined {
  const input = toPcre2Input(expression);
  if (!input.ok) return undefined;
  const p = input.pattern;
  if (p.includes('(?|') || /\(\?[a-zA-Z^-]*n/.test(p)) return undefined;
  const opens: number[] = [];
  const spans: { start: number; end: number }[] = [];
  const stack: { start: number; capture: boolean; index: number }[] = [];
  let i = 0;
  let inClass = false;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      if (p[i + 1] === 'Q') {
        const e = p.indexOf('\\E', i + 2);
        i = e < 0 ? p.length : e + 2;
      } else i += 2;
      continue;
    }
    if (inClass) {
      if (c === '[' && p[i + 1] === ':') {
        const e = p.indexOf(':]', i + 2);
        if (e > 0) {
          i = e + 2;
          continue;
        }
      }
      if (c === ']') inClass = false;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      i++;
      if (p[i] === '^') i++;
      if (p[i] === ']') i++;
      continue;
    }
    if (c === '(') {
      if (p.startsWith('(?#', i)) {
        const e = p.indexOf(')', i);
        i = e < 0 ? p.length : e + 1;
        continue;
      }
      const capture = p[i + 1] !== '?' && p[i + 1] !== '*' ? true : /^\(\?(P?<(?![=!])|')/.test(p.slice(i, i + 4));
      let index = -1;
      if (capture) {
        opens.push(i);
        index = opens.length;
        spans.push({ start: i, end: p.length });
      }
      stack.push({ start: i, capture, index });
      i++;
      continue;
    }
    if (c === ')') {
      const top = stack.pop();
      if (top?.capture) spans[top.index - 1] = { start: top.start, end: i + 1 };
      i++;
      continue;
    }
    i++;
  }
  const check = checkRegex(expression);
  if (!check.ok || check.captureCount !== spans.length) return undefined;
  const s = spans[n - 1];
  return s ? p.slice(s.start, s.end) : undefined;
}

/** Offset in `pattern` of the last '(' that is never closed (escapes, classes and \\Q…\\E skipped). */
export function unmatchedParen(pattern: string): number | undefined {
  const stack: number[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (pattern[i + 1] === 'Q') {
        const e = pattern.indexOf('\\E', i + 2);
        i = e < 0 ? pattern.length : e + 1;
      } else i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (c === '(') stack.push(i);
    else if (c === ')') stack.pop();
  }
  return stack.length ? stack[stack.length - 1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// targets: contexts and gateways

export interface ContextTarget {
  action: Action;
  /** The whole data. */
  data: SourceText;
  /** The context name as written (offsets inside data.value). */
  context: string;
  start: number;
  end: number;
  app: string;
}

/**
 * Literal `<ext> XML <ctx>` targets named by transfer, execute_extension and the transfer-on-failure
 * argument of play_and_get_digits. A target that leaves the dialplan or context out stays in the
 * current context (nothing to check); parts holding a variable are skipped.
 */
export function contextTargets(model: Model): ContextTarget[] {
  const out: ContextTarget[] = [];
  for (const action of dialplanActions(model)) {
    const app = canonicalApp(action);
    if (app !== 'transfer' && app !== 'execute_extension' && app !== 'play_and_get_digits') continue;
    const data = actionData(action);
    const v = data.value;
    if (v === undefined || !v.trim()) continue;
    let parts: SeparatedArg[];
    let base = 0;
    if (app === 'play_and_get_digits') {
      const args = separateArgs(v, 11);
      const t = args[10];
      if (!t) continue;
      // the 11th argument is split again on blanks: '<ext> [<dialplan> [<context>]]'
      const raw = v.slice(t.start, t.end);
      const q = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? 1 : 0;
      base = t.start + q;
      parts = separateArgs(raw.slice(q, raw.length - q), 4);
    } else {
      parts = separateArgs(v, 4);
      if (app === 'transfer' && parts[0] && /^-(bleg|both)$/i.test(parts[0].value)) parts = parts.slice(1);
    }
    const dp = parts[1];
    const ctx = parts[2];
    if (!dp || !ctx) continue;
    if (dp.value.toUpperCase() !== 'XML') continue;
    if (ctx.value.includes('$') || dp.value.includes('$')) continue;
    if (!ctx.value) continue;
    out.push({ action, data, context: ctx.value, start: base + ctx.start, end: base + ctx.end, app });
  }
  return out;
}

/** Context names of the dialplan (expanded); undefined when one of them is unknown. */
const namesCache = new WeakMap<object, Map<string, DialplanContext> | undefined>();

/** Context names of the dialplan (expanded); undefined when one of them is unknown. Cached per model. */
export function contextNames(tree: Tree, model: Model): Map<string, DialplanContext> | undefined {
  if (namesCache.has(model.contexts)) return namesCache.get(model.contexts);
  const names = computeContextNames(tree, model);
  namesCache.set(model.contexts, names);
  return names;
}

function computeContextNames(tree: Tree, model: Model): Map<string, DialplanContext> | undefined {
  const out = new Map<string, DialplanContext>();
  for (const c of model.contexts) {
    if (!c.nameAttr || chatCached(c.node, model)) continue;
    const v = expandAttr(tree, c.node.doc, c.nameAttr).value;
    if (v === undefined) return undefined;
    if (!out.has(v.toLowerCase())) out.set(v.toLowerCase(), c);
  }
  return out;
}

export interface GatewayTarget {
  action: Action;
  data: SourceText;
  /** The gateway part after `sofia/gateway/` (may be `profile::name`). */
  name: string;
  start: number;
  end: number;
}

/** Apps whose data is a dial string. */
const DIAL_APPS = new Set(['bridge', 'att_xfer', 'conference_set_auto_outcall']);

/** Literal `sofia/gateway/<name>/…` in dial strings (bridge, att_xfer, conference_set_auto_outcall). */
export function gatewayTargets(model: Model): GatewayTarget[] {
  const out: GatewayTarget[] = [];
  for (const action of dialplanActions(model)) {
    const app = canonicalApp(action);
    if (!app || !DIAL_APPS.has(app)) continue;
    const data = actionData(action);
    const v = data.value;
    if (v === undefined) continue;
    const re = /sofia\/gateway\//gi;
    let m: RegExpExecArray | null;
    while ((m = re.exec(v))) {
      // the dial string must start here: beginning, or after a leg separator / variable block
      const before = v.slice(0, m.index);
      if (before && !/[,|}\]>:]\s*$/.test(before) && !/^\s*$/.test(before)) continue;
      const from = m.index + m[0].length;
      const stop = /[/,|\s]/.exec(v.slice(from));
      const endName = stop ? from + stop.index : v.length;
      const name = v.slice(from, endName);
      if (!name || name.includes('$')) continue;
      out.push({ action, data, name, start: from, end: endName });
    }
  }
  return out;
}

export interface GatewayDef {
  name: string;
  node: Node;
  nameAttr: XmlAttr;
  profile: string | undefined;
}

/**
 * Gateways FreeSWITCH knows: those of sofia profiles and those of directory users (`<user><gateways>`,
 * loaded by profiles whose `<domains>` parse the directory). Names are expanded; undefined when one
 * of them is unknown.
 */
const defsCache = new WeakMap<object, { users: object; defs: GatewayDef[] | undefined }>();

/** Gateway names the tree defines (cached per model: the extension-scope rule and its key both ask). */
export function gatewayDefs(tree: Tree, model: Model): GatewayDef[] | undefined {
  const hit = defsCache.get(model.gateways);
  if (hit && hit.users === model.users) return hit.defs;
  const defs = computeGatewayDefs(tree, model);
  defsCache.set(model.gateways, { users: model.users, defs });
  return defs;
}

function computeGatewayDefs(tree: Tree, model: Model): GatewayDef[] | undefined {
  const out: GatewayDef[] = [];
  const add = (node: Node, nameAttr: XmlAttr | undefined, profile: string | undefined): boolean => {
    if (!nameAttr) return true;
    const v = expandAttr(tree, node.doc, nameAttr).value;
    if (v === undefined) return false;
    out.push({ name: v, node, nameAttr, profile });
    return true;
  };
  for (const g of model.gateways as Gateway[]) if (!add(g.node, g.nameAttr, g.profile?.name)) return undefined;
  for (const u of model.users) {
    let mine = userGateways.get(u);
    if (mine === undefined) {
      mine = [];
      for (const c of logicalChildren(tree, u.node)) {
        if (c.el.name !== 'gateways') continue;
        for (const g of logicalChildren(tree, c)) {
          const nameAttr = g.el.name === 'gateway' ? attr(g.el, 'name') : undefined;
          if (!nameAttr) continue;
          const v = expandAttr(tree, g.doc, nameAttr).value;
          if (v === undefined) {
            mine = null;
            break;
          }
          mine.push({ name: v, node: g, nameAttr, profile: undefined });
        }
        if (mine === null) break;
      }
      userGateways.set(u, mine);
    }
    if (mine === null) return undefined;
    for (const d of mine) out.push(d);
  }
  return out;
}

/** A user's own gateways (null: a name depends on an unknown variable); a changed user is a new object. */
const userGateways = new WeakMap<object, GatewayDef[] | null>();

/** Is `name` (or `profile::name`) one of the gateways? Gateway names are case-sensitive in mod_sofia's hash. */
export function findGateway(defs: GatewayDef[], name: string): GatewayDef | undefined {
  const sep = name.indexOf('::');
  if (sep >= 0) {
    const profile = name.slice(0, sep);
    const gw = name.slice(sep + 2);
    return defs.find((d) => d.name === gw && (d.profile === undefined || d.profile === profile));
  }
  return defs.find((d) => d.name === name);
}

// ---------------------------------------------------------------------------------------------
// did-you-mean

/**
 * Did-you-mean fixes replacing [start, end) with each suggestion. The closest one is preferred (so
 * `fsconf lint --fix` applies it) when no other suggestion is as close.
 */
export function closestFixes(doc: Doc, start: number, end: number, name: string, candidates: Iterable<string>, editable = true): { fixes: FixInput[]; hint: string; suggestions: string[] } {
  const list = [...candidates];
  const s = didYouMean(name, list);
  if (!s.length) return { fixes: [], hint: '', suggestions: [] };
  const d = s.map((x) => damerauLevenshtein(name.toLowerCase(), x.toLowerCase()));
  const unique = s.length === 1 || d[0]! < Math.min(...d.slice(1));
  const fixes: FixInput[] = editable
    ? s.map((x, i) => ({ title: `Change to "${x}"`, kind: 'choice' as const, edits: [{ doc, start, end, newText: x }], ...(unique && i === 0 ? { preferred: true } : {}) }))
    : [];
  return { fixes, hint: ` (did you mean "${s[0]}"?)`, suggestions: s };
}
