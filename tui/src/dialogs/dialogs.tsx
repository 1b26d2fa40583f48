/** Modal panes shown in place of the view: pick, review a diff, confirm, read output. */
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../ui/keys.js';
import type { DiffLine } from '../text/edits.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import { C, Filler, Row, Rule } from '../ui/components.js';
import { clean, useTheme } from '../ui/theme.js';

export interface PickItem {
  label: string;
  detail?: string;
}

/** How the diff and confirm dialogs are answered: their handlers and the Help screen read this table. */
export const ANSWER_KEYS: readonly KeyBinding<{ onYes(): void; onNo(): void }>[] = [
  { keys: 'y / enter', help: 'yes, apply', match: (i, k) => i === 'y' || i === 'Y' || k.return, run: (c) => c.onYes() },
  { keys: 'n / esc', help: 'no, cancel', match: (i, k) => i === 'n' || i === 'N' || k.escape || i === 'q', run: (c) => c.onNo() },
];

/** A list to choose from: j/k, enter picks, esc cancels. */
export function PickDialog({
  width,
  height,
  title,
  items,
  onPick,
  onCancel,
  footer,
}: {
  width: number;
  height: number;
  title: string;
  items: PickItem[];
  onPick(i: number): void;
  onCancel(): void;
  footer?: string;
}) {
  const theme = useTheme();
  const [index, setIndex] = useState(0);
  // the chosen item's whole text when its row cuts it (fix titles name what they change)
  const full = items[index] ? `${items[index]!.label}${items[index]!.detail ? ` (${items[index]!.detail})` : ''}` : '';
  const cut = !!items[index] && ` 99. ${items[index]!.label}  ${items[index]!.detail ?? ''}`.length > width;
  const whole = cut ? wrapLines(full, Math.max(10, width - 2)).slice(0, 4) : [];
  const listHeight = Math.max(1, height - 3 - whole.length);
  const top = useScrollTop(index, listHeight, items.length);
  const cur = useLatest(index);
  useKeys((input, key) => {
    const nav = navOf(input, key);
    if (nav) {
      cur.current = moveIndex(cur.current, items.length, nav, listHeight);
      return setIndex(cur.current);
    }
    if (key.return) return onPick(cur.current);
    if (key.escape || input === 'q') return onCancel();
    const n = Number(input);
    if (n >= 1 && n <= items.length && n <= 9) return onPick(n - 1);
  });
  const visible = items.slice(top, top + listHeight);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Rule width={width} title={title} />
      {visible.map((it, i) => {
        const selected = top + i === index;
        return (
          <Row key={top + i} width={width}>
            <C role="accent" inverse={selected}>
              {selected ? theme.sym.pointer : ' '}
            </C>
            <Text inverse={selected} bold={selected}>{` ${top + i + 1}. ${clean(it.label)}`}</Text>
            {it.detail ? <C role="muted">{'  ' + clean(it.detail)}</C> : null}
          </Row>
        );
      })}
      <Filler rows={listHeight - visible.length} width={width} />
      {whole.map((l, i) => (
        <Row key={`w${i}`} width={width}>
          <C role="info">{' ' + clean(l)}</C>
        </Row>
      ))}
      <Rule width={width} />
      <Row width={width}>
        <C role="muted">{footer ?? ' enter chooses · esc cancels'}</C>
      </Row>
    </Box>
  );
}

export interface DiffFile {
  rel: string;
  lines: DiffLine[];
}

/** The edit as a diff; y/enter applies, n/esc cancels. */
export function DiffDialog({
  width,
  height,
  title,
  files,
  readonly,
  onYes,
  onNo,
}: {
  width: number;
  height: number;
  title: string;
  files: DiffFile[];
  readonly: boolean;
  onYes(): void;
  onNo(): void;
}) {
  const theme = useTheme();
  const [index, setIndex] = useState(0);
  const [shift, setShift] = useState(0);
  const rows: { key: string; node: React.ReactNode }[] = [];
  const textWidth = Math.max(10, width - 10);
  for (const f of files) {
    rows.push({ key: `f:${f.rel}`, node: <C bold>{`${f.rel}`}</C> });
    const at = changeColumns(f.lines);
    f.lines.forEach((l, i) => {
      const num = l.kind === '@' ? '' : String((l.kind === '+' ? l.newLine : l.oldLine)! + 1).padStart(5);
      const role = l.kind === '+' ? 'added' : l.kind === '-' ? 'removed' : l.kind === '@' ? 'accent' : undefined;
      rows.push({
        key: `${f.rel}:${i}`,
        node:
          l.kind === '@' ? (
            <C role="accent">{`  @@ ${l.text}`}</C>
          ) : (
            <C
              {...(role ? { role } : {})}
              bold={l.kind !== ' ' && !theme.color}
            >{`${num} ${l.kind} ${sliceAround(clean(l.text), at[i] ?? 0, shift, textWidth)}`}</C>
          ),
      });
    });
  }
  const listHeight = Math.max(1, height - 3);
  const maxTop = Math.max(0, rows.length - listHeight);
  const top = Math.min(index, maxTop);
  useKeys((input, key) => {
    const nav = navOf(input, key);
    if (nav) return setIndex((i) => moveIndex(Math.min(i, maxTop), maxTop + 1, nav, listHeight));
    // sideways: changed lines start centred on the change; h/l move every line, 0 goes back
    if (input === 'h' || key.leftArrow) return setShift((s) => s - 8);
    if (input === 'l' || key.rightArrow) return setShift((s) => s + 8);
    if (input === '0') return setShift(0);
    runKey(ANSWER_KEYS, { onYes, onNo }, input, key);
  });
  const visible = rows.slice(top, top + listHeight);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Rule width={width} title={title} />
      {visible.map((r) => (
        <Row key={r.key} width={width}>
          {r.node}
        </Row>
      ))}
      <Filler rows={listHeight - visible.length} width={width} />
      <Rule width={width} />
      <Row width={width}>
        {readonly ? (
          <C role="warning" bold>
            {' read-only (--readonly): this change cannot be written · esc closes'}
          </C>
        ) : (
          <Text>
            <C role="accent" bold>
              {' Apply this change? '}
            </C>
            <C bold>y</C>
            {' / enter applies · '}
            <C bold>n</C>
            {' / esc cancels'}
            <C role="muted">{`${rows.length > listHeight ? ' · j/k scroll' : ''} · h/l sideways`}</C>
          </Text>
        )}
      </Row>
    </Box>
  );
}

/** A question with the exact consequences; y/enter yes, n/esc no. */
export function ConfirmDialog({
  width,
  height,
  title,
  lines,
  question,
  onYes,
  onNo,
}: {
  width: number;
  height: number;
  title: string;
  lines: string[];
  question: string;
  onYes(): void;
  onNo(): void;
}) {
  useKeys((input, key) => {
    runKey(ANSWER_KEYS, { onYes, onNo }, input, key);
  });
  const shown = lines.slice(0, Math.max(0, height - 3));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Rule width={width} title={title} />
      {shown.map((l, i) => (
        <Row key={i} width={width}>
          {l}
        </Row>
      ))}
      <Filler rows={height - 3 - shown.length} width={width} />
      <Rule width={width} />
      <Row width={width}>
        <C role="accent" bold>
          {' ' + question + ' '}
        </C>
        <C bold>y</C>
        {' / enter yes · '}
        <C bold>n</C>
        {' / esc no'}
      </Row>
    </Box>
  );
}

/** Command output, scrollable; esc/enter/q closes. */
export function OutputDialog({
  width,
  height,
  title,
  lines,
  onClose,
}: {
  width: number;
  height: number;
  title: string;
  lines: { text: string; role?: 'error' | 'ok' | 'muted' | 'accent' }[];
  onClose(): void;
}) {
  const [index, setIndex] = useState(0);
  const listHeight = Math.max(1, height - 3);
  const maxTop = Math.max(0, lines.length - listHeight);
  const top = Math.min(index, maxTop);
  useKeys((input, key) => {
    const nav = navOf(input, key);
    if (nav) return setIndex((i) => moveIndex(Math.min(i, maxTop), maxTop + 1, nav, listHeight));
    if (key.escape || key.return || input === 'q') return onClose();
  });
  const visible = lines.slice(top, top + listHeight);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Rule width={width} title={title} />
      {visible.map((l, i) => (
        <Row key={top + i} width={width}>
          <C {...(l.role ? { role: l.role } : {})}>{clean(l.text)}</C>
        </Row>
      ))}
      <Filler rows={listHeight - visible.length} width={width} />
      <Rule width={width} />
      <Row width={width}>
        <C role="muted">{` esc / enter closes${lines.length > listHeight ? ' · j/k scroll' : ''}`}</C>
      </Row>
    </Box>
  );
}

function wrapLines(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ' ' + w;
    else {
      out.push(line);
      line = w;
    }
  }
  if (line) out.push(line);
  return out.flatMap((l) => (l.length <= width ? [l] : (l.match(new RegExp(`.{1,${width}}`, 'g')) ?? [l])));
}

/**
 * For each diff line, the column its change starts at: a removed line and the added line paired with
 * it (in order within a run) differ from their first unequal character; context lines: 0.
 */
export function changeColumns(lines: DiffLine[]): number[] {
  const out = lines.map(() => 0);
  for (let i = 0; i < lines.length;) {
    if (lines[i]!.kind !== '-' && lines[i]!.kind !== '+') {
      i++;
      continue;
    }
    const minus: number[] = [];
    const plus: number[] = [];
    for (; i < lines.length && (lines[i]!.kind === '-' || lines[i]!.kind === '+'); i++) (lines[i]!.kind === '-' ? minus : plus).push(i);
    for (let k = 0; k < Math.max(minus.length, plus.length); k++) {
      const a = minus[k] !== undefined ? lines[minus[k]!]!.text : undefined;
      const b = plus[k] !== undefined ? lines[plus[k]!]!.text : undefined;
      let c = 0;
      if (a !== undefined && b !== undefined) while (c < a.length && c < b.length && a[c] === b[c]) c++;
      if (minus[k] !== undefined) out[minus[k]!] = c;
      if (plus[k] !== undefined) out[plus[k]!] = c;
    }
  }
  return out;
}

/** The part of a line to show: centred on `at` when it lies past the width, moved by `shift`; cuts marked with "…". */
export function sliceAround(text: string, at: number, shift: number, width: number): string {
  const centred = at > width - 8 ? at - Math.floor(width / 2) : 0;
  const start = Math.max(0, Math.min(centred + shift, Math.max(0, text.length - 1)));
  let s = text.slice(start, start + width);
  if (start > 0) s = '…' + s.slice(1);
  if (start + width < text.length) s = s.slice(0, -1) + '…';
  return s;
}
