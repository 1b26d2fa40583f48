/** Files: the conf tree as folders and files, with each file's counts. */
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../ui/keys.js';
import * as path from 'node:path';
import type { Diagnostic } from '../lsp/types.js';
import { relPath } from '../lsp/uri.js';
import { countOf, type Counts } from '../app/workspace.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { C, FilterRow, Filler, Row } from '../ui/components.js';
import { useTheme } from '../ui/theme.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import { fixKeys, type FixKeyContext } from './fix-keys.js';

export interface FileRow {
  kind: 'dir' | 'file';
  name: string;
  depth: number;
  uri?: string;
  rel: string;
  counts: Counts;
}

function fileRows(files: readonly string[], diagnostics: ReadonlyMap<string, Diagnostic[]>, root: string): FileRow[] {
  type Node = { dirs: Map<string, Node>; files: { name: string; uri: string; rel: string }[] };
  const tree: Node = { dirs: new Map(), files: [] };
  const outside: { name: string; uri: string; rel: string }[] = [];
  for (const uri of files) {
    const rel = relPath(root, uri);
    if (path.isAbsolute(rel)) {
      outside.push({ name: rel, uri, rel });
      continue;
    }
    const parts = rel.split(path.sep);
    let n = tree;
    for (const dir of parts.slice(0, -1)) {
      let next = n.dirs.get(dir);
      if (!next) n.dirs.set(dir, (next = { dirs: new Map(), files: [] }));
      n = next;
    }
    n.files.push({ name: parts[parts.length - 1]!, uri, rel });
  }
  const rows: FileRow[] = [];
  const walk = (n: Node, depth: number, prefix: string): Counts => {
    const total: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
    const add = (c: Counts) => {
      total.errors += c.errors;
      total.warnings += c.warnings;
      total.infos += c.infos;
      total.hints += c.hints;
    };
    for (const f of [...n.files].sort((a, b) => a.name.localeCompare(b.name))) {
      const counts = countOf([diagnostics.get(f.uri) ?? []]);
      add(counts);
      rows.push({ kind: 'file', name: f.name, depth, uri: f.uri, rel: f.rel, counts });
    }
    for (const [name, child] of [...n.dirs].sort((a, b) => a[0].localeCompare(b[0]))) {
      const at = rows.length;
      rows.push({ kind: 'dir', name, depth, rel: prefix + name, counts: total });
      const c = walk(child, depth + 1, prefix + name + path.sep);
      rows[at] = { ...rows[at]!, counts: c };
      add(c);
    }
    return total;
  };
  walk(tree, 0, '');
  for (const f of outside) rows.push({ kind: 'file', name: f.name, depth: 0, uri: f.uri, rel: f.rel, counts: countOf([diagnostics.get(f.uri) ?? []]) });
  return rows;
}

/** Files whose path contains every word of the filter, as a flat list. */
function filteredFileRows(files: readonly string[], diagnostics: ReadonlyMap<string, Diagnostic[]>, root: string, text: string): FileRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return files
    .map((uri) => ({ uri, rel: relPath(root, uri) }))
    .filter((f) => words.every((w) => f.rel.toLowerCase().includes(w)))
    .sort((a, b) => a.rel.localeCompare(b.rel))
    .map((f) => ({ kind: 'file' as const, name: f.rel, depth: 0, uri: f.uri, rel: f.rel, counts: countOf([diagnostics.get(f.uri) ?? []]) }));
}

export interface FilesViewProps {
  width: number;
  height: number;
  root: string;
  files: readonly string[];
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  index: number;
  active: boolean;
  filter: string;
  filterEditing: boolean;
  onFilter(text: string): void;
  onFilterEditing(editing: boolean): void;
  onIndex(i: number): void;
  onOpen(uri: string): void;
  onFixAll(uri: string): void;
  onEditor(uri: string): void;
}

interface FilesKeyContext extends FixKeyContext<'F' | 'E'> {
  open(): void;
  find(): void;
  filtered(): boolean;
  clearFilter(): void;
}

/** The Files view's keys: its handler, its hint bar (app/hints.ts) and its Help section read this table. */
export const FILES_KEYS: readonly KeyBinding<FilesKeyContext>[] = [
  {
    keys: 'enter / l o →',
    help: 'open the file',
    hint: { label: 'open', rank: 0 },
    match: (i, k) => k.return || k.rightArrow || i === 'l' || i === 'o',
    run: (c) => c.open(),
  },
  { keys: '/', help: 'find files by part of their path', hint: { label: 'find', rank: 1 }, match: (i) => i === '/', run: (c) => c.find() },
  // without a filter esc is the app's: back
  { keys: 'esc', help: 'clear the filter', match: (_i, k) => k.escape, when: (c) => c.filtered(), run: (c) => c.clearFilter() },
  ...fixKeys(['F', 'E'], { F: 2, E: 3 }),
];

export function FilesView(p: FilesViewProps) {
  const theme = useTheme();
  const rows = useMemo(
    () => (p.filter ? filteredFileRows(p.files, p.diagnostics, p.root, p.filter) : fileRows(p.files, p.diagnostics, p.root)),
    [p.files, p.diagnostics, p.root, p.filter],
  );
  const index = Math.min(p.index, Math.max(0, rows.length - 1));
  const filterRow = p.filterEditing || p.filter ? 1 : 0;
  const listHeight = Math.max(1, p.height - filterRow);
  const top = useScrollTop(index, listHeight, rows.length);
  const cur = useLatest(index);
  useKeys(
    (input, key) => {
      const nav = navOf(input, key);
      if (nav) {
        cur.current = moveIndex(cur.current, rows.length, nav, listHeight);
        return p.onIndex(cur.current);
      }
      const uri = rows[cur.current]?.uri;
      const onFile = (f: (uri: string) => void) => () => uri && f(uri);
      runKey(
        FILES_KEYS,
        {
          open: onFile(p.onOpen),
          find: () => p.onFilterEditing(true),
          filtered: () => !!p.filter,
          clearFilter: () => p.onFilter(''),
          fixAll: onFile(p.onFixAll),
          editor: onFile(p.onEditor),
        },
        input,
        key,
      );
    },
    { isActive: p.active && !p.filterEditing },
  );
  const visible = rows.slice(top, top + listHeight);
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      {rows.length === 0 ? (
        <Row width={p.width}>
          <C role="muted">{p.filter ? '  no file path matches the filter (esc clears it)' : '  no files yet: the server has not reported the tree'}</C>
        </Row>
      ) : null}
      {visible.map((r, i) => {
        const selected = top + i === index;
        const c = r.counts;
        const counts = [
          c.errors ? <C key="e" role="error">{` ${theme.sym.error} ${c.errors}`}</C> : null,
          c.warnings ? <C key="w" role="warning">{` ${theme.sym.warning} ${c.warnings}`}</C> : null,
          c.infos ? <C key="i" role="info">{` ${theme.sym.info} ${c.infos}`}</C> : null,
        ];
        const label = `${'  '.repeat(r.depth)}${r.kind === 'dir' ? `${theme.sym.dirOpen} ${r.name}/` : `  ${r.name}`}`;
        return (
          <Row key={r.rel + r.kind} width={p.width}>
            <C role="accent" inverse={selected}>
              {selected ? theme.sym.pointer : ' '}
            </C>
            <Text inverse={selected} bold={r.kind === 'dir'}>
              {' ' + label}
            </Text>
            {counts}
            {r.kind === 'file' && !c.errors && !c.warnings && !c.infos ? <C role="muted">{` ${theme.sym.check}`}</C> : null}
          </Row>
        );
      })}
      <Filler rows={listHeight - visible.length - (rows.length ? 0 : 1)} width={p.width} />
      {filterRow ? (
        <FilterRow
          width={p.width}
          text={p.filter}
          editing={p.filterEditing}
          placeholder="part of a file path (enter keeps, esc clears)"
          summary={`${rows.length} files`}
          onChange={p.onFilter}
          onEditing={p.onFilterEditing}
        />
      ) : null}
    </Box>
  );
}
