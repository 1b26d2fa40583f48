/** The structure of a tree as FreeSWITCH assembles it, from the semantic model. */
import type { Analysis } from '../../analysis.js';
import type { Action, Condition, Node, Param, User } from '../../model.js';
import { attr } from '../../xml/parser.js';
import { maskSecret } from '../../text.js';
import { isSecretName } from '../../semantics/secret-names.js';
import { actionMeaning, conditionMeaning } from './meaning.js';
import type { Located, SAction, SCondition, SParam, SUser, Structure } from './types.js';

export type UriOf = (path: string) => string;

export function locate(node: Node, uriOf: UriOf): Located {
  const range = node.doc.lines.range(node.el.start, node.el.end);
  const uri = uriOf(node.doc.path);
  return { uri, range, at: { uri, line: range.start.line, character: range.start.character } };
}

function sparam(p: Param, uriOf: UriOf, from?: SParam['from']): SParam {
  const secret = isSecretName(p.name) && !p.value.raw.includes('$${');
  return {
    ...locate(p.node, uriOf),
    name: p.name,
    value: secret ? maskSecret(p.value.raw) : p.value.raw,
    expanded: p.value.value === undefined ? null : secret ? maskSecret(p.value.value) : p.value.value,
    ...(from ? { from } : {}),
    ...(secret ? { secret: true as const } : {}),
  };
}

function attrs(node: Node): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.el.attrs) if (!(a.name in out)) out[a.name] = a.value;
  return out;
}

/** `set`/`export` of a secret variable (a password in the dialplan): its value masked, as in every view. */
function maskedData(application: string, data: string): string {
  if (application !== 'set' && application !== 'export' && application !== 'set_global') return data;
  const eq = data.indexOf('=');
  if (eq < 0) return data;
  const name = data.slice(0, eq).replace(/^nolocal:/, '');
  const value = data.slice(eq + 1);
  return (isSecretName(name) || /pass(word)?$|secret|_pin$/i.test(name)) && value && !value.startsWith('$')
    ? `${data.slice(0, eq + 1)}${maskSecret(value)}`
    : data;
}

function saction(a: Action, expression: string | undefined, uriOf: UriOf): SAction {
  const data = maskedData(a.application, a.data.raw);
  return {
    ...locate(a.node, uriOf),
    kind: a.kind,
    application: a.application,
    data,
    ...(data !== a.data.raw ? { secret: true as const } : {}),
    meaning: actionMeaning(a.application, maskedData(a.application, a.data.value ?? a.data.raw), expression),
  };
}

function scondition(c: Condition, uriOf: UriOf): SCondition {
  const at = attrs(c.node);
  return {
    ...locate(c.node, uriOf),
    ...(at.field !== undefined ? { field: at.field } : {}),
    ...(at.expression !== undefined ? { expression: at.expression } : {}),
    attrs: at,
    meaning: conditionMeaning(at),
    actions: c.actions.map((a) => saction(a, at.expression, uriOf)),
    antiActions: c.antiActions.map((a) => saction(a, at.expression, uriOf)),
    conditions: c.children.map((x) => scondition(x, uriOf)),
  };
}

function groupOf(u: User): string | undefined {
  for (let p = u.node.parent; p; p = p.parent) if (p.el.name === 'group') return attr(p.el, 'name')?.value;
  return undefined;
}

/** A user's own settings first; the group's and the domain's fill in what the user does not set. */
function merged(own: SParam[], ...inherited: SParam[][]): SParam[] {
  const seen = new Set(own.map((p) => p.name.toLowerCase()));
  const out = [...own];
  for (const list of inherited)
    for (const p of list) {
      if (seen.has(p.name.toLowerCase())) continue;
      seen.add(p.name.toLowerCase());
      out.push(p);
    }
  return out;
}

/** A context of the chat plan (section chatplan, or a file under chatplan/), not the dialplan. */
export function isChatplan(node: Node): boolean {
  for (let p: Node | undefined = node; p; p = p.parent) if (p.el.name === 'section') return attr(p.el, 'name')?.value === 'chatplan';
  return /\/chatplan\//.test(node.doc.path);
}

export function buildStructure(a: Analysis, uriOf: UriOf): Structure {
  const m = a.model;
  const contexts = m.contexts
    .filter((ctx) => !isChatplan(ctx.node))
    .map((ctx) => ({
      ...locate(ctx.node, uriOf),
      name: ctx.name,
      extensions: ctx.extensions.map((e) => {
        const cont = attr(e.node.el, 'continue')?.value;
        return {
          ...locate(e.node, uriOf),
          name: e.name,
          ...(cont !== undefined ? { continue: cont } : {}),
          conditions: e.conditions.map((c) => scondition(c, uriOf)),
        };
      }),
    }));
  const domains = m.domains.map((d) => {
    const dParams = d.params.map((p) => sparam(p, uriOf, 'domain'));
    const dVars = d.variables.map((p) => sparam(p, uriOf, 'domain'));
    const groups = new Set<string>();
    const users: SUser[] = d.users.map((u) => {
      const group = groupOf(u);
      if (group) groups.add(group);
      const params = u.params.map((p) => sparam(p, uriOf, 'user'));
      const variables = u.variables.map((p) => sparam(p, uriOf, 'user'));
      const gParams = u.groupParams.map((p) => sparam(p, uriOf, 'group'));
      return {
        ...locate(u.node, uriOf),
        id: u.id,
        ...(group ? { group } : {}),
        params,
        variables,
        effective: { params: merged(params, gParams, dParams), variables: merged(variables, dVars) },
      };
    });
    return {
      ...(d.node
        ? locate(d.node, uriOf)
        : { uri: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, at: { uri: '', line: 0, character: 0 } }),
      name: d.name ?? d.nameValue?.raw ?? '(no name)',
      params: dParams,
      variables: dVars,
      groups: [...groups],
      users,
    };
  });
  const profiles = m.profiles.map((p) => {
    const domainsEl = p.node.el.children.find((c) => c.name === 'domains');
    const pdomains = (domainsEl?.children ?? [])
      .filter((c) => c.name === 'domain')
      .map((c) => {
        const alias = attr(c, 'alias')?.value;
        const parse = attr(c, 'parse')?.value;
        return { name: attr(c, 'name')?.value ?? '', ...(alias !== undefined ? { alias } : {}), ...(parse !== undefined ? { parse } : {}) };
      });
    return {
      ...locate(p.node, uriOf),
      name: p.name,
      params: p.settings.map((x) => sparam(x, uriOf)),
      gateways: p.gateways.map((g) => ({ ...locate(g.node, uriOf), name: g.name, params: g.params.map((x) => sparam(x, uriOf)) })),
      domains: pdomains,
    };
  });
  const aclLists = m.aclLists.map((l) => ({
    ...locate(l.node, uriOf),
    name: l.name,
    default: l.defaultAttr?.attr.value ?? '',
    nodes: l.nodes.map((n) => {
      const cidr = n.attrs.get('cidr')?.attr.value;
      const domain = n.attrs.get('domain')?.attr.value;
      return {
        ...locate(n.node, uriOf),
        type: n.attrs.get('type')?.attr.value ?? '',
        ...(cidr !== undefined ? { cidr } : {}),
        ...(domain !== undefined ? { domain } : {}),
      };
    }),
  }));
  const variables = [];
  for (const [name, defs] of a.tree.vars.defs)
    for (const d of defs) {
      const secret = /pass|secret|pin/i.test(name) && d.value !== undefined;
      variables.push({ name, value: d.value === undefined ? null : secret ? maskSecret(d.value) : d.value, uri: uriOf(d.doc.path), line: d.directive.line });
    }
  return { root: a.tree.root ?? null, profiles, contexts, domains, aclLists, variables };
}
