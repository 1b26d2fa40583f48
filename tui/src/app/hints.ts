/**
 * The hint bar: a view's own keys, then the app-wide ones from keymap.ts; a dialog, the edit pane or a view
 * that is typing shows the keys it answers instead.
 */
import type { ViewName } from '../ui/components.js';
import { STRUCTURE_HINTS, STRUCTURE_VIEWS } from '../views/structure-views.js';
import { BANS_KEYS } from '../views/bans.js';
import { ASSEMBLED_KEYS } from '../views/assembled.js';
import { ACL_KEYS } from '../dialogs/acl.js';
import { PROBLEMS_KEYS } from '../views/problems.js';
import { FILES_KEYS } from '../views/files.js';
import { FILE_KEYS } from '../views/file.js';
import { appHints, hintsOf, moveHint } from './keymap.js';
import type { Modal } from './types.js';

export type Hint = [key: string, what: string];

/** Each view's own keys; the app-wide ones (tab, esc, ?, q) follow from keymap.ts. */
const VIEW_HINTS: Record<ViewName, Hint[]> = {
  problems: hintsOf(PROBLEMS_KEYS),
  files: hintsOf(FILES_KEYS),
  file: hintsOf(FILE_KEYS),
  bans: hintsOf(BANS_KEYS),
  assembled: [moveHint('scroll'), ...hintsOf(ASSEMBLED_KEYS)],
  help: [moveHint('scroll')],
  ...STRUCTURE_HINTS,
};
const HINTS = Object.fromEntries(Object.entries(VIEW_HINTS).map(([v, h]) => [v, [...h, ...appHints(v as ViewName)]])) as Record<ViewName, Hint[]>;

/** What a modal answers (the pick, diff, confirm and output dialogs: esc closes). */
const MODAL_HINTS: Partial<Record<Modal['kind'], Hint[]>> = {
  edit: [
    ['enter', 'save'],
    ['esc', 'cancel'],
    ['ctrl-c', 'quit'],
  ],
  acl: [['enter', 'test'], ['tab', 'next field / complete'], ...hintsOf(ACL_KEYS), ['esc', 'close']],
  route: [['enter', 'simulate / open step'], ['tab', 'fields'], moveHint('steps'), ['esc', 'close']],
};
const TYPING_HINTS: Hint[] = [
  ['enter', 'confirm / review'],
  ['tab', 'complete / next field'],
  ['esc', 'cancel'],
  ['ctrl-c', 'quit'],
];
const FILTER_HINTS: Hint[] = [
  ['enter', 'keep filter'],
  ['esc', 'clear'],
  ['ctrl-c', 'quit'],
];

export function hintsFor(s: { view: ViewName; modal: Modal | undefined; structureCapture: boolean; filterEditing: boolean; reveal: boolean }): Hint[] {
  if (s.modal) return MODAL_HINTS[s.modal.kind] ?? [['esc', 'close']];
  if (s.structureCapture && STRUCTURE_VIEWS.includes(s.view)) return TYPING_HINTS;
  if (s.filterEditing) return FILTER_HINTS;
  if (s.view === 'file' && s.reveal) return HINTS.file.map(([k, what]): Hint => (k === 'v' ? ['v', 'mask'] : [k, what]));
  return HINTS[s.view];
}
