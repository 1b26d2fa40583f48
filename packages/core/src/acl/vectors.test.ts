/**
 * Runs EVERY row of test/reference/acl-vectors.tsv:
 *  - allow/deny rows through buildNetworkLists + checkAddress (and the fast path, and a literal port of
 *    the C list walk as a cross-check);
 *  - "parse" rows through parseCidr, "isip" rows through isIpAddress;
 *  - the descriptive rows (multi-list, duplicates, domain nodes, ...) through dedicated checks below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../testing/paths.js';
import {
  buildNetworkLists,
  checkAddress,
  checkAddressCode,
  checkAddressFast,
  checkLists,
  isIpAddress,
  nodeMatchesV4,
  nodeMatchesV6,
  parseCidr,
  parseIp,
  portMatches,
} from './index.js';
import type { AclListDef, AclNodeDef, NetworkLists } from './index.js';

const VECTORS_URL = `${REFERENCE_DIR}/acl-vectors.tsv`;

interface Row {
  id: string;
  def: string;
  ip: string;
  expected: string;
  source: string;
}

function loadRows(): Row[] {
  const text = readFileSync(VECTORS_URL, 'utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 5) throw new Error(`bad vector line: ${line}`);
    rows.push({ id: cols[0]!, def: cols[1]!, ip: cols[2]!, expected: cols[3]!, source: cols[4]! });
  }
  return rows;
}

const LOCAL_NET = { ip: '192.168.1.10', mask: '255.255.255.0' };

/** Parse the vector list-definition syntax (see the file header). */
function parseDefinition(def: string): { name: string; list?: AclListDef } {
  let name: string | undefined;
  let dflt: string | undefined;
  const nodes: AclNodeDef[] = [];
  for (const seg0 of def.split('; ')) {
    const seg = seg0.trim();
    if (seg === '') continue;
    if (seg.startsWith('default=')) {
      dflt = seg.slice('default='.length);
      continue;
    }
    if (seg.startsWith('name=')) {
      name = seg.slice('name='.length);
      continue;
    }
    let rest = seg;
    let port: string | undefined;
    const pm = / port=(\S+)$/.exec(rest);
    if (pm) {
      port = pm[1]!;
      rest = rest.slice(0, pm.index);
    }
    const node: AclNodeDef = {};
    if (rest.startsWith('hostmask ')) {
      const [, type, host, mask] = rest.split(' ') as [string, string, string, string];
      if (type !== '-') node.type = type;
      node.host = host;
      node.mask = mask;
    } else {
      const sp = rest.indexOf(' ');
      const type = rest.slice(0, sp);
      if (type !== '-') node.type = type;
      node.cidr = rest.slice(sp + 1);
    }
    if (port !== undefined) node.port = port;
    nodes.push(node);
  }
  if (name !== undefined) return { name };
  const list: AclListDef = { name: 'test', nodes };
  if (dflt !== undefined) list.default = dflt;
  return { name: 'test', list };
}

function parseIpColumn(col: string): { ip: string; port?: number } {
  const m = /^(\S+)(?: port=(\d+))?$/.exec(col.trim());
  if (!m) throw new Error(`bad ip column ${col}`);
  return m[2] !== undefined ? { ip: m[1]!, port: Number(m[2]) } : { ip: m[1]! };
}

/** Literal port of switch_network_list_validate_ip[6]_port_token: reverse file order, bits >= best. */
function cWalk(lists: NetworkLists, name: string, ip: string, port: number): 'allow' | 'deny' {
  const list = lists.lists.get(name)!;
  const p = parseIp(ip);
  if (!p.ok) throw new Error('bad ip');
  let ok = list.defaultAllow;
  let bits = 0;
  for (let i = list.nodes.length - 1; i >= 0; i--) {
    const n = list.nodes[i]!;
    const hit = p.family === 4 ? n.family !== 6 && nodeMatchesV4(n, p.v4) && portMatches(n, port) : n.family !== 4 && nodeMatchesV6(n, p.v6);
    if (n.bits >= bits && hit) {
      ok = n.allow;
      bits = n.bits;
    }
  }
  return ok ? 'allow' : 'deny';
}

function bytesOf(v: bigint, len: number): number[] {
  const out: number[] = [];
  for (let i = len - 1; i >= 0; i--) out.push(Number((v >> BigInt(i * 8)) & 0xffn));
  return out;
}

function checkParseRow(row: Row): void {
  const input = row.def.slice('parse '.length);
  const exp = row.expected.replace(/^parse:\s*/, '');
  if (row.id === 'parse-family') {
    const [a, b] = input.split(' vs ') as [string, string];
    const pa = parseCidr(a);
    const pb = parseCidr(b);
    expect(pa.ok && pa.family).toBe(4);
    expect(pb.ok && pb.family).toBe(6);
    // ':' anywhere in the string (even after '/') selects IPv6 parsing
    const pc = parseCidr('10.0.0.0/8:');
    expect(pc.ok && pc.family).toBe(6);
    expect(pc.ok && pc.malformedAddress).toBe(true);
    return;
  }
  const r = parseCidr(input);
  const rc = Number(/rc=(-?\d+)/.exec(exp)![1]);
  if (rc !== 0) {
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(rc);
    return;
  }
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  if (row.id === 'parse-badaddr') {
    expect(r.malformedAddress).toBe(true);
    return;
  }
  expect(r.malformedAddress).toBe(false);
  const bm = /bits=(\d+)/.exec(exp);
  if (bm) expect(r.bits).toBe(Number(bm[1]));
  const width = r.family === 4 ? 4 : 16;
  const re = /(addr|mask)\[(\d+)(?:\.\.(\d+))?\]=([0-9a-fA-F,]+)/g;
  let m: RegExpExecArray | null;
  let checked = 0;
  while ((m = re.exec(exp)) !== null) {
    const bytes = bytesOf(m[1] === 'addr' ? r.addr : r.mask, width);
    const from = Number(m[2]);
    const to = m[3] !== undefined ? Number(m[3]) : from;
    const vals = m[4]!.split(',').map((h) => parseInt(h, 16));
    for (let i = from; i <= to; i++) {
      expect(bytes[i], `${m[1]}[${i}]`).toBe(vals.length === 1 ? vals[0] : vals[i - from]);
      checked++;
    }
  }
  const nm = /\bnet=0x([0-9A-Fa-f]+)/.exec(exp);
  if (nm) {
    expect(r.addr).toBe(BigInt('0x' + nm[1]));
    checked++;
  }
  const mm = /\bmask=(0x[0-9A-Fa-f]+|\d+)/.exec(exp);
  if (mm) {
    expect(r.mask).toBe(BigInt(mm[1]!));
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
}

function checkEvalRow(row: Row): void {
  const { name, list } = parseDefinition(row.def);
  const lists = buildNetworkLists(list ? [list] : [], { localNet: LOCAL_NET });
  const { ip, port } = parseIpColumn(row.ip);
  const v = checkAddress(lists, name, ip, port);
  expect(v.verdict, v.reason).toBe(row.expected);
  expect(checkAddressCode(lists, name, ip, port ?? 0)).toBe(row.expected === 'allow' ? 1 : 0);
  expect(checkAddressFast(lists, name, ip, port ?? 0)).toBe(row.expected === 'allow');
  if (lists.lists.has(name)) expect(cWalk(lists, name, ip, port ?? 0)).toBe(row.expected);
  expect(typeof v.reason).toBe('string');
  expect(v.reason.length).toBeGreaterThan(10);
}

// ---------------------------------------------------------------------------------------------
// Descriptive rows
// ---------------------------------------------------------------------------------------------

const A: AclListDef = { name: 'A', default: 'deny', nodes: [{ type: 'allow', cidr: '10.0.0.0/8' }] };
const B: AclListDef = { name: 'B', default: 'deny', nodes: [{ type: 'allow', cidr: '192.168.0.0/16' }] };

const CUSTOM: Record<string, (row: Row) => void> = {
  'multi-sofia': () => {
    const lists = buildNetworkLists([A, B]);
    const r = checkLists(lists, ['A', 'B'], '192.168.1.1', 'any');
    expect(r.verdict).toBe('allow');
    expect(r.decidingList).toBe('B');
    expect(checkLists(lists, ['A', 'B'], '172.16.0.1', 'any').verdict).toBe('deny');
  },
  'multi-sofia-default-allow': (row) => {
    const lists = buildNetworkLists([
      { name: 'A', default: 'allow', nodes: [{ type: 'deny', cidr: '203.0.113.9/32' }] },
      { name: 'B', default: 'deny', nodes: [] },
    ]);
    const r = checkLists(lists, ['A', 'B'], row.ip, 'any');
    expect(r.verdict).toBe('allow');
    expect(r.decidingList).toBe('A');
  },
  'multi-sofia-register': () => {
    const lists = buildNetworkLists([A, { name: 'C', default: 'deny', nodes: [{ type: 'allow', cidr: '10.1.0.0/16' }] }]);
    expect(checkLists(lists, ['A', 'C'], '10.1.2.3', 'all').verdict).toBe('allow');
    const r = checkLists(lists, ['A', 'C'], '10.2.0.1', 'all');
    expect(r.verdict).toBe('deny');
    expect(r.decidingList).toBe('C');
  },
  'multi-esl': () => {
    const lists = buildNetworkLists([A, B]);
    expect(checkLists(lists, ['A', 'B'], '10.0.0.1', 'all').verdict).toBe('deny');
    expect(checkLists(lists, ['A', 'rfc1918.auto'], '10.0.0.1', 'all').verdict).toBe('allow');
  },
  'multi-verto': () => {
    const lists = buildNetworkLists([A, B]);
    expect(checkLists(lists, ['A', 'B'], '192.168.0.1', 'all').verdict).toBe('deny');
    expect(checkLists(lists, ['B'], '192.168.0.1', 'all').verdict).toBe('allow');
  },
  'esl-default': (row) => {
    const lists = buildNetworkLists([]);
    expect(checkAddress(lists, 'loopback.auto', row.ip).verdict).toBe('deny');
    expect(checkAddress(lists, 'loopback.auto', '127.0.0.1').verdict).toBe('allow');
  },
  'dup-list': () => {
    const lists = buildNetworkLists([
      { name: 'x', default: 'deny', nodes: [{ type: 'allow', cidr: '10.0.0.0/8' }], source: { file: 'acl.conf.xml', line: 3 } },
      { name: 'x', default: 'allow', nodes: [{ type: 'deny', cidr: '10.0.0.0/8' }], source: { file: 'acl.conf.xml', line: 9 } },
    ]);
    expect(checkAddress(lists, 'x', '10.1.1.1').verdict).toBe('deny');
    expect(checkAddress(lists, 'x', '11.1.1.1').verdict).toBe('allow');
    expect(lists.lists.get('x')!.replaced).toEqual({ builtin: false, source: { file: 'acl.conf.xml', line: 3 } });
    expect(lists.diagnostics.some((d) => d.code === 'duplicate-list')).toBe(true);
  },
  'override-auto': (row) => {
    const lists = buildNetworkLists([{ name: 'loopback.auto', default: 'allow', nodes: [] }]);
    expect(checkAddress(lists, 'loopback.auto', row.ip).verdict).toBe('allow');
    expect(lists.diagnostics.some((d) => d.code === 'overrides-builtin')).toBe(true);
  },
  'node-precedence': (row) => {
    const lists = buildNetworkLists(
      [
        { name: 'dom', default: 'deny', nodes: [{ type: 'allow', domain: 'd', cidr: '10.0.0.0/8' }] },
        { name: 'cidr', default: 'deny', nodes: [{ type: 'allow', cidr: '10.0.0.0/8', host: '192.168.0.0', mask: '255.255.0.0' }] },
        { name: 'none', default: 'deny', nodes: [{ type: 'allow' }] },
      ],
      { resolveDomain: (n) => (n === 'd' ? { users: [], hasUsersBlock: true } : undefined) },
    );
    expect(checkAddress(lists, 'dom', row.ip).verdict).toBe('deny');
    expect(checkAddress(lists, 'cidr', row.ip).verdict).toBe('allow');
    expect(checkAddress(lists, 'cidr', '192.168.1.1').verdict).toBe('deny');
    expect(lists.lists.get('none')!.nodes.length).toBe(0);
    expect(lists.diagnostics.some((d) => d.code === 'node-without-address')).toBe(true);
  },
  'node-domain': (row) => {
    const users = {
      hasUsersBlock: false,
      users: [
        { id: '1000', cidr: '192.0.2.7/32', inGroup: false },
        { id: '2000', cidr: '198.51.100.0/24', inGroup: true },
      ],
    };
    const lists = buildNetworkLists([{ name: 'd', default: 'deny', nodes: [{ type: 'allow', domain: 'example.com', port: '5060' }] }], {
      resolveDomain: (n) => (n === 'example.com' ? users : undefined),
    });
    const v = checkAddress(lists, 'd', row.ip);
    expect(v.verdict).toBe('allow');
    expect(v.decidedBy?.token).toBe('1000@example.com');
    // direct users ignore the node's port, group users honour it
    expect(checkAddress(lists, 'd', '192.0.2.7', 5080).verdict).toBe('allow');
    expect(checkAddress(lists, 'd', '198.51.100.5', 5080).verdict).toBe('deny');
    expect(checkAddress(lists, 'd', '198.51.100.5', 5060).verdict).toBe('allow');
    // with a <users> block, group members are never seen (quirk)
    const lists2 = buildNetworkLists([{ name: 'd', default: 'deny', nodes: [{ type: 'allow', domain: 'example.com' }] }], {
      resolveDomain: () => ({ ...users, hasUsersBlock: true }),
    });
    expect(checkAddress(lists2, 'd', '198.51.100.5').verdict).toBe('deny');
    expect(checkAddress(lists2, 'd', '192.0.2.7').verdict).toBe('allow');
    expect(lists2.diagnostics.some((d) => d.code === 'domain-group-users-ignored')).toBe(true);
  },
  'node-domain-missing': () => {
    const lists = buildNetworkLists([{ name: 'd', default: 'allow', nodes: [{ type: 'deny', domain: 'nosuch.example' }] }], { resolveDomain: () => undefined });
    expect(lists.lists.get('d')!.nodes.length).toBe(0);
    expect(lists.diagnostics.find((d) => d.code === 'domain-not-found')?.message).toMatch(/Cannot locate domain/);
  },
  'acl-api': () => {
    const lists = buildNetworkLists([]);
    expect(checkAddressFast(lists, 'loopback.auto', '127.0.0.1')).toBe(true);
    expect(checkAddressFast(lists, 'loopback.auto', '10.0.0.1')).toBe(false);
  },
  'null-name': () => {
    const lists = buildNetworkLists([]);
    expect(checkAddressFast(lists, '', '127.0.0.1')).toBe(false);
    expect(checkAddress(lists, '', '127.0.0.1').verdict).toBe('deny');
  },
};

const rows = loadRows();

describe('acl-vectors.tsv', () => {
  it('resolves the vectors file and has rows', () => {
    expect(rows.length).toBeGreaterThan(100);
  });
  for (const row of rows) {
    it(`${row.id}: ${row.def} | ${row.ip} -> ${row.expected}`, () => {
      if (CUSTOM[row.id]) return CUSTOM[row.id]!(row);
      if (row.def.startsWith('parse ')) return checkParseRow(row);
      if (row.def === 'switch_is_ip_address') {
        const want = /isip:\s*(\d)/.exec(row.expected)![1] === '1';
        expect(isIpAddress(row.ip === '(NULL)' ? null : row.ip)).toBe(want);
        return;
      }
      if (row.expected === 'allow' || row.expected === 'deny') return checkEvalRow(row);
      throw new Error(`vector row ${row.id} is not handled`);
    });
  }
});
