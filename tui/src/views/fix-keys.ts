/**
 * The fixing keys the Problems, Files and File views share (f, F, e, E): one wording on the Help screen,
 * each view choosing which of them it answers and which its hint bar shows.
 */
import type { KeyBinding } from '../app/keymap.js';

const FIX = {
  f: { action: 'fix', label: 'fix', help: "the finding's quick fixes: pick, review the diff, confirm" },
  F: { action: 'fixAll', label: 'fix file', help: 'fix all auto-fixable findings of the file (diff first)' },
  e: { action: 'edit', label: 'edit', help: 'edit the value="…" of the line, findings update live' },
  E: { action: 'editor', label: '$EDITOR', help: 'open $EDITOR at the line; the file is re-read after' },
} as const;

type FixKey = keyof typeof FIX;
/** What a view gives for the fixing keys it answers: fix, fixAll, edit, editor. */
export type FixKeyContext<K extends FixKey = FixKey> = Record<(typeof FIX)[K]['action'], () => void>;

/** The given fixing keys, in that order; `ranks` places those the hint bar shows. */
export function fixKeys<K extends FixKey>(keys: readonly K[], ranks: Partial<Record<K, number>> = {}): KeyBinding<FixKeyContext<K>>[] {
  return keys.map((k): KeyBinding<FixKeyContext<K>> => {
    const rank = ranks[k];
    return {
      keys: k,
      help: FIX[k].help,
      ...(rank !== undefined ? { hint: { label: FIX[k].label, rank } } : {}),
      match: (i) => i === k,
      run: (c) => c[FIX[k].action as (typeof FIX)[K]['action']](),
    };
  });
}
