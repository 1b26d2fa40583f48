/**
 * FreeSWITCH network-list (ACL) engine: builds lists the way switch_load_network_lists
 * (src/switch_core.c) does and evaluates addresses exactly like
 * switch_network_list_validate_ip[6]_port_token (src/switch_utils.c) and
 * switch_check_network_list_ip_port_token (src/switch_core.c).
 *
 * Matching algorithm (C): the result starts as the list default; nodes are walked from the head of a
 * linked list onto which every node was pushed (so in reverse file order), and a matching node
 * replaces the result when node->bits >= best_bits_so_far. Net effect: the longest prefix wins and,
 * among equal prefixes, the node that comes FIRST in the file wins. We precompute, per list and family,
 * the nodes grouped by prefix length (descending) and by effective mask, with hash tables keyed by the
 * masked address, so a lookup is a handful of integer hash probes regardless of list size.
 *
 * Pure, no I/O.
 */
import { cAtoi, hasMappedPrefix, inetPton4, inetPton4Range, inetPton6, isRecognisedBooleanWord, separateString, switchTrue } from './c-compat.js';
import { formatIPv4, parseIp, rawParseCidr } from './cidr.js';
import { didYouMean } from '../kb/did-you-mean.js';
import type { IpFamily } from './cidr.js';

// ---------------------------------------------------------------------------------------------
// Public input types
// ---------------------------------------------------------------------------------------------

interface SourceRef {
  file: string;
  /** 1-based line */
  line: number;
}

/** One <node> element: attribute values exactly as written (undefined = attribute absent). */
export interface AclNodeDef {
  type?: string;
  cidr?: string;
  host?: string;
  mask?: string;
  domain?: string;
  port?: string;
  ports?: string;
  portMin?: string;
  portMax?: string;
  source?: SourceRef;
}

/** One <list> element. */
export interface AclListDef {
  name: string;
  /** The default= attribute as written; undefined = absent (which means allow). */
  default?: string;
  nodes: AclNodeDef[];
  source?: SourceRef;
}

/**
 * Users of a directory domain, for <node domain="..."/>.
 * `users` in document order: users under <domain><users> (or directly under <domain> when it has no
 * <users> element) have inGroup=false; users under <groups><group><users> have inGroup=true.
 * `cidr` is the cidr= ATTRIBUTE of <user> (a <param name="cidr"> does not count); leave users without
 * it out. `hasUsersBlock` = the domain has a <users> child: FreeSWITCH then looks for <groups> inside
 * <users> and so never sees group members (quirk) — the engine applies that rule for you.
 */
export interface DomainUsers {
  users: { id: string; cidr: string; inGroup: boolean; source?: SourceRef }[];
  hasUsersBlock: boolean;
}

export interface BuildOptions {
  /**
   * The host's IPv4 address and netmask as FreeSWITCH would guess them (switch_find_local_ip), used by
   * localnet.auto and nat.auto. `mask` is dotted (255.255.255.0); a bare prefix length ("24") is also
   * accepted. Without it those two lists evaluate to 'unknown' whenever the answer depends on it.
   */
  localNet?: { ip: string; mask: string };
  /** Look a domain up in the directory (purpose=network-list); undefined = "Cannot locate domain". */
  resolveDomain?: (name: string) => DomainUsers | undefined;
}

// ---------------------------------------------------------------------------------------------
// Compiled model
// ---------------------------------------------------------------------------------------------

type AclDiagnosticCode =
  | 'list-without-name'
  | 'duplicate-list'
  | 'overrides-builtin'
  | 'default-not-boolean'
  | 'type-not-boolean'
  | 'cidr-no-bits'
  | 'cidr-bits-out-of-range'
  | 'cidr-malformed-address'
  | 'cidr-bits-not-numeric'
  | 'cidr-host-bits-set'
  | 'cidr-quirk'
  | 'cidr-mapped'
  | 'cidr-list-truncated'
  | 'hostmask-malformed'
  | 'hostmask-noncontiguous'
  | 'domain-not-found'
  | 'domain-overrides-cidr'
  | 'domain-group-users-ignored'
  | 'cidr-overrides-host'
  | 'host-without-mask'
  | 'node-without-address'
  | 'ports-truncated'
  | 'port-zero'
  | 'port-min-without-max'
  | 'port-range-empty'
  | 'port-not-numeric';

interface AclDiagnostic {
  code: AclDiagnosticCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  list: string;
  source?: SourceRef;
}

type AclNodeKind = 'cidr' | 'hostmask' | 'user' | 'localnet';

/** A node as FreeSWITCH stores it (one per CIDR item / host+mask / directory user). */
export interface AclNode {
  /** Position in the list, file order, 0-based. Lower wins ties. */
  readonly index: number;
  readonly kind: AclNodeKind;
  /** Human label: the CIDR item, "host H mask M", or "CIDR (user id@domain)". */
  readonly label: string;
  /** The CIDR item text (for host/mask nodes "H/M"). */
  readonly cidr: string;
  readonly allow: boolean;
  /** 0 = family not set (host/mask nodes: tested for IPv4 AND IPv6 addresses). */
  readonly family: 0 | 4 | 6;
  /** Priority (prefix length, or popcount of a host/mask mask). */
  readonly bits: number;
  /** The address could not be parsed: FreeSWITCH matches garbage; we match nothing. */
  readonly malformed: boolean;
  /** The host-dependent localnet.auto / nat.auto node when no localNet was given (matches nothing). */
  readonly hostDependent: boolean;
  /** IPv4 view (host order), as switch_test_subnet sees it. */
  readonly v4Net: number;
  readonly v4Mask: number;
  /** IPv6 view (big-endian words of the 16 bytes in memory), as switch_testv6_subnet sees it. */
  readonly v6Net: Uint32Array;
  readonly v6Mask: Uint32Array;
  /** Port constraints exactly as stored (atoi'd). */
  readonly port: number;
  readonly ports: readonly number[];
  readonly portMin: number;
  readonly portMax: number;
  readonly hasPortConstraint: boolean;
  /** "id@domain" for directory users. */
  readonly token?: string;
  /** Where the address comes from (the <user> for domain users, else the <node>). */
  readonly source?: SourceRef;
  /** The <node> element (differs from source for directory users). */
  readonly nodeSource?: SourceRef;
  /** Note about a FreeSWITCH quirk that changes this node's meaning. */
  readonly quirk?: string;
}

interface FamilyIndex {
  /** levels by bits, descending */
  levels: Level[];
  anyPorts: boolean;
  count: number;
}
interface Level {
  bits: number;
  groups: Group[];
}
interface Group {
  m0: number;
  m1: number;
  m2: number;
  m3: number;
  table: IntHash;
  cands: AclNode[][];
}

export interface NetworkList {
  readonly name: string;
  readonly defaultAllow: boolean;
  /** default= as written (undefined = absent → allow). */
  readonly defaultAttr?: string;
  readonly builtin: boolean;
  /** localnet.auto / nat.auto built without localNet. */
  readonly hostDependent: boolean;
  readonly nodes: readonly AclNode[];
  readonly source?: SourceRef;
  readonly diagnostics: readonly AclDiagnostic[];
  /** The definition this one replaced (last definition wins). */
  readonly replaced?: { builtin: boolean; source?: SourceRef };
  /** @internal */ readonly _idx4: FamilyIndex;
  /** @internal */ readonly _idx6: FamilyIndex;
  /** @internal */ readonly _placeholder: AclNode | null;
  /** @internal verdict for an unparsable address of that family: 1/0 when every node agrees with the default, else -1 */
  readonly _uniform4: 1 | 0 | -1;
  /** @internal */ readonly _uniform6: 1 | 0 | -1;
}

export interface NetworkLists {
  /** All lists by (case-sensitive) name, built-ins first. */
  readonly lists: ReadonlyMap<string, NetworkList>;
  readonly localNet?: { ip: string; mask: string };
  /** All build diagnostics, in order. */
  readonly diagnostics: readonly AclDiagnostic[];
  /** @internal */ readonly _inline: Map<string, InlineList>;
}

export const BUILTIN_LIST_NAMES = [
  'rfc6598.auto',
  'rfc1918.auto',
  'wan.auto',
  'wan_v6.auto',
  'wan_v4.auto',
  'any_v6.auto',
  'any_v4.auto',
  'nat.auto',
  'loopback.auto',
  'localnet.auto',
] as const;

const MAX_NETWORK_PORTS = 10;
/** argv[32] in switch_network_list_add_cidr_port_token */
export const MAX_CIDR_ITEMS = 32;
/** argv[100] in switch_check_network_list_ip_port_token */
const MAX_INLINE_ITEMS = 100;

// ---------------------------------------------------------------------------------------------
// Small open-addressing int32 hash (no allocation on lookup)
// ---------------------------------------------------------------------------------------------

class IntHash {
  private readonly keys: Int32Array;
  private readonly vals: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  constructor(entries: number) {
    let cap = 4;
    let log = 2;
    while (cap < entries * 2) {
      cap <<= 1;
      log++;
    }
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.shift = 32 - log;
  }
  set(key: number, val: number): void {
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.vals[h] !== -1) {
      if (this.keys[h] === key) {
        this.vals[h] = val;
        return;
      }
      h = (h + 1) & this.mask;
    }
    this.keys[h] = key;
    this.vals[h] = val;
  }
  get(key: number): number {
    const vals = this.vals;
    const keys = this.keys;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    let v = vals[h]!;
    while (v !== -1) {
      if (keys[h] === key) return v;
      h = (h + 1) & this.mask;
      v = vals[h]!;
    }
    return -1;
  }
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

interface PortRange {
  port: number;
  ports: number[];
  min: number;
  max: number;
}
const NO_PORTS: PortRange = { port: 0, ports: [], min: 0, max: 0 };

type MutableNode = { -readonly [K in keyof AclNode]: AclNode[K] };

class ListBuilder {
  readonly nodes: MutableNode[] = [];
  readonly diagnostics: AclDiagnostic[] = [];
  placeholder: MutableNode | null = null;
  constructor(
    readonly name: string,
    readonly defaultAllow: boolean,
    readonly builtin: boolean,
  ) {}

  diag(code: AclDiagnosticCode, severity: AclDiagnostic['severity'], message: string, source?: SourceRef): void {
    const d: AclDiagnostic = { code, severity, message, list: this.name };
    if (source) d.source = source;
    this.diagnostics.push(d);
  }

  private push(n: Omit<MutableNode, 'index'>): MutableNode {
    // Always the same property set and order: one hidden class keeps the hot paths monomorphic.
    const node: MutableNode = {
      index: this.nodes.length,
      kind: n.kind,
      label: n.label,
      cidr: n.cidr,
      allow: n.allow,
      family: n.family,
      bits: n.bits,
      malformed: n.malformed,
      hostDependent: n.hostDependent,
      v4Net: n.v4Net,
      v4Mask: n.v4Mask,
      v6Net: n.v6Net,
      v6Mask: n.v6Mask,
      port: n.port,
      ports: n.ports,
      portMin: n.portMin,
      portMax: n.portMax,
      hasPortConstraint: n.hasPortConstraint,
      token: n.token,
      source: n.source,
      nodeSource: n.nodeSource,
      quirk: n.quirk,
    };
    this.nodes.push(node);
    return node;
  }

  /** switch_network_list_add_cidr_port_token */
  addCidrPortToken(
    cidr: string,
    ok: boolean,
    token: string | undefined,
    ports: PortRange,
    source: SourceRef | undefined,
    nodeSource: SourceRef | undefined,
  ): void {
    if (cidr.includes(',')) {
      const items = separateString(cidr, ',', MAX_CIDR_ITEMS);
      if (items.length === MAX_CIDR_ITEMS && items[MAX_CIDR_ITEMS - 1]!.includes(',')) {
        this.diag(
          'cidr-list-truncated',
          'error',
          `cidr= has more than ${MAX_CIDR_ITEMS} items; FreeSWITCH only splits the first ${MAX_CIDR_ITEMS - 1} and the rest stays glued to item ${MAX_CIDR_ITEMS} ("${items[MAX_CIDR_ITEMS - 1]!.slice(0, 40)}…"), so everything after it is ignored`,
          source,
        );
      }
      for (const item of items) this.performAddCidrToken(item, ok, token, ports, source, nodeSource);
    } else {
      this.performAddCidrToken(cidr, ok, token, ports, source, nodeSource);
    }
  }

  /** switch_network_list_perform_add_cidr_token */
  performAddCidrToken(
    cidrIn: string,
    ok: boolean,
    token: string | undefined,
    ports: PortRange,
    source: SourceRef | undefined,
    nodeSource: SourceRef | undefined,
  ): void {
    const mapped = hasMappedPrefix(cidrIn);
    const cidr = mapped ? cidrIn.slice(7) : cidrIn;
    const raw = rawParseCidr(cidr);
    const what = `"${cidrIn}"`;
    if (raw.rc === -1) {
      this.diag(
        'cidr-no-bits',
        'error',
        `${what} has no "/bits" prefix length; FreeSWITCH logs "Error Adding" and skips it${cidr.trim() === '' ? ' (empty item)' : ''}`,
        source,
      );
      return;
    }
    if (raw.rc === -2) {
      const max = raw.family === 4 ? 32 : 128;
      this.diag(
        'cidr-bits-out-of-range',
        'error',
        `${what}: prefix length ${raw.bits} is outside 0-${max}${mapped ? ' (the "::ffff:" prefix is stripped, so this is an IPv4 CIDR)' : ''}; FreeSWITCH skips it`,
        source,
      );
      return;
    }
    if (mapped) this.diag('cidr-mapped', 'info', `${what} is treated as the IPv4 CIDR "${cidr}"`, source);
    const family = cidr.includes(':') ? 6 : 4; // node->family uses strchr(cidr_str, ':') too
    let quirk: string | undefined;
    const v6Net = new Uint32Array(4);
    const v6Mask = new Uint32Array(4);
    let v4Net = 0;
    let v4Mask = 0;
    if (!raw.ptonOk) {
      const addrText = cidr.slice(0, cidr.indexOf('/'));
      this.diag(
        'cidr-malformed-address',
        'error',
        `${what}: "${addrText}" is not a valid ${family === 4 ? 'IPv4' : 'IPv6'} address; FreeSWITCH adds the node anyway with uninitialised address bytes, so what it matches is unpredictable (fsconf treats it as matching nothing)`,
        source,
      );
    } else if (family === 4) {
      v4Net = raw.v4Net;
      v4Mask = raw.v4Mask;
      if (v4Mask === 0) {
        if (v4Net === 0 && raw.bits !== 0) {
          quirk = `0.0.0.0/${raw.bits} matches every IPv4 address in FreeSWITCH (zero mask and zero net), at priority /${raw.bits}`;
          this.diag(
            'cidr-quirk',
            'warning',
            `${what} matches EVERY IPv4 address in FreeSWITCH (the /${raw.bits} mask is computed as 0), with priority /${raw.bits}`,
            source,
          );
        } else if (v4Net !== 0 && raw.bits === 0) {
          quirk = `/0 with a non-zero address matches only ${formatIPv4(v4Net)} in FreeSWITCH`;
          this.diag(
            'cidr-quirk',
            'warning',
            `${what} matches only the single address ${formatIPv4(v4Net)} in FreeSWITCH (a zero mask with a non-zero net is an exact match), not everything`,
            source,
          );
        }
      } else if ((v4Net & ~v4Mask) >>> 0 !== 0) {
        this.diag('cidr-host-bits-set', 'info', `${what} has host bits set; FreeSWITCH treats it as ${formatIPv4((v4Net & v4Mask) >>> 0)}/${raw.bits}`, source);
      }
    } else {
      const w = bytesWords(raw.addrBytes);
      const m = bytesWords(raw.v6MaskBytes);
      v6Net.set(w);
      v6Mask.set(m);
      const maskZero = (m[0]! | m[1]! | m[2]! | m[3]!) === 0;
      const netZero = (w[0]! | w[1]! | w[2]! | w[3]!) === 0;
      if (maskZero && !netZero) {
        quirk = `/0 with a non-zero address matches only that address in FreeSWITCH`;
        this.diag(
          'cidr-quirk',
          'warning',
          `${what} matches only that single address in FreeSWITCH (a zero mask with a non-zero net is an exact match), not everything`,
          source,
        );
      } else if (!maskZero && ((w[0]! & ~m[0]!) | (w[1]! & ~m[1]!) | (w[2]! & ~m[2]!) | (w[3]! & ~m[3]!)) !== 0) {
        this.diag('cidr-host-bits-set', 'info', `${what} has host bits set; FreeSWITCH ignores them`, source);
      }
    }
    if (raw.ptonOk && !raw.bitsClean) {
      this.diag('cidr-bits-not-numeric', 'warning', `${what}: prefix length "${raw.bitsText}" is read with atoi() as /${raw.bits}`, source);
    }
    const node: Omit<MutableNode, 'index'> = {
      kind: token ? 'user' : 'cidr',
      label: token ? `${cidr} (user ${token})` : cidr,
      cidr,
      allow: ok,
      family,
      bits: raw.bits,
      malformed: !raw.ptonOk,
      hostDependent: false,
      v4Net,
      v4Mask,
      v6Net,
      v6Mask,
      ...portFields(ports),
    };
    if (token) node.token = token;
    if (source) node.source = source;
    if (nodeSource) node.nodeSource = nodeSource;
    if (quirk) node.quirk = quirk;
    this.push(node);
  }

  /** switch_network_list_add_host_port_mask */
  addHostPortMask(host: string, maskStr: string, ok: boolean, ports: PortRange, source: SourceRef | undefined, kind: AclNodeKind = 'hostmask'): void {
    const hb = new Uint8Array(4);
    const mb = new Uint8Array(4);
    const hostOk = inetPton4(host, hb);
    const maskOk = inetPton4(maskStr, mb);
    const malformed = !hostOk || !maskOk;
    if (malformed) {
      this.diag(
        'hostmask-malformed',
        'error',
        `host="${host}" mask="${maskStr}": ${!hostOk ? `"${host}" is not a dotted IPv4 address` : `"${maskStr}" is not a dotted IPv4 mask`}; FreeSWITCH adds the node anyway with uninitialised bytes (fsconf treats it as matching nothing)`,
        source,
      );
    }
    const net = hostOk ? ((hb[0]! << 24) | (hb[1]! << 16) | (hb[2]! << 8) | hb[3]!) >>> 0 : 0;
    const mask = maskOk ? ((mb[0]! << 24) | (mb[1]! << 16) | (mb[2]! << 8) | mb[3]!) >>> 0 : 0;
    const bits = popcount(mask);
    if (!malformed && mask !== 0 && ((~mask >>> 0) & ((~mask >>> 0) + 1)) !== 0) {
      this.diag(
        'hostmask-noncontiguous',
        'info',
        `mask "${maskStr}" is not contiguous; FreeSWITCH uses it bit by bit with priority ${bits} (the number of one bits)`,
        source,
      );
    }
    // In memory the node's ip_t holds the host-order uint32 in its first 4 bytes (little-endian), the
    // other 12 bytes are zero (pool allocation). That is what the IPv6 path compares against.
    const v6Net = new Uint32Array([bswap32(net), 0, 0, 0]);
    const v6Mask = new Uint32Array([bswap32(mask), 0, 0, 0]);
    const node: Omit<MutableNode, 'index'> = {
      kind,
      label: `host ${host} mask ${maskStr}`,
      cidr: `${host}/${maskStr}`,
      allow: ok,
      family: 0,
      bits,
      malformed,
      hostDependent: false,
      v4Net: net,
      v4Mask: mask,
      v6Net,
      v6Mask,
      ...portFields(ports),
    };
    if (source) node.source = source;
    if (!malformed && mask === 0) {
      node.quirk = net === 0 ? 'a zero host and mask match every IPv4 and IPv6 address' : `a zero mask matches only ${formatIPv4(net)}`;
    }
    this.push(node);
  }

  addPlaceholder(ok: boolean): void {
    const node = this.push({
      kind: 'localnet',
      label: "the host's local network (unknown: pass --local-net)",
      cidr: 'local-net',
      allow: ok,
      family: 0,
      bits: 0,
      malformed: false,
      hostDependent: true,
      v4Net: 0,
      v4Mask: 0,
      v6Net: new Uint32Array(4),
      v6Mask: new Uint32Array(4),
      ...portFields(NO_PORTS),
    });
    this.placeholder = node;
  }

  finish(defaultAttr: string | undefined, source: SourceRef | undefined, replaced: NetworkList['replaced'], hostDependent: boolean): NetworkList {
    const nodes = this.nodes as AclNode[];
    const list: NetworkList = {
      name: this.name,
      defaultAllow: this.defaultAllow,
      builtin: this.builtin,
      hostDependent,
      nodes,
      diagnostics: this.diagnostics,
      _idx4: buildIndex(nodes, 4),
      _idx6: buildIndex(nodes, 6),
      _placeholder: this.placeholder,
      _uniform4: uniform(nodes, 4, this.defaultAllow),
      _uniform6: uniform(nodes, 6, this.defaultAllow),
      ...(defaultAttr !== undefined ? { defaultAttr } : {}),
      ...(source ? { source } : {}),
      ...(replaced ? { replaced } : {}),
    };
    return list;
  }
}

function uniform(nodes: AclNode[], fam: IpFamily, dflt: boolean): 1 | 0 | -1 {
  for (const n of nodes) {
    if ((fam === 4 ? n.family !== 6 : n.family !== 4) && n.allow !== dflt) return -1;
  }
  return dflt ? 1 : 0;
}

function portFields(p: PortRange): Pick<AclNode, 'port' | 'ports' | 'portMin' | 'portMax' | 'hasPortConstraint'> {
  const ports: number[] = [];
  for (let i = 0; i < MAX_NETWORK_PORTS; i++) ports.push(p.ports[i] ?? 0);
  return {
    port: p.port,
    ports,
    portMin: p.min,
    portMax: p.max,
    hasPortConstraint: p.port !== 0 || ports[0] !== 0 || p.min !== 0 || p.max !== 0,
  };
}

function bytesWords(b: Uint8Array): Uint32Array {
  const w = new Uint32Array(4);
  if (b.length === 16) {
    for (let i = 0; i < 4; i++) w[i] = ((b[i * 4]! << 24) | (b[i * 4 + 1]! << 16) | (b[i * 4 + 2]! << 8) | b[i * 4 + 3]!) >>> 0;
  }
  return w;
}

function bswap32(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function dottedFromPrefix(bits: number): string {
  const m = bits <= 0 ? 0 : bits >= 32 ? 0xffffffff : ~(0xffffffff >>> bits) >>> 0;
  return formatIPv4(m);
}

function parsePorts(list: ListBuilder, def: AclNodeDef): PortRange {
  const src = def.source;
  const pr: PortRange = { port: 0, ports: [], min: 0, max: 0 };
  const num = (attr: string, v: string): number => {
    const n = cAtoi(v);
    if (!/^\s*[+-]?\d+\s*$/.test(v)) list.diag('port-not-numeric', 'warning', `${attr}="${v}" is read with atoi() as ${n}`, src);
    return n;
  };
  if (def.port !== undefined) {
    pr.port = num('port', def.port);
    if (pr.port === 0) list.diag('port-zero', 'warning', `port="${def.port}" is 0, which FreeSWITCH treats as "no port constraint"`, src);
  }
  if (def.ports !== undefined) {
    const argv = separateString(def.ports, ',', MAX_NETWORK_PORTS);
    if (argv.length === MAX_NETWORK_PORTS && argv[MAX_NETWORK_PORTS - 1]!.includes(',')) {
      list.diag('ports-truncated', 'warning', `ports= lists more than ${MAX_NETWORK_PORTS} ports; FreeSWITCH keeps only the first ${MAX_NETWORK_PORTS}`, src);
    }
    for (let i = 0; i < argv.length; i++) pr.ports.push(cAtoi(argv[i]!));
    const z = pr.ports.indexOf(0);
    if (z >= 0) {
      list.diag(
        'port-zero',
        'warning',
        z === 0
          ? `ports="${def.ports}" starts with 0 (or an empty item), so FreeSWITCH applies no ports constraint at all`
          : `ports="${def.ports}": item ${z + 1} is 0 (or empty), and FreeSWITCH stops reading the list there`,
        src,
      );
    }
  }
  if (def.portMin !== undefined) pr.min = num('port-min', def.portMin);
  if (def.portMax !== undefined) pr.max = num('port-max', def.portMax);
  if (def.portMin !== undefined && def.portMax === undefined && pr.min !== 0) {
    list.diag('port-min-without-max', 'error', `port-min without port-max leaves the maximum at 0, so this node never matches a lookup that checks ports`, src);
  } else if ((pr.min !== 0 || pr.max !== 0) && pr.min > pr.max) {
    list.diag('port-range-empty', 'error', `port range ${pr.min}-${pr.max} is empty, so this node never matches a lookup that checks ports`, src);
  }
  return pr;
}

function buildBuiltins(opts: BuildOptions): { name: string; list: NetworkList }[] {
  const out: { name: string; list: NetworkList }[] = [];
  const mk = (name: string, dflt: boolean, fill: (b: ListBuilder) => void): void => {
    const b = new ListBuilder(name, dflt, true);
    fill(b);
    const hostDependent = b.placeholder !== null;
    out.push({ name, list: b.finish(undefined, undefined, undefined, hostDependent) });
  };
  const add = (b: ListBuilder, cidr: string, ok: boolean): void => b.addCidrPortToken(cidr, ok, undefined, NO_PORTS, undefined, undefined);
  const local = (b: ListBuilder, ok: boolean): void => {
    if (opts.localNet) {
      const m = /^\/?\d{1,2}$/.test(opts.localNet.mask.trim()) ? dottedFromPrefix(Number(opts.localNet.mask.trim().replace('/', ''))) : opts.localNet.mask;
      b.addHostPortMask(opts.localNet.ip, m, ok, NO_PORTS, undefined, 'localnet');
    } else {
      b.addPlaceholder(ok);
    }
  };
  mk('rfc6598.auto', false, (b) => add(b, '100.64.0.0/10', true));
  mk('rfc1918.auto', false, (b) => {
    for (const c of ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fe80::/10']) add(b, c, true);
  });
  mk('wan.auto', true, (b) => {
    for (const c of ['0.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '100.64.0.0/10', 'fe80::/10']) add(b, c, false);
  });
  mk('wan_v6.auto', true, (b) => {
    for (const c of ['0.0.0.0/0', 'fe80::/10']) add(b, c, false);
  });
  mk('wan_v4.auto', true, (b) => {
    for (const c of ['0.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '100.64.0.0/10', '::/0']) add(b, c, false);
  });
  mk('any_v6.auto', true, (b) => add(b, '0.0.0.0/0', false));
  mk('any_v4.auto', true, (b) => add(b, '::/0', false));
  mk('nat.auto', false, (b) => {
    local(b, false);
    for (const c of ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10']) add(b, c, true);
  });
  mk('loopback.auto', false, (b) => {
    add(b, '127.0.0.0/8', true);
    add(b, '::1/128', true);
  });
  mk('localnet.auto', false, (b) => local(b, true));
  return out;
}

/**
 * Build all network lists: the ten built-in *.auto lists first (FreeSWITCH's creation order and
 * contents), then the acl.conf lists in order. A later list with the same (case-sensitive) name
 * replaces the earlier one, built-ins included.
 */
export function buildNetworkLists(defs: AclListDef[], opts: BuildOptions = {}): NetworkLists {
  const lists = new Map<string, NetworkList>();
  const diagnostics: AclDiagnostic[] = [];
  for (const { name, list } of buildBuiltins(opts)) lists.set(name, list);
  // Built-in lists only produce diagnostics for a malformed localNet; surface those.
  for (const l of lists.values()) diagnostics.push(...l.diagnostics);

  for (const def of defs) {
    if (def.name === undefined || def.name === '') {
      const d: AclDiagnostic = { code: 'list-without-name', severity: 'warning', message: '<list> without a name is skipped by FreeSWITCH', list: '' };
      if (def.source) d.source = def.source;
      diagnostics.push(d);
      continue;
    }
    const defaultAllow = def.default === undefined ? true : switchTrue(def.default);
    const b = new ListBuilder(def.name, defaultAllow, false);
    if (def.default !== undefined && !isRecognisedBooleanWord(def.default)) {
      b.diag(
        'default-not-boolean',
        'warning',
        `default="${def.default}" is not a word FreeSWITCH recognises; it means deny (only yes/on/true/t/enabled/active/allow or a non-zero number allow)`,
        def.source,
      );
    }
    for (const nd of def.nodes) buildNode(b, nd, defaultAllow, opts);
    const prev = lists.get(def.name);
    let replaced: NetworkList['replaced'];
    if (prev) {
      replaced = prev.source ? { builtin: prev.builtin, source: prev.source } : { builtin: prev.builtin };
      if (prev.builtin) {
        b.diag('overrides-builtin', 'warning', `list "${def.name}" replaces FreeSWITCH's built-in list of the same name`, def.source);
      } else {
        b.diag(
          'duplicate-list',
          'warning',
          `list "${def.name}" is defined again${prev.source ? ` (first at ${prev.source.file}:${prev.source.line})` : ''}; the last definition wins`,
          def.source,
        );
      }
      lists.delete(def.name);
    }
    lists.set(def.name, b.finish(def.default, def.source, replaced, false));
    diagnostics.push(...b.diagnostics);
  }
  const result: NetworkLists = {
    lists,
    diagnostics,
    _inline: new Map(),
    ...(opts.localNet ? { localNet: opts.localNet } : {}),
  };
  return result;
}

function buildNode(b: ListBuilder, nd: AclNodeDef, defaultAllow: boolean, opts: BuildOptions): void {
  const src = nd.source;
  let ok = defaultAllow;
  if (nd.type !== undefined) {
    ok = switchTrue(nd.type);
    if (!isRecognisedBooleanWord(nd.type)) {
      b.diag(
        'type-not-boolean',
        'warning',
        `type="${nd.type}" is not a word FreeSWITCH recognises; this node DENIES (only yes/on/true/t/enabled/active/allow or a non-zero number allow)`,
        src,
      );
    }
  }
  const ports = parsePorts(b, nd);
  if (nd.domain !== undefined) {
    if (nd.cidr !== undefined)
      b.diag('domain-overrides-cidr', 'warning', `domain= and cidr= on the same node: FreeSWITCH uses domain= and ignores cidr="${nd.cidr}"`, src);
    const du = opts.resolveDomain ? opts.resolveDomain(nd.domain) : undefined;
    if (!du) {
      b.diag(
        'domain-not-found',
        'warning',
        `domain "${nd.domain}" cannot be located in the directory; FreeSWITCH logs "Cannot locate domain" and skips the node`,
        src,
      );
      return;
    }
    for (const u of du.users) {
      if (u.inGroup) continue;
      b.addCidrPortToken(u.cidr, ok, `${u.id}@${nd.domain}`, NO_PORTS, u.source ?? src, src);
    }
    const groupUsers = du.users.filter((u) => u.inGroup);
    if (du.hasUsersBlock) {
      if (groupUsers.length > 0) {
        b.diag(
          'domain-group-users-ignored',
          'warning',
          `domain "${nd.domain}" has a <users> block, so FreeSWITCH looks for <groups> inside <users> and never adds the ${groupUsers.length} group member(s) with a cidr attribute`,
          src,
        );
      }
    } else {
      for (const u of groupUsers) b.addCidrPortToken(u.cidr, ok, `${u.id}@${nd.domain}`, ports, u.source ?? src, src);
    }
  } else if (nd.cidr !== undefined) {
    if (nd.host !== undefined || nd.mask !== undefined)
      b.diag('cidr-overrides-host', 'info', `cidr= and host=/mask= on the same node: FreeSWITCH uses cidr= only`, src);
    b.addCidrPortToken(nd.cidr, ok, undefined, ports, src, src);
  } else if (nd.host !== undefined && nd.mask !== undefined) {
    b.addHostPortMask(nd.host, nd.mask, ok, ports, src);
  } else if (nd.host !== undefined || nd.mask !== undefined) {
    b.diag('host-without-mask', 'error', `host= and mask= must both be present; FreeSWITCH silently ignores this node`, src);
  } else {
    b.diag('node-without-address', 'error', `node has none of domain=, cidr=, host=+mask=; FreeSWITCH silently ignores it`, src);
  }
}

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

function effectiveV4(n: AclNode): number {
  // switch_test_subnet: mask ? masked compare : net ? exact : everything
  return n.v4Mask !== 0 ? n.v4Mask | 0 : n.v4Net !== 0 ? -1 : 0;
}

function effectiveV6(n: AclNode): [number, number, number, number] {
  const m = n.v6Mask;
  if ((m[0]! | m[1]! | m[2]! | m[3]!) !== 0) return [m[0]! | 0, m[1]! | 0, m[2]! | 0, m[3]! | 0];
  const w = n.v6Net;
  if ((w[0]! | w[1]! | w[2]! | w[3]!) !== 0) return [-1, -1, -1, -1];
  return [0, 0, 0, 0];
}

function participates(n: AclNode, fam: IpFamily): boolean {
  if (n.malformed || n.hostDependent) return false;
  return fam === 4 ? n.family !== 6 : n.family !== 4;
}

function buildIndex(nodes: AclNode[], fam: IpFamily): FamilyIndex {
  const byBits = new Map<number, Map<string, AclNode[]>>();
  let anyPorts = false;
  let count = 0;
  for (const n of nodes) {
    if (!participates(n, fam)) continue;
    count++;
    if (fam === 4 && n.hasPortConstraint) anyPorts = true;
    const em = fam === 4 ? [effectiveV4(n), 0, 0, 0] : effectiveV6(n);
    const gk = em.join(',');
    let lv = byBits.get(n.bits);
    if (!lv) byBits.set(n.bits, (lv = new Map()));
    let g = lv.get(gk);
    if (!g) lv.set(gk, (g = []));
    g.push(n);
  }
  const levels: Level[] = [];
  for (const bits of [...byBits.keys()].sort((a, b) => b - a)) {
    const groups: Group[] = [];
    for (const [gk, gnodes] of byBits.get(bits)!) {
      const [m0, m1, m2, m3] = gk.split(',').map(Number) as [number, number, number, number];
      const keyed = new Map<number, AclNode[]>();
      for (const n of gnodes) {
        const k = fam === 4 ? (n.v4Net & m0) | 0 : mix6(n.v6Net[0]! & m0, n.v6Net[1]! & m1, n.v6Net[2]! & m2, n.v6Net[3]! & m3);
        let arr = keyed.get(k);
        if (!arr) keyed.set(k, (arr = []));
        arr.push(n); // nodes arrive in file order
      }
      const table = new IntHash(keyed.size);
      const cands: AclNode[][] = [];
      for (const [k, arr] of keyed) {
        table.set(k, cands.length);
        cands.push(arr);
      }
      groups.push({ m0, m1, m2, m3, table, cands });
    }
    levels.push({ bits, groups });
  }
  return { levels, anyPorts, count };
}

/** Hash of four masked words (collisions are fine: candidates are verified). */
function mix6(a: number, b: number, c: number, d: number): number {
  let h = a | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ (b | 0);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ (c | 0);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ (d | 0);
  return h | 0;
}

/** is_port_in_node() */
export function portMatches(n: AclNode, port: number): boolean {
  if (port === 0) return true;
  if (n.port !== 0 && n.port !== port) return false;
  const ports = n.ports;
  if (ports[0] !== 0) {
    for (let i = 0; i < MAX_NETWORK_PORTS && ports[i] !== 0; i++) {
      if (port === ports[i]) return true;
    }
    return false;
  }
  if (n.portMin !== 0 || n.portMax !== 0) {
    return port >= n.portMin && port <= n.portMax;
  }
  return true;
}

function lookup4(idx: FamilyIndex, ip: number, port: number): AclNode | null {
  const levels = idx.levels;
  const checkPorts = port !== 0 && idx.anyPorts;
  const ipi = ip | 0;
  for (let li = 0; li < levels.length; li++) {
    const groups = levels[li]!.groups;
    let best: AclNode | null = null;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      const ci = g.table.get(ipi & g.m0);
      if (ci < 0) continue;
      const cand = g.cands[ci]!;
      for (let k = 0; k < cand.length; k++) {
        const n = cand[k]!;
        if (best !== null && n.index >= best.index) break;
        if (!checkPorts || !n.hasPortConstraint || portMatches(n, port)) {
          best = n;
          break;
        }
      }
    }
    if (best !== null) return best;
  }
  return null;
}

function lookup6(idx: FamilyIndex, w0: number, w1: number, w2: number, w3: number): AclNode | null {
  const levels = idx.levels;
  for (let li = 0; li < levels.length; li++) {
    const groups = levels[li]!.groups;
    let best: AclNode | null = null;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      const a = w0 & g.m0;
      const b = w1 & g.m1;
      const c = w2 & g.m2;
      const d = w3 & g.m3;
      const ci = g.table.get(mix6(a, b, c, d));
      if (ci < 0) continue;
      const cand = g.cands[ci]!;
      for (let k = 0; k < cand.length; k++) {
        const n = cand[k]!;
        if (best !== null && n.index >= best.index) break;
        const nw = n.v6Net;
        if ((nw[0]! & g.m0) === a && (nw[1]! & g.m1) === b && (nw[2]! & g.m2) === c && (nw[3]! & g.m3) === d) {
          best = n;
          break;
        }
      }
    }
    if (best !== null) return best;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Node matching (reference semantics, used by the explaining evaluator and by counting)
// ---------------------------------------------------------------------------------------------

/** switch_test_subnet(ip, node->ip.v4, node->mask.v4) — address only, no port. */
export function nodeMatchesV4(n: AclNode, ip: number): boolean {
  if (n.family === 6 || n.malformed || n.hostDependent) return false;
  const mask = n.v4Mask;
  if (mask !== 0) return ((n.v4Net & mask) | 0) === ((ip & mask) | 0);
  if (n.v4Net !== 0) return n.v4Net === ip >>> 0;
  return true;
}

/** switch_testv6_subnet(ip, node->ip, node->mask). */
export function nodeMatchesV6(n: AclNode, w: Uint32Array): boolean {
  if (n.family === 4 || n.malformed || n.hostDependent) return false;
  const m = n.v6Mask;
  const nw = n.v6Net;
  if ((m[0]! | m[1]! | m[2]! | m[3]!) !== 0) {
    for (let i = 0; i < 4; i++) if ((nw[i]! & m[i]!) !== (w[i]! & m[i]!)) return false;
    return true;
  }
  if ((nw[0]! | nw[1]! | nw[2]! | nw[3]!) !== 0) {
    return nw[0] === w[0] && nw[1] === w[1] && nw[2] === w[2] && nw[3] === w[3];
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Inline CIDR lists (a name that is not a list but contains '/')
// ---------------------------------------------------------------------------------------------

/**
 * For inline names FreeSWITCH parses each item into the same two stack variables (net, mask) without
 * checking the result, so a rejected item keeps the previous item's values and a malformed address
 * keeps the previous net (byte-swapped by htonl for IPv4). We track every byte of net/mask as known or
 * unknown to reproduce this exactly; anything that depends on uninitialised bytes is "unknown".
 */
interface InlineItem {
  text: string;
  rc: 0 | -1 | -2;
  family: IpFamily;
  bits: number;
  /** Memory after parsing this item: 16 bytes each, with known flags. */
  net: Uint8Array;
  netKnown: Uint8Array;
  mask: Uint8Array;
  maskKnown: Uint8Array;
  /** The item parsed cleanly (rc 0 and a valid address). */
  valid: boolean;
}

export interface InlineList {
  name: string;
  items: InlineItem[];
  /** More than MAX_INLINE_ITEMS items: the rest is glued to the last one. */
  truncated: boolean;
}

export function compileInline(name: string): InlineList {
  const texts = name.includes(',') ? separateString(name, ',', MAX_INLINE_ITEMS) : [name];
  const truncated = texts.length === MAX_INLINE_ITEMS && texts[MAX_INLINE_ITEMS - 1]!.includes(',');
  const net = new Uint8Array(16);
  const netKnown = new Uint8Array(16);
  const mask = new Uint8Array(16);
  const maskKnown = new Uint8Array(16);
  const items: InlineItem[] = [];
  for (const text of texts) {
    const raw = rawParseCidr(text);
    if (raw.rc === 0) {
      if (raw.family === 6) {
        if (raw.ptonOk) {
          net.set(raw.addrBytes);
          netKnown.fill(1);
        }
        mask.set(raw.v6MaskBytes);
        maskKnown.fill(1);
      } else {
        if (raw.ptonOk) {
          // inet_pton writes network order a.b.c.d into bytes 0-3
          net.set(raw.addrBytes, 0);
          netKnown.fill(1, 0, 4);
        }
        // ipv->v4 = htonl(ipv->v4): reverses bytes 0-3, whatever they hold
        reverse4(net);
        reverse4(netKnown);
        const m = raw.v4Mask;
        mask[0] = m & 0xff;
        mask[1] = (m >>> 8) & 0xff;
        mask[2] = (m >>> 16) & 0xff;
        mask[3] = (m >>> 24) & 0xff;
        maskKnown.fill(1, 0, 4);
      }
    }
    items.push({
      text,
      rc: raw.rc,
      family: raw.family,
      bits: raw.bits,
      net: net.slice(),
      netKnown: netKnown.slice(),
      mask: mask.slice(),
      maskKnown: maskKnown.slice(),
      valid: raw.rc === 0 && raw.ptonOk,
    });
  }
  return { name, items, truncated };
}

function reverse4(a: Uint8Array): void {
  let t = a[0]!;
  a[0] = a[3]!;
  a[3] = t;
  t = a[1]!;
  a[1] = a[2]!;
  a[2] = t;
}

/** 1 match, 0 no match, -1 depends on uninitialised memory. */
function inlineItemTest4(it: InlineItem, ip: number): 1 | 0 | -1 {
  for (let i = 0; i < 4; i++) if (!it.netKnown[i] || !it.maskKnown[i]) return -1;
  // ip_t.v4 on a little-endian host = bytes 0-3 read little-endian
  const net = (it.net[0]! | (it.net[1]! << 8) | (it.net[2]! << 16) | (it.net[3]! << 24)) >>> 0;
  const mask = (it.mask[0]! | (it.mask[1]! << 8) | (it.mask[2]! << 16) | (it.mask[3]! << 24)) >>> 0;
  if (mask !== 0) return (net & mask) >>> 0 === (ip & mask) >>> 0 ? 1 : 0;
  if (net !== 0) return net === ip >>> 0 ? 1 : 0;
  return 1;
}

function inlineItemTest6(it: InlineItem, ipBytes: Uint8Array): 1 | 0 | -1 {
  for (let i = 0; i < 16; i++) if (!it.netKnown[i] || !it.maskKnown[i]) return -1;
  let maskZero = true;
  let netZero = true;
  for (let i = 0; i < 16; i++) {
    if (it.mask[i] !== 0) maskZero = false;
    if (it.net[i] !== 0) netZero = false;
  }
  if (!maskZero) {
    for (let i = 0; i < 16; i++) if ((it.net[i]! & it.mask[i]!) !== (ipBytes[i]! & it.mask[i]!)) return 0;
    return 1;
  }
  if (!netZero) {
    for (let i = 0; i < 16; i++) if (it.net[i] !== ipBytes[i]) return 0;
    return 1;
  }
  return 1;
}

function getInline(lists: NetworkLists, name: string): InlineList {
  let il = lists._inline.get(name);
  if (!il) {
    if (lists._inline.size > 1000) lists._inline.clear();
    il = compileInline(name);
    lists._inline.set(name, il);
  }
  return il;
}

// ---------------------------------------------------------------------------------------------
// Fast evaluation
// ---------------------------------------------------------------------------------------------

const scratch16 = new Uint8Array(16);

/** Parse dotted IPv4 (glibc rules) in s[from, to) to a uint32, or -1. No allocation. */
function fastV4(s: string, from: number): number {
  let v = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      if (octet > 255) return -1;
      digits++;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      v = v * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return v * 256 + octet;
}

function evalListCode(list: NetworkList, family: IpFamily, v4: number, port: number): 1 | 0 {
  if (family === 4) {
    const n = lookup4(list._idx4, v4, port);
    return (n ? n.allow : list.defaultAllow) ? 1 : 0;
  }
  const b = scratch16;
  const n = lookup6(
    list._idx6,
    (b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]! | 0,
    (b[4]! << 24) | (b[5]! << 16) | (b[6]! << 8) | b[7]! | 0,
    (b[8]! << 24) | (b[9]! << 16) | (b[10]! << 8) | b[11]! | 0,
    (b[12]! << 24) | (b[13]! << 16) | (b[14]! << 8) | b[15]! | 0,
  );
  return (n ? n.allow : list.defaultAllow) ? 1 : 0;
}

/**
 * Fast lookup: 1 = allow, 0 = deny, -1 = unknown (invalid address, result depends on uninitialised
 * memory, or on the host's local network when localNet was not given).
 * `ip` may be a string, or a number = IPv4 address as an unsigned 32-bit host-order integer.
 * `port` 0 (default) ignores node port constraints, like every FreeSWITCH caller that passes no port.
 */
export function checkAddressCode(lists: NetworkLists, name: string, ip: string | number, port = 0): 1 | 0 | -1 {
  const list = lists.lists.get(name);
  if (list === undefined && !name.includes('/')) return 0; // unknown list: always false
  let family: IpFamily = 4;
  let v4 = 0;
  let bad = false;
  if (typeof ip === 'number') {
    v4 = ip >>> 0;
  } else {
    const mapped = ip.length >= 7 && ip.charCodeAt(0) === 58 && hasMappedPrefix(ip);
    if (mapped) {
      v4 = fastV4(ip, 7);
      bad = v4 < 0;
    } else if (ip.includes(':')) {
      family = 6;
      bad = !inetPton6(ip, scratch16);
    } else {
      v4 = fastV4(ip, 0);
      bad = v4 < 0;
    }
  }
  if (list !== undefined) {
    if (bad) {
      // FreeSWITCH compares uninitialised bytes; only a list whose every node agrees with its default is certain.
      return family === 4 ? list._uniform4 : list._uniform6;
    }
    const r = evalListCode(list, family, v4, port);
    const ph = list._placeholder;
    if (ph !== null && (ph.allow ? 1 : 0) !== r) return -1;
    return r;
  }
  if (bad) return -1;
  const il = getInline(lists, name);
  let unknown = false;
  for (const it of il.items) {
    const t = family === 4 ? inlineItemTest4(it, v4) : inlineItemTest6(it, scratch16);
    if (t === 1) return 1;
    if (t === -1) unknown = true;
  }
  return unknown ? -1 : 0;
}

/**
 * Fast boolean lookup (true = allow). 'unknown' results count as false (deny).
 * `ip`: string, or IPv4 as an unsigned 32-bit host-order number (e.g. 0xC0A80101 for 192.168.1.1).
 */
export function checkAddressFast(lists: NetworkLists, name: string, ip: string | number, port = 0): boolean {
  return checkAddressCode(lists, name, ip, port) === 1;
}

// ---------------------------------------------------------------------------------------------
// Explaining evaluation
// ---------------------------------------------------------------------------------------------

export interface AclVerdict {
  verdict: 'allow' | 'deny' | 'unknown';
  list: string;
  decidedBy: { source?: SourceRef; cidr: string; type: 'allow' | 'deny'; token?: string } | null;
  reason: string;
  competing: { cidr: string; bits: number; type: 'allow' | 'deny'; source?: SourceRef }[];
  inline?: boolean;
  unknownList?: boolean;
}

function vword(allow: boolean): 'allow' | 'deny' {
  return allow ? 'allow' : 'deny';
}

function describeNode(n: AclNode, list: NetworkList | null): string {
  const where = n.source ? `, line ${n.source.line}` : list?.builtin ? ', built-in' : '';
  return `${n.label} (${vword(n.allow)}${where})`;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function competingOf(n: AclNode): AclVerdict['competing'][number] {
  const c: AclVerdict['competing'][number] = { cidr: n.label, bits: n.bits, type: vword(n.allow) };
  if (n.source) c.source = n.source;
  return c;
}

function decidedOf(n: AclNode): NonNullable<AclVerdict['decidedBy']> {
  const d: NonNullable<AclVerdict['decidedBy']> = { cidr: n.label, type: vword(n.allow) };
  if (n.source) d.source = n.source;
  if (n.token) d.token = n.token;
  return d;
}

/** The list walk exactly as FreeSWITCH does it, but collecting every match. */
function explainList(
  list: NetworkList,
  family: IpFamily,
  v4: number,
  v6: Uint32Array,
  port: number,
): { winner: AclNode | null; matches: AclNode[]; portMisses: AclNode[] } {
  const matches: AclNode[] = [];
  const portMisses: AclNode[] = [];
  for (const n of list.nodes) {
    const hit = family === 4 ? nodeMatchesV4(n, v4) : nodeMatchesV6(n, v6);
    if (!hit) continue;
    if (family === 4 && !portMatches(n, port)) {
      portMisses.push(n);
      continue;
    }
    matches.push(n);
  }
  // C walk: reverse file order, replace when bits >= best.
  let winner: AclNode | null = null;
  let bestBits = 0;
  for (let i = matches.length - 1; i >= 0; i--) {
    const n = matches[i]!;
    if (n.bits >= bestBits) {
      winner = n;
      bestBits = n.bits;
    }
  }
  return { winner, matches, portMisses };
}

/**
 * Evaluate `ip` (optionally with the caller's port; 0/undefined = ports ignored) against list `name`
 * and explain the result.
 */
export function checkAddress(lists: NetworkLists, name: string, ip: string, port?: number): AclVerdict {
  const p = port ?? 0;
  const parsed = parseIp(ip);
  const list = lists.lists.get(name);
  if (list === undefined && !name.includes('/')) {
    let hint = '';
    for (const k of lists.lists.keys()) {
      if (k.toLowerCase() === name.toLowerCase()) {
        hint = ` (list names are case-sensitive: did you mean "${k}"?)`;
        break;
      }
    }
    // a typo (`providers` for `provider`): the closest defined name
    const near = hint ? undefined : didYouMean(name, lists.lists.keys())[0];
    if (near) hint = ` (did you mean "${near}"?)`;
    return {
      verdict: 'deny',
      list: name,
      decidedBy: null,
      reason: `no list named "${name}" is defined, so FreeSWITCH silently denies every address${hint}`,
      competing: [],
      unknownList: true,
    };
  }
  if (!parsed.ok) {
    const v: AclVerdict = { verdict: 'unknown', list: name, decidedBy: null, reason: parsed.reason, competing: [] };
    if (list === undefined) {
      v.inline = true;
    } else {
      const u = parsed.family === 4 ? list._uniform4 : list._uniform6;
      if (u !== -1) {
        v.verdict = u === 1 ? 'allow' : 'deny';
        v.reason = `${parsed.reason}, but every ${parsed.family === 4 ? 'IPv4' : 'IPv6'}-relevant node of this list agrees with its default, so the result is ${v.verdict} anyway`;
      }
    }
    return v;
  }
  const shown = parsed.mapped ? `${ip} (checked as IPv4 ${parsed.text})` : ip;
  if (list === undefined) return explainInline(lists, name, parsed.family, parsed.v4, shown, ip);

  const { winner, matches, portMisses } = explainList(list, parsed.family, parsed.v4, parsed.v6, p);
  const allow = winner ? winner.allow : list.defaultAllow;
  const parts: string[] = [];
  if (matches.length === 0) {
    const famNodes = list.nodes.filter((n) => participates(n, parsed.family)).length;
    const otherFam = list.nodes.filter((n) => !n.malformed && !n.hostDependent && n.family !== 0 && n.family !== parsed.family).length;
    let why = '';
    if (famNodes === 0 && otherFam > 0) {
      why = ` (the list only has ${parsed.family === 4 ? 'IPv6' : 'IPv4'} nodes, which never apply to ${parsed.family === 4 ? 'IPv4' : 'IPv6'} addresses)`;
    }
    const dflt =
      list.defaultAttr === undefined && !list.builtin ? `${vword(list.defaultAllow)}, because the list has no default= attribute` : vword(list.defaultAllow);
    parts.push(`${portMisses.length === 0 ? 'no node matches' : `no node matches on port ${p}`}${why}; the list default (${dflt}) applies`);
  } else if (matches.length === 1) {
    parts.push(`${shown} matches ${describeNode(matches[0]!, list)}`);
  } else {
    const maxBits = winner!.bits;
    const top = matches.filter((n) => n.bits === maxBits);
    let tail: string;
    if (top.length > 1) {
      tail = `the longest prefix /${maxBits} is shared by ${top.length} nodes, so the one first in the file wins (${describeNode(winner!, list)})`;
    } else {
      tail = `the longest prefix /${maxBits} wins`;
    }
    parts.push(`${shown} matches ${joinList(matches.map((n) => describeNode(n, list)))}; ${tail}`);
  }
  if (winner?.quirk) parts.push(`note: ${winner.quirk}`);
  if (winner && winner.family === 0 && parsed.family === 6)
    parts.push('note: host/mask nodes have no address family, so FreeSWITCH also tests them against IPv6 addresses (comparing the first 4 bytes)');
  for (const n of portMisses) parts.push(`${describeNode(n, list)} covers the address but not port ${p}`);
  const malformed = list.nodes.filter((n) => n.malformed && (parsed.family === 4 ? n.family !== 6 : n.family !== 4));
  if (malformed.length > 0) {
    parts.push(
      `note: ${joinList(malformed.map((n) => describeNode(n, list)))} ${malformed.length === 1 ? 'has a malformed address' : 'have malformed addresses'}; FreeSWITCH's result for ${malformed.length === 1 ? 'it' : 'them'} is unpredictable, fsconf ignores ${malformed.length === 1 ? 'it' : 'them'}`,
    );
  }
  let verdict: AclVerdict['verdict'] = vword(allow);
  let reason = parts.join('; ');
  const ph = list._placeholder;
  if (ph !== null) {
    if (ph.allow === allow) {
      reason += `; the host's local network (unknown, pass --local-net) cannot change this, because its node in ${list.name} would also ${vword(ph.allow)}`;
    } else {
      verdict = 'unknown';
      reason = `${list.name} depends on the host's local network, which is not known (pass --local-net ip/mask): if ${shown} is inside it, the result is ${vword(ph.allow)}; otherwise ${vword(allow)} (${reason})`;
    }
  }
  const res: AclVerdict = {
    verdict,
    list: name,
    decidedBy: winner && verdict !== 'unknown' ? decidedOf(winner) : null,
    reason,
    competing: matches.map(competingOf),
  };
  return res;
}

function explainInline(lists: NetworkLists, name: string, family: IpFamily, v4: number, shown: string, ip: string): AclVerdict {
  const il = getInline(lists, name);
  let ipBytes: Uint8Array | null = null;
  if (family === 6) {
    ipBytes = new Uint8Array(16);
    inetPton6(ip, ipBytes);
  }
  const unknownItems: string[] = [];
  const intro = `no list named "${name}" exists, so FreeSWITCH reads the name as ${il.items.length === 1 ? 'a CIDR' : 'comma-separated CIDRs'} (any match allows, otherwise deny)`;
  for (const it of il.items) {
    const t = family === 4 ? inlineItemTest4(it, v4) : inlineItemTest6(it, ipBytes!);
    if (t === 1) {
      const note = it.valid ? '' : ' (this item is invalid; FreeSWITCH tests it with values left over from the previous item)';
      const cross =
        it.valid && it.family !== family
          ? ` (note: an ${family === 4 ? 'IPv4' : 'IPv6'} address is compared with the raw bytes of this ${it.family === 4 ? 'IPv4' : 'IPv6'} CIDR — a FreeSWITCH quirk)`
          : '';
      return {
        verdict: 'allow',
        list: name,
        decidedBy: { cidr: it.text, type: 'allow' },
        reason: `${intro}; ${shown} matches ${it.text}${note}${cross}`,
        competing: [{ cidr: it.text, bits: it.bits, type: 'allow' }],
        inline: true,
      };
    }
    if (t === -1) unknownItems.push(it.text);
  }
  const trunc = il.truncated ? `; only the first ${MAX_INLINE_ITEMS} items are read` : '';
  if (unknownItems.length > 0) {
    return {
      verdict: 'unknown',
      list: name,
      decidedBy: null,
      reason: `${intro}; ${shown} matches no valid item, and ${joinList(unknownItems.map((t) => `"${t}"`))} ${unknownItems.length === 1 ? 'is' : 'are'} compared against uninitialised memory (invalid CIDR, or ${family === 6 ? 'an IPv4 CIDR checked against an IPv6 address' : 'no usable previous value'}), so FreeSWITCH's answer is unpredictable${trunc}`,
      competing: [],
      inline: true,
    };
  }
  return {
    verdict: 'deny',
    list: name,
    decidedBy: null,
    reason: `${intro}; ${shown} matches none of them${trunc}`,
    competing: [],
    inline: true,
  };
}

/** The IPv4 text of a host-order number (handy for callers of checkAddressFast). */
export function ipv4ToNumber(text: string): number {
  const b = new Uint8Array(4);
  if (!inetPton4Range(text, 0, text.length, b, 0)) return -1;
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Several lists (mod_sofia / event_socket / verto semantics)
// ---------------------------------------------------------------------------------------------

export interface MultiVerdict {
  verdict: 'allow' | 'deny' | 'unknown';
  mode: 'any' | 'all';
  /** The list that decided: the first allowing list ('any') or the first denying list ('all'). */
  decidingList: string | null;
  results: AclVerdict[];
  reason: string;
}

/**
 * Check several lists the way FreeSWITCH's callers combine them:
 *  - 'any': sofia apply-inbound-acl — the first list that allows wins (OR);
 *  - 'all': sofia apply-register-acl, event_socket and verto apply-*-acl — every list must allow (AND).
 * With no lists, 'any' denies and 'all' allows.
 */
export function checkLists(lists: NetworkLists, names: readonly string[], ip: string, mode: 'any' | 'all', port?: number): MultiVerdict {
  const results = names.map((n) => checkAddress(lists, n, ip, port));
  const target = mode === 'any' ? 'allow' : 'deny';
  const hit = results.find((r) => r.verdict === target);
  let verdict: MultiVerdict['verdict'];
  let reason: string;
  if (hit) {
    verdict = target;
    reason =
      mode === 'any'
        ? `list "${hit.list}" allows ${ip} (the first allowing list wins): ${hit.reason}`
        : `list "${hit.list}" denies ${ip} (every list must allow): ${hit.reason}`;
  } else if (results.some((r) => r.verdict === 'unknown')) {
    verdict = 'unknown';
    const u = results.find((r) => r.verdict === 'unknown')!;
    reason = `the result depends on list "${u.list}": ${u.reason}`;
  } else {
    verdict = mode === 'any' ? 'deny' : 'allow';
    reason =
      names.length === 0 ? 'no lists given' : mode === 'any' ? `none of ${names.length} list(s) allows ${ip}` : `all ${names.length} list(s) allow ${ip}`;
  }
  return { verdict, mode, decidingList: hit ? hit.list : null, results, reason };
}
