/**
 * Navigation and hover for the dialplan: a transfer / execute_extension target context leads to its
 * `<context>`, `sofia/gateway/<name>` to the `<gateway>`; the references of a context are every
 * literal target naming it plus the sofia profiles' `context` params and the directory's
 * `user_context` variables; hovering a capture `$N` in action data shows what group N captures in
 * the expression that supplies it. (Caller-profile fields are explained by kb-provider.ts;
 * `$${var}` navigation by preprocess-provider.ts.)
 */
import type { Hover, Location } from 'vscode-languageserver-types';
import type { Action, DialplanContext, Model } from '../model.js';
import { expandAttr, findParam } from '../model.js';
import type { Doc, Tree } from '../tree.js';
import { attr } from '../xml/parser.js';
import { mdCode } from '../kb/index.js';
import { actionData, subRange, type SourceText } from '../semantics/source-map.js';
import { captureRefs, captureSource, groupText } from '../semantics/captures.js';
import { contextNames, contextTargets } from '../semantics/dialplan.js';
import { findGateway, gatewayDefs, gatewayTargets } from '../semantics/gateways.js';
import { toUri } from './preprocess-provider.js';
import type { ProviderContext } from './providers.js';

function loc(doc: Doc, start: number, end: number): Location {
  return { uri: toUri(doc.path), range: doc.lines.range(start, end) };
}

function within(offset: number, r: { start: number; end: number }): boolean {
  return offset >= r.start && offset <= r.end;
}

/** The action whose element holds the cursor (its data attribute or its text). */
function actionAt(model: Model, ctx: ProviderContext): Action | undefined {
  const el = ctx.cursor.element;
  if (!el || (el.name !== 'action' && el.name !== 'anti-action')) return undefined;
  return model.actions.find((a) => a.node.el === el && a.node.doc === ctx.cursor.doc);
}

/** Is the cursor on the action's data (not on another attribute)? */
function onData(ctx: ProviderContext, data: SourceText): boolean {
  return ctx.cursor.doc === data.doc && within(ctx.cursor.offset, data) && (!ctx.cursor.attr || ctx.cursor.attr.name === 'data');
}

/** The value index of a file offset inside a literal value. */
function indexAt(st: SourceText, offset: number): number | undefined {
  if (!st.map || st.value === undefined) return undefined;
  for (let i = 0; i <= st.value.length; i++) {
    const o = i < st.value.length ? st.map(i) : st.end;
    if (o >= offset) return i;
  }
  return undefined;
}

function contextLocation(c: DialplanContext): Location {
  const a = c.nameAttr;
  return loc(c.node.doc, a ? a.valueStart : c.node.el.nameStart, a ? a.valueEnd : c.node.el.nameEnd);
}

type ContextName = { name: string; start: number; end: number; doc: Doc };

/** Places that name a context: literal dialplan targets, sofia profile `context` params, `user_context` variables. */
function contextReferences(tree: Tree, model: Model): ContextName[] {
  const out: ContextName[] = [];
  for (const t of contextTargets(model)) {
    const r = subRange(t.data, t.start, t.end);
    out.push({ name: t.context, doc: t.data.doc, ...r });
  }
  for (const p of model.profiles) {
    const param = findParam(p.settings, 'context');
    if (!param?.valueAttr || param.value.value === undefined) continue;
    out.push({ name: param.value.value, doc: param.node.doc, start: param.valueAttr.valueStart, end: param.valueAttr.valueEnd });
  }
  for (const u of model.users) {
    const v = findParam(u.variables, 'user_context');
    if (!v?.valueAttr || v.value.value === undefined) continue;
    out.push({ name: v.value.value, doc: v.node.doc, start: v.valueAttr.valueStart, end: v.valueAttr.valueEnd });
  }
  for (const d of model.domains) {
    const v = findParam(d.variables, 'user_context');
    if (!v?.valueAttr || v.value.value === undefined) continue;
    out.push({ name: v.value.value, doc: v.node.doc, start: v.valueAttr.valueStart, end: v.valueAttr.valueEnd });
  }
  return out;
}

/** The context named at the cursor: a `<context name>`, a target, a profile param or a user_context variable. */
function contextNameAt(ctx: ProviderContext, tree: Tree, model: Model): string | undefined {
  const { doc, offset, element, attr: a } = ctx.cursor;
  if (element?.name === 'context' && a?.name === 'name' && ctx.cursor.inAttrValue) {
    return expandAttr(tree, doc, a).value;
  }
  for (const r of contextReferences(tree, model)) if (r.doc === doc && within(offset, r)) return r.name;
  return undefined;
}

export function dialplanDefinition(ctx: ProviderContext): Location[] | undefined {
  const a = ctx.ws.analysis();
  const { tree, model } = a;
  const action = actionAt(model, ctx);
  if (action) {
    const data = actionData(action);
    if (!onData(ctx, data)) return undefined;
    for (const t of contextTargets(model)) {
      if (t.action !== action || !within(ctx.cursor.offset, subRange(t.data, t.start, t.end))) continue;
      const c = contextNames(tree, model)?.get(t.context.toLowerCase()) ?? model.contexts.find((x) => x.name.toLowerCase() === t.context.toLowerCase());
      return c ? [contextLocation(c)] : [];
    }
    for (const t of gatewayTargets(model)) {
      if (t.action !== action || !within(ctx.cursor.offset, subRange(t.data, t.start, t.end))) continue;
      const g = findGateway(gatewayDefs(tree, model) ?? [], t.name);
      return g ? [loc(g.node.doc, g.nameAttr.valueStart, g.nameAttr.valueEnd)] : [];
    }
    return undefined;
  }
  // a profile `context` param or a user_context variable
  const el = ctx.cursor.element;
  if (el && (el.name === 'param' || el.name === 'variable') && ctx.cursor.attr?.name === 'value') {
    const name = contextNameAt(ctx, tree, model);
    if (name === undefined) return undefined;
    const c = contextNames(tree, model)?.get(name.toLowerCase());
    return c ? [contextLocation(c)] : undefined;
  }
  return undefined;
}

export function dialplanReferences(ctx: ProviderContext): Location[] | undefined {
  const { tree, model } = ctx.ws.analysis();
  const name = contextNameAt(ctx, tree, model);
  if (name === undefined) return undefined;
  const key = name.toLowerCase();
  const out: Location[] = [];
  for (const c of model.contexts) {
    if (!c.nameAttr) continue;
    const v = expandAttr(tree, c.node.doc, c.nameAttr).value;
    if (v !== undefined && v.toLowerCase() === key) out.push(contextLocation(c));
  }
  for (const r of contextReferences(tree, model)) if (r.name.toLowerCase() === key) out.push(loc(r.doc, r.start, r.end));
  return out;
}

function md(value: string) {
  return { kind: 'markdown' as const, value };
}

const code = mdCode;

/** Hover on `$N` / `${N}` in action data: what the group captures, or why it is not substituted. */
export function dialplanHover(ctx: ProviderContext): Hover | undefined {
  const { tree, model } = ctx.ws.analysis();
  const action = actionAt(model, ctx);
  if (!action) return undefined;
  const data = actionData(action);
  if (!onData(ctx, data) || data.value === undefined || !data.map) return undefined;
  const i = indexAt(data, ctx.cursor.offset);
  if (i === undefined) return undefined;
  const ref = captureRefs(data.value).find((r) => i >= r.start && i <= r.end);
  if (!ref) return undefined;
  const written = data.value.slice(ref.start, ref.end);
  const r = subRange(data, ref.start, ref.end);
  const range = data.doc.lines.range(r.start, r.end);
  if (action.kind === 'anti-action') {
    return {
      contents: md(`**${written}** — not substituted: anti-actions get no regex captures, so the application receives ${code(written)} as written.`),
      range,
    };
  }
  const src = captureSource(tree, action.condition);
  if (src.kind === 'unknown') {
    return {
      contents: md(`**${written}** — capture group ${ref.n} of the condition's expression (it depends on a variable, so fsconf cannot show it).`),
      range,
    };
  }
  if (src.kind === 'literal') {
    return { contents: md(`**${written}** — not substituted: ${src.why}, so the application receives ${code(written)} as written.`), range };
  }
  if (ref.n === 0) {
    const expr = src.sites[src.sites.length - 1]!.site.text.value ?? '';
    return { contents: md(`**${written}** — the whole text matched by ${code(expr)}.`), range };
  }
  const lines: string[] = [];
  for (const s of src.sites) {
    const expr = s.site.text.value ?? '';
    const g = ref.n >= 1 && ref.n <= s.check.captureCount ? groupText(expr, ref.n) : undefined;
    const field = s.site.field ? attr(s.site.node.el, 'field')?.value : undefined;
    const of = `${code(expr)}${field ? ` (field ${code(field)})` : ''}`;
    if (ref.n < 1 || ref.n > s.check.captureCount)
      lines.push(`${of} has ${s.check.captureCount} capture group${s.check.captureCount === 1 ? '' : 's'}: ${written} becomes an empty string.`);
    else lines.push(`capture group ${ref.n} of ${of}${g ? `: ${code(g)}` : ''}`);
  }
  const head =
    src.sites.length > 1 ? `**${written}** — from the \`<regex>\` that matches:\n\n${lines.map((l) => `- ${l}`).join('\n')}` : `**${written}** — ${lines[0]}`;
  return { contents: md(head), range };
}
