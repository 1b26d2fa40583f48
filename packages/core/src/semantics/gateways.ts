/**
 * Gateways: the ones the tree defines (sofia profiles' `<gateway>`s, directory users' gateways) and the
 * literal `sofia/gateway/<name>/…` targets that dial strings name. Shared by rules and language features.
 */
import { type Action, type Gateway, type Node, type Model, expandAttr, logicalChildren } from '../model.js';
import type { Doc, Tree } from '../tree.js';
import { attr, type XmlAttr } from '../xml/parser.js';
import { damerauLevenshtein, didYouMean } from '../kb/suggest.js';
import type { FixInput } from '../rules/types.js';
import { type SourceText, actionData } from './source-map.js';
import { dialplanActions, canonicalApp } from './dialplan.js';

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

/**
 * Did-you-mean fixes replacing [start, end) with each suggestion. The closest one is preferred (so
 * `fsconf lint --fix` applies it) when no other suggestion is as close.
 */
export function closestFixes(
  doc: Doc,
  start: number,
  end: number,
  name: string,
  candidates: Iterable<string>,
  editable = true,
): { fixes: FixInput[]; hint: string; suggestions: string[] } {
  const list = [...candidates];
  const s = didYouMean(name, list);
  if (!s.length) return { fixes: [], hint: '', suggestions: [] };
  const d = s.map((x) => damerauLevenshtein(name.toLowerCase(), x.toLowerCase()));
  const unique = s.length === 1 || d[0]! < Math.min(...d.slice(1));
  const fixes: FixInput[] = editable
    ? s.map((x, i) => ({
        title: `Change to "${x}"`,
        kind: 'choice' as const,
        edits: [{ doc, start, end, newText: x }],
        ...(unique && i === 0 ? { preferred: true } : {}),
      }))
    : [];
  return { fixes, hint: ` (did you mean "${s[0]}"?)`, suggestions: s };
}
