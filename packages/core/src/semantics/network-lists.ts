/**
 * The conf tree's network lists, as FreeSWITCH builds them: `<configuration name="acl.conf">` →
 * `<network-lists>` → `<list>`/`<node>` (after `$${}` expansion) plus the ten built-in `*.auto` lists,
 * `domain=` nodes resolved against the directory, and every place that names a list (sofia, gateways,
 * event_socket, verto, `check_acl`, directory `auth-acl`).
 *
 * Used by the `acl/*` rules, the ACL hover provider, `fsconf acl` and the language server
 * (`testAddress`, `aclListNames`). Pure, no I/O.
 */
import type { Analysis } from '../analysis.js';
import { buildNetworkLists, checkAddress, parseIp, switchTrue, type AclListDef, type AclNodeDef, type DomainUsers, type NetworkLists } from '../acl/index.js';
import { findParams, nodeConfigName, type AclList, type AclNode, type Domain, type Model, type Node } from '../model.js';
import type { Doc, Expanded } from '../tree.js';
import { relativePath } from '../fs.js';

// ---------------------------------------------------------------------------------------------
// Local network ("ip/mask")
// ---------------------------------------------------------------------------------------------

export interface LocalNet {
  ip: string;
  /** dotted mask or a prefix length */
  mask: string;
}

/** Parse "192.168.1.10/255.255.255.0" or "192.168.1.10/24"; undefined when malformed. */
export function parseLocalNet(text: string): LocalNet | undefined {
  const m = /^\s*(\d{1,3}(?:\.\d{1,3}){3})\s*\/\s*(\d{1,3}(?:\.\d{1,3}){3}|\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const ip = m[1]!;
  const mask = m[2]!;
  const okOctets = (s: string) => s.split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')));
  if (!okOctets(ip)) return undefined;
  if (mask.includes('.')) {
    if (!okOctets(mask)) return undefined;
  } else if (Number(mask) > 32) return undefined;
  return { ip, mask };
}

function localNetKey(l: LocalNet | undefined): string {
  return l ? `${l.ip}/${l.mask}` : '';
}

// ---------------------------------------------------------------------------------------------
// Lists from the model
// ---------------------------------------------------------------------------------------------

/** One `<list>` of acl.conf as fsconf read it. */
interface AclListInfo {
  list: AclList;
  def: AclListDef;
  /** default= depends on a variable fsconf cannot know. */
  unknownDefault: boolean;
  /** Nodes left out of the evaluation because a value they depend on is unknown. */
  unknownNodes: AclNode[];
  /** A later `<list>` with the same name replaces this one. */
  replacedBy?: AclListInfo;
}

export interface AclModel {
  lists: NetworkLists;
  /** The `<list>` elements FreeSWITCH reads, in file order. */
  infos: AclListInfo[];
  /** The definition in force for each name (the last one). */
  byName: Map<string, AclListInfo>;
  localNet: LocalNet | undefined;
}

function lineOf(doc: Doc, offset: number): number {
  return doc.lines.lineOf(offset) + 1;
}

function sourceOf(node: Node): { file: string; line: number } {
  return { file: node.doc.path, line: lineOf(node.doc, node.el.start) };
}

function hasAncestor(node: Node, name: string): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.el.name === name) return true;
  return false;
}

function configNode(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.el.name === 'configuration') return p;
  return undefined;
}

/**
 * The `<list>` elements FreeSWITCH loads: those of the first acl.conf `<configuration>` (in load order)
 * sitting in its `<network-lists>`. Lists in files the tree does not reach count only when nothing
 * reachable defines lists (a file opened on its own).
 */
export function effectiveAclLists(model: Model): AclList[] {
  const all = model.aclLists.filter((l) => !l.node.parent || l.node.parent.el.name === 'network-lists' || !configNode(l.node));
  const reachable = all.filter((l) => l.node.doc.reachable);
  const pool = reachable.length ? reachable : all;
  const firstCfg = pool.map((l) => configNode(l.node)).find((c) => c !== undefined);
  if (!firstCfg) return pool;
  return pool.filter((l) => {
    const c = configNode(l.node);
    return c === undefined ? false : c.el === firstCfg.el;
  });
}

/** Result of looking a `domain=` value up in the directory. */
export type DomainMatch = { kind: 'found'; domain: Domain } | { kind: 'missing' } | { kind: 'unknown' };

/**
 * Find the directory domain a `domain=` attribute names, as switch_xml_locate_domain does (first
 * `<domain>` whose name matches, case-insensitively). A value fsconf cannot expand is matched by its
 * raw text against the domains' raw `name` text (vanilla: `domain="$${domain}"` and
 * `<domain name="$${domain}">`); if that fails the answer is unknown.
 */
export function matchDomain(model: Model, value: Expanded): DomainMatch {
  const v = value.value;
  if (v !== undefined) {
    const lv = v.toLowerCase();
    const hit = model.domains.find((d) => d.name !== undefined && d.name.toLowerCase() === lv);
    if (hit) return { kind: 'found', domain: hit };
    if (model.domains.some((d) => d.nameValue !== undefined && d.name === undefined)) return { kind: 'unknown' };
    return { kind: 'missing' };
  }
  const raw = value.raw.trim();
  const hit = model.domains.find((d) => d.nameValue !== undefined && d.nameValue.raw.trim() === raw);
  if (hit) return { kind: 'found', domain: hit };
  return { kind: 'unknown' };
}

function domainUsers(d: Domain): DomainUsers {
  const users: DomainUsers['users'] = [];
  for (const u of d.users) {
    const c = u.cidr?.expanded.value;
    if (c === undefined) continue;
    users.push({ id: u.id, cidr: c, inGroup: u.inGroup, source: sourceOf(u.node) });
  }
  return { users, hasUsersBlock: d.hasUsersBlock };
}

const NODE_ATTRS: [string, keyof AclNodeDef][] = [
  ['type', 'type'],
  ['cidr', 'cidr'],
  ['host', 'host'],
  ['mask', 'mask'],
  ['domain', 'domain'],
  ['port', 'port'],
  ['ports', 'ports'],
  ['port-min', 'portMin'],
  ['port-max', 'portMax'],
];

function buildModelLists(model: Model, localNet: LocalNet | undefined): AclModel {
  const infos: AclListInfo[] = [];
  const domainKeys = new Map<string, DomainUsers>();
  for (const list of effectiveAclLists(model)) {
    const def: AclListDef = { name: list.name, nodes: [], source: sourceOf(list.node) };
    let unknownDefault = false;
    if (list.defaultAttr) {
      const v = list.defaultAttr.expanded.value;
      if (v === undefined) {
        unknownDefault = true;
        def.default = list.defaultAttr.attr.value;
      } else def.default = v;
    }
    const unknownNodes: AclNode[] = [];
    for (const n of list.nodes) {
      const nd: AclNodeDef = { source: sourceOf(n.node) };
      let unknown = false;
      for (const [a, key] of NODE_ATTRS) {
        const av = n.attrs.get(a);
        if (!av) continue;
        if (av.expanded.value === undefined) {
          if (a === 'domain') continue; // resolved below by raw text
          unknown = true;
          break;
        }
        (nd as Record<string, unknown>)[key] = av.expanded.value;
      }
      const dom = n.attrs.get('domain');
      if (!unknown && dom) {
        const m = matchDomain(model, dom.expanded);
        if (m.kind === 'unknown') unknown = true;
        else if (m.kind === 'found') {
          // hand the engine a key that resolves to exactly this domain
          const name = dom.expanded.value ?? dom.expanded.raw;
          if (!domainKeys.has(name)) domainKeys.set(name, domainUsers(m.domain));
          nd.domain = name;
        } else nd.domain = dom.expanded.value ?? dom.expanded.raw;
      }
      if (unknown) {
        unknownNodes.push(n);
        continue;
      }
      def.nodes.push(nd);
    }
    infos.push({ list, def, unknownDefault, unknownNodes });
  }
  const lists = buildNetworkLists(
    infos.map((i) => i.def),
    {
      ...(localNet ? { localNet } : {}),
      resolveDomain: (name) => domainKeys.get(name),
    },
  );
  const byName = new Map<string, AclListInfo>();
  for (const info of infos) {
    if (!info.list.name) continue;
    const prev = byName.get(info.list.name);
    if (prev) prev.replacedBy = info;
    byName.set(info.list.name, info);
  }
  return { lists, infos, byName, localNet };
}

const cache = new WeakMap<Model, Map<string, AclModel>>();

/** The network lists of a model (cached per model and local net). */
export function aclModelFor(model: Model, localNet?: LocalNet): AclModel {
  let per = cache.get(model);
  if (!per) cache.set(model, (per = new Map()));
  const key = localNetKey(localNet);
  let m = per.get(key);
  if (!m) per.set(key, (m = buildModelLists(model, localNet)));
  return m;
}

function resolveLocalNet(analysis: Analysis, given: string | LocalNet | undefined): LocalNet | undefined {
  if (given !== undefined) return typeof given === 'string' ? parseLocalNet(given) : given;
  const c = analysis.config.localNet;
  return c ? parseLocalNet(c) : undefined;
}

/**
 * All network lists of an analysis (built-ins + acl.conf), cached per analysis. `localNet` ("ip/mask")
 * defaults to `.fsconf.yaml`'s `localNet`; without one, localnet.auto and nat.auto are unknown where the
 * host's network matters.
 */
export function networkListsFor(analysis: Analysis, opts: { localNet?: string | LocalNet } = {}): NetworkLists {
  return aclModelFor(analysis.model, resolveLocalNet(analysis, opts.localNet)).lists;
}

// ---------------------------------------------------------------------------------------------
// Testing an address
// ---------------------------------------------------------------------------------------------

export interface AclTestResult {
  verdict: 'allow' | 'deny' | 'unknown';
  list: string;
  /**
   * The node that decided; null when the list default decided (or the name is no list). `file` is the
   * absolute path and `line` 1-based; both are null for a node of a built-in `*.auto` list.
   * For a `domain=` node, the deciding entry is the directory `<user cidr=…>` (token = "id@domain").
   */
  decidedBy: { file: string | null; line: number | null; cidr: string; type: 'allow' | 'deny'; token?: string } | null;
  reason: string;
  /** Every node that matched, with its prefix length (longest wins; ties: first in the file). */
  competing: { cidr: string; bits: number; type: 'allow' | 'deny'; file: string | null; line: number | null }[];
  /** The name is no list and was read as inline CIDRs. */
  inline?: boolean;
  /** The name is no list and not a CIDR: FreeSWITCH denies everything. */
  unknownList?: boolean;
  /** The address is not an IPv4/IPv6 address. */
  invalidAddress?: boolean;
}

function describeUnknownNode(n: AclNode): string {
  const line = lineOf(n.node.doc, n.node.el.start);
  const refs: string[] = [];
  for (const av of n.attrs.values()) for (const r of av.expanded.refs) if (r.unknown) refs.push(`$\${${r.name}}`);
  return `the node at line ${line}${refs.length ? ` (${[...new Set(refs)].join(', ')})` : ''}`;
}

/**
 * Evaluate `ip` against list `list` exactly as FreeSWITCH would (switch_check_network_list_ip_port_token),
 * with the node that decided and why. `port` models callers that pass one (sofia with
 * use-port-for-acl-check, apply-proxy-acl); omitted = ports ignored, like the `acl` API.
 */
export function testAddress(analysis: Analysis, ip: string, list: string, opts: { port?: number; localNet?: string | LocalNet } = {}): AclTestResult {
  const am = aclModelFor(analysis.model, resolveLocalNet(analysis, opts.localNet));
  return testAddressIn(am, ip, list, opts.port);
}

/** testAddress over an already built AclModel. */
export function testAddressIn(am: AclModel, ip: string, list: string, port?: number): AclTestResult {
  const parsed = parseIp(ip);
  const v = checkAddress(am.lists, list, ip, port);
  const res: AclTestResult = {
    verdict: v.verdict,
    list,
    decidedBy: v.decidedBy
      ? {
          file: v.decidedBy.source?.file ?? null,
          line: v.decidedBy.source?.line ?? null,
          cidr: v.decidedBy.cidr,
          type: v.decidedBy.type,
          ...(v.decidedBy.token ? { token: v.decidedBy.token } : {}),
        }
      : null,
    reason: v.reason,
    competing: v.competing.map((c) => ({ cidr: c.cidr, bits: c.bits, type: c.type, file: c.source?.file ?? null, line: c.source?.line ?? null })),
  };
  if (v.inline) res.inline = true;
  if (v.unknownList) res.unknownList = true;
  if (!parsed.ok) {
    res.invalidAddress = true;
    return res;
  }
  // the prefix lengths that competed
  if (res.decidedBy && v.competing.length > 1) {
    const win = v.competing.find((c) => c.cidr === v.decidedBy!.cidr && c.source?.line === v.decidedBy!.source?.line)?.bits;
    const others = [...new Set(v.competing.map((c) => c.bits))].filter((b) => b !== win).sort((a, b) => b - a);
    if (win !== undefined && others.length) {
      const beaten = others.map((b) => `/${b}`).join(', ');
      const plain = `the longest prefix /${win} wins`;
      res.reason = res.reason.includes(plain)
        ? res.reason.replace(plain, `the longest prefix wins: /${win} beats ${beaten}`)
        : `${res.reason}; /${win} beats ${beaten}`;
    }
  }
  // parts fsconf cannot know
  const info = am.byName.get(list);
  if (info && res.verdict !== 'unknown' && am.lists.lists.get(list)?.builtin === false) {
    const flipping = info.unknownNodes.filter((n) => {
      const t = n.attrs.get('type');
      if (!t) return info.unknownDefault || (switchTrueLite(info.def.default) ? 'allow' : 'deny') !== res.verdict;
      if (t.expanded.value === undefined) return true;
      return (switchTrueLite(t.expanded.value) ? 'allow' : 'deny') !== res.verdict;
    });
    if (flipping.length) {
      res.reason = `the result depends on ${flipping.map(describeUnknownNode).join(' and ')}, whose value fsconf cannot know; without ${flipping.length === 1 ? 'it' : 'them'}: ${res.verdict} (${res.reason})`;
      res.verdict = 'unknown';
      res.decidedBy = null;
    } else if (info.unknownDefault) {
      const decidedNode = res.decidedBy
        ? info.list.nodes.find((n) => lineOf(n.node.doc, n.node.el.start) === res.decidedBy!.line && n.node.doc.path === res.decidedBy!.file)
        : undefined;
      const explicit = decidedNode?.attrs.get('type')?.expanded.value !== undefined;
      if (!explicit) {
        const dv = info.list.defaultAttr!;
        res.reason = `the result is the list default, default="${dv.attr.value}", whose value fsconf cannot know (${res.reason})`;
        res.verdict = 'unknown';
        res.decidedBy = null;
      }
    }
  }
  return res;
}

function switchTrueLite(v: string | undefined): boolean {
  return v === undefined ? true : switchTrue(v); // a missing default means allow
}

// ---------------------------------------------------------------------------------------------
// List names
// ---------------------------------------------------------------------------------------------

export interface AclListName {
  name: string;
  /** Absolute path of the definition in force (absent for built-ins). */
  file?: string;
  /** 1-based line of that definition. */
  line?: number;
  builtin: boolean;
  default: 'allow' | 'deny';
}

/** Every list name FreeSWITCH would know: built-ins first (unless replaced), then acl.conf lists. */
export function aclListNames(analysis: Analysis): AclListName[] {
  return listNamesOf(aclModelFor(analysis.model, resolveLocalNet(analysis, undefined)).lists);
}

function listNamesOf(lists: NetworkLists): AclListName[] {
  const out: AclListName[] = [];
  for (const l of lists.lists.values()) {
    const e: AclListName = { name: l.name, builtin: l.builtin, default: l.defaultAllow ? 'allow' : 'deny' };
    if (l.source) {
      e.file = l.source.file;
      e.line = l.source.line;
    }
    out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

type AclRefRole = 'inbound' | 'register' | 'proxy' | 'nat' | 'local-network' | 'candidate' | 'auth' | 'esl' | 'verto-connection' | 'check_acl';

/** A place that names a network list. */
export interface AclReference {
  /** Who refers: "sofia profile internal", "gateway gw1", "event_socket", "verto profile x", "extension y", "user 1000"… */
  owner: string;
  /** The param (apply-inbound-acl, …) or application (check_acl). */
  param: string;
  role: AclRefRole;
  /** The list name FreeSWITCH will look up; undefined when fsconf cannot know it. */
  name: string | undefined;
  doc: Doc;
  /** Offsets of the name in the file (the whole value when `$${}` was expanded). */
  start: number;
  end: number;
  /** The `<param>`/`<action>` element. */
  node: Node;
}

export function refLabel(r: AclReference): string {
  return r.param === 'check_acl' ? `check_acl in ${r.owner}` : `${r.owner} ${r.param}`;
}

/**
 * A reference inside a value: `pick` returns the name's index/length inside the expanded value. When the
 * raw text equals the expanded value, the range is exact; otherwise it covers the whole value.
 */
function makeRef(
  base: Omit<AclReference, 'name' | 'start' | 'end' | 'doc'>,
  doc: Doc,
  start: number,
  end: number,
  value: Expanded,
  pick: (v: string) => { index: number; text: string } | undefined,
): AclReference | undefined {
  const raw = doc.text.slice(start, end);
  if (value.value === undefined) return { ...base, doc, name: undefined, start, end };
  const p = pick(value.value);
  if (!p) return undefined;
  if (raw === value.value) return { ...base, doc, name: p.text, start: start + p.index, end: start + p.index + p.text.length };
  return { ...base, doc, name: p.text, start, end };
}

const SOFIA_REFS: [string, AclRefRole][] = [
  ['apply-inbound-acl', 'inbound'],
  ['apply-register-acl', 'register'],
  ['apply-proxy-acl', 'proxy'],
  ['apply-nat-acl', 'nat'],
  ['local-network-acl', 'local-network'],
  ['apply-candidate-acl', 'candidate'],
];

/** Params (lower-case) whose value names a list, for completion. */
export const ACL_PARAM_NAMES = new Set([
  'apply-inbound-acl',
  'apply-register-acl',
  'apply-proxy-acl',
  'apply-nat-acl',
  'local-network-acl',
  'apply-candidate-acl',
  'apply-connection-acl',
  'auth-acl',
  'gw-auth-acl',
]);

const whole = (v: string) => (v === '' || v.toLowerCase() === 'none' ? undefined : { index: 0, text: v });

const refCache = new WeakMap<Model, AclReference[]>();

/** Every reference to a network list in the tree, in model order. */
export function aclReferences(model: Model): AclReference[] {
  const cached = refCache.get(model);
  if (cached) return cached;
  const out: AclReference[] = [];
  const push = (r: AclReference | undefined) => {
    if (r) out.push(r);
  };
  // sofia profiles
  for (const profile of model.profiles) {
    for (const [pname, role] of SOFIA_REFS) {
      for (const p of findParams(profile.settings, pname)) {
        if (!p.valueAttr) continue;
        const pick =
          role === 'inbound'
            ? (v: string) => {
                // name[:pass_context[:fail_context]]
                const name = v.split(':')[0]!;
                return name === '' || v.toLowerCase() === 'none' ? undefined : { index: 0, text: name };
              }
            : whole;
        push(
          makeRef(
            { owner: `sofia profile "${profile.name}"`, param: pname, role, node: p.node },
            p.node.doc,
            p.valueAttr.valueStart,
            p.valueAttr.valueEnd,
            p.value,
            pick,
          ),
        );
      }
    }
    for (const gw of profile.gateways) {
      for (const p of gw.params) {
        if (p.name !== 'gw-auth-acl' || !p.valueAttr) continue;
        push(
          makeRef(
            { owner: `gateway "${gw.name}"`, param: 'gw-auth-acl', role: 'auth', node: p.node },
            p.node.doc,
            p.valueAttr.valueStart,
            p.valueAttr.valueEnd,
            p.value,
            whole,
          ),
        );
      }
    }
  }
  // module configs and the directory
  for (const p of model.params) {
    if (!p.valueAttr) continue;
    const lname = p.name.toLowerCase();
    const cfg = nodeConfigName(p.node);
    if (cfg === 'event_socket.conf' && lname === 'apply-inbound-acl' && p.node.parent?.el.name === 'settings') {
      push(
        makeRef(
          { owner: 'event_socket', param: 'apply-inbound-acl', role: 'esl', node: p.node },
          p.node.doc,
          p.valueAttr.valueStart,
          p.valueAttr.valueEnd,
          p.value,
          whole,
        ),
      );
    } else if (cfg === 'verto.conf' && (lname === 'apply-connection-acl' || lname === 'apply-candidate-acl')) {
      let prof: Node | undefined;
      for (let q = p.node.parent; q; q = q.parent) if (q.el.name === 'profile') prof = q;
      const pn = prof?.el.attrs.find((a) => a.name === 'name')?.value ?? '';
      push(
        makeRef(
          { owner: `verto profile "${pn}"`, param: lname, role: lname === 'apply-connection-acl' ? 'verto-connection' : 'candidate', node: p.node },
          p.node.doc,
          p.valueAttr.valueStart,
          p.valueAttr.valueEnd,
          p.value,
          whole,
        ),
      );
    } else if (cfg === undefined && lname === 'auth-acl' && (hasAncestor(p.node, 'user') || hasAncestor(p.node, 'domain') || hasAncestor(p.node, 'group'))) {
      let owner = 'directory';
      for (let q = p.node.parent; q; q = q.parent) {
        const id = q.el.attrs.find((a) => a.name === (q!.el.name === 'user' ? 'id' : 'name'))?.value;
        if (q.el.name === 'user' || q.el.name === 'group' || q.el.name === 'domain') {
          owner = `${q.el.name} "${id ?? ''}"`;
          break;
        }
      }
      push(makeRef({ owner, param: 'auth-acl', role: 'auth', node: p.node }, p.node.doc, p.valueAttr.valueStart, p.valueAttr.valueEnd, p.value, whole));
    }
  }
  // dialplan: check_acl <ip> <acl|cidr> [cause]
  for (const a of model.actions) {
    if (a.application !== 'check_acl') continue;
    const doc = a.node.doc;
    let start: number;
    let end: number;
    if (a.dataAttr) {
      start = a.dataAttr.valueStart;
      end = a.dataAttr.valueEnd;
    } else {
      const t = a.node.el.textParts[0];
      if (!t) continue;
      start = t.start;
      end = t.end;
    }
    const pick = (v: string) => {
      const m = /^(\s*\S+\s+)(\S+)/.exec(v);
      if (!m) return undefined;
      const name = m[2]!;
      if (name.includes('${')) return undefined; // a channel variable: known only at run time
      return { index: m[1]!.length, text: name };
    };
    push(makeRef({ owner: `extension "${a.condition.extension.name}"`, param: 'check_acl', role: 'check_acl', node: a.node }, doc, start, end, a.data, pick));
  }
  refCache.set(model, out);
  return out;
}

/** Does a reference name something FreeSWITCH will find (a list, a built-in, or inline CIDRs)? */
export function referenceResolves(am: AclModel, name: string): boolean {
  return am.lists.lists.has(name) || name.includes('/');
}

/** "autoload_configs/acl.conf.xml" relative to the tree root (or the path itself). */
export function displayPath(root: string | undefined, path: string): string {
  return root ? relativePath(root, path) : path;
}
