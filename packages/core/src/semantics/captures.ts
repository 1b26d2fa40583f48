/**
 * A condition's expression and its capture groups, as mod_dialplan_xml.c (parse_exten) reads them:
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
import { type Condition, type Node, logicalChildren } from '../model.js';
import type { Tree } from '../tree.js';
import { attr, type XmlAttr, type XmlElement } from '../xml/parser.js';
import { checkRegex, isTimeAttribute, toPcre2Input, type RegexCheck } from '../dialplan/index.js';
import { type SourceText, attrText, elementTextAt } from './source-map.js';

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
function expressionOf(tree: Tree, node: Node): ExpressionSite {
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
  if (isRegexBlock(cond))
    return regexChildren(tree, cond)
      .map((r) => expressionOf(tree, r))
      .filter((s) => s.field !== undefined);
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
