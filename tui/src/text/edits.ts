/** Applying LSP TextEdits to a text, and a compact line diff for the preview. */
import type { TextEdit } from 'vscode-languageserver-protocol';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function offsetAt(text: string, starts: number[], pos: { line: number; character: number }): number {
  if (pos.line >= starts.length) return text.length;
  const lineStart = starts[pos.line]!;
  const next = pos.line + 1 < starts.length ? starts[pos.line + 1]! - 1 : text.length;
  return Math.min(lineStart + Math.max(0, pos.character), next);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = lineStarts(text);
  const withOffsets = edits.map((e, i) => ({ start: offsetAt(text, starts, e.range.start), end: offsetAt(text, starts, e.range.end), newText: e.newText, i }));
  withOffsets.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const e of withOffsets) {
    if (e.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

export type DiffLine = { kind: ' ' | '-' | '+' | '@'; text: string; oldLine?: number; newLine?: number };

/**
 * Line diff with `context` lines around each change. Uses a common prefix/suffix and an LCS over the
 * middle, bounded so a huge rewrite degrades to remove-all/add-all rather than hanging.
 */
export function diffLines(before: string, after: string, context = 2): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const ops: DiffLine[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', text: a[i]!, oldLine: i, newLine: i });
  if (am.length * bm.length <= 4_000_000) {
    const n = am.length;
    const m = bm.length;
    const dp: Uint32Array[] = [];
    for (let i = 0; i <= n; i++) dp.push(new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--) dp[i]![j] = am[i] === bm[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        ops.push({ kind: ' ', text: am[i]!, oldLine: pre + i, newLine: pre + j });
        i++;
        j++;
      } else if (j < m && (i >= n || dp[i]![j + 1]! > dp[i + 1]![j]!)) {
        ops.push({ kind: '+', text: bm[j]!, newLine: pre + j });
        j++;
      } else {
        ops.push({ kind: '-', text: am[i]!, oldLine: pre + i });
        i++;
      }
    }
  } else {
    am.forEach((t, i) => ops.push({ kind: '-', text: t, oldLine: pre + i }));
    bm.forEach((t, j) => ops.push({ kind: '+', text: t, newLine: pre + j }));
  }
  for (let k = 0; k < suf; k++) ops.push({ kind: ' ', text: a[a.length - suf + k]!, oldLine: a.length - suf + k, newLine: b.length - suf + k });
  // keep context around changes, with @@ markers between hunks
  const keep = new Array<boolean>(ops.length).fill(false);
  ops.forEach((o, idx) => {
    if (o.kind === ' ') return;
    for (let c = Math.max(0, idx - context); c <= Math.min(ops.length - 1, idx + context); c++) keep[c] = true;
  });
  const out: DiffLine[] = [];
  let last = -1;
  ops.forEach((o, idx) => {
    if (!keep[idx]) return;
    if (idx !== last + 1 || out.length === 0) {
      const first = o.oldLine ?? o.newLine ?? 0;
      out.push({ kind: '@', text: `line ${first + 1}` });
    }
    out.push(o);
    last = idx;
  });
  return out;
}
