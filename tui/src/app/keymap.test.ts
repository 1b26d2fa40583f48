import { describe, expect, it, vi } from 'vitest';
import type { Key } from 'ink';
import { keyOf } from '../ui/keys.js';
import { KEYS } from '../views/help.js';
import { BANS_KEYS } from '../views/bans.js';
import { ASSEMBLED_KEYS } from '../views/assembled.js';
import { ANSWER_KEYS } from '../dialogs/dialogs.js';
import { ACL_KEYS } from '../dialogs/acl.js';
import { PROBLEMS_KEYS } from '../views/problems.js';
import { FILES_KEYS } from '../views/files.js';
import { FILE_KEYS } from '../views/file.js';
import { DIALPLAN_KEYS, DIALPLAN_MOVING_KEYS } from '../views/dialplan.js';
import { PROFILES_KEYS } from '../views/profiles.js';
import { DIRECTORY_KEYS } from '../views/directory.js';
import { STRUCTURE_HINTS } from '../views/structure-views.js';
import { hintsFor } from './hints.js';
import type { Modal } from './types.js';
import { VIEWS } from '../ui/components.js';
import { APP_KEYS, appHints, helpOf, hintsOf, MOVING_KEYS, runAppKey, runKey, type AppKeyContext, type KeyBinding } from './keymap.js';
import { navOf } from './hooks.js';

const context = (over: Partial<AppKeyContext> = {}): AppKeyContext => ({
  view: 'problems',
  filesFilter: '',
  quit: vi.fn(),
  cycleView: vi.fn(),
  toggleHelp: vi.fn(),
  back: vi.fn(),
  openAcl: vi.fn(),
  openRoute: vi.fn(),
  startReload: vi.fn(),
  showMessage: vi.fn(() => true),
  ...over,
});

/** The key event for a table entry's help label (its first key: "enter / l →" is enter, "1 2 3" is 1). */
function eventOf(label: string): { input: string; key: Key } {
  const keys = label.split(' / ')[0]!.split(' ')[0]!;
  const k = keyOf('x').key;
  if (keys.startsWith('tab')) return { input: '', key: { ...k, tab: true } };
  if (keys === 'esc') return { input: '', key: { ...k, escape: true } };
  if (keys === 'enter') return { input: '', key: { ...k, return: true } };
  if (keys === 'PgDn') return { input: '', key: { ...k, pageDown: true } };
  if (keys === 'PgUp') return { input: '', key: { ...k, pageUp: true } };
  if (keys.startsWith('ctrl-')) return { input: keys.slice(5), key: { ...k, ctrl: true } };
  return keyOf(keys);
}

describe('the app-wide key table', () => {
  it('every key is on the help screen', () => {
    const everywhere = KEYS.find(([s]) => s === 'Everywhere')![1].map(([k]) => k);
    expect(everywhere).toEqual(APP_KEYS.map((k) => k.keys));
  });

  it('every key with a hint is in the hint bar of its views', () => {
    for (const k of APP_KEYS) for (const v of k.hint?.views ?? []) expect(appHints(v)).toContainEqual([k.keys.split(' / ')[0], k.hint!.label]);
  });

  it('every key triggers its handler', () => {
    for (const k of APP_KEYS) {
      const c = context({ view: 'help' });
      const { input, key } = eventOf(k.keys);
      const run = vi.spyOn(k, 'run');
      expect(runAppKey(APP_KEYS, c, input, key), k.keys).toBe(true);
      expect(run, k.keys).toHaveBeenCalled();
      run.mockRestore();
    }
  });

  it('a is add in the editing views, not the ACL tester', () => {
    const c = context({ view: 'dialplan' });
    expect(runAppKey(APP_KEYS, c, 'a', keyOf('a').key)).toBe(false);
    expect(c.openAcl).not.toHaveBeenCalled();
  });
});

describe('the key tables of views and dialogs', () => {
  // each table has its own context; the test drives them all through a Proxy
  const tables: [string, readonly KeyBinding<unknown>[]][] = [
    ['Problems', PROBLEMS_KEYS],
    ['Files', FILES_KEYS],
    ['File', FILE_KEYS],
    ['Dialplan (editing)', DIALPLAN_KEYS],
    ['Dialplan: moving an element (J/K)', DIALPLAN_MOVING_KEYS],
    ['Profiles (editing)', PROFILES_KEYS],
    ['Directory (editing)', DIRECTORY_KEYS],
    ['Bans (mod_cti)', BANS_KEYS],
    ['Assembled (what FreeSWITCH loads)', ASSEMBLED_KEYS],
    ['Dialogs', [...ANSWER_KEYS, ...ACL_KEYS]],
    ['Moving (every list, page and dialog)', MOVING_KEYS],
  ];

  it('each table is its Help section', () => {
    for (const [section, table] of tables) expect(KEYS.find(([s]) => s === section)![1], section).toEqual(helpOf(table));
  });

  it('every key triggers its own entry', () => {
    for (const [, table] of tables) {
      for (const k of table) {
        // every action a spy; every condition (filtered()) holds
        const c = new Proxy({}, { get: () => vi.fn(() => true) }) as Record<string, () => void>;
        const { input, key } = eventOf(k.keys);
        const run = vi.spyOn(k, 'run');
        expect(runKey(table, c, input, key), k.keys).toBe(true);
        expect(run, k.keys).toHaveBeenCalled();
        run.mockRestore();
      }
    }
  });

  it('the hint bar shows the hinted keys by rank', () => {
    expect(hintsOf(BANS_KEYS)).toEqual([
      ['u', 'unban'],
      ['r', 'refresh'],
    ]);
    expect(hintsOf(ACL_KEYS)).toEqual([['ctrl-o', 'open the deciding node']]);
    expect(hintsOf(PROBLEMS_KEYS)).toEqual([
      ['enter', 'open'],
      ['f', 'fix'],
      ['F', 'fix file'],
      ['/', 'filter'],
      ['1-3', 'severity'],
    ]);
    expect(hintsOf(FILES_KEYS)).toEqual([
      ['enter', 'open'],
      ['/', 'find'],
      ['F', 'fix file'],
      ['E', '$EDITOR'],
    ]);
    expect(hintsOf(FILE_KEYS).map(([k]) => k)).toEqual(['f', 'F', 'e', 'E', 'v', 'n']);
    expect(STRUCTURE_HINTS.dialplan.map(([k]) => k)).toEqual(['enter', 'a', 'e', 'd', 'y', 'J/K', '/', 'R']);
    expect(STRUCTURE_HINTS.profiles).toEqual([
      ['e', 'edit value'],
      ['a', 'add'],
      ['d', 'remove'],
      ['R', 'rescan'],
    ]);
    expect(STRUCTURE_HINTS.directory.map(([k]) => k)).toEqual(['enter', 'a', 'p', 'R']);
  });
});

describe('the hint bars', () => {
  // the hint bars still written by hand (dialogs, typing, the Help view's j/k): at least each key is explained in Help
  it("every key in a view's hint bar is on the Help screen", () => {
    const tokens = new Set(KEYS.flatMap(([, rows]) => rows.flatMap(([k]) => k.split(/[\s/]+/))));
    const explained = (hint: string) => tokens.has(hint) || hint.split(/[/-]/).every((part) => tokens.has(part));
    const bar = (view: (typeof VIEWS)[number], modal?: Modal) => hintsFor({ view, modal, structureCapture: false, filterEditing: false, reveal: false });
    for (const v of VIEWS) for (const [k] of bar(v)) expect(explained(k), `${v}: ${k}`).toBe(true);
    for (const kind of ['edit', 'acl', 'route', 'output'] as const)
      for (const [k] of bar('problems', { kind } as Modal)) expect(explained(k), `${kind}: ${k}`).toBe(true);
  });
});

describe('the moving keys', () => {
  it('navOf answers from MOVING_KEYS: every key the Help screen lists moves the way it says', () => {
    const k = keyOf('x').key;
    const events: Record<string, { input: string; key: Key }> = {
      j: keyOf('j'),
      '↓': { input: '', key: { ...k, downArrow: true } },
      k: keyOf('k'),
      '↑': { input: '', key: { ...k, upArrow: true } },
      PgDn: { input: '', key: { ...k, pageDown: true } },
      PgUp: { input: '', key: { ...k, pageUp: true } },
      'ctrl-d': { input: 'd', key: { ...k, ctrl: true } },
      'ctrl-f': { input: 'f', key: { ...k, ctrl: true } },
      'ctrl-u': { input: 'u', key: { ...k, ctrl: true } },
      'ctrl-b': { input: 'b', key: { ...k, ctrl: true } },
      space: keyOf(' '),
      g: keyOf('g'),
      Home: { input: '', key: { ...k, home: true } },
      G: keyOf('G'),
      End: { input: '', key: { ...k, end: true } },
    };
    for (const m of MOVING_KEYS)
      for (const name of m.keys.split(' / ')) {
        const e = events[name];
        expect(e, `${name}: a key the test knows`).toBeDefined();
        expect(navOf(e!.input, e!.key), name).toBe(m.nav);
      }
    expect(navOf('x', k)).toBeUndefined();
  });

  it('the hint bars of the Help and Assembled views and the Route dialog take their j/k from the table', () => {
    const bar = (view: (typeof VIEWS)[number], modal?: Modal) => hintsFor({ view, modal, structureCapture: false, filterEditing: false, reveal: false });
    expect(bar('help')[0]).toEqual(['j/k', 'scroll']);
    expect(bar('assembled')[0]).toEqual(['j/k', 'scroll']);
    expect(bar('problems', { kind: 'route' } as Modal)).toContainEqual(['j/k', 'steps']);
  });
});
