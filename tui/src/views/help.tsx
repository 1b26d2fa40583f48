/** Help: every key. */
import React from 'react';
import { Box } from 'ink';
import { useKeys } from '../ui/keys.js';
import { moveIndex, navOf, useLatest } from '../app/hooks.js';
import { C, Filler, Row } from '../ui/components.js';
import { useTheme } from '../ui/theme.js';
import { APP_KEYS, helpOf, MOVING_KEYS } from '../app/keymap.js';
import { BANS_KEYS } from './bans.js';
import { ASSEMBLED_KEYS } from './assembled.js';
import { ANSWER_KEYS } from '../dialogs/dialogs.js';
import { ACL_KEYS } from '../dialogs/acl.js';
import { PROBLEMS_KEYS } from './problems.js';
import { FILES_KEYS } from './files.js';
import { FILE_KEYS } from './file.js';
import { DIALPLAN_KEYS, DIALPLAN_MOVING_KEYS } from './dialplan.js';
import { PROFILES_KEYS } from './profiles.js';
import { DIRECTORY_KEYS } from './directory.js';

const ASCII_KEYS: Record<string, string> = { '↓': 'Down', '↑': 'Up', '←': 'Left', '→': 'Right' };

export const KEYS: [string, [string, string][]][] = [
  // the app-wide keys come from the one table that also handles them
  ['Everywhere', APP_KEYS.map((k): [string, string] => [k.keys, k.help])],
  ['Moving (every list, page and dialog)', helpOf(MOVING_KEYS)],
  ['Problems', helpOf(PROBLEMS_KEYS)],
  ['Files', helpOf(FILES_KEYS)],
  ['File', helpOf(FILE_KEYS)],
  ['Dialplan (editing)', helpOf(DIALPLAN_KEYS)],
  ['Dialplan: moving an element (J/K)', helpOf(DIALPLAN_MOVING_KEYS)],
  ['Profiles (editing)', helpOf(PROFILES_KEYS)],
  ['Directory (editing)', helpOf(DIRECTORY_KEYS)],
  ['Bans (mod_cti)', helpOf(BANS_KEYS)],
  ['Assembled (what FreeSWITCH loads)', helpOf(ASSEMBLED_KEYS)],
  ['Dialogs', [...helpOf(ANSWER_KEYS), ...helpOf(ACL_KEYS)]],
  [
    'Options',
    [
      ['--readonly', 'no fix, edit, reload or unban'],
      ['--no-backup', 'writes keep no .bak'],
      ['NO_COLOR', 'no colours (non-UTF-8 locales get ASCII)'],
    ],
  ],
];

export function HelpView({
  width,
  height,
  active,
  index,
  onIndex,
}: {
  width: number;
  height: number;
  active: boolean;
  index: number;
  onIndex(i: number): void;
}) {
  const theme = useTheme();
  const k8 = (s: string) => (theme.unicode ? s : s.replace(/[\u2193\u2191\u2190\u2192]/g, (c) => ASCII_KEYS[c]!));
  const rows: React.ReactNode[] = [];
  // the key column fits the longest keys ("PgDn / ctrl-d / ctrl-f / space"), up to a third of the screen
  const keyWidth = Math.min(Math.floor(width / 3), Math.max(18, ...KEYS.flatMap(([, keys]) => keys.map(([k]) => k.length + 1))));
  for (const [section, keys] of KEYS) {
    rows.push(
      <Row key={section} width={width}>
        <C role="title" bold>
          {section}
        </C>
      </Row>,
    );
    for (const [k, what] of keys)
      rows.push(
        <Row key={section + k} width={width}>
          <C role="accent" bold>{`  ${k8(k).padEnd(keyWidth)} `}</C>
          {what}
        </Row>,
      );
  }
  const maxTop = Math.max(0, rows.length - height);
  const top = Math.min(index, maxTop);
  const cur = useLatest(top);
  useKeys(
    (input, key) => {
      const nav = navOf(input, key);
      if (nav) {
        cur.current = moveIndex(cur.current, maxTop + 1, nav, height);
        onIndex(cur.current);
      }
    },
    { isActive: active },
  );
  const visible = rows.slice(top, top + height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {visible}
      <Filler rows={height - visible.length} width={width} />
    </Box>
  );
}
