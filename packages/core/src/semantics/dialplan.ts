/**
 * What the dialplan means, shared by rules and language features: which actions, conditions and
 * extensions belong to the dialplan rather than the chatplan, which application an action runs, and
 * the contexts that action data names (transfer, execute_extension, …).
 */
import { type Condition, type Action, type DialplanContext, type Node, type Model, expandAttr } from '../model.js';
import type { Tree } from '../tree.js';
import { attr, type XmlElement } from '../xml/parser.js';
import { application } from '../kb/index.js';
import { separateArgs, type SeparatedArg } from '../dialplan/args.js';
import { type SourceText, actionData } from './source-map.js';

/**
 * Is the node part of the chatplan (mod_sms)? Chatplans share the dialplan's XML shape but run chat
 * applications and match event headers, so the dialplan rules leave them alone.
 */
function inChatplan(node: Node): boolean {
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

/** The application an action runs (FreeSWITCH's application table ignores case). */
function appName(action: Action): string {
  return action.application.trim();
}

/** The knowledge-base name of the action's application (e.g. `read`), if FreeSWITCH has it. */
export function canonicalApp(action: Action): string | undefined {
  const n = appName(action);
  if (!n || n.includes('$')) return undefined;
  return application(n)?.name;
}

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
