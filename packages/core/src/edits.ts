import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from './text.js';
import type { FileEdit, Finding, Fix, FixKind } from './rules/types.js';

/** Apply LSP-style edits to a text (edits must not overlap; applied from the end). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  const abs = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const e of abs) {
    if (e.end > lastStart) continue; // overlapping edit: skip (a later pass picks it up)
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

/**
 * The fix `--fix` / fix-all may apply to a finding without asking: one of the allowed kinds (by default
 * only 'safe'; 'credential' on explicit opt-in; never 'choice'), the preferred one or the only one.
 */
function autoFix(f: Finding, kinds: readonly FixKind[] = ['safe']): Fix | undefined {
  const allowed = f.fixes.filter((x) => kinds.includes(x.kind));
  return allowed.find((x) => x.preferred) ?? (allowed.length === 1 ? allowed[0] : undefined);
}

/** The fixes applied without asking (see autoFix), grouped per file (overlaps dropped: a next pass takes them). */
export function preferredFixes(
  findings: Finding[],
  kinds: readonly FixKind[] = ['safe'],
): { fixes: { finding: Finding; fix: Fix }[]; byFile: Map<string, FileEdit[]> } {
  const chosen: { finding: Finding; fix: Fix }[] = [];
  const byFile = new Map<string, FileEdit[]>();
  const taken = new Map<string, { s: number; e: number; sl: number; el: number }[]>();
  const key = (r: Range) => ({ sl: r.start.line, s: r.start.character, el: r.end.line, e: r.end.character });
  const before = (a: { sl: number; s: number }, b: { el: number; e: number }) => a.sl < b.el || (a.sl === b.el && a.s < b.e);
  for (const f of findings) {
    const fix = autoFix(f, kinds);
    if (!fix) continue;
    const clash = fix.edits.some((e) =>
      (taken.get(e.file) ?? []).some((t) => {
        const k = key(e.range);
        return before({ sl: k.sl, s: k.s }, { el: t.el, e: t.e }) && before({ sl: t.sl, s: t.s }, { el: k.el, e: k.e });
      }),
    );
    if (clash) continue;
    chosen.push({ finding: f, fix });
    for (const e of fix.edits) {
      let l = byFile.get(e.file);
      if (!l) byFile.set(e.file, (l = []));
      l.push(e);
      let t = taken.get(e.file);
      if (!t) taken.set(e.file, (t = []));
      t.push(key(e.range));
    }
  }
  return { fixes: chosen, byFile };
}
