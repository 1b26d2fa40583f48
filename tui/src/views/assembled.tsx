/**
 * Assembled: the configuration FreeSWITCH really loads — includes spliced in, `$${}` expanded — as
 * `fsconf show` prints it (the server's `fsconf.assembled`). Secrets stay masked. j/k scroll, `s` picks
 * the section, `enter` opens the file and line where the element under the cursor is written.
 */
import React, { useCallback, useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { AssembledResult } from '@fsconf/server-lsp/protocol';
import type { FsconfClient } from '../lsp/types.js';
import { assembled } from '../lsp/commands.js';
import { useKeys } from '../ui/keys.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import { C, Filler, Row } from '../ui/components.js';
import { useTheme } from '../ui/theme.js';

/** `s` cycles through these (undefined: the whole configuration). */
const ASSEMBLED_SECTIONS = [undefined, 'configuration', 'dialplan', 'directory', 'chatplan'] as const;

/** The Assembled view's keys (j/k move as everywhere): its handler, its hint bar and its Help section read this table. */
export const ASSEMBLED_KEYS: readonly KeyBinding<{ nextSection(): void; openSource(): void }>[] = [
  {
    keys: 's',
    help: 'next section: all, configuration, dialplan, directory, chatplan',
    hint: { label: 'section', rank: 0 },
    match: (i) => i === 's',
    run: (c) => c.nextSection(),
  },
  {
    keys: 'enter',
    help: 'open the file and line the element is written on',
    hint: { label: 'source', rank: 1 },
    match: (_i, k) => k.return,
    run: (c) => c.openSource(),
  },
];

/** The last result stays on screen while a new one is asked for (keys keep working on it). */
interface State {
  loading: boolean;
  result?: AssembledResult;
  error?: string;
}

export interface AssembledViewProps {
  width: number;
  height: number;
  active: boolean;
  client: FsconfClient;
  /** Bumped when the tree was analysed again: the view asks afresh. */
  generation: number;
  onOpen(uri: string, line: number): void;
}

/** The element written at or above text line `line`: its source. */
function originAt(r: AssembledResult, line: number): { uri: string; sourceLine: number } | undefined {
  let best: AssembledResult['origins'][number] | undefined;
  for (const o of r.origins) if (o.line <= line && (!best || o.line > best.line)) best = o;
  return best ? { uri: best.uri, sourceLine: best.sourceLine } : undefined;
}

export function AssembledView(p: AssembledViewProps) {
  const theme = useTheme();
  const [section, setSection] = useState(0);
  const [state, setState] = useState<State>({ loading: true });
  const [index, setIndex] = useState(0);
  const name = ASSEMBLED_SECTIONS[section];

  const load = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    assembled(p.client, name)
      .then((result) => setState({ loading: false, result }))
      .catch((e: unknown) => setState({ loading: false, error: e instanceof Error ? e.message : String(e) }));
  }, [p.client, name]);
  useEffect(load, [load, p.generation]);

  const lines = state.result ? state.result.text.replace(/\n$/, '').split('\n') : [];
  const rows = p.height - 1;
  const cur = useLatest(Math.min(index, Math.max(0, lines.length - 1)));
  const top = useScrollTop(cur.current, rows, lines.length);

  useKeys(
    (input, key) => {
      const nav = navOf(input, key);
      if (nav) {
        cur.current = moveIndex(cur.current, lines.length, nav, rows);
        return setIndex(cur.current);
      }
      runKey(
        ASSEMBLED_KEYS,
        {
          nextSection: () => {
            setIndex(0);
            setState({ loading: true }); // another section: the old text is not it
            setSection((s) => (s + 1) % ASSEMBLED_SECTIONS.length);
          },
          openSource: () => {
            const o = state.result && originAt(state.result, cur.current);
            if (o) p.onOpen(o.uri, o.sourceLine);
          },
        },
        input,
        key,
      );
    },
    { isActive: p.active },
  );

  const head =
    state.error !== undefined ? (
      <C role="warning">{`  ${state.error}`}</C>
    ) : !state.result ? (
      <C role="accent">{'  assembling…'}</C>
    ) : (
      <C role="muted">{`  ${name ?? 'whole configuration'} as FreeSWITCH loads it (includes, $\${} expanded) · ${lines.length} lines · s section · enter source`}</C>
    );
  const visible = lines.slice(top, top + rows);
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      <Row width={p.width}>{head}</Row>
      {visible.map((l, i) => {
        const selected = top + i === cur.current;
        return (
          <Row key={top + i} width={p.width}>
            <C role="accent" inverse={selected}>
              {selected ? theme.sym.pointer : ' '}
            </C>
            <Text inverse={selected}>{l.slice(0, Math.max(0, p.width - 2))}</Text>
          </Row>
        );
      })}
      <Filler rows={rows - visible.length} width={p.width} />
    </Box>
  );
}
