/**
 * `fsconf exposure CONF [--format text|json]`: for every sip profile, what a caller from an internet
 * address without a password reaches (simulated calls, see packages/core/src/simulate/exposure.ts).
 *
 * Exit codes: 0 nothing leaves the switch, 1 a toll-fraud path exists, 2 bad input.
 */
import { writeErr, writeOut } from './output.js';
import { parseArgs } from 'node:util';
import { analyze, exposureOf, NodeFileSystem, STRANGER, type ProfileExposure } from '@fsconf/core';
import { UsageError, confRootOf, rel } from './args.js';

const USAGE = 'usage: fsconf exposure CONF [--format text|json]';

function toJson(list: ProfileExposure[]): Record<string, unknown> {
  return {
    caller: STRANGER,
    profiles: list.map((p) => ({
      profile: p.profile.name,
      caller: p.caller,
      file: rel(p.profile.node.doc.path),
      line: p.profile.node.doc.lines.lineOf(p.profile.node.el.start) + 1,
      admission: p.admission,
      context: p.context,
      reaches: p.reaches.map((r) => ({
        number: r.number,
        at: r.at,
        extension: r.extension,
        kind: r.kind,
        endpoint: r.endpoint,
        ...(r.assumptions.length ? { assumptions: r.assumptions } : {}),
        path: r.path.map((x) => ({ ...x, file: rel(x.file) })),
        ...(r.action ? { action: { ...r.action, file: rel(r.action.file) } } : {}),
      })),
      skipped: p.skipped,
    })),
  };
}

function toText(list: ProfileExposure[]): string {
  const out: string[] = [`What a caller from the internet (${STRANGER}) without a password reaches:`];
  for (const p of list) {
    const a = p.admission;
    const how =
      a.verdict === 'admitted'
        ? a.by === 'digest'
          ? 'only with a password'
          : a.authenticated
            ? `let in (authenticated by ${a.by})`
            : 'let in without a password'
        : a.verdict === 'challenged'
          ? 'challenged for a password'
          : a.verdict;
    out.push(
      '',
      `profile ${p.profile.name}${p.caller !== STRANGER ? ` (caller ${p.caller})` : ''}: ${how}${p.context && a.verdict === 'admitted' && a.by !== 'digest' ? `, lands in context ${p.context}` : ''}   ${rel(p.profile.node.doc.path)}:${p.profile.node.doc.lines.lineOf(p.profile.node.el.start) + 1}`,
    );
    if (a.reason) out.push(`  why: ${a.reason}`);
    if (a.verdict !== 'admitted' || a.by === 'digest') continue;
    if (!p.reaches.length) out.push('  reaches nothing that rings a phone or leaves the switch');
    for (const r of p.reaches) {
      const label = r.kind === 'external' ? 'LEAVES THE SWITCH' : r.kind.replace('-', ' ');
      out.push(
        `  ${r.number.padEnd(14)} ${label}: ${r.endpoint ?? ''}   via ${r.path.map((x) => `${x.context}/${x.extension}`).join(' → ')}${r.action ? `   ${rel(r.action.file)}:${r.action.line}` : ''}`,
      );
      if (r.assumptions.length) out.push(`                 only if ${r.assumptions.join('; ')}`);
    }
    for (const s of p.skipped) out.push(`  (extension ${s.extension} not tried: ${s.reason})`);
  }
  return out.join('\n') + '\n';
}

function run(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (e) {
    throw new UsageError(`${(e instanceof Error ? e.message : String(e)).split('\n')[0]} (${USAGE})`);
  }
  if (parsed.values.help) {
    writeOut(`${USAGE}\nExit codes: 0 nothing leaves the switch, 1 a toll-fraud path exists, 2 bad input.\n`);
    return 0;
  }
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one conf folder (${USAGE})`);
  const format = parsed.values.format!;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const fs = new NodeFileSystem();
  const root = confRootOf(fs, parsed.positionals[0]!);
  const a = analyze(fs, { root, rules: [] });
  const list = exposureOf(a.tree, a.model);
  writeOut(format === 'json' ? JSON.stringify(toJson(list), null, 2) + '\n' : toText(list));
  return list.some((p) => p.reaches.some((r) => r.kind === 'external')) ? 1 : 0;
}

export async function runExposureCommand(args: string[]): Promise<number> {
  try {
    return run(args);
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : `cannot analyse: ${e instanceof Error ? e.message : String(e)}`;
    writeErr(`fsconf exposure: ${msg.split('\n')[0]}\n`);
    return 2;
  }
}
