/**
 * Engine results → LSP shapes. The engine already speaks LSP ranges; this adds the protocol details
 * (severity numbers, rule doc links, WorkspaceEdits).
 */
import type { CodeAction, Diagnostic, DiagnosticSeverity, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { ruleAnchor, type FileAction, type Finding, type Severity } from '@fsconf/core';

export { ruleAnchor };

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

export function toDiagnostic(f: Finding, uriOf: (path: string) => string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity] ?? 3,
    code: f.rule,
    codeDescription: { href: ruleAnchor(f.rule) },
    source: 'fsconf',
    message: f.message,
  };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: uriOf(r.file), range: r.range }, message: r.message }));
  const data: { fixes?: number; security?: boolean; cause?: { uri: string; line: number; message: string } } = {};
  if (f.fixes.length) data.fixes = f.fixes.length;
  if (f.security) data.security = true;
  if (f.cause) {
    // clients group findings that share a rule and a cause (the TUI, VS Code's related information)
    data.cause = { uri: uriOf(f.cause.file), line: f.cause.range.start.line, message: f.cause.message };
    const related = d.relatedInformation ?? [];
    if (!related.some((r) => r.location.uri === data.cause!.uri && r.location.range.start.line === f.cause!.range.start.line))
      related.push({ location: { uri: data.cause.uri, range: f.cause.range }, message: `cause: ${f.cause.message}` });
    d.relatedInformation = related;
  }
  if (data.fixes || data.security || data.cause) d.data = data;
  return d;
}

function toWorkspaceEdit(edits: Map<string, { range: TextEdit['range']; newText: string }[]>, uriOf: (path: string) => string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const [file, list] of edits) changes[uriOf(file)] = list.map((e) => ({ range: e.range, newText: e.newText }));
  return { changes };
}

export function toCodeAction(a: FileAction, uriOf: (path: string) => string): CodeAction {
  return {
    title: a.title,
    kind: a.kind,
    ...(a.kind === 'quickfix' ? { isPreferred: a.preferred, diagnostics: a.findings.map((f) => toDiagnostic(f, uriOf)) } : {}),
    // safe | choice | credential: a client shows it and never applies a choice or credential fix unasked
    data: { fixKind: a.fixKind, ...(a.notice ? { notice: a.notice } : {}) },
    edit: toWorkspaceEdit(a.edits, uriOf),
  };
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function count(findings: Iterable<Finding>, into: Counts = { errors: 0, warnings: 0, infos: 0 }): Counts {
  for (const f of findings) {
    if (f.severity === 'error') into.errors++;
    else if (f.severity === 'warning') into.warnings++;
    else into.infos++;
  }
  return into;
}
