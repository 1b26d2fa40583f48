/**
 * "Disable this rule here": code actions that write the suppression comments fsconf already honours
 * (analysis.ts applySuppressions) — `<!-- fsconf-disable-next-line ID -->` above the finding's line, or
 * `<!-- fsconf-disable ID -->` at the top of the file. Never offered where the comment would land inside
 * a start tag spread over several lines (that would break the XML).
 */
import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../rules/types.js';
import type { Doc } from '../tree.js';
import type { FileAction } from './actions.js';

function insideStartTag(doc: Doc, offset: number): boolean {
  let list = doc.xml.roots;
  for (;;) {
    const el = list.find((e) => e.start <= offset && offset < e.end);
    if (!el) return false;
    if (offset > el.start && offset < el.startTagEnd) return true;
    list = el.children;
  }
}

export function suppressActions(doc: Doc, findings: Finding[]): FileAction[] {
  const out: FileAction[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.file !== doc.path) continue;
    const line = f.range.start.line;
    const key = `${f.rule}\u0000${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const lineStart = doc.lines.lineStart(line);
    const text = doc.lines.lineText(line);
    const indent = /^[ \t]*/.exec(text)![0];
    if (!insideStartTag(doc, lineStart) && !doc.xml.comments.some((c) => c.start < lineStart && c.end > lineStart)) {
      const at: Range = { start: { line, character: 0 }, end: { line, character: 0 } };
      out.push({
        title: `Disable ${f.rule} for this line`,
        kind: 'quickfix',
        preferred: false,
        fixKind: 'choice',
        edits: new Map([[doc.path, [{ range: at, newText: `${indent}<!-- fsconf-disable-next-line ${f.rule} -->\n` }]]]),
        findings: [f],
      });
    }
  }
  const rules = [...new Set(findings.filter((f) => f.file === doc.path).map((f) => f.rule))];
  // at the top, after an XML declaration (nothing may precede it)
  const top = /^\uFEFF?<\?xml[^>]*\?>/.test(doc.lines.lineText(0)) ? 1 : 0;
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  for (const rule of rules) {
    const at: Range = { start: { line: top, character: 0 }, end: { line: top, character: 0 } };
    out.push({
      title: `Disable ${rule} in this file`,
      kind: 'quickfix',
      preferred: false,
      fixKind: 'choice',
      edits: new Map([[doc.path, [{ range: at, newText: `<!-- fsconf-disable ${rule} -->${eol}` }]]]),
      findings: findings.filter((f) => f.rule === rule && f.file === doc.path),
    });
  }
  return out;
}
