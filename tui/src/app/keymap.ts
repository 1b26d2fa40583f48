/**
 * The app-wide keys, one table: the key handler, the hint bar and the help screen all read it, so a new
 * app-wide key is one entry here. View-local keys stay in their views (and in views/help.tsx's sections).
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

export interface AppKey {
  /** As the help screen shows it. */
  keys: string;
  help: string;
  /** In the hint bar of these views, ordered by rank. */
  hint?: { label: string; rank: number; views: readonly ViewName[] };
  /** Also while a view or a dialog owns the keyboard (typing, a modal). */
  always?: boolean;
  match(input: string, key: Key): boolean;
  when?(c: AppKeyContext): boolean;
  run(c: AppKeyContext, input: string, key: Key): void;
}

const STRUCTURE: readonly ViewName[] = ['dialplan', 'profiles', 'directory'];

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

/** The first app-wide key that matches and applies, run; true if one did. */
export function runAppKey(table: readonly AppKey[], c: AppKeyContext, input: string, key: Key): boolean {
  const hit = table.find((k) => k.match(input, key) && (!k.when || k.when(c)));
  if (!hit) return false;
  hit.run(c, input, key);
  return true;
}

/** The app-wide part of a view's hint bar (after the view's own keys). */
export function appHints(view: ViewName): [string, string][] {
  return APP_KEYS.filter((k) => k.hint?.views.includes(view))
    .sort((a, b) => a.hint!.rank - b.hint!.rank)
    .map((k): [string, string] => [k.keys.split(' / ')[0]!, k.hint!.label]);
}
