/**
 * Code actions: every quick fix of every finding in a range, and fix-all for a file.
 * Edits are grouped per file so a fix that lives in another file (a variable in vars.xml) works.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Finding, Fix, FixKind } from '../rules/types.js';
import { preferredFixes } from '../edits.js';
import { normalize } from '../fs.js';
import type { FsconfWorkspace } from './workspace.js';
import { suppressActions } from './suppress.js';
import type { Analysis } from '../analysis.js';
import { credentialNotices, formatCredentialNotice } from '../credentials.js';

export interface FileAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.fsconf';
  preferred: boolean;
  /** How automatic the fix may be (a quick fix: its own kind; fix-all: 'safe'). */
  fixKind: FixKind;
  /** For a credential fix: where the new secret will be and who must be told (never the secret). */
  notice?: string;
  /** file path → edits */
  edits: Map<string, { range: Range; newText: string }[]>;
  /** The findings this action resolves. */
  findings: Finding[];
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function toAction(f: Finding, fix: Fix, single: boolean, analysis?: Analysis): FileAction {
  const edits = new Map<string, { range: Range; newText: string }[]>();
  for (const e of fix.edits) {
    let l = edits.get(e.file);
    if (!l) edits.set(e.file, (l = []));
    l.push({ range: e.range, newText: e.newText });
  }
  const root = analysis?.tree.root;
  const notice =
    fix.kind === 'credential' && analysis
      ? credentialNotices(analysis, f, fix)
          .map((n) => formatCredentialNotice(n, (p) => (root && p.startsWith(root + '/') ? p.slice(root.length + 1) : p)))
          .join('; ')
      : '';
  return { title: fix.title, kind: 'quickfix', preferred: !!fix.preferred || single, fixKind: fix.kind, ...(notice ? { notice } : {}), edits, findings: [f] };
}

/** Is this finding one of the diagnostics the client asked about (same rule, same range)? */
function isAsked(f: Finding, asked: { range: Range; code?: string | number | undefined }[]): boolean {
  const same = (a: Range, b: Range) =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  return asked.some((d) => same(d.range, f.range) && (d.code === undefined || d.code === f.rule));
}

/**
 * Quick fixes of the findings overlapping `range`. When the client names the diagnostics it was opened
 * on (`asked`, LSP's context.diagnostics), their fixes come first and only they may be preferred: the
 * fix of a neighbouring finding must never be the pre-selected answer.
 */
export function codeActions(
  ws: FsconfWorkspace,
  path: string,
  range: Range,
  only?: string[],
  asked?: { range: Range; code?: string | number | undefined }[],
): FileAction[] {
  const p = normalize(path);
  const findings = ws.diagnostics().get(p) ?? [];
  const out: FileAction[] = [];
  const wantQuick = !only || only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k));
  const wantAll = !only || only.some((k) => 'source.fixAll.fsconf'.startsWith(k));
  if (wantQuick) {
    for (const f of findings) {
      if (!overlaps(f.range, range)) continue;
      for (const fix of f.fixes) out.push(toAction(f, fix, f.fixes.length === 1, fix.kind === 'credential' ? ws.analysis() : undefined));
    }
    if (asked?.length && out.some((a) => isAsked(a.findings[0]!, asked))) {
      const own = out.filter((a) => isAsked(a.findings[0]!, asked));
      const others = out.filter((a) => !isAsked(a.findings[0]!, asked)).map((a) => ({ ...a, preferred: false }));
      out.splice(0, out.length, ...own, ...others);
    }
    // after the fixes: "Disable this rule here" (suppress.ts)
    const doc = ws.doc(p);
    if (doc)
      out.push(
        ...suppressActions(
          doc,
          findings.filter((f) => overlaps(f.range, range)),
        ),
      );
  }
  if (wantAll) {
    const all = fixAll(ws, p);
    if (all) out.push(all);
  }
  return out;
}

/** Every safe fix of the file, as one action (overlapping edits dropped: apply again to reach a fixpoint). */
export function fixAll(ws: FsconfWorkspace, path: string): FileAction | undefined {
  const findings = ws.diagnostics().get(normalize(path)) ?? [];
  const { fixes, byFile } = preferredFixes(findings, ['safe']);
  if (!fixes.length) return undefined;
  const edits = new Map<string, { range: Range; newText: string }[]>();
  for (const [file, list] of byFile)
    edits.set(
      file,
      list.map((e) => ({ range: e.range, newText: e.newText })),
    );
  return {
    title: `Fix all auto-fixable problems (${fixes.length})`,
    kind: 'source.fixAll.fsconf',
    preferred: false,
    fixKind: 'safe',
    edits,
    findings: fixes.map((x) => x.finding),
  };
}
