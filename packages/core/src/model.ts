/**
 * The semantic model: typed views over the conf tree as FreeSWITCH assembles it. Included files are
 * spliced in where their X-PRE-PROCESS include sits, so a sip profile in sip_profiles/internal.xml is
 * known to live inside `<configuration name="sofia.conf"><profiles>`; a file read on its own gets its role
 * from its content.
 */
import { attr, elementText, type XmlAttr, type XmlElement } from './xml/parser.js';
import { expandRaw, type Doc, type Expanded, type Tree } from './tree.js';
import { basename, dirname } from './fs.js';

export interface Node {
  doc: Doc;
  el: XmlElement;
  parent: Node | undefined;
}

export interface AttrValue {
  node: Node;
  attr: XmlAttr;
  /** After `$${}` expansion (value undefined = unknown). */
  expanded: Expanded;
}

export interface Param {
  node: Node;
  name: string;
  nameAttr: XmlAttr | undefined;
  valueAttr: XmlAttr | undefined;
  value: Expanded;
}

export interface SofiaProfile {
  node: Node;
  name: string;
  nameAttr: XmlAttr | undefined;
  settings: Param[];
  settingsNode: Node | undefined;
  gateways: Gateway[];
  gatewaysNode: Node | undefined;
}

export interface Gateway {
  node: Node;
  name: string;
  nameAttr: XmlAttr | undefined;
  params: Param[];
  profile: SofiaProfile | undefined;
}

export interface AclNode {
  node: Node;
  attrs: Map<string, AttrValue>;
}

export interface AclList {
  node: Node;
  name: string;
  nameAttr: XmlAttr | undefined;
  defaultAttr: AttrValue | undefined;
  nodes: AclNode[];
}

export interface User {
  node: Node;
  id: string;
  idAttr: XmlAttr | undefined;
  numberAlias: string | undefined;
  params: Param[];
  variables: Param[];
  domain: Domain | undefined;
  inGroup: boolean;
  /** `<params>` of the enclosing `<group>`: inherited where the user does not set the same name. */
  groupParams: Param[];
  type: string | undefined;
  cidr: AttrValue | undefined;
}

export interface Domain {
  node: Node | undefined;
  name: string | undefined;
  nameValue: Expanded | undefined;
  params: Param[];
  variables: Param[];
  users: User[];
  hasUsersBlock: boolean;
}

export interface Action {
  node: Node;
  kind: 'action' | 'anti-action';
  application: string;
  appAttr: XmlAttr | undefined;
  data: Expanded;
  /** Where data lives: the `data` attribute or the element text. */
  dataAttr: XmlAttr | undefined;
  dataOffset: number;
  condition: Condition;
}

export interface Condition {
  node: Node;
  extension: Extension;
  parent: Condition | undefined;
  actions: Action[];
  antiActions: Action[];
  children: Condition[];
  regexes: Node[];
}

export interface Extension {
  node: Node;
  name: string;
  context: DialplanContext;
  conditions: Condition[];
}

export interface DialplanContext {
  node: Node;
  name: string;
  nameAttr: XmlAttr | undefined;
  extensions: Extension[];
}

export interface ModuleConfig {
  node: Node;
  /** e.g. "event_socket.conf" */
  name: string;
}

interface ModuleLoad {
  node: Node;
  module: string;
  attr: XmlAttr;
}

export interface Model {
  profiles: SofiaProfile[];
  gateways: Gateway[];
  aclLists: AclList[];
  domains: Domain[];
  users: User[];
  contexts: DialplanContext[];
  extensions: Extension[];
  conditions: Condition[];
  actions: Action[];
  configs: ModuleConfig[];
  moduleLoads: ModuleLoad[];
  /** Every `<param>` with the chain of ancestors, for generic per-module checks. */
  params: Param[];
}

/** Children of an element as FreeSWITCH sees them: its own children with included files spliced in. */
export function logicalChildren(tree: Tree, node: Node): Node[] {
  return spliced(node.doc, node.el.children, node.el, node);
}

/** Top-level nodes of a file, with files it includes at top level spliced in. */
export function topLevelNodes(doc: Doc, parent: Node | undefined): Node[] {
  return spliced(doc, doc.xml.roots, undefined, parent);
}

function spliced(doc: Doc, children: XmlElement[], parentEl: XmlElement | undefined, parent: Node | undefined): Node[] {
  const own: Node[] = [];
  for (let i = 0; i < children.length; i++) own.push({ doc, el: children[i]!, parent });
  // most files include nothing: no filtered copy of their include sites per element
  if (!doc.includeSites.length) return own;
  const sites = doc.includeSites.filter((s) => s.parent === parentEl && s.targets.length);
  if (!sites.length) return own;
  const out: { offset: number; nodes: Node[] }[] = own.map((n) => ({ offset: n.el.start, nodes: [n] }));
  for (const s of sites) {
    const nodes: Node[] = [];
    for (const t of s.targets) {
      if (t.includedBy !== s) continue; // a file included twice is modelled once
      nodes.push(...topLevelNodes(t, parent));
    }
    out.push({ offset: s.directive.start, nodes });
  }
  out.sort((a, b) => a.offset - b.offset);
  return out.flatMap((o) => o.nodes);
}

/** Attach each include site to the element that encloses it. */
function bindIncludeSites(tree: Tree): void {
  for (const doc of tree.order) {
    for (const site of doc.includeSites) site.parent = enclosing(doc.xml.roots, site.directive.start);
  }
}

function enclosing(roots: XmlElement[], offset: number): XmlElement | undefined {
  let list = roots;
  let found: XmlElement | undefined;
  for (;;) {
    const hit = list.find((el) => offset > el.startTagEnd - 1 && offset < el.end);
    if (!hit) return found;
    found = hit;
    list = hit.children;
  }
}

const NO_REFS_SHARED: Expanded['refs'] = [];

export function expandAttr(tree: Tree, doc: Doc, a: XmlAttr): Expanded {
  const raw = doc.text.slice(a.valueStart, a.valueEnd);
  if (raw.indexOf('$${') < 0) return { raw: a.value, value: a.value, refs: NO_REFS_SHARED };
  const e = expandRaw(tree, doc, raw, a.valueStart);
  return { raw: a.value, value: e.value === undefined ? undefined : decodeEntitiesLite(e.value), refs: e.refs };
}

function decodeEntitiesLite(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(/&(lt|gt|amp|quot|apos);/g, (_, n: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[n]!);
}

function param(tree: Tree, node: Node): Param {
  const nameAttr = attr(node.el, 'name');
  const valueAttr = attr(node.el, 'value');
  return {
    node,
    name: nameAttr?.value ?? '',
    nameAttr,
    valueAttr,
    value: valueAttr ? expandAttr(tree, node.doc, valueAttr) : { raw: '', value: '', refs: [] },
  };
}

/** Which module a `<profile>` belongs to. */
function profileModule(node: Node): string {
  for (let p = node.parent; p; p = p.parent) {
    if (p.el.name === 'configuration') return (attr(p.el, 'name')?.value ?? '').replace(/\.conf$/, '');
  }
  const path = node.doc.path;
  if (/skinny/i.test(path)) return 'skinny';
  if (/verto/i.test(basename(path))) return 'verto';
  if (/sip_profiles|sofia/i.test(path)) return 'sofia';
  // a profile with <settings>/<gateways>/<domains> on its own is most likely a sip profile
  return node.el.children.some((c) => c.name === 'gateways' || c.name === 'domains') || node.el.children.some((c) => c.name === 'settings')
    ? 'sofia'
    : 'unknown';
}

function section(node: Node): string | undefined {
  for (let p: Node | undefined = node; p; p = p.parent) {
    if (p.el.name === 'section') return attr(p.el, 'name')?.value;
    if (p.el.name === 'configuration') return 'configuration';
  }
  // standalone file: guess from the path
  const d = dirname(node.doc.path);
  if (/\/dialplan(\/|$)/.test(d)) return 'dialplan';
  if (/\/directory(\/|$)/.test(d)) return 'directory';
  if (/\/(autoload_configs|sip_profiles)(\/|$)/.test(d)) return 'configuration';
  return undefined;
}

function configName(node: Node): string | undefined {
  for (let p: Node | undefined = node; p; p = p.parent) if (p.el.name === 'configuration') return attr(p.el, 'name')?.value;
  return undefined;
}

export function nodeConfigName(node: Node): string | undefined {
  return configName(node);
}

/**
 * Reuse across analyses (language server): extensions and users of unchanged files are not rebuilt.
 * Valid only while the variable table is the same (expansions depend on it); element identity comes
 * from the parse cache: an edited element is always a new object, an element an edit only moved keeps
 * its identity (xml/incremental.ts) and its cached offsets are moved with it.
 */
export interface ModelCache {
  signature: string;
  /** `start`: where the element began when cached (an edit above it moves it; offsets are rebased). */
  extensions: WeakMap<XmlElement, { ext: Extension; conditions: Condition[]; actions: Action[]; start: number }>;
  users: WeakMap<XmlElement, { user: User; params: Param[]; start: number }>;
}

export function newModelCache(): ModelCache {
  return { signature: '', extensions: new WeakMap(), users: new WeakMap() };
}

export function varsSignature(tree: Tree): string {
  const parts: string[] = [];
  // the offset as well as the line: cached findings that point at a `set` (a user's inherited
  // $${default_password}) hold offsets, which an edit of an earlier line of that file moves
  for (const [name, defs] of tree.vars.defs)
    for (const d of defs)
      parts.push(`${name}\u0001${d.cmd}\u0001${d.value ?? '\u0002'}\u0001${d.seq}\u0001${d.doc.path}\u0001${d.directive.line}\u0001${d.directive.start}`);
  return parts.join('\u0003');
}

/** Is everything inside the element written in its own file (no include splices other files in)? */
export function cacheable(node: Node): boolean {
  const el = node.el;
  return !node.doc.includeSites.some((s) => s.directive.start >= el.start && s.directive.start < el.end);
}

export function buildModel(tree: Tree, cache?: ModelCache): Model {
  bindIncludeSites(tree);
  if (cache) {
    const sig = varsSignature(tree);
    if (sig !== cache.signature) {
      cache.signature = sig;
      cache.extensions = new WeakMap();
      cache.users = new WeakMap();
    }
  }
  return buildModelWith(tree, cache);
}

/** `cache` (when given) holds the extensions and users built by earlier analyses; it is passed down, never kept. */
function buildModelWith(tree: Tree, cache: ModelCache | undefined): Model {
  const m: Model = {
    profiles: [],
    gateways: [],
    aclLists: [],
    domains: [],
    users: [],
    contexts: [],
    extensions: [],
    conditions: [],
    actions: [],
    configs: [],
    moduleLoads: [],
    params: [],
  };
  // Roots: files not included by another modelled file (freeswitch.xml and standalone files).
  const visited = new Set<XmlElement>();
  const rootNodes: Node[] = [];
  for (const doc of tree.order) {
    if (doc.includedBy) continue; // reached through the file that includes it
    rootNodes.push(...topLevelNodes(doc, undefined));
  }
  const visit = (node: Node): void => {
    if (visited.has(node.el)) return;
    visited.add(node.el);
    const name = node.el.name;
    switch (name) {
      case 'configuration':
        m.configs.push({ node, name: attr(node.el, 'name')?.value ?? '' });
        break;
      case 'profile':
        if (profileModule(node) === 'sofia') {
          m.profiles.push(buildProfile(tree, node, m));
          return;
        }
        break;
      case 'list':
        if (isAclList(node)) {
          m.aclLists.push(buildAclList(tree, node));
          return;
        }
        break;
      case 'domain':
        // only the directory holds SIP users: a <domain> with <users> in a configuration (mod_rayo's XMPP
        // users in rayo.conf) is not one
        if (
          section(node) === 'directory' ||
          (section(node) !== 'configuration' && node.el.children.some((c) => c.name === 'user' || c.name === 'users' || c.name === 'groups'))
        ) {
          buildDomain(tree, cache, node, m);
          return;
        }
        break;
      case 'user':
        if (!node.parent || section(node) === 'directory') {
          // a user file on its own (directory/default/1000.xml)
          buildUser(tree, cache, node, undefined, false, m);
          return;
        }
        break;
      case 'context':
        if (section(node) === 'dialplan' || node.el.children.some((c) => c.name === 'extension')) {
          buildContext(tree, cache, node, m);
          return;
        }
        break;
      case 'extension':
        if (!node.parent || node.parent.el.name !== 'context') {
          // an extension file included into a context, or on its own
          const ctxNode = findAncestor(node, 'context');
          const ctx = ctxNode ? m.contexts.find((c) => c.node.el === ctxNode.el) : undefined;
          buildExtension(tree, cache, node, ctx ?? orphanContext(node, m), m);
          return;
        }
        break;
      case 'load':
        if (configName(node) === 'modules.conf' || basename(node.doc.path) === 'modules.conf.xml') {
          const a = attr(node.el, 'module');
          if (a) m.moduleLoads.push({ node, module: a.value, attr: a });
        }
        break;
      case 'param':
        m.params.push(param(tree, node));
        break;
    }
    // index loops: for…of makes an iterator result per step in code not yet optimised (every element here)
    const children = logicalChildren(tree, node);
    for (let i = 0; i < children.length; i++) visit(children[i]!);
  };
  for (const r of rootNodes) visit(r);
  return m;
}

function findAncestor(node: Node, name: string): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.el.name === name) return p;
  return undefined;
}

function orphanContext(node: Node, m: Model): DialplanContext {
  const key = `(file) ${node.doc.path}`;
  let ctx = m.contexts.find((c) => c.name === key);
  if (!ctx) {
    ctx = { node: { doc: node.doc, el: node.el, parent: undefined }, name: key, nameAttr: undefined, extensions: [] };
    // not pushed into m.contexts: it is not a context FreeSWITCH knows by name
  }
  return ctx;
}

function isAclList(node: Node): boolean {
  const cfg = configName(node);
  if (cfg === 'acl.conf') return true;
  if (cfg) return false;
  return node.el.children.some((c) => c.name === 'node') || attr(node.el, 'default') !== undefined;
}

function buildProfile(tree: Tree, node: Node, m: Model): SofiaProfile {
  const nameAttr = attr(node.el, 'name');
  const profile: SofiaProfile = {
    node,
    name: nameAttr?.value ?? '',
    nameAttr,
    settings: [],
    settingsNode: undefined,
    gateways: [],
    gatewaysNode: undefined,
  };
  for (const c of logicalChildren(tree, node)) {
    if (c.el.name === 'settings') {
      profile.settingsNode ??= c;
      for (const p of logicalChildren(tree, c))
        if (p.el.name === 'param') {
          const pr = param(tree, p);
          profile.settings.push(pr);
          m.params.push(pr);
        }
    } else if (c.el.name === 'gateways') {
      profile.gatewaysNode ??= c;
      for (const g of logicalChildren(tree, c)) if (g.el.name === 'gateway') profile.gateways.push(buildGateway(tree, g, profile, m));
    } else if (c.el.name === 'gateway') {
      profile.gateways.push(buildGateway(tree, c, profile, m));
    }
  }
  return profile;
}

function buildGateway(tree: Tree, node: Node, profile: SofiaProfile | undefined, m: Model): Gateway {
  const nameAttr = attr(node.el, 'name');
  const gw: Gateway = { node, name: nameAttr?.value ?? '', nameAttr, params: [], profile };
  // mod_sofia reads <gateway><params><param> when <params> exists, else <gateway><param>
  const children = logicalChildren(tree, node);
  const paramsBlock = children.find((c) => c.el.name === 'params');
  for (const c of paramsBlock ? logicalChildren(tree, paramsBlock) : children) {
    if (c.el.name === 'param') {
      const pr = param(tree, c);
      gw.params.push(pr);
      m.params.push(pr);
    }
  }
  m.gateways.push(gw);
  return gw;
}

function buildAclList(tree: Tree, node: Node): AclList {
  const nameAttr = attr(node.el, 'name');
  const d = attr(node.el, 'default');
  const list: AclList = {
    node,
    name: nameAttr?.value ?? '',
    nameAttr,
    defaultAttr: d ? { node, attr: d, expanded: expandAttr(tree, node.doc, d) } : undefined,
    nodes: [],
  };
  for (const c of logicalChildren(tree, node)) {
    if (c.el.name !== 'node') continue;
    const attrs = new Map<string, AttrValue>();
    for (const a of c.el.attrs) if (!attrs.has(a.name)) attrs.set(a.name, { node: c, attr: a, expanded: expandAttr(tree, c.doc, a) });
    list.nodes.push({ node: c, attrs });
  }
  return list;
}

function buildDomain(tree: Tree, cache: ModelCache | undefined, node: Node, m: Model): void {
  const nameA = attr(node.el, 'name');
  const domain: Domain = {
    node,
    name: nameA ? expandAttr(tree, node.doc, nameA).value : undefined,
    nameValue: nameA ? expandAttr(tree, node.doc, nameA) : undefined,
    params: [],
    variables: [],
    users: [],
    hasUsersBlock: false,
  };
  m.domains.push(domain);
  const walkUsers = (n: Node, inGroup: boolean, groupParams: Param[] = []): void => {
    for (const c of logicalChildren(tree, n)) {
      if (c.el.name === 'user') buildUser(tree, cache, c, domain, inGroup, m, groupParams);
      else if (c.el.name === 'users' || c.el.name === 'groups') walkUsers(c, inGroup || c.el.name === 'groups', groupParams);
      else if (c.el.name === 'group') {
        const own = logicalChildren(tree, c)
          .filter((x) => x.el.name === 'params')
          .flatMap((x) => paramsOf(tree, x, 'param', m));
        walkUsers(c, true, own);
      }
    }
  };
  for (const c of logicalChildren(tree, node)) {
    if (c.el.name === 'params') domain.params.push(...paramsOf(tree, c, 'param', m));
    else if (c.el.name === 'variables') domain.variables.push(...paramsOf(tree, c, 'variable', m));
    else if (c.el.name === 'users') {
      domain.hasUsersBlock = true;
      walkUsers(c, false);
    } else if (c.el.name === 'groups') walkUsers(c, true);
    else if (c.el.name === 'user') buildUser(tree, cache, c, domain, false, m);
  }
}

function paramsOf(tree: Tree, node: Node, child: string, m: Model): Param[] {
  const out: Param[] = [];
  for (const c of logicalChildren(tree, node)) {
    if (c.el.name === child) {
      const p = param(tree, c);
      out.push(p);
      if (child === 'param') m.params.push(p);
    }
  }
  return out;
}

function buildUser(
  tree: Tree,
  cache: ModelCache | undefined,
  node: Node,
  domain: Domain | undefined,
  inGroup: boolean,
  m: Model,
  groupParams: Param[] = [],
): void {
  const hit = cache?.users.get(node.el);
  // a moved user is rebuilt (user files are small; its params' offsets would all need moving)
  if (hit && hit.user.inGroup === inGroup && hit.start === node.el.start) {
    hit.user.domain = domain;
    hit.user.groupParams = groupParams;
    domain?.users.push(hit.user);
    m.users.push(hit.user);
    for (const p of hit.params) m.params.push(p);
    return;
  }
  const paramsBefore = m.params.length;
  const idAttr = attr(node.el, 'id');
  const cidr = attr(node.el, 'cidr');
  const user: User = {
    node,
    id: idAttr ? (expandAttr(tree, node.doc, idAttr).value ?? idAttr.value) : '',
    idAttr,
    numberAlias: attr(node.el, 'number-alias')?.value,
    params: [],
    variables: [],
    domain,
    inGroup,
    groupParams,
    type: attr(node.el, 'type')?.value,
    cidr: cidr ? { node, attr: cidr, expanded: expandAttr(tree, node.doc, cidr) } : undefined,
  };
  for (const c of logicalChildren(tree, node)) {
    if (c.el.name === 'params') user.params.push(...paramsOf(tree, c, 'param', m));
    else if (c.el.name === 'variables') user.variables.push(...paramsOf(tree, c, 'variable', m));
  }
  domain?.users.push(user);
  m.users.push(user);
  if (cache && cacheable(node)) cache.users.set(node.el, { user, params: m.params.slice(paramsBefore), start: node.el.start });
}

function buildContext(tree: Tree, cache: ModelCache | undefined, node: Node, m: Model): void {
  const nameAttr = attr(node.el, 'name');
  const ctx: DialplanContext = { node, name: nameAttr?.value ?? '', nameAttr, extensions: [] };
  m.contexts.push(ctx);
  for (const c of logicalChildren(tree, node)) if (c.el.name === 'extension') buildExtension(tree, cache, c, ctx, m);
}

function buildExtension(tree: Tree, cache: ModelCache | undefined, node: Node, ctx: DialplanContext, m: Model): void {
  const hit = cache?.extensions.get(node.el);
  if (hit) {
    if (hit.start !== node.el.start) {
      // an edit above moved this extension: move the offsets its actions carry
      const d = node.el.start - hit.start;
      for (const a of hit.actions) {
        a.dataOffset += d;
        for (const r of a.data.refs) {
          r.start += d;
          r.end += d;
        }
      }
      hit.start = node.el.start;
    }
    hit.ext.context = ctx;
    ctx.extensions.push(hit.ext);
    m.extensions.push(hit.ext);
    for (const c of hit.conditions) m.conditions.push(c);
    for (const a of hit.actions) m.actions.push(a);
    return;
  }
  const condsBefore = m.conditions.length;
  const actionsBefore = m.actions.length;
  const ext: Extension = { node, name: attr(node.el, 'name')?.value ?? '', context: ctx, conditions: [] };
  ctx.extensions.push(ext);
  m.extensions.push(ext);
  for (const c of logicalChildren(tree, node)) if (c.el.name === 'condition') ext.conditions.push(buildCondition(tree, c, ext, undefined, m));
  if (cache && cacheable(node))
    cache.extensions.set(node.el, { ext, conditions: m.conditions.slice(condsBefore), actions: m.actions.slice(actionsBefore), start: node.el.start });
}

function buildCondition(tree: Tree, node: Node, ext: Extension, parent: Condition | undefined, m: Model): Condition {
  const cond: Condition = { node, extension: ext, parent, actions: [], antiActions: [], children: [], regexes: [] };
  m.conditions.push(cond);
  for (const c of logicalChildren(tree, node)) {
    if (c.el.name === 'action' || c.el.name === 'anti-action') {
      const appAttr = attr(c.el, 'application');
      // mod_dialplan_xml reads the element text first and the data attribute only when there is none
      const hasText = c.el.textParts.length > 0 && elementText(c.doc.xml, c.el).trim() !== '';
      const dataAttr = hasText ? undefined : attr(c.el, 'data');
      let data: Expanded;
      let dataOffset: number;
      if (dataAttr) {
        data = expandAttr(tree, c.doc, dataAttr);
        dataOffset = dataAttr.valueStart;
      } else {
        const t = elementText(c.doc.xml, c.el);
        const first = c.el.textParts[0];
        dataOffset = first ? first.start : c.el.startTagEnd;
        data = first ? expandRaw(tree, c.doc, t, dataOffset) : { raw: '', value: '', refs: [] };
        if (data.value !== undefined) data = { ...data, value: t.trim() === t ? data.value : data.value.trim() };
      }
      const action: Action = {
        node: c,
        kind: c.el.name,
        application: appAttr?.value ?? '',
        appAttr,
        data,
        dataAttr,
        dataOffset,
        condition: cond,
      };
      (c.el.name === 'action' ? cond.actions : cond.antiActions).push(action);
      m.actions.push(action);
    } else if (c.el.name === 'condition') cond.children.push(buildCondition(tree, c, ext, cond, m));
    else if (c.el.name === 'regex') cond.regexes.push(c);
  }
  return cond;
}

/** A param by name (case-insensitive, last one wins as in mod_sofia's loop). */
export function findParam(params: Param[], name: string, caseSensitive = false): Param | undefined {
  let found: Param | undefined;
  const n = caseSensitive ? name : name.toLowerCase();
  // an index loop (see buildModelWith's visit): mod_sofia's settings are looked up one by one
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if ((caseSensitive ? p.name : p.name.toLowerCase()) === n) found = p;
  }
  return found;
}

export function findParams(params: Param[], name: string): Param[] {
  const n = name.toLowerCase();
  return params.filter((p) => p.name.toLowerCase() === n);
}

/**
 * The model as a file-scope rule sees it after an edit: the leaf collections (users, extensions,
 * conditions, actions, params) hold only what lives in the given files; the small container collections
 * (profiles, lists, domains, contexts, configs, module loads) stay whole, as context to read, not to walk.
 */
export function modelForDocs(m: Model, docs: ReadonlySet<Doc>): Model {
  const keep = <T extends { node: Node }>(xs: T[]): T[] => xs.filter((x) => docs.has(x.node.doc));
  // filtered on first use: most file-scope rules read the files' text, not these collections
  const scoped: Model = { ...m };
  for (const key of ['users', 'extensions', 'conditions', 'actions', 'params'] as const) {
    let value: Model[typeof key] | undefined;
    Object.defineProperty(scoped, key, { enumerable: true, get: () => (value ??= keep(m[key] as { node: Node }[]) as Model[typeof key]) });
  }
  return scoped;
}
