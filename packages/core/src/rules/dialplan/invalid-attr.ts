import { defineRule, type RuleContext } from '../types.js';
import type { Node } from '../../model.js';
import { checkTimeAttr, isSwitchNumber, switchTrue, TIME_ATTRIBUTES } from '../../dialplan/index.js';
import { attr, type XmlAttr } from '../../xml/parser.js';
import { attrText } from '../../semantics/source-map.js';
import { closestFixes } from '../../semantics/gateways.js';
import { dialplanConditions, dialplanExtensions, dialplanActions } from '../../semantics/dialplan.js';
import { isRegexBlock, regexChildren } from '../../semantics/captures.js';

const BREAK = ['on-true', 'on-false', 'always', 'never'];
const REGEX = ['all', 'any', 'xor'];
const FALSE_WORDS = ['no', 'off', 'false', 'f', 'disabled', 'inactive', 'disallow'];

/** switch_true / switch_false understand the value (anything else reads as false). */
function isBoolean(v: string): boolean {
  if (switchTrue(v)) return true;
  if (FALSE_WORDS.includes(v.toLowerCase())) return true;
  return v !== '' && isSwitchNumber(v) && /[0-9]/.test(v);
}

function enumAttr(ctx: RuleContext, node: Node, a: XmlAttr, allowed: string[], fallback: string, what: string): void {
  const t = attrText(ctx.tree, node.doc, a);
  const v = t.value;
  if (v === undefined || allowed.includes(v.toLowerCase())) return;
  const { fixes, hint } = closestFixes(t.doc, t.start, t.end, v, allowed, !!t.map);
  ctx.report({
    doc: node.doc,
    start: a.valueStart,
    end: a.valueEnd,
    message: `${a.name}="${v}" is not one of ${allowed.join(', ')}: FreeSWITCH silently ${what} ${fallback}${hint}`,
    fixes,
  });
}

function boolAttr(ctx: RuleContext, node: Node, a: XmlAttr, meaning: string): void {
  const t = attrText(ctx.tree, node.doc, a);
  const v = t.value;
  if (v === undefined || isBoolean(v)) return;
  const { fixes, hint } = closestFixes(t.doc, t.start, t.end, v, ['true', 'false'], !!t.map);
  ctx.report({
    doc: node.doc,
    start: a.valueStart,
    end: a.valueEnd,
    message: `${a.name}="${v}" is not a boolean: FreeSWITCH reads it as false (${meaning})${hint}`,
    fixes,
  });
}

function timeAttrs(ctx: RuleContext, node: Node): void {
  for (const name of TIME_ATTRIBUTES) {
    const a = attr(node.el, name);
    if (!a) continue;
    const t = attrText(ctx.tree, node.doc, a);
    if (t.value === undefined) continue;
    const r = checkTimeAttr(name, t.value);
    if (r.ok) continue;
    if (name === 'dst' && r.kind === 'never-matches') continue; // dialplan/dst-false
    ctx.report({ doc: node.doc, start: a.valueStart, end: a.valueEnd, message: r.message });
  }
}

/**
 * Dialplan attributes FreeSWITCH reads with a fallback instead of an error: `break` (on-false),
 * `regex` (any), `continue` / `inline` / `require-nested` (switch_true: anything else is false), and the
 * time attributes of conditions and `<regex>` elements.
 */
export const invalidAttr = defineRule({
  meta: {
    id: 'dialplan/invalid-attr',
    severity: 'error',
    description: 'a dialplan attribute value FreeSWITCH does not understand (it silently falls back)',
    fixable: true,
    scope: 'extension',
  },
  check(ctx) {
    for (const ext of dialplanExtensions(ctx.model)) {
      const c = attr(ext.node.el, 'continue');
      if (c) boolAttr(ctx, ext.node, c, 'the hunt stops after this extension when it matches');
    }
    for (const cond of dialplanConditions(ctx.model)) {
      const el = cond.node.el;
      const b = attr(el, 'break');
      if (b) enumAttr(ctx, cond.node, b, BREAK, 'on-false', 'uses the default,');
      const r = attr(el, 'regex');
      if (r) enumAttr(ctx, cond.node, r, REGEX, 'any', 'treats it as');
      const rn = attr(el, 'require-nested');
      if (rn) boolAttr(ctx, cond.node, rn, 'a failing nested condition no longer fails this one');
      timeAttrs(ctx, cond.node);
      if (isRegexBlock(cond)) for (const rx of regexChildren(ctx.tree, cond)) timeAttrs(ctx, rx);
    }
    for (const action of dialplanActions(ctx.model)) {
      const i = attr(action.node.el, 'inline');
      if (i) boolAttr(ctx, action.node, i, 'the application runs after hunting, not inline');
    }
  },
});
