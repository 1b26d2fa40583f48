import type { Doc } from '../tree.js';
import type { FixInput } from './types.js';
import { didYouMean } from '../kb/did-you-mean.js';

/** Did-you-mean fixes that replace [start, end) with each suggestion: a person picks (kind 'choice'). */
export function suggestionFixes(doc: Doc, start: number, end: number, name: string, candidates: Iterable<string>): { fixes: FixInput[]; hint: string } {
  const s = didYouMean(name, candidates);
  return {
    fixes: s.map((x, i) => ({
      title: `Change to "${x}"`,
      kind: 'choice',
      edits: [{ doc, start, end, newText: x }],
      ...(s.length === 1 && i === 0 ? { preferred: true } : {}),
    })),
    hint: s.length ? ` (did you mean "${s[0]}"?)` : '',
  };
}

/** Offset range of the whole line holding offset (including its newline), for "delete the line" fixes. */
export function wholeLine(doc: Doc, offset: number): { start: number; end: number } {
  const line = doc.lines.lineOf(offset);
  const start = doc.lines.lineStart(line);
  const next = line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length;
  return { start, end: next };
}

/** Indentation of the line holding offset. */
export function indentAt(doc: Doc, offset: number): string {
  const line = doc.lines.lineOf(offset);
  return /^[ \t]*/.exec(doc.lines.lineText(line))![0];
}

export function eol(doc: Doc): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}
