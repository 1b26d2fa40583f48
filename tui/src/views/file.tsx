/**
 * File: the text with line numbers, findings underlined, and a bottom pane with the findings of the
 * cursor line and the server's hover for it. Secret values (ranges from the server) are masked unless
 * revealed with `v`.
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../ui/keys.js';
import type { Diagnostic, Position, Range } from '../lsp/types.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { C, Filler, Row, Rule } from '../ui/components.js';
import { clean, severityIcon, severityName, useTheme } from '../ui/theme.js';
import { hoverColumns, lineSegments, type Mark } from '../text/line.js';
import { markdownToText } from '../text/markdown.js';
import { maskLines } from '../text/secrets.js';
import { wrap } from './problems.js';
import { messageOf, ruleOf } from './problems.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import { fixKeys, type FixKeyContext } from './fix-keys.js';

export interface FileViewProps {
  width: number;
  height: number;
  uri?: string | undefined;
  rel: string;
  text?: string | undefined;
  error?: string | undefined;
  diagnostics: Diagnostic[];
  /** Where the secret values are (masked: first character, then `*`). */
  secrets?: readonly Range[] | undefined;
  /** Show secrets as they are (`v`). */
  reveal?: boolean;
  line: number;
  active: boolean;
  /** replaces the bottom pane (the in-place editor) */
  pane?: React.ReactNode;
  paneHeight?: number;
  hover(uri: string, position: Position): Promise<string | null>;
  onLine(line: number): void;
  onBack(): void;
  onFix(line: number, diag: Diagnostic | undefined): void;
  onFixAll(): void;
  onEdit(line: number): void;
  onEditor(line: number): void;
  onReveal?(): void;
}

const PANE = 6;

function marksByLine(diags: Diagnostic[], lineLengths: (line: number) => number): Map<number, Mark[]> {
  const out = new Map<number, Mark[]>();
  for (const d of diags) {
    const { start, end } = d.range;
    for (let l = start.line; l <= end.line; l++) {
      const s = l === start.line ? start.character : 0;
      const e = l === end.line ? end.character : lineLengths(l);
      let list = out.get(l);
      if (!list) out.set(l, (list = []));
      list.push({ start: s, end: l === end.line && start.line === end.line && e <= s ? s + 1 : e, severity: d.severity ?? 1 });
    }
  }
  return out;
}

interface FileKeyContext extends FixKeyContext {
  back(): void;
  scroll(by: number): void;
  scrollHome(): void;
  nextFinding(): void;
  previousFinding(): void;
  reveal(): void;
}

/** The File view's keys: its handler, its hint bar (app/hints.ts) and its Help section read this table. */
export const FILE_KEYS: readonly KeyBinding<FileKeyContext>[] = [
  ...fixKeys(['f', 'F', 'e', 'E'], { f: 0, F: 1, e: 2, E: 3 }),
  {
    keys: 'v',
    help: 'reveal secrets (masked h****** by default); again: mask',
    hint: { label: 'reveal', rank: 4 },
    match: (i) => i === 'v',
    run: (c) => c.reveal(),
  },
  {
    keys: 'n / N',
    help: 'next / previous finding',
    hint: { label: 'next', rank: 5 },
    match: (i) => i === 'n' || i === 'N',
    run: (c, i) => (i === 'n' ? c.nextFinding() : c.previousFinding()),
  },
  { keys: 'h / ←', help: 'scroll left', match: (i, k) => k.leftArrow || i === 'h', run: (c) => c.scroll(-8) },
  { keys: 'l / →', help: 'scroll right', match: (i, k) => k.rightArrow || i === 'l', run: (c) => c.scroll(8) },
  { keys: '0', help: 'back to column 1', match: (i) => i === '0', run: (c) => c.scrollHome() },
  // the File view goes back itself: to Problems or Files, where it was opened from
  { keys: 'esc', help: 'back to the list the file was opened from', match: (_i, k) => k.escape, run: (c) => c.back() },
];

export function FileView(p: FileViewProps) {
  const theme = useTheme();
  const lines = useMemo(() => (p.text ?? '').split(/\r?\n/), [p.text]);
  const shownLines = useMemo(() => (p.reveal || !p.secrets ? lines : maskLines(lines, p.secrets)), [lines, p.secrets, p.reveal]);
  const paneHeight = p.pane ? (p.paneHeight ?? PANE) : PANE;
  const codeHeight = Math.max(1, p.height - 1 - paneHeight);
  const line = Math.min(Math.max(0, p.line), Math.max(0, lines.length - 1));
  const top = useScrollTop(line, codeHeight, lines.length);
  const cur = useLatest(line);
  const [hscroll, setHscroll] = useState(0);
  const marks = useMemo(() => marksByLine(p.diagnostics, (l) => lines[l]?.length ?? 0), [p.diagnostics, lines]);
  const diagLines = useMemo(() => [...new Set(p.diagnostics.map((d) => d.range.start.line))].sort((a, b) => a - b), [p.diagnostics]);
  const onLine = p.diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line).sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1));
  const hover = useHover(p.uri, p.text, lines, line, p.hover);

  useKeys(
    (input, key) => {
      const nav = navOf(input, key);
      if (nav) {
        cur.current = moveIndex(cur.current, lines.length, nav, codeHeight);
        return p.onLine(cur.current);
      }
      const line = cur.current;
      runKey(
        FILE_KEYS,
        {
          back: () => p.onBack(),
          scroll: (by) => setHscroll((h) => Math.max(0, h + by)),
          scrollHome: () => setHscroll(0),
          nextFinding: () => p.onLine(diagLines.find((l) => l > line) ?? diagLines[0] ?? line),
          previousFinding: () => p.onLine([...diagLines].reverse().find((l) => l < line) ?? diagLines[diagLines.length - 1] ?? line),
          fix: () =>
            p.onFix(
              line,
              p.diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line).sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1))[0],
            ),
          fixAll: () => p.onFixAll(),
          edit: () => p.onEdit(line),
          editor: () => p.onEditor(line),
          reveal: () => p.onReveal?.(),
        },
        input,
        key,
      );
    },
    { isActive: p.active },
  );

  if (!p.uri)
    return (
      <Box flexDirection="column" width={p.width} height={p.height}>
        <Row width={p.width}>
          <C role="muted"> no file open: press enter on a finding (Problems) or a file (Files)</C>
        </Row>
        <Filler rows={p.height - 1} width={p.width} />
      </Box>
    );

  const gutter = String(lines.length).length;
  const codeWidth = Math.max(10, p.width - gutter - 4);
  const visible = shownLines.slice(top, top + codeHeight);
  const loading = p.text === undefined && !p.error;
  const title = loading
    ? `${p.rel}  loading…`
    : `${p.rel}  ${line + 1}/${lines.length}${hscroll ? `  col ${hscroll + 1}+` : ''}${p.reveal ? '  secrets shown (v masks)' : ''}`;
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      <Rule width={p.width} title={title} />
      {p.error ? (
        <Row width={p.width}>
          <C role="error">{'  ' + p.error}</C>
        </Row>
      ) : null}
      {(loading || p.error ? [] : visible).map((text, i) => {
        const n = top + i;
        const selected = n === line;
        const m = marks.get(n);
        const worst = m ? Math.min(...m.map((x) => x.severity)) : 0;
        const segs = lineSegments(text, m ?? [], hscroll, codeWidth);
        return (
          <Row key={n} width={p.width}>
            {worst ? <C role={severityName(worst) === 'hint' ? 'hint' : severityName(worst)}>{severityIcon(theme, worst)}</C> : ' '}
            <C role={selected ? 'accent' : 'muted'} inverse={selected} bold={selected}>
              {String(n + 1).padStart(gutter)}
            </C>
            <C role="muted">{` ${theme.sym.vline} `}</C>
            <Text inverse={selected && !theme.color} bold={selected}>
              {segs.map((s, k) =>
                s.severity ? (
                  <C key={k} role={severityName(s.severity) === 'hint' ? 'hint' : severityName(s.severity)} underline inverse={!theme.color}>
                    {s.text}
                  </C>
                ) : (
                  <Text key={k}>{s.text}</Text>
                ),
              )}
            </Text>
          </Row>
        );
      })}
      <Filler rows={codeHeight - (loading || p.error ? 0 : visible.length) - (p.error ? 1 : 0)} width={p.width} />
      {p.pane ?? <InfoPane width={p.width} height={PANE} diags={onLine} hover={hover} />}
    </Box>
  );
}

function InfoPane({ width, height, diags, hover }: { width: number; height: number; diags: Diagnostic[]; hover: string | null }) {
  const theme = useTheme();
  const rows: React.ReactNode[] = [];
  const room = height - 1;
  for (const d of diags) {
    if (rows.length >= room) break;
    const rule = ruleOf(d);
    const text = `${clean(messageOf(d))}${rule ? `  [${rule}]` : ''}`;
    const wrapped = wrap(text, width - 3, Math.max(1, Math.min(2, room - rows.length)));
    wrapped.forEach((w, i) =>
      rows.push(
        <Row key={`d${rows.length}`} width={width}>
          {i === 0 ? <C role={severityName(d.severity) === 'hint' ? 'hint' : severityName(d.severity)}>{severityIcon(theme, d.severity)}</C> : ' '}
          {'  ' + w}
        </Row>,
      ),
    );
  }
  if (hover && rows.length < room) {
    const text = markdownToText(hover);
    const lines: string[] = [];
    for (const t of text) for (const w of t.trim() ? wrap(t, width - 3, 99) : ['']) lines.push(w);
    for (const l of lines.slice(0, room - rows.length))
      rows.push(
        <Row key={`h${rows.length}`} width={width}>
          <C role="muted">{'   ' + l}</C>
        </Row>,
      );
  }
  const title = diags.length
    ? `${diags.length} finding${diags.length > 1 ? 's' : ''} on this line${hover ? ' · hover' : ''}`
    : hover
      ? 'hover'
      : 'nothing to report on this line';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Rule width={width} title={title} />
      {rows}
      <Filler rows={room - rows.length} width={width} />
    </Box>
  );
}

/** Asks the server for hover text at the cursor line, after the cursor rests for a moment. */
function useHover(
  uri: string | undefined,
  text: string | undefined,
  lines: string[],
  line: number,
  request: (uri: string, position: Position) => Promise<string | null>,
): string | null {
  const cache = useRef(new Map<string, string | null>());
  const [, setTick] = useState(0);
  useEffect(() => {
    cache.current.clear();
  }, [uri, text]);
  const key = `${uri}:${line}`;
  useEffect(() => {
    if (!uri || text === undefined || cache.current.has(key)) return;
    const lineText = lines[line] ?? '';
    if (!lineText.trim()) {
      cache.current.set(key, null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      Promise.all(hoverColumns(lineText).map((character) => request(uri, { line, character }).catch(() => null)))
        .then((hs) => {
          const texts = [...new Set(hs.filter((h): h is string => !!h))];
          cache.current.set(key, texts.length ? texts.join('\n\n') : null);
          if (live) setTick((x) => x + 1);
        })
        .catch(() => {
          cache.current.set(key, null);
        });
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, uri, text, lines, line, request]);
  return cache.current.get(key) ?? null;
}
