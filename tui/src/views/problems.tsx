/**
 * Problems: every finding of the tree, most dangerous first (impact.ts), grouped by file; findings sharing a
 * cause and repetitive warnings of one rule in a file are one expandable line (enter); `/` filters, 1/2/3
 * toggle severities.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { FOLD_AT, causeOf, impactOf, ruleCode } from './impact.js';
import { Box, Text } from 'ink';
import { useKeys } from '../ui/keys.js';
import type { Diagnostic } from '../lsp/types.js';
import { relPath } from '../lsp/uri.js';
import { countOf, type Counts } from '../app/workspace.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { C, FilterRow, Filler, Row, Rule } from '../ui/components.js';
import { clean, severityIcon, severityName, useTheme } from '../ui/theme.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import { fixKeys, type FixKeyContext } from './fix-keys.js';

export interface ProblemRow {
  kind: 'file' | 'diag' | 'group';
  uri: string;
  rel: string;
  diag?: Diagnostic;
  counts?: Counts;
  /** For 'group': its key (enter expands it), headline and members. */
  group?: { key: string; label: string; count: number; expanded: boolean };
  /** A member row shown under an expanded group. */
  member?: boolean;
}

export interface ProblemFilter {
  text: string;
  hidden: ReadonlySet<number>;
}

/** LSP 3.18 allows markup in messages; the terminal shows plain text. */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function ruleOf(d: Diagnostic): string {
  return d.code === undefined ? '' : String(d.code);
}

const sev = (d: Diagnostic) => d.severity ?? 1;

function matchesFilter(d: Diagnostic, rel: string, f: ProblemFilter): boolean {
  if (f.hidden.has(Math.min(sev(d), 3))) return false;
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = `${messageOf(d)} ${ruleOf(d)} ${rel} ${severityName(d.severity)}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function problemRows(
  diagnostics: ReadonlyMap<string, Diagnostic[]>,
  root: string,
  f: ProblemFilter,
  expanded: ReadonlySet<string> = new Set(),
): ProblemRow[] {
  const byImpact = (a: Diagnostic, b: Diagnostic) =>
    impactOf(a) - impactOf(b) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  // findings that share a rule and a cause (2 or more) are one group, shown at their cause
  const causes = new Map<string, { cause: { uri: string; line: number; message: string }; items: { uri: string; rel: string; d: Diagnostic }[] }>();
  const files: { uri: string; rel: string; diags: Diagnostic[] }[] = [];
  for (const [uri, list] of diagnostics) {
    if (!list.length) continue;
    const rel = relPath(root, uri);
    const diags = list.filter((d) => matchesFilter(d, rel, f));
    if (!diags.length) continue;
    files.push({ uri, rel, diags });
    for (const d of diags) {
      const c = causeOf(d);
      if (!c) continue;
      const key = `${ruleCode(d)} ${c.uri}:${c.line}`;
      let g = causes.get(key);
      if (!g) causes.set(key, (g = { cause: c, items: [] }));
      g.items.push({ uri, rel, d });
    }
  }
  for (const [k, g] of causes) if (g.items.length < 2) causes.delete(k);
  const inCause = new Set([...causes.values()].flatMap((g) => g.items.map((i) => i.d)));
  type Block = { impact: number; rel: string; rows: ProblemRow[] };
  const blocks: Block[] = [];
  for (const [key, g] of causes) {
    const first = [...g.items].sort((a, b) => byImpact(a.d, b.d))[0]!;
    const crel = relPath(root, g.cause.uri);
    const what = ruleCode(first.d).startsWith('directory/') ? 'users' : 'findings';
    const open = expanded.has(key);
    const rows: ProblemRow[] = [
      {
        kind: 'group',
        uri: g.cause.uri,
        rel: crel,
        diag: first.d,
        group: { key, label: `${g.items.length} ${what} share ${g.cause.message}`, count: g.items.length, expanded: open },
      },
    ];
    if (open) for (const i of g.items) rows.push({ kind: 'diag', uri: i.uri, rel: i.rel, diag: i.d, member: true });
    blocks.push({ impact: impactOf(first.d), rel: crel, rows });
  }
  for (const file of files) {
    const diags = file.diags.filter((d) => !inCause.has(d)).sort(byImpact);
    if (!diags.length) continue;
    const rows: ProblemRow[] = [{ kind: 'file', uri: file.uri, rel: file.rel, counts: countOf([diags]) }];
    // many warnings/info of one rule in one file: one line (81 xml/strict in a timezones file)
    const perRule = new Map<string, Diagnostic[]>();
    for (const d of diags) if (impactOf(d) >= 3) perRule.set(ruleCode(d), [...(perRule.get(ruleCode(d)) ?? []), d]);
    const folded = new Set<string>();
    for (const d of diags) {
      const rule = ruleCode(d);
      const same = perRule.get(rule);
      if (same && same.length >= FOLD_AT && impactOf(d) >= 3) {
        if (folded.has(rule)) continue;
        folded.add(rule);
        const key = `fold ${file.uri} ${rule}`;
        const open = expanded.has(key);
        rows.push({
          kind: 'group',
          uri: file.uri,
          rel: file.rel,
          diag: d,
          group: { key, label: `${same.length} × ${rule} in this file`, count: same.length, expanded: open },
        });
        if (open) for (const m of same) rows.push({ kind: 'diag', uri: file.uri, rel: file.rel, diag: m, member: true });
        continue;
      }
      rows.push({ kind: 'diag', uri: file.uri, rel: file.rel, diag: d });
    }
    blocks.push({ impact: impactOf(diags[0]!), rel: file.rel, rows });
  }
  blocks.sort((a, b) => a.impact - b.impact || a.rel.localeCompare(b.rel));
  return blocks.flatMap((b) => b.rows);
}

export interface ProblemsViewProps {
  width: number;
  height: number;
  root: string;
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  analysing: boolean;
  filter: ProblemFilter;
  filterEditing: boolean;
  index: number;
  active: boolean;
  onIndex(i: number): void;
  /** the file of the selected row (for R) */
  onSelect?(uri: string | undefined): void;
  onFilter(text: string): void;
  onFilterEditing(editing: boolean): void;
  onToggleSeverity(s: number): void;
  onOpen(row: ProblemRow): void;
  onFix(row: ProblemRow): void;
  onFixAll(uri: string): void;
  onEdit(row: ProblemRow): void;
  onEditor(row: ProblemRow): void;
}

const DETAIL = 3;

interface ProblemsKeyContext extends FixKeyContext {
  /** A finding: open it; a file row: unfold or fold its findings. */
  activate(): void;
  fold(): void;
  open(): void;
  filter(): void;
  filtered(): boolean;
  clearFilter(): void;
  toggleSeverity(severity: number): void;
  nextFile(dir: 1 | -1): void;
}

/** The Problems view's keys: its handler, its hint bar (app/hints.ts) and its Help section read this table. */
export const PROBLEMS_KEYS: readonly KeyBinding<ProblemsKeyContext>[] = [
  {
    keys: 'enter / l →',
    help: 'open the finding; on a file row: unfold / fold its findings',
    hint: { label: 'open', rank: 0 },
    match: (i, k) => k.return || k.rightArrow || i === 'l',
    run: (c) => c.activate(),
  },
  { keys: 'h / ←', help: 'fold a file row', match: (i, k) => k.leftArrow || i === 'h', run: (c) => c.fold() },
  { keys: 'o', help: 'open the file of the row at its finding', match: (i) => i === 'o', run: (c) => c.open() },
  ...fixKeys(['f', 'F', 'e', 'E'], { f: 1, F: 2 }),
  { keys: '/', help: 'filter: words of message, rule id or path', hint: { label: 'filter', rank: 3 }, match: (i) => i === '/', run: (c) => c.filter() },
  // without a filter esc is the app's
  { keys: 'esc', help: 'clear the filter', match: (_i, k) => k.escape, when: (c) => c.filtered(), run: (c) => c.clearFilter() },
  {
    keys: '1 2 3',
    help: 'show / hide errors, warnings, infos',
    hint: { label: 'severity', rank: 4, key: '1-3' },
    match: (i) => i === '1' || i === '2' || i === '3',
    run: (c, i) => c.toggleSeverity(Number(i)),
  },
  { keys: 'n / N', help: 'next / previous file', match: (i) => i === 'n' || i === 'N', run: (c, i) => c.nextFile(i === 'n' ? 1 : -1) },
];

export function ProblemsView(p: ProblemsViewProps) {
  const theme = useTheme();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => problemRows(p.diagnostics, p.root, p.filter, expanded), [p.diagnostics, p.root, p.filter, expanded]);
  const filterRow = p.filterEditing || p.filter.text ? 1 : 0;
  const listHeight = Math.max(1, p.height - DETAIL - filterRow);
  const index = Math.min(p.index, Math.max(0, rows.length - 1));
  const top = useScrollTop(index, listHeight, rows.length);
  const current = rows[index];
  const cur = useLatest(index);
  const onSelect = p.onSelect;
  useEffect(() => {
    onSelect?.(current?.uri);
  }, [current?.uri, onSelect]);

  useKeys(
    (input, key) => {
      const nav = navOf(input, key);
      if (nav) {
        cur.current = moveIndex(cur.current, rows.length, nav, listHeight);
        return p.onIndex(cur.current);
      }
      const index = cur.current;
      const current = rows[index];
      const toggleGroup = (fold: boolean) => {
        const k = current!.group!.key;
        const next = new Set(expanded);
        if (fold || next.has(k)) next.delete(k);
        else next.add(k);
        setExpanded(next);
      };
      runKey(
        PROBLEMS_KEYS,
        {
          activate: () => current && (current.kind === 'group' ? toggleGroup(false) : p.onOpen(current)),
          fold: () => current?.kind === 'group' && toggleGroup(true),
          open: () => current && p.onOpen(current),
          filter: () => p.onFilterEditing(true),
          filtered: () => !!p.filter.text,
          clearFilter: () => p.onFilter(''),
          toggleSeverity: (n) => p.onToggleSeverity(n),
          nextFile: (dir) => {
            // first finding of the next / previous file
            let group = index;
            while (group > 0 && rows[group]!.kind !== 'file') group--;
            for (let i = (dir > 0 ? index : group) + dir; i >= 0 && i < rows.length; i += dir)
              if (rows[i]!.kind === 'file') {
                cur.current = Math.min(rows.length - 1, i + 1);
                return p.onIndex(cur.current);
              }
          },
          fix: () => current && p.onFix(current),
          fixAll: () => current && p.onFixAll(current.uri),
          edit: () => current && p.onEdit(current),
          editor: () => current && p.onEditor(current),
        },
        input,
        key,
      );
    },
    { isActive: p.active && !p.filterEditing },
  );

  const visible = rows.slice(top, top + listHeight);
  const empty = rows.length === 0;
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      {empty ? (
        <Row width={p.width}>
          <C role="muted">
            {p.analysing
              ? '  analysing the tree…'
              : p.filter.text || p.filter.hidden.size
                ? '  nothing matches the filter (esc clears it, 1/2/3 toggle severities)'
                : `  ${theme.sym.check} no problems found`}
          </C>
        </Row>
      ) : null}
      {visible.map((r, i) => {
        const selected = top + i === index;
        const pointer = selected ? theme.sym.pointer : ' ';
        if (r.kind === 'file') {
          const c = r.counts!;
          const parts = [
            c.errors ? `${theme.sym.error} ${c.errors}` : '',
            c.warnings ? `${theme.sym.warning} ${c.warnings}` : '',
            c.infos ? `${theme.sym.info} ${c.infos}` : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <Row key={`f:${r.uri}`} width={p.width}>
              <C role="accent" inverse={selected}>
                {pointer}
              </C>
              <C bold inverse={selected} underline={!selected && theme.color === false}>{` ${r.rel}`}</C>
              <C role="muted">{`  ${parts}`}</C>
            </Row>
          );
        }
        const d = r.diag!;
        const role = severityName(d.severity);
        if (r.kind === 'group') {
          const g = r.group!;
          return (
            <Row key={`g:${g.key}`} width={p.width}>
              <C role="accent" inverse={selected}>
                {pointer}
              </C>
              <Text inverse={selected}>
                {` ${g.expanded ? '▾' : '▸'} `}
                <C role={role === 'hint' ? 'hint' : role}>{severityIcon(theme, d.severity)}</C>
                {` ${clean(g.label)}`}
                <C role="muted">{g.key.startsWith('fold ') ? '' : `  ${r.rel}`}</C>
              </Text>
            </Row>
          );
        }
        const pos = r.member ? `${r.rel.split('/').pop()}:${d.range.start.line + 1}` : `${d.range.start.line + 1}:${d.range.start.character + 1}`;
        return (
          <Row key={`d:${r.uri}:${top + i}`} width={p.width}>
            <C role="accent" inverse={selected}>
              {pointer}
            </C>
            <Text inverse={selected}>
              {'   '}
              <C role={role === 'hint' ? 'hint' : role}>{severityIcon(theme, d.severity)}</C>
              {`${r.member ? '  ' : ''} ${pos.padEnd(7)} ${clean(messageOf(d))}`}
            </Text>
          </Row>
        );
      })}
      <Filler rows={listHeight - visible.length - (empty ? 1 : 0)} width={p.width} />
      {filterRow ? (
        <FilterRow
          width={p.width}
          text={p.filter.text}
          editing={p.filterEditing}
          placeholder="words to match in message, rule or file (enter keeps, esc clears)"
          summary={`${rows.filter((r) => r.kind === 'diag').length} shown`}
          onChange={p.onFilter}
          onEditing={p.onFilterEditing}
        />
      ) : null}
      <Detail width={p.width} row={current} />
    </Box>
  );
}

function Detail({ width, row }: { width: number; row: ProblemRow | undefined }) {
  const d = row?.diag;
  // a group's row names its cause's file; its first member's line is in another file, so no line here
  const title = row
    ? d && !row.group
      ? `${ruleOf(d) || 'finding'} ${'·'} ${row.rel}:${d.range.start.line + 1}:${d.range.start.character + 1}`
      : d
        ? `${ruleOf(d) || 'finding'} ${'·'} ${row.group!.count} findings`
        : row.rel
    : '';
  const text = row?.group
    ? `${row.group.label} — enter ${row.group.expanded ? 'closes' : 'lists them'} · f offers the first one's fixes: ${clean(messageOf(d!))}`
    : d
      ? clean(messageOf(d))
      : row
        ? 'enter opens the file · F fixes everything auto-fixable in it'
        : '';
  const lines = wrap(text, width - 1, DETAIL - 1);
  return (
    <Box flexDirection="column" width={width} height={DETAIL}>
      <Rule width={width} title={title} />
      {lines.map((l, i) => (
        <Row key={i} width={width}>
          {' ' + l}
        </Row>
      ))}
      <Filler rows={DETAIL - 1 - lines.length} width={width} />
    </Box>
  );
}

/** Word-wrap to at most `max` lines of `width` columns (the last one cut with …). */
export function wrap(text: string, width: number, max: number): string[] {
  const out: string[] = [];
  const words = text.split(/\s+/).filter(Boolean);
  let line = '';
  for (const w of words) {
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ' ' + w;
    else {
      out.push(line);
      line = w;
    }
    while (line.length > width) {
      out.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line) out.push(line);
  if (out.length > max) {
    const kept = out.slice(0, max);
    kept[max - 1] = kept[max - 1]!.slice(0, Math.max(0, width - 1)) + '…';
    return kept;
  }
  return out;
}
