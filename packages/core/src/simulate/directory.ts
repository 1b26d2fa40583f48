// Directory users as FreeSWITCH finds and merges them (src/switch_xml.c at v1.10.12):
// find_user_in_tag (1900-1936) matches `id` or `number-alias`; switch_xml_merge_user (2012-2025) gives
// the user its group's, then its domain's params and variables where it has no entry of that name.
import { attr } from '../xml/parser.js';
import { expandAttr, logicalChildren, type Domain, type Model, type Node, type Param, type User } from '../model.js';
import type { Tree } from '../tree.js';
import { display, preprocessed } from './values.js';

export interface MergedUser {
  user: User;
  /** The domain's name as FreeSWITCH has it (may hold unknown parts). */
  domain: string;
  params: Map<string, { value: string; param: Param }>;
  variables: Map<string, { value: string; param: Param }>;
}

function groupOf(user: User): Node | undefined {
  for (let p = user.node.parent; p; p = p.parent) {
    if (p.el.name === 'group') return p;
    if (p.el.name === 'domain') return undefined;
  }
  return undefined;
}

function readBlock(tree: Tree, node: Node, container: string, tag: string): Param[] {
  const out: Param[] = [];
  const block = logicalChildren(tree, node).find((c) => c.el.name === container); // switch_xml_child: the first block
  if (!block) return out;
  for (const c of logicalChildren(tree, block)) {
    if (c.el.name !== tag) continue;
    const nameAttr = attr(c.el, 'name');
    const valueAttr = attr(c.el, 'value');
    out.push({
      node: c,
      name: nameAttr?.value ?? '',
      nameAttr,
      valueAttr,
      value: valueAttr ? expandAttr(tree, c.doc, valueAttr) : { raw: '', value: '', refs: [] },
    });
  }
  return out;
}

export function domainName(d: Domain | undefined): string {
  if (!d?.nameValue) return '';
  return preprocessed(d.nameValue);
}

export function mergeUser(tree: Tree, user: User): MergedUser {
  const params = new Map<string, { value: string; param: Param }>();
  const variables = new Map<string, { value: string; param: Param }>();
  const add = (into: typeof params, list: Param[]): void => {
    for (const p of list) {
      const k = p.name.toLowerCase();
      if (!p.name || into.has(k)) continue;
      into.set(k, { value: preprocessed(p.value), param: p });
    }
  };
  add(params, readBlock(tree, user.node, 'params', 'param'));
  add(variables, readBlock(tree, user.node, 'variables', 'variable'));
  const g = groupOf(user);
  if (g) {
    add(params, readBlock(tree, g, 'params', 'param'));
    add(variables, readBlock(tree, g, 'variables', 'variable'));
  }
  if (user.domain?.node) {
    add(params, readBlock(tree, user.domain.node, 'params', 'param'));
    add(variables, readBlock(tree, user.domain.node, 'variables', 'variable'));
  }
  return { user, domain: domainName(user.domain), params, variables };
}

export type UserLookup = { ok: true; user: User } | { ok: false; message: string };

/** `id` or `id@domain`: the user FreeSWITCH finds (id or number-alias; pointer users are skipped). */
export function findUser(model: Model, spec: string): UserLookup {
  const at = spec.indexOf('@');
  const id = at < 0 ? spec : spec.slice(0, at);
  const dom = at < 0 ? undefined : spec.slice(at + 1);
  const matches = (u: User): boolean => (u.id === id || u.numberAlias === id) && u.type !== 'pointer';
  let domains = model.domains;
  if (dom !== undefined) {
    domains = model.domains.filter((d) => d.name === dom || display(domainName(d)) === dom || d.nameValue?.raw === dom);
    if (!domains.length)
      return { ok: false, message: `no directory domain named "${dom}" (domains: ${model.domains.map((d) => display(domainName(d))).join(', ') || 'none'})` };
  }
  const found: User[] = [];
  for (const d of domains) {
    const u = d.users.find(matches);
    if (u) found.push(u);
  }
  if (!found.length) return { ok: false, message: `no directory user "${id}"${dom !== undefined ? ` in domain ${dom}` : ''}` };
  if (found.length > 1)
    return {
      ok: false,
      message: `user "${id}" exists in several domains (${found.map((u) => display(domainName(u.domain))).join(', ')}): give --user ${id}@DOMAIN`,
    };
  return { ok: true, user: found[0]! };
}
