import type { Position, Range } from 'vscode-languageserver-types';

/** Maps string offsets (UTF-16 code units, as JS strings and LSP both count) to LSP positions and back. */
export class LineIndex {
  // found on first use: a lint run reads every file but asks positions of only a few
  private lazyStarts: number[] | undefined;
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    this.lazyStarts = starts;
  }

  private get starts(): number[] {
    let starts = this.lazyStarts;
    if (!starts) {
      starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lazyStarts = starts;
    }
    return starts;
  }

  /** The index of `text` (= old's text with change applied), reusing old's line starts around the edit. */
  static edited(old: LineIndex, text: string, change: TextChange): LineIndex {
    const s = old.starts;
    const delta = change.newEnd - change.oldEnd;
    // lines starting at or before the edit are unchanged; those after a newline past it move by delta
    const keep = old.lineOf(change.start) + 1;
    let from = keep;
    while (from < s.length && s[from]! - 1 < change.oldEnd) from++;
    const starts = s.slice(0, keep);
    for (let i = text.indexOf('\n', change.start); i >= 0 && i < change.newEnd; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    for (let i = from; i < s.length; i++) starts.push(s[i]! + delta);
    return new LineIndex(text, starts);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }
  /** End of the line's content (before \r\n or \n). */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line]! };
  }
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line]!;
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1]! : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** FreeSWITCH's switch_true(): yes/on/true/t/enabled/active/allow or a non-zero number, case-insensitive. */
export function switchTrue(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (['yes', 'on', 'true', 't', 'enabled', 'active', 'allow'].includes(v)) return true;
  return /^[+-]?\d+/.test(v) && parseInt(v, 10) !== 0;
}

/** FreeSWITCH's switch_false(): no/off/false/f/disabled/inactive/disallow or 0. */
export function switchFalse(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (['no', 'off', 'false', 'f', 'disabled', 'inactive', 'disallow'].includes(v)) return true;
  return /^[+-]?\d+$/.test(v) && parseInt(v, 10) === 0;
}

/** Secrets are never shown in full: first character + ***. */
export function maskSecret(value: string): string {
  if (value.length === 0) return '""';
  return `${value[0]}***`;
}

/** The one span where two versions of a text differ: old[start, oldEnd) became new[start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The common prefix and suffix of two texts, found in chunks first (slices compare as memcmp) so a
 * one-character edit in a 3 MB file costs a few hundred string comparisons, not three million.
 */
export function changedSpan(a: string, b: string): TextChange {
  const min = Math.min(a.length, b.length);
  const CHUNK = 4096;
  let p = 0;
  while (p + CHUNK <= min && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const maxS = min - p;
  while (s + CHUNK <= maxS && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < maxS && a.charCodeAt(a.length - s - 1) === b.charCodeAt(b.length - s - 1)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}
