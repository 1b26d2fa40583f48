import { distance as levenshtein } from 'fastest-levenshtein';

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance: insertions, deletions,
 * substitutions and swaps of two neighbouring characters each cost 1. `max` lets the loop stop
 * early once every cell of a row exceeds it (the result is then `max + 1`).
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if (Math.abs(n - m) > max) return max + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

export interface DidYouMeanOptions {
  /** Maximum number of suggestions (default 3). */
  readonly max?: number;
  /** Compare case-sensitively (default false: FreeSWITCH mostly ignores case). */
  readonly caseSensitive?: boolean;
  /** Largest distance accepted; default scales with the name: 1 up to 4 chars, 2 up to 8, then 3. */
  readonly maxDistance?: number;
}

/** Default distance budget for a name of `len` characters. */
export function defaultMaxDistance(len: number): number {
  return len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

/**
 * The best 1-3 candidates for a misspelt `name`, closest first (ties: the candidate sharing the
 * longer prefix, then alphabetical). Returns [] when nothing is close enough or `name` is itself
 * a candidate (exactly). A candidate that differs only in case comes first. Candidates keep their
 * own spelling.
 */
export function didYouMean(name: string, candidates: Iterable<string>, options: DidYouMeanOptions = {}): string[] {
  const max = options.max ?? 3;
  const fold = (s: string) => (options.caseSensitive ? s : s.toLowerCase());
  const needle = fold(name);
  if (!needle) return [];
  const limit = options.maxDistance ?? defaultMaxDistance(needle.length);
  const scored: { c: string; d: number; p: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c)) continue;
    seen.add(c);
    if (c === name) return [];
    const f = fold(c);
    if (Math.abs(f.length - needle.length) > limit) continue;
    // Levenshtein >= OSA distance >= Levenshtein / 2: a cheap reject before the exact measure.
    // A candidate equal up to case scores 0 (the best hint when names are case-sensitive).
    const lev = levenshtein(needle, f);
    if (lev > 2 * limit) continue;
    const d = lev <= 1 ? lev : damerauLevenshtein(needle, f, limit);
    if (d > limit) continue;
    let p = 0;
    while (p < f.length && p < needle.length && f[p] === needle[p]) p++;
    scored.push({ c, d, p });
  }
  scored.sort((x, y) => x.d - y.d || y.p - x.p || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, max).map((s) => s.c);
}
