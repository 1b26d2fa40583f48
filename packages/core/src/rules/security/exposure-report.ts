// Shared by security/toll-fraud-path and security/open-context: where a finding about a profile's
// exposure sits, and the places along a simulated path as related locations.
import { findParam, type SofiaProfile } from '../../model.js';
import type { Tree } from '../../tree.js';
import type { ReportInput } from '../types.js';
import type { Reach } from '../../simulate/exposure.js';
import { display } from '../../simulate/values.js';

export const EXPOSURE_READS = [
  'profiles',
  'profile',
  'settings',
  'param',
  'gateways',
  'gateway',
  'network-lists',
  'list',
  'node',
  'domains',
  'domain',
  'params',
  'variables',
  'variable',
  'users',
  'user',
  'groups',
  'group',
  'context',
  'extension',
  'condition',
  'action',
  'anti-action',
  'regex',
  'expression',
] as const;

/** The profile's `context` param value, else its name. */
export function profileAnchor(p: SofiaProfile): Pick<ReportInput, 'doc' | 'start' | 'end'> {
  const c = findParam(p.settings, 'context');
  if (c?.valueAttr) return { doc: c.node.doc, start: c.valueAttr.valueStart, end: c.valueAttr.valueEnd };
  const n = p.nameAttr;
  if (n) return { doc: p.node.doc, start: n.valueStart, end: n.valueEnd };
  return { doc: p.node.doc, start: p.node.el.nameStart, end: p.node.el.nameEnd };
}

function lineSpan(tree: Tree, file: string, line: number): { doc: ReportInput['doc']; start: number; end: number } | undefined {
  const doc = tree.docs.get(file);
  if (!doc || line < 1 || line > doc.lines.lineCount) return undefined;
  const s = doc.lines.lineStart(line - 1);
  const e = doc.lines.lineEnd(line - 1);
  const text = doc.text.slice(s, e);
  const lead = text.length - text.trimStart().length;
  return { doc, start: s + lead, end: Math.max(s + lead, s + text.trimEnd().length) };
}

export function pathText(profile: string, r: Reach): string {
  const steps = [`profile ${profile}`];
  let ctx = '';
  for (const p of r.path) {
    if (p.context !== ctx) steps.push(`context ${p.context}`);
    ctx = p.context;
    steps.push(`extension ${p.extension}`);
  }
  if (r.action) steps.push(`${r.action.application}(${display(r.action.expanded)})`);
  return steps.join(' → ');
}

export function pathRelated(tree: Tree, r: Reach): NonNullable<ReportInput['related']> {
  const out: NonNullable<ReportInput['related']> = [];
  for (const p of r.path) {
    const s = lineSpan(tree, p.file, p.line);
    if (s) out.push({ ...s, message: `extension ${p.extension} in context ${p.context}` });
  }
  if (r.action) {
    const s = lineSpan(tree, r.action.file, r.action.line);
    if (s) out.push({ ...s, message: `${r.action.application} ${display(r.action.expanded)}` });
  }
  for (const t of r.targets ?? []) {
    if (!t.location) continue;
    const s = lineSpan(tree, t.location.file, t.location.line);
    if (s) out.push({ ...s, message: `gateway ${t.name}` });
  }
  return out;
}
