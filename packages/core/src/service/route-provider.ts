/**
 * The call simulator in the editor: a code lens "▶ simulate a call" on each extension (arguments for
 * the `fsconf.route` command), the simulation itself over the workspace's current analysis, and a hover
 * on a `<context>` or a profile's `context` param telling what callers without a password reach there.
 */
import type { Hover, Range } from 'vscode-languageserver-types';
import { attr } from '../xml/parser.js';
import { findParam, type DialplanContext, type Extension } from '../model.js';
import { simulateCall } from '../simulate/call.js';
import { exposureOf, STRANGER, type ProfileExposure } from '../simulate/exposure.js';
import { exampleFor } from '../simulate/regex-match.js';
import { display, preprocessed } from '../simulate/values.js';
import type { RouteInput, RouteResult } from '../simulate/types.js';
import type { FsconfWorkspace } from './workspace.js';
import type { ProviderContext } from './providers.js';
import { kbHover } from './kb-provider.js';

export interface RouteLens {
  range: Range;
  title: string;
  command: 'fsconf.route';
  /** the `fsconf.route` argument (without `uri`, which the server adds) */
  arguments: RouteInput;
}

/** A number the extension's first destination_number condition accepts, or undefined. */
function exampleNumber(ext: Extension): string | undefined {
  const walk = (conds: Extension['conditions']): string | undefined => {
    for (const c of conds) {
      const f = attr(c.node.el, 'field')?.value;
      const e = attr(c.node.el, 'expression')?.value;
      if (f?.toLowerCase() === 'destination_number' && e && !e.includes('${')) {
        const n = exampleFor(e);
        if (n) return n;
      }
      const inner = walk(c.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(ext.conditions);
}

/** The profile whose calls land in the context (its `context` param), if one does. */
function profileFor(ws: FsconfWorkspace, ctx: DialplanContext): string | undefined {
  for (const p of ws.analysis().model.profiles) {
    const c = findParam(p.settings, 'context');
    if (c && preprocessed(c.value) === ctx.name) return p.name;
  }
  return undefined;
}

export function routeCodeLenses(ws: FsconfWorkspace, path: string): RouteLens[] {
  const a = ws.analysis();
  const out: RouteLens[] = [];
  for (const ext of a.model.extensions) {
    if (ext.node.doc.path !== path || !ext.context.nameAttr) continue;
    const to = exampleNumber(ext) ?? '1000';
    const profile = profileFor(ws, ext.context);
    const args: RouteInput = profile ? { profile, from: STRANGER, to } : { profile: '', context: ext.context.name, from: STRANGER, to };
    const at = ext.node.el.start;
    out.push({
      range: ext.node.doc.lines.range(at, at),
      title: `▶ simulate a call to ${to}${profile ? ` on ${profile}` : ` in ${ext.context.name}`}`,
      command: 'fsconf.route',
      arguments: args,
    });
  }
  return out;
}

export function routeCall(ws: FsconfWorkspace, input: RouteInput): RouteResult {
  const a = ws.analysis();
  return simulateCall(a.tree, a.model, input);
}

function reachLines(pe: ProfileExposure, onlyContext?: string): string[] {
  const out: string[] = [];
  for (const r of pe.reaches) {
    if (onlyContext && !r.path.some((x) => x.context === onlyContext) && pe.context !== onlyContext) continue;
    const what = r.kind === 'external' ? '**leaves the switch**' : r.kind.replace('-', ' ');
    out.push(`- \`${r.number}\` → ${what}: \`${display(r.endpoint ?? '')}\` (via ${r.path.map((x) => x.extension).join(' → ')})`);
  }
  return out;
}

export function routeHover(ctx: ProviderContext): Hover | undefined {
  const el = ctx.cursor.element;
  if (!el) return undefined;
  let contextName: string | undefined;
  let profileName: string | undefined;
  if (el.name === 'context' && (ctx.cursor.inTagName || ctx.cursor.attr?.name === 'name')) contextName = attr(el, 'name')?.value;
  else if (el.name === 'param' && ctx.cursor.attr?.name === 'value' && attr(el, 'name')?.value.toLowerCase() === 'context') {
    const model = ctx.ws.analysis().model;
    profileName = model.profiles.find((p) => p.settings.some((s) => s.node.el === el))?.name;
    if (!profileName) return undefined;
  } else return undefined;
  const a = ctx.ws.analysis();
  const list = exposureOf(a.tree, a.model);
  const lines: string[] = [];
  if (profileName) {
    const pe = list.find((p) => p.profile.name === profileName);
    if (!pe) return undefined;
    const ad = pe.admission;
    if (ad.verdict !== 'admitted' || ad.by === 'digest')
      lines.push(
        `**Callers without a password** (${pe.caller}) on profile ${profileName}: ${ad.verdict === 'challenged' ? 'challenged for a password' : ad.verdict} — ${ad.reason}`,
      );
    else {
      lines.push(`**Callers without a password** (${pe.caller}) on profile ${profileName} land in context \`${pe.context}\` and reach:`);
      const r = reachLines(pe);
      lines.push(...(r.length ? r : ['- nothing that rings a phone or leaves the switch']));
    }
  } else if (contextName) {
    const here = list.filter(
      (p) =>
        p.admission.verdict === 'admitted' &&
        p.admission.by !== 'digest' &&
        (p.context === contextName || p.reaches.some((r) => r.path.some((x) => x.context === contextName))),
    );
    if (!here.length)
      lines.push(
        `**Callers without a password** (${STRANGER}): no sip profile lets them into context \`${contextName}\` (directly or by a transfer fsconf followed).`,
      );
    for (const pe of here) {
      lines.push(
        `**Callers without a password** (${pe.caller}) on profile ${pe.profile.name}${pe.context === contextName ? ' land here' : ` reach this context from \`${pe.context}\``}:`,
      );
      const r = reachLines(pe, contextName);
      lines.push(...(r.length ? r : ['- nothing that rings a phone or leaves the switch']));
    }
  }
  lines.push('', '_Simulated calls; `fsconf exposure` prints the whole report._');
  // this provider runs before the knowledge base's: keep what it says about the param
  const kb = profileName ? kbHover(ctx) : undefined;
  const kbText = kb && typeof kb.contents === 'object' && 'value' in kb.contents ? kb.contents.value : '';
  return { contents: { kind: 'markdown', value: (kbText ? `${kbText}\n\n---\n\n` : '') + lines.join('\n') } };
}
