import { didYouMean as closest } from './suggest.js';

/**
 * Did-you-mean: the closest 1–3 candidates (restricted Damerau-Levenshtein, so a swapped pair of letters
 * counts as one edit), case-insensitive; candidates keep their case.
 */
export function didYouMean(name: string, candidates: Iterable<string>, max = 3): string[] {
  return closest(name, candidates, { max });
}
