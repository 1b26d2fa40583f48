/** Help: every key. */
import React from 'react';
import { Box } from 'ink';
import { useKeys } from '../ui/keys.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { C, Filler, Row } from '../ui/components.js';
import { useTheme } from '../ui/theme.js';

const ASCII_KEYS: Record<string, string> = { '↓': 'Down', '↑': 'Up', '←': 'Left', '→': 'Right' };

export const KEYS: [string, [string, string][]][] = [
  [
    'Everywhere',
    [
      ['tab / shift-tab', 'next / previous view (Problems, Files, File, Bans, Help)'],
      ['?', 'this help'],
      ['a', 'ACL tester: is an address allowed by a network list? (fsconf.aclTest)'],
      ['R', 'reload FreeSWITCH via fs_cli for what changed (shows the command, asks first)'],
      ['esc', 'back / close / cancel'],
      ['q', 'quit'],
      ['ctrl-c', 'quit at once, even while typing'],
    ],
  ],
  [
    'Moving',
    [
      ['j k ↓ ↑', 'down / up'],
      ['PgDn PgUp ctrl-d ctrl-u', 'page down / up'],
      ['g G Home End', 'first / last'],
      ['enter', 'open the finding or file'],
    ],
  ],
  [
    'Problems',
    [
      ['/', 'filter by words in message, rule id or path (enter keeps, esc clears)'],
      ['1 2 3', 'show / hide errors, warnings, infos'],
      ['n N', 'next / previous file'],
    ],
  ],
  [
    'Files',
    [['/', 'find files by part of their path (enter keeps, esc clears)']],
  ],
  [
    'File',
    [
      ['n N', 'next / previous finding'],
      ['h l ← →  0', 'scroll sideways / back to column 1'],
    ],
  ],
  [
    'Fixing (Problems and File)',
    [
      ['f', 'quick fixes for the finding: pick one, review the diff, confirm'],
      ['F', 'fix everything auto-fixable in the file (diff, then confirm)'],
      ['e', 'edit the value="…" on the line in place, with live findings; enter saves'],
      ['E', 'open $EDITOR at the line; the file is re-read afterwards'],
    ],
  ],
  [
    'Bans (mod_cti)',
    [
      ['r', 'refresh from fs_cli -x "cti show baninfo"'],
      ['u', 'unban: an account row → cti unban <ip> <account>; an IP row → cti unban <ip>'],
    ],
  ],
  [
    'Notes',
    [
      ['--readonly', 'no fix, edit, reload or unban'],
      ['--no-backup', 'writes keep no .bak'],
      ['NO_COLOR', 'no colours; a non-UTF-8 locale gets ASCII symbols'],
    ],
  ],
];

export function HelpView({ width, height, active, index, onIndex }: { width: number; height: number; active: boolean; index: number; onIndex(i: number): void }) {
  const theme = useTheme();
  const k8 = (s: string) => (theme.unicode ? s : s.replace(/[↓↑←→]/g, (c) => ASCII_KEYS[c]!));
  const rows: React.ReactNode[] = [];
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
          <C role="accent" bold>{`  ${k8(k).padEnd(24)}`}</C>
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
