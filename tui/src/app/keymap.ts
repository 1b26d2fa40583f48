/**
 * Key tables: the key handler, the hint bar and the help screen all read one, so a new key is one entry.
 * APP_KEYS are the app-wide keys; a view or dialog declares its own beside its handler (PROBLEMS_KEYS,
 * DIALPLAN_KEYS, BANS_KEYS, ANSWER_KEYS…).
 */
import type { Key } from 'ink';
import type { ViewName } from '../ui/components.js';

/** What an app-wide key may do and look at (built by App on every render). */
export interface AppKeyContext {
  view: ViewName;
  /** The Files view's filter text: esc clears it there before it goes back. */
  filesFilter: string;
  quit(code: number): void;
  cycleView(backwards: boolean): void;
  toggleHelp(): void;
  back(): void;
  openAcl(): void;
  openRoute(): void;
  startReload(): void;
  /** Shows the whole message; false when there is none. */
  showMessage(): boolean;
}

/**
 * One key in a table: what the help screen says, where the hint bar shows it, and what it does. The app-wide
 * keys below, a view's keys (views/bans.tsx) and a dialog's (dialogs/dialogs.tsx) are such tables.
 */
export interface KeyBinding<C> {
  /** As the help screen shows it; the hint bar shows the part before " / ". */
  keys: string;
  help: string;
  /** In the hint bar, ordered by rank; `key` when the bar shows the keys shorter than `keys` does (1-3). */
  hint?: { label: string; rank: number; key?: string };
  match(input: string, key: Key): boolean;
  when?(c: C): boolean;
  run(c: C, input: string, key: Key): void;
}

export interface AppKey extends KeyBinding<AppKeyContext> {
  /** In the hint bar of these views. */
  hint?: { label: string; rank: number; views: readonly ViewName[] };
  /** Also while a view or a dialog owns the keyboard (typing, a modal). */
  always?: boolean;
}

const STRUCTURE: readonly ViewName[] = ['dialplan', 'profiles', 'directory'];

export type Nav = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

/**
 * Moving the cursor (or scrolling) in every list, page and dialog: navOf (app/hooks.ts) reads this table, the
 * Help screen lists it and the hint bars take their "j/k" from it. A view moves by `moveIndex(…, nav, …)`.
 */
export const MOVING_KEYS: readonly (KeyBinding<{ move(nav: Nav): void }> & { nav: Nav })[] = [
  {
    nav: 'down',
    keys: 'j / ↓',
    help: 'down',
    hint: { label: 'scroll', rank: 0, key: 'j/k' },
    match: (i, k) => k.downArrow || i === 'j',
    run: (c) => c.move('down'),
  },
  { nav: 'up', keys: 'k / ↑', help: 'up', match: (i, k) => k.upArrow || i === 'k', run: (c) => c.move('up') },
  {
    nav: 'pageDown',
    keys: 'PgDn / ctrl-d / ctrl-f / space',
    help: 'page down',
    match: (i, k) => k.pageDown || (k.ctrl && (i === 'f' || i === 'd')) || i === ' ',
    run: (c) => c.move('pageDown'),
  },
  {
    nav: 'pageUp',
    keys: 'PgUp / ctrl-u / ctrl-b',
    help: 'page up',
    match: (i, k) => k.pageUp || (k.ctrl && (i === 'b' || i === 'u')),
    run: (c) => c.move('pageUp'),
  },
  { nav: 'top', keys: 'g / Home', help: 'first', match: (i, k) => i === 'g' || k.home, run: (c) => c.move('top') },
  { nav: 'bottom', keys: 'G / End', help: 'last', match: (i, k) => i === 'G' || k.end, run: (c) => c.move('bottom') },
];

/** The hint bar's entry for moving, under the label the place gives it ("scroll", "steps"). */
export const moveHint = (label: string): [string, string] => [hintsOf(MOVING_KEYS)[0]![0], label];

export const APP_KEYS: readonly AppKey[] = [
  {
    keys: 'tab / shift-tab',
    help: 'next / previous view',
    hint: { label: 'views', rank: 0, views: ['problems', 'files', 'bans', 'assembled', 'help', 'dialplan', 'profiles', 'directory'] },
    match: (_i, k) => k.tab,
    run: (c, _i, k) => c.cycleView(k.shift),
  },
  {
    keys: '?',
    help: 'this help (again: back)',
    hint: { label: 'help', rank: 2, views: ['problems', 'files', 'file', 'bans', 'profiles', 'directory'] },
    match: (i) => i === '?',
    run: (c) => c.toggleHelp(),
  },
  {
    keys: 'a',
    help: 'ACL tester: does a network list allow an address?',
    match: (i) => i === 'a',
    // a is "add" in the editing views
    when: (c) => !STRUCTURE.includes(c.view),
    run: (c) => c.openAcl(),
  },
  { keys: 'S', help: 'Route: simulate a call (profile, address, number) step by step', match: (i) => i === 'S', run: (c) => c.openRoute() },
  { keys: 'R', help: 'reload FreeSWITCH (fs_cli) for what changed; asks first', match: (i) => i === 'R', run: (c) => c.startReload() },
  {
    keys: 'm',
    help: 'the whole message: the selected finding, the status line',
    match: (i) => i === 'm',
    run: (c) => void c.showMessage(),
  },
  {
    keys: 'esc',
    help: 'back, close, cancel',
    hint: { label: 'back', rank: 1, views: ['files', 'file', 'bans', 'assembled', 'help'] },
    match: (_i, k) => k.escape,
    // the File view goes back itself; Files clears its filter first
    when: (c) => c.view === 'help' || c.view === 'bans' || c.view === 'assembled' || (c.view === 'files' && !c.filesFilter),
    run: (c) => c.back(),
  },
  {
    keys: 'q',
    help: 'quit',
    hint: { label: 'quit', rank: 3, views: ['problems', 'files', 'file', 'bans', 'assembled', 'help', 'profiles'] },
    match: (i) => i === 'q',
    run: (c) => c.quit(0),
  },
  { keys: 'ctrl-c', help: 'quit at once, even while typing', always: true, match: (i, k) => k.ctrl && i === 'c', run: (c) => c.quit(0) },
];

/** The first key of the table that matches and applies, run; true if one did. */
export function runKey<C>(table: readonly KeyBinding<C>[], c: C, input: string, key: Key): boolean {
  const hit = table.find((k) => k.match(input, key) && (!k.when || k.when(c)));
  if (!hit) return false;
  hit.run(c, input, key);
  return true;
}
/** @alias runKey typed for the app-wide table (so tests and App name AppKeyContext) */
export const runAppKey: (table: readonly AppKey[], c: AppKeyContext, input: string, key: Key) => boolean = runKey;

/** A table's keys in the hint bar: those with a hint, by rank. */
export function hintsOf<C>(table: readonly KeyBinding<C>[]): [string, string][] {
  return table
    .filter((k) => k.hint)
    .sort((a, b) => a.hint!.rank - b.hint!.rank)
    .map((k): [string, string] => [k.hint!.key ?? k.keys.split(' / ')[0]!, k.hint!.label]);
}

/** A table's keys on the help screen, in table order. */
export function helpOf<C>(table: readonly KeyBinding<C>[]): [string, string][] {
  return table.map((k): [string, string] => [k.keys, k.help]);
}

/** The app-wide part of a view's hint bar (after the view's own keys). */
export function appHints(view: ViewName): [string, string][] {
  return hintsOf(APP_KEYS.filter((k) => k.hint?.views.includes(view)));
}
