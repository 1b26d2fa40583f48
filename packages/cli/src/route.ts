/**
 * `fsconf route CONF --profile NAME --from IP --to NUMBER [--user ID[@DOMAIN]] [--var NAME=VALUE]…
 *  [--header NAME=VALUE]… [--port N] [--at ISO-TIME] [--format text|json]`:
 * what FreeSWITCH does with a call, simulated from the conf tree: admitted how, which context, each
 * extension tried, the actions in execution order with file:line, and the outcome.
 *
 * Exit codes: 0 simulated (whatever the outcome), 2 bad input.
 */
import { writeErr, writeOut } from './output.js';
import { parseArgs } from 'node:util';
import { UsageError, confRootOf, rel } from './args.js';
import { analyze, bridgeWhere, NodeFileSystem, RouteInputError, simulateCall, type RouteInput, type RouteResult } from '@fsconf/core';

const USAGE =
  'usage: fsconf route CONF --profile NAME --from IP --to NUMBER [--user ID[@DOMAIN]] [--var NAME=VALUE]… [--header NAME=VALUE]… [--port N] [--at ISO-TIME] [--format text|json]';

function usage(message: string): never {
  throw new UsageError(message);
}

function pairs(list: string[] | undefined, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of list ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) usage(`${what} ${p}: expected NAME=VALUE`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

export function routeJson(r: RouteResult): Record<string, unknown> {
  const withRel = <T extends { file?: string }>(x: T): T => (x.file ? { ...x, file: rel(x.file) } : x);
  const { action, targets, ...outcome } = r.outcome;
  return {
    admission: r.admission,
    context: r.context,
    contexts: r.contexts,
    actions: r.actions.map(withRel),
    outcome: {
      ...outcome,
      ...(targets ? { targets: targets.map((t) => (t.location ? { ...t, location: withRel(t.location) } : t)) } : {}),
      ...(action ? { action: withRel(action) } : {}),
    },
    path: r.path.map(withRel),
    premises: r.premises,
    trace: r.trace.map(withRel),
  };
}

export function routeText(r: RouteResult): string {
  const a = r.admission;
  const out: string[] = [];
  const how = a.verdict === 'admitted' ? (a.authenticated ? `admitted, authenticated by ${a.by}` : 'admitted without authentication') : a.verdict;
  out.push(`admission: ${how} — profile ${a.profile}, from ${a.from}${a.user ? `, as ${a.user}` : ''}${a.response ? ` (${a.response})` : ''}`);
  if (a.reason) out.push(`  why: ${a.reason}`);
  if (r.context) out.push(`context: ${r.context}${r.contexts.length > 1 ? `  (then ${r.contexts.slice(1).join(' → ')})` : ''}`);
  const hunt = r.trace.filter((s) => s.kind !== 'admission' && s.kind !== 'outcome' && s.kind !== 'action');
  if (hunt.length) {
    out.push('hunt:');
    for (const s of hunt) out.push(`  ${'  '.repeat(s.depth ?? 0)}${s.text}${s.file ? `   ${rel(s.file)}:${s.line}` : ''}`);
  }
  if (r.actions.length) {
    out.push('actions, in execution order:');
    r.actions.forEach((x, i) => {
      const shown = x.expanded === x.data ? x.data : `${x.data}  →  ${x.expanded}`;
      out.push(
        `  ${String(i + 1).padStart(2)}. ${x.application}(${shown})   ${x.context}/${x.extension}   ${rel(x.file)}:${x.line}${x.when ? `\n        only if ${x.when}` : ''}`,
      );
    });
  }
  const o = r.outcome;
  out.push(`outcome: ${o.kind}${o.endpoint ? ` ${o.endpoint}` : ''}${o.kind === 'bridge' ? `  (${bridgeWhere(o)})` : ''}`);
  if (o.targets)
    for (const t of o.targets)
      out.push(`  target: ${t.target} — ${t.kind.replace('-', ' ')}${t.location ? `   ${rel(t.location.file)}:${t.location.line}` : ''}`);
  out.push(`  why: ${o.reason}`);
  if (o.alternatives)
    for (const alt of o.alternatives) out.push(`  if ${alt.assumptions.join('; ') || 'nothing assumed'}: ${alt.kind}${alt.endpoint ? ` ${alt.endpoint}` : ''}`);
  if (r.premises.length) {
    out.push('premises:');
    for (const p of r.premises) out.push(`  - ${p}`);
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
      options: {
        profile: { type: 'string', short: 'p' },
        from: { type: 'string' },
        to: { type: 'string' },
        user: { type: 'string' },
        var: { type: 'string', multiple: true },
        header: { type: 'string', multiple: true },
        port: { type: 'string' },
        at: { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    usage(`${(e instanceof Error ? e.message : String(e)).split('\n')[0]} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    writeOut(`${USAGE}\nExit codes: 0 simulated, 2 bad input.\n`);
    return 0;
  }
  if (positionals.length !== 1) usage(`expected one conf folder, got ${positionals.length} (${USAGE})`);
  for (const k of ['profile', 'from', 'to'] as const) if (!values[k]) usage(`--${k} is required (${USAGE})`);
  const format = values.format!;
  if (format !== 'text' && format !== 'json') usage(`--format must be text or json, not "${format}"`);
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) usage(`--port must be a number from 0 to 65535, not "${values.port}"`);
    port = Number(values.port);
  }
  const fs = new NodeFileSystem();
  const root = confRootOf(fs, positionals[0]!);
  const analysis = analyze(fs, { root, rules: [] });
  const input: RouteInput = {
    profile: values.profile!,
    from: values.from!,
    to: values.to!,
    vars: pairs(values.var, '--var'),
    headers: pairs(values.header, '--header'),
    ...(values.user ? { user: values.user } : {}),
    ...(values.at ? { at: values.at } : {}),
    ...(port !== undefined ? { port } : {}),
  };
  const r = simulateCall(analysis.tree, analysis.model, input);
  writeOut(format === 'json' ? JSON.stringify(routeJson(r), null, 2) + '\n' : routeText(r));
  return 0;
}

export async function runRouteCommand(args: string[]): Promise<number> {
  try {
    return run(args);
  } catch (e) {
    const known = e instanceof UsageError || e instanceof RouteInputError;
    const msg = known ? (e as Error).message : `cannot simulate: ${e instanceof Error ? e.message : String(e)}`;
    writeErr(`fsconf route: ${msg.split('\n')[0]}\n`);
    return 2;
  }
}
