/**
 * Masking secrets in file text: the server says where they are (`fsconf.secretRanges`), the TUI shows the
 * first character and `*` for the rest. Lengths never change, so columns, finding marks and horizontal
 * scrolling stay aligned with the real text.
 */
import type { Range } from '../lsp/types.js';
import type { DiffLine } from './edits.js';

const MASK = '*';

/** How many UTF-16 units the first character of `s` takes (a surrogate pair is kept whole). */
function firstCharLength(s: string): number {
  const c = s.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff && s.length > 1 ? 2 : 1;
}

/** `hunter22` → `h*******`; a one-character value shows nothing of itself. */
export function maskValue(v: string): string {
  if (v.length <= 1) return MASK.repeat(v.length);
  const keep = firstCharLength(v);
  return v.slice(0, keep) + MASK.repeat(v.length - keep);
}

/**
 * The literal runs of a secret value, around its `$${var}` references (a reference names the secret, it is
 * not one: the server leaves it out of its ranges too). [start, end) pairs.
 */
export function literalRuns(v: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const m of v.matchAll(/\$\$\{[^}]*\}?/g)) {
    if (m.index > at) out.push([at, m.index]);
    at = m.index + m[0].length;
  }
  if (at < v.length) out.push([at, v.length]);
  return out;
}

/** A secret value as shown while it is edited: each literal run masked, `$${var}` references kept. */
export function maskSecretValue(v: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of literalRuns(v)) {
    out += v.slice(at, s) + maskValue(v.slice(s, e));
    at = e;
  }
  return out + v.slice(at);
}

/**
 * The lines with every range masked (first character of the range kept). Returns the same array when
 * there is nothing to mask. A line's trailing `\r` is never part of a range.
 */
export function maskLines(lines: readonly string[], ranges: readonly Range[]): readonly string[] {
  if (!ranges.length) return lines;
  const out = lines.slice();
  for (const r of ranges) {
    const single = r.start.line === r.end.line && r.end.character - r.start.character <= 1;
    let first = !single;
    for (let l = Math.max(0, r.start.line); l <= r.end.line && l < out.length; l++) {
      const text = out[l]!;
      const content = text.endsWith('\r') ? text.length - 1 : text.length;
      const s = l === r.start.line ? Math.min(Math.max(0, r.start.character), content) : 0;
      const e = l === r.end.line ? Math.min(Math.max(0, r.end.character), content) : content;
      if (e <= s) continue;
      const keep = first ? Math.min(e - s, firstCharLength(text.slice(s, e))) : 0;
      out[l] = text.slice(0, s + keep) + MASK.repeat(e - s - keep) + text.slice(e);
      first = false;
    }
  }
  return out;
}

export function maskText(text: string, ranges: readonly Range[]): string {
  return ranges.length ? maskLines(text.split('\n'), ranges).join('\n') : text;
}

/** A diff with removed and context lines masked by the old text's ranges, added lines by the new text's. */
export function maskDiff(lines: DiffLine[], before: string, after: string, beforeRanges: readonly Range[], afterRanges: readonly Range[]): DiffLine[] {
  if (!beforeRanges.length && !afterRanges.length) return lines;
  const b = maskLines(before.split('\n'), beforeRanges);
  const a = maskLines(after.split('\n'), afterRanges);
  return lines.map((l) => {
    if (l.kind === '+' && l.newLine !== undefined) return { ...l, text: a[l.newLine] ?? l.text };
    if ((l.kind === '-' || l.kind === ' ') && l.oldLine !== undefined) return { ...l, text: b[l.oldLine] ?? l.text };
    return l;
  });
}

/** Whether a range touches the span [start, end) of `line` (an empty span: whether it covers `start`). */
export function touches(r: Range, line: number, start: number, end: number): boolean {
  if (line < r.start.line || line > r.end.line) return false;
  const s = line === r.start.line ? r.start.character : 0;
  const e = line === r.end.line ? r.end.character : Number.MAX_SAFE_INTEGER;
  return end > start ? s < end && e > start : s <= start && e > start;
}

/**
 * The ranges of a text after the value at [start, end) of `line` was replaced by `value` (the in-place
 * editor): ranges after it on the line shift, ranges over it go, and the new value is one range when it
 * is secret.
 */
export function rangesAfterEdit(ranges: readonly Range[], line: number, start: number, end: number, value: string, secret: boolean): Range[] {
  const delta = value.length - (end - start);
  const out: Range[] = [];
  for (const r of ranges) {
    if (touches(r, line, start, end)) continue;
    const shift = (p: Range['start']) => (p.line === line && p.character >= end ? { line, character: p.character + delta } : p);
    out.push({ start: shift(r.start), end: shift(r.end) });
  }
  if (secret) for (const [s, e] of literalRuns(value)) out.push({ start: { line, character: start + s }, end: { line, character: start + e } });
  return out;
}

/** Keeps only well-formed ranges from a server answer. */
export function validRanges(x: unknown): Range[] {
  if (!Array.isArray(x)) return [];
  const pos = (p: unknown): p is Range['start'] =>
    !!p &&
    typeof p === 'object' &&
    Number.isInteger((p as Range['start']).line) &&
    Number.isInteger((p as Range['start']).character) &&
    (p as Range['start']).line >= 0 &&
    (p as Range['start']).character >= 0;
  return x.filter((r): r is Range => !!r && typeof r === 'object' && pos((r as Range).start) && pos((r as Range).end));
}
