/**
 * `fsconf acl <ip> <list> [--conf DIR] [--port N] [--local-net IP/MASK] [--format text|json]`:
 * evaluate an address against a network list exactly as FreeSWITCH would, and say which node decided
 * and why. Lists come from the conf tree's acl.conf plus the ten built-in *.auto lists.
 *
 * Exit codes: 0 allow, 1 deny, 2 usage error (or an answer fsconf cannot know).
 */
import { writeErr, writeOut } from './output.js';
import { parseArgs } from 'node:util';
import * as nodePath from 'node:path';
import * as nodeFs from 'node:fs';
import { UsageError, confRootOf } from './args.js';
import { analyze, findConfRoot, NodeFileSystem, parseIp, parseLocalNet, testAddress, type AclTestResult } from '@fsconf/core';

const USAGE = 'usage: fsconf acl <ip> <list> [--conf DIR] [--port N] [--local-net IP/MASK] [--format text|json]';

function usage(message: string): never {
  throw new UsageError(message);
}

/** The conf root: --conf (a folder at or below the root), else the tree holding cwd, else /etc/freeswitch. */
function confRoot(fs: NodeFileSystem, conf: string | undefined): string {
  if (conf !== undefined) return confRootOf(fs, conf, `--conf ${conf}`);
  const here = findConfRoot(fs, process.cwd());
  if (here) return here;
  if (nodeFs.existsSync('/etc/freeswitch/freeswitch.xml')) return '/etc/freeswitch';
  usage('no FreeSWITCH conf tree found (no freeswitch.xml at or above the current folder, nor in /etc/freeswitch): pass --conf DIR');
}

function rel(file: string | null): string | null {
  if (file === null) return null;
  const r = nodePath.relative(process.cwd(), file);
  return r === '' ? file : r;
}

function toJson(r: AclTestResult, ip: string, port: number | undefined): Record<string, unknown> {
  return {
    verdict: r.verdict,
    list: r.list,
    decidedBy: r.decidedBy
      ? {
          file: rel(r.decidedBy.file),
          line: r.decidedBy.line,
          cidr: r.decidedBy.cidr,
          type: r.decidedBy.type,
          ...(r.decidedBy.token ? { token: r.decidedBy.token } : {}),
        }
      : null,
    reason: r.reason,
    ip,
    ...(port !== undefined ? { port } : {}),
  };
}

function toText(r: AclTestResult, ip: string, port: number | undefined, builtin: boolean): string {
  const target = `${ip}${port !== undefined ? ` port ${port}` : ''}`;
  const lines = [`${r.verdict}: ${target} against list "${r.list}"`];
  if (r.decidedBy) {
    const where = r.decidedBy.file !== null ? `${rel(r.decidedBy.file)}:${r.decidedBy.line}` : `built-in list ${r.list}`;
    lines.push(`  decided by: ${where}  ${r.decidedBy.type} ${r.decidedBy.cidr}${r.decidedBy.token ? `  (token ${r.decidedBy.token})` : ''}`);
  } else if (r.unknownList) {
    lines.push('  decided by: no such list (FreeSWITCH denies every address)');
  } else if (r.inline) {
    lines.push('  decided by: no CIDR of the inline list matched (deny)');
  } else {
    lines.push(`  decided by: the list default (${r.verdict})${builtin ? ' of the built-in list' : ''}`);
  }
  lines.push(`  why: ${r.reason}`);
  return lines.join('\n') + '\n';
}

function run(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        conf: { type: 'string' },
        port: { type: 'string' },
        'local-net': { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    usage(`${(e instanceof Error ? e.message : String(e)).split('\n')[0]} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    writeOut(`${USAGE}\nExit codes: 0 allow, 1 deny, 2 usage error.\n`);
    return 0;
  }
  if (positionals.length !== 2)
    usage(`expected an address and a list name, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'} (${USAGE})`);
  const [ip, list] = positionals as [string, string];
  const format = values.format!;
  if (format !== 'text' && format !== 'json') usage(`--format must be text or json, not "${format}"`);
  const p = parseIp(ip);
  if (!p.ok) usage(`"${ip}" is not an IPv4 or IPv6 address`);
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) usage(`--port must be a number from 0 to 65535, not "${values.port}"`);
    port = Number(values.port);
  }
  let localNet: string | undefined;
  if (values['local-net'] !== undefined) {
    if (!parseLocalNet(values['local-net']))
      usage(`--local-net must be an IPv4 address and mask, e.g. 192.168.1.10/255.255.255.0 or 192.168.1.10/24, not "${values['local-net']}"`);
    localNet = values['local-net'];
  }
  const fs = new NodeFileSystem();
  const root = confRoot(fs, values.conf);
  const analysis = analyze(fs, { root, rules: [] });
  const r = testAddress(analysis, ip, list, { ...(port !== undefined ? { port } : {}), ...(localNet !== undefined ? { localNet } : {}) });
  const builtin = analysis.model.aclLists.every((l) => l.name !== list) && list.endsWith('.auto');
  if (format === 'json') writeOut(JSON.stringify(toJson(r, ip, port), null, 2) + '\n');
  if (r.verdict === 'unknown') {
    writeErr(`fsconf acl: cannot decide: ${r.reason}\n`);
    return 2;
  }
  if (format === 'text') writeOut(toText(r, ip, port, builtin));
  return r.verdict === 'allow' ? 0 : 1;
}

export async function runAclCommand(args: string[]): Promise<number> {
  try {
    return run(args);
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : `cannot evaluate: ${e instanceof Error ? e.message : String(e)}`;
    writeErr(`fsconf acl: ${msg.split('\n')[0]}\n`);
    return 2;
  }
}
