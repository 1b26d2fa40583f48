import { distance } from 'fastest-levenshtein';

/**
 * Did-you-mean: the closest 1–3 candidates within a distance that scales with the name's length
 * (a third of it, at least 1, at most 4). Case-insensitive comparison; candidates keep their case.
 */
export function didYouMean(name: string, candidates: Iterable<string>, max = 3): string[] {
  const n = name.toLowerCase();
  const limit = Math.max(1, Math.min(4, Math.floor(n.length / 3)));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === n) continue;
    if (Math.abs(lc.length - n.length) > limit) continue;
    const d = distance(n, lc);
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1));
  return scored.slice(0, max).map((s) => s.c);
}
