/**
 * EVERY address vector of test/reference/acl-vectors.tsv through the real CLI process
 * (`fsconf acl <ip> <list> --conf <tree> --format json`): one temporary conf tree holds one list per
 * vector (named after the vector id), and the processes run in a small parallel pool.
 * The descriptive rows that a single `fsconf acl` call can show (duplicate list, overridden built-in,
 * domain= nodes, the acl API) run against a second tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, REFERENCE, REPO } from '../helpers.js';

interface Row {
  id: string;
  def: string;
  ip: string;
  expected: string;
}

const LOCAL_NET = '192.168.1.10/255.255.255.0';

function rows(): Row[] {
  const text = readFileSync(path.join(REFERENCE, 'acl-vectors.tsv'), 'utf8');
  const out: Row[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, def, ip, expected] = line.split('\t') as [string, string, string, string];
    out.push({ id, def, ip, expected });
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The vector's list as acl.conf XML, or the name to check when the row names a list (name=…). */
function listXml(row: Row): { name: string; xml?: string } {
  if (row.def === 'list name NULL') return { name: '' };
  let dflt: string | undefined;
  const nodes: string[] = [];
  for (const seg0 of row.def.split('; ')) {
    const seg = seg0.trim();
    if (!seg) continue;
    if (seg.startsWith('name=')) return { name: seg.slice(5) };
    if (seg.startsWith('default=')) {
      dflt = seg.slice(8);
      continue;
    }
    let rest = seg;
    let port = '';
    const pm = / port=(\S+)$/.exec(rest);
    if (pm) {
      port = ` port="${esc(pm[1]!)}"`;
      rest = rest.slice(0, pm.index);
    }
    let attrs: string;
    if (rest.startsWith('hostmask ')) {
      const [, type, host, mask] = rest.split(' ') as [string, string, string, string];
      attrs = `${type !== '-' ? `type="${esc(type)}" ` : ''}host="${esc(host)}" mask="${esc(mask)}"`;
    } else {
      const sp = rest.indexOf(' ');
      const type = rest.slice(0, sp);
      attrs = `${type !== '-' ? `type="${esc(type)}" ` : ''}cidr="${esc(rest.slice(sp + 1))}"`;
    }
    nodes.push(`      <node ${attrs}${port}/>`);
  }
  const name = `v-${row.id}`;
  const xml = `    <list name="${esc(name)}"${dflt !== undefined ? ` default="${esc(dflt)}"` : ''}>\n${nodes.join('\n')}\n    </list>`;
  return { name, xml };
}

function writeTree(dir: string, lists: string[], directory = ''): void {
  mkdirSync(path.join(dir, 'autoload_configs'), { recursive: true });
  mkdirSync(path.join(dir, 'directory'), { recursive: true });
  writeFileSync(
    path.join(dir, 'freeswitch.xml'),
    `<?xml version="1.0"?>
<document type="freeswitch/xml">
  <section name="configuration" description="Various Configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/acl.conf.xml"/>
  </section>
  <section name="directory" description="User Directory">
    <X-PRE-PROCESS cmd="include" data="directory/*.xml"/>
  </section>
</document>
`,
  );
  writeFileSync(
    path.join(dir, 'autoload_configs', 'acl.conf.xml'),
    `<configuration name="acl.conf" description="Network Lists">\n  <network-lists>\n${lists.join('\n')}\n  </network-lists>\n</configuration>\n`,
  );
  writeFileSync(path.join(dir, 'directory', 'default.xml'), directory || '<include/>\n');
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function pool<T, R>(items: T[], size: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

const all = rows();
const addressRows = all.filter((r) => r.expected === 'allow' || r.expected === 'deny');
let tmp: string;
const results = new Map<string, Run & { args: string[] }>();

function argsFor(row: Row, conf: string): string[] {
  const { name } = listXml(row);
  const m = /^(\S+)(?: port=(\d+))?$/.exec(row.ip.trim())!;
  const ip = m[1] === '-' ? '127.0.0.1' : m[1]!;
  const args = ['acl', ip, name, '--conf', conf, '--format', 'json'];
  if (m[2] !== undefined) args.push('--port', m[2]);
  if (name === 'nat.auto' || name === 'localnet.auto') args.push('--local-net', LOCAL_NET);
  return args;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'fsconf-acl-vectors-'));
  const conf = path.join(tmp, 'vectors');
  writeTree(
    conf,
    addressRows.map((r) => listXml(r).xml).filter((x): x is string => x !== undefined),
  );
  const started = Date.now();
  const runs = await pool(addressRows, Math.max(4, Math.min(8, cpus().length)), async (row) => {
    const args = argsFor(row, conf);
    return { row, run: { ...(await runCli(args)), args } };
  });
  for (const { row, run } of runs) results.set(row.id, run);
  console.log(`fsconf acl: ${addressRows.length} vectors through the CLI in ${Date.now() - started} ms`);
}, 120000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('acl-vectors.tsv through `fsconf acl` (the real CLI process)', () => {
  it('has every address vector (and only parse/isip/descriptive rows are left for unit tests)', () => {
    expect(addressRows.length).toBeGreaterThanOrEqual(100);
    const others = all.filter((r) => !addressRows.includes(r));
    for (const r of others) expect(r.def.startsWith('parse ') || r.def === 'switch_is_ip_address' || !/^(allow|deny)$/.test(r.expected), r.id).toBe(true);
  });

  for (const row of addressRows) {
    it(`${row.id}: ${row.def} | ${row.ip} -> ${row.expected}`, () => {
      const run = results.get(row.id)!;
      expect(run.stderr, run.args.join(' ')).toBe('');
      const json = JSON.parse(run.stdout) as { verdict: string; list: string; decidedBy: unknown; reason: string };
      expect(json.verdict, json.reason).toBe(row.expected);
      expect(run.code).toBe(row.expected === 'allow' ? 0 : 1);
      expect(json.list).toBe(listXml(row).name);
      expect(json.reason.length).toBeGreaterThan(10);
    });
  }
});

describe('descriptive vectors through `fsconf acl`', () => {
  let conf: string;
  beforeAll(() => {
    conf = path.join(tmp, 'descriptive');
    writeTree(
      conf,
      [
        // dup-list: the last definition wins
        '    <list name="x" default="deny"><node type="allow" cidr="10.0.0.0/8"/></list>',
        '    <list name="x" default="allow"><node type="deny" cidr="10.0.0.0/8"/></list>',
        // override-auto: acl.conf replaces a built-in
        '    <list name="loopback.auto" default="allow"/>',
        // node-precedence: domain= wins over cidr=, cidr= over host/mask, a node without either is ignored
        '    <list name="dom" default="deny"><node type="allow" domain="d.example" cidr="10.0.0.0/8"/></list>',
        '    <list name="cidr" default="deny"><node type="allow" cidr="10.0.0.0/8" host="192.168.0.0" mask="255.255.0.0"/></list>',
        // node-domain / node-domain-missing
        '    <list name="d" default="deny"><node type="allow" domain="example.com" port="5060"/></list>',
        '    <list name="missing" default="allow"><node type="deny" domain="nosuch.example"/></list>',
      ],
      `<include>
  <domain name="d.example"><users/></domain>
  <domain name="example.com">
    <user id="1000" cidr="192.0.2.7/32"/>
    <groups><group name="g"><users><user id="2000" cidr="198.51.100.0/24"/></users></group></groups>
  </domain>
</include>
`,
    );
  });
  const check = async (ip: string, list: string, verdict: 'allow' | 'deny', extra: string[] = []) => {
    const r = await runCli(['acl', ip, list, '--conf', conf, '--format', 'json', ...extra]);
    const j = JSON.parse(r.stdout) as { verdict: string; decidedBy: { token?: string; file: string; line: number } | null; reason: string };
    expect(j.verdict, `${ip} ${list}: ${j.reason}`).toBe(verdict);
    expect(r.code).toBe(verdict === 'allow' ? 0 : 1);
    return j;
  };
  it('dup-list: the last definition of "x" wins', async () => {
    await check('10.1.1.1', 'x', 'deny');
    await check('11.1.1.1', 'x', 'allow');
  });
  it('override-auto: loopback.auto redefined in acl.conf allows 192.0.2.1', async () => {
    await check('192.0.2.1', 'loopback.auto', 'allow');
  });
  it('node-precedence: domain= beats cidr=, cidr= beats host/mask', async () => {
    await check('10.1.1.1', 'dom', 'deny');
    await check('10.1.1.1', 'cidr', 'allow');
    await check('192.168.1.1', 'cidr', 'deny');
  });
  it('node-domain: user cidr attributes with tokens; direct users ignore ports, group users honour them', async () => {
    const j = await check('192.0.2.7', 'd', 'allow');
    expect(j.decidedBy?.token).toBe('1000@example.com');
    expect(j.decidedBy?.file).toBe(path.relative(REPO, path.join(conf, 'directory', 'default.xml')));
    await check('192.0.2.7', 'd', 'allow', ['--port', '5080']);
    await check('198.51.100.5', 'd', 'deny', ['--port', '5080']);
    await check('198.51.100.5', 'd', 'allow', ['--port', '5060']);
  });
  it('node-domain-missing: the node is skipped', async () => {
    await check('10.0.0.1', 'missing', 'allow');
  });
  it('acl-api: built-in loopback.auto with no acl.conf override in the vectors tree', async () => {
    const vectors = path.join(tmp, 'vectors');
    const r = await runCli(['acl', '127.0.0.1', 'loopback.auto', '--conf', vectors]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('allow');
  });
});
