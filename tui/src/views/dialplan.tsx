/**
 * Dialplan: contexts and their extensions in hunt order (the order FreeSWITCH tries them, across the
 * files a context includes); enter opens an extension to its conditions and actions, one line each
 * with what it means. a adds, e edits a field (findings live), d deletes, y duplicates, J/K move.
 */
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import * as path from 'node:path';
import type { Diagnostic } from '../lsp/types.js';
import type { SAction, SCondition, SContext, SExtension, Structure, StructuralEdit, TemplateInfo, Vocabulary } from '../lsp/structure.js';
import { canonicalUri } from '../lsp/uri.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { C, FilterRow, Filler, Row } from '../ui/components.js';
import { useKeys } from '../ui/keys.js';
import { clean, useTheme } from '../ui/theme.js';
import type { EditFlow, FormField } from './edit-flow.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import { counted } from '../text/count.js';

type Kind = 'context' | 'extension' | 'condition' | 'action' | 'anti-action';

interface DialplanKeyContext {
  /** A context or an extension: unfold or fold it. */
  toggle(): void;
  add(): void;
  edit(): void;
  remove(): void;
  duplicate(): void;
  move(dir: 1 | -1): void;
  filter(): void;
  filtered(): boolean;
  clearFilter(): void;
}

/** The Dialplan view's keys: its handler, its hint bar (structure-views.tsx) and its Help section read this table. */
export const DIALPLAN_KEYS: readonly KeyBinding<DialplanKeyContext>[] = [
  {
    keys: 'enter / l h → ←',
    help: 'open / fold a context or an extension (conditions, actions and what they mean)',
    hint: { label: 'open', rank: 0 },
    match: (i, k) => k.return || k.rightArrow || k.leftArrow || i === 'l' || i === 'h',
    run: (c) => c.toggle(),
  },
  {
    keys: 'a',
    help: 'add: an extension from a template, or an action / condition',
    hint: { label: 'add', rank: 1 },
    match: (i) => i === 'a',
    run: (c) => c.add(),
  },
  {
    keys: 'e',
    help: 'edit a field with completion; findings update as you type',
    hint: { label: 'edit', rank: 2 },
    match: (i) => i === 'e',
    run: (c) => c.edit(),
  },
  { keys: 'd', help: 'delete (the diff is shown first)', hint: { label: 'delete', rank: 3 }, match: (i) => i === 'd', run: (c) => c.remove() },
  { keys: 'y', help: 'duplicate (the diff is shown first)', hint: { label: 'dup', rank: 4 }, match: (i) => i === 'y', run: (c) => c.duplicate() },
  {
    keys: 'J / K',
    help: 'move down / up in hunt order (FreeSWITCH tries extensions top to bottom)',
    hint: { label: 'move', rank: 5, key: 'J/K' },
    match: (i) => i === 'J' || i === 'K',
    run: (c, i) => c.move(i === 'J' ? 1 : -1),
  },
  { keys: '/', help: 'filter extensions by name', hint: { label: 'filter', rank: 6 }, match: (i) => i === '/', run: (c) => c.filter() },
  // without a filter esc is the app's
  { keys: 'esc', help: 'clear the filter', match: (_i, k) => k.escape, when: (c) => c.filtered(), run: (c) => c.clearFilter() },
];

interface MovingKeyContext {
  step(dir: 1 | -1): void;
  end(last: boolean): void;
  finish(): void;
  cancel(): void;
}

/** While J/K moves an element: where it goes, then enter for the diff or esc to leave it where it was. */
export const DIALPLAN_MOVING_KEYS: readonly KeyBinding<MovingKeyContext>[] = [
  { keys: 'J j ↓', help: 'one place down', match: (i, k) => i === 'J' || i === 'j' || k.downArrow, run: (c) => c.step(1) },
  { keys: 'K k ↑', help: 'one place up', match: (i, k) => i === 'K' || i === 'k' || k.upArrow, run: (c) => c.step(-1) },
  { keys: 'g / Home', help: 'first place', match: (i, k) => i === 'g' || k.home, run: (c) => c.end(false) },
  { keys: 'G / End', help: 'last place', match: (i, k) => i === 'G' || k.end, run: (c) => c.end(true) },
  { keys: 'enter', help: 'review the move as a diff', match: (_i, k) => k.return, run: (c) => c.finish() },
  { keys: 'esc', help: 'leave it where it was', match: (_i, k) => k.escape, run: (c) => c.cancel() },
];

export interface DialplanRow {
  key: string;
  kind: Kind;
  depth: number;
  ctx: SContext;
  ext?: SExtension;
  cond?: SCondition;
  action?: SAction;
  /** Position among its own kind (hunt order for extensions). */
  n: number;
}

function dialplanRows(s: Structure | undefined, open: ReadonlySet<string>, filter: string): DialplanRow[] {
  const rows: DialplanRow[] = [];
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  for (const ctx of s?.contexts ?? []) {
    rows.push({ key: `c:${ctx.name}`, kind: 'context', depth: 0, ctx, n: 0 });
    if (open.has(`c:${ctx.name}`)) continue; // folded
    ctx.extensions.forEach((ext, i) => {
      if (words.length && !words.every((w) => ext.name.toLowerCase().includes(w))) return;
      const key = `e:${ctx.name}:${i}:${ext.name}`;
      rows.push({ key, kind: 'extension', depth: 1, ctx, ext, n: i });
      if (!open.has(`e:${ctx.name}:${ext.name}`)) return;
      const walk = (conds: SCondition[], depth: number) =>
        conds.forEach((cond, j) => {
          rows.push({ key: `${key}:k${depth}.${j}`, kind: 'condition', depth, ctx, ext, cond, n: j });
          cond.actions.forEach((a, k) => rows.push({ key: `${key}:k${depth}.${j}:a${k}`, kind: 'action', depth: depth + 1, ctx, ext, cond, action: a, n: k }));
          cond.antiActions.forEach((a, k) =>
            rows.push({ key: `${key}:k${depth}.${j}:x${k}`, kind: 'anti-action', depth: depth + 1, ctx, ext, cond, action: a, n: k }),
          );
          walk(cond.conditions, depth + 1);
        });
      walk(ext.conditions, 2);
    });
  }
  return rows;
}

/** The siblings a row moves among: a context's extensions, an extension's conditions, a condition's actions. */
function siblings(r: DialplanRow): { at: SAction['at']; label: string }[] {
  if (r.kind === 'extension') return r.ctx.extensions.map((e) => ({ at: e.at, label: e.name }));
  if (r.kind === 'condition') {
    const parent = findParentCondition(r.ext!.conditions, r.cond!);
    return (parent ? parent.conditions : r.ext!.conditions).map((c) => ({ at: c.at, label: c.meaning }));
  }
  if (r.kind === 'action') return r.cond!.actions.map((a) => ({ at: a.at, label: a.meaning }));
  if (r.kind === 'anti-action') return r.cond!.antiActions.map((a) => ({ at: a.at, label: a.meaning }));
  return [];
}

function findParentCondition(list: SCondition[], c: SCondition): SCondition | undefined {
  for (const x of list) {
    if (x.conditions.includes(c)) return x;
    const deeper = findParentCondition(x.conditions, c);
    if (deeper) return deeper;
  }
  return undefined;
}

const sameAt = (a: { uri: string; line: number; character: number }, b: { uri: string; line: number; character: number }) =>
  a.uri === b.uri && a.line === b.line && a.character === b.character;

export interface DialplanViewProps {
  width: number;
  height: number;
  active: boolean;
  root: string;
  structure: Structure | undefined;
  error?: string | undefined;
  templates: TemplateInfo[];
  vocabulary: Vocabulary | undefined;
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  flow: EditFlow;
  readonly: boolean;
  onCapture(capturing: boolean): void;
}

export function DialplanView(p: DialplanViewProps) {
  const theme = useTheme();
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [index, setIndex] = useState(0);
  const [filter, setFilter] = useState('');
  const [filterEditing, setFilterEditing] = useState(false);
  const [moving, setMoving] = useState<{ row: DialplanRow; from: number; to: number } | undefined>();
  const rows = useMemo(() => dialplanRows(p.structure, open, filter), [p.structure, open, filter]);
  const i = Math.min(index, Math.max(0, rows.length - 1));
  const extra = (filterEditing || filter ? 1 : 0) + (moving ? 2 : 0);
  const listHeight = Math.max(1, p.height - extra - 1);
  const top = useScrollTop(i, listHeight, rows.length);
  const cur = useLatest(i);
  // clearing the filter keeps the selected extension selected
  const keep = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    if (!keep.current) return;
    const at = rows.findIndex((r) => r.key === keep.current);
    keep.current = undefined;
    if (at >= 0) setIndex((cur.current = at));
  }, [rows]); // eslint-disable-line react-hooks/exhaustive-deps -- cur is a ref (useLatest)

  const gateways = (p.structure?.profiles ?? []).flatMap((x) => x.gateways.map((g) => g.name));
  const contexts = (p.structure?.contexts ?? []).map((c) => c.name);
  const users = (p.structure?.domains ?? []).flatMap((d) => d.users.map((u) => u.id));
  const apps = (p.vocabulary?.applications ?? []).map((a) => a.name);
  const appHelp = (v: string) => {
    const a = p.vocabulary?.applications.find((x) => x.name === v.trim());
    return a
      ? `${a.name} ${a.syntax}${a.doc ? ` — ${a.doc}` : ''}`
      : v
        ? 'not an application FreeSWITCH registers (tab completes)'
        : 'the application to run (tab completes)';
  };
  const dataSuggestions = [
    ...gateways.map((g) => `sofia/gateway/${g}/$1`),
    'sofia/gateway/${default_gateway}/$1',
    ...users.map((u) => `user/${u}@\${domain_name}`),
    ...contexts.map((c) => `XML ${c}`),
    ...(p.structure?.variables ?? []).map((v) => `$\${${v.name}}`),
  ];
  const suggestionsFor = (attr: string): readonly string[] | undefined => {
    if (attr === 'application') return apps;
    if (attr === 'field') return [...(p.vocabulary?.fields ?? []), 'destination_number', 'caller_id_number', '${toll_allow}'];
    if (attr === 'data') return dataSuggestions;
    if (attr === 'break') return ['on-false', 'on-true', 'always', 'never'];
    if (attr === 'continue') return ['true', 'false'];
    return undefined;
  };
  const rel = (uri: string) => path.relative(p.root, decodeURIComponent(uri.replace(/^file:\/\//, '')));

  const addFromTemplate = (ctx: SContext) => {
    const ts = p.templates.filter((t) => t.kind === 'extension');
    p.flow.pick(
      `add an extension to context ${ctx.name}: pick a template`,
      ts.map((t) => ({ label: t.title, detail: t.description })),
      (k) => {
        const t = ts[k]!;
        const fields: FormField[] = t.fields.map((f) => ({
          name: f.name,
          label: f.label,
          value: f.default,
          ...(f.complete === 'gateways'
            ? { suggestions: [...gateways, '${default_gateway}'] }
            : f.complete === 'contexts'
              ? { suggestions: contexts }
              : f.complete === 'users'
                ? { suggestions: users }
                : {}),
        }));
        p.flow.form(
          `${t.title} → context ${ctx.name}`,
          fields,
          (values) =>
            void p.flow.propose({ op: 'addExtension', context: ctx.name, template: t.id, values }, [
              `A new file where ${ctx.name} includes its folder: hunted there. J/K moves it (hunt order matters).`,
            ]),
        );
      },
    );
  };

  const addAction = (r: DialplanRow, kind: 'action' | 'anti-action', after?: SAction) => {
    const cond = r.cond!;
    p.flow.form(
      `add an ${kind} to the condition ${cond.meaning}`,
      [
        { name: 'application', label: 'application', value: '', suggestions: apps, help: appHelp },
        { name: 'data', label: 'data', value: '', suggestions: dataSuggestions },
      ],
      (v) => {
        const attrs: [string, string][] = [['application', v.application ?? '']];
        if (v.data) attrs.push(['data', v.data]);
        const req: StructuralEdit = after
          ? { op: 'insert', parent: cond.at, element: { name: kind, attrs }, after: after.at }
          : { op: 'insert', parent: cond.at, element: { name: kind, attrs } };
        void p.flow.propose(req);
      },
    );
  };

  const add = (r: DialplanRow) => {
    if (r.kind === 'context' || r.kind === 'extension') return addFromTemplate(r.ctx);
    if (r.kind === 'condition')
      return p.flow.pick(
        'add to this condition',
        [
          { label: 'an action (runs when the condition matches)' },
          { label: 'an anti-action (runs when it does not)' },
          { label: 'a condition after this one' },
        ],
        (k) => {
          if (k < 2) return addAction(r, k === 0 ? 'action' : 'anti-action');
          p.flow.form(
            'add a condition',
            [
              { name: 'field', label: 'field', value: 'destination_number', suggestions: suggestionsFor('field')! },
              { name: 'expression', label: 'expression (PCRE)', value: '' },
            ],
            (v) =>
              void p.flow.propose({
                op: 'insert',
                parent: r.ext!.at,
                element: {
                  name: 'condition',
                  attrs: [
                    ['field', v.field ?? ''],
                    ['expression', v.expression ?? ''],
                  ],
                },
                after: r.cond!.at,
              }),
          );
        },
      );
    return addAction(r, r.kind as 'action' | 'anti-action', r.action);
  };

  const edit = (r: DialplanRow) => {
    const el = r.action ?? r.cond ?? r.ext;
    if (!el || r.kind === 'context') return;
    const attrs: [string, string][] =
      r.kind === 'extension'
        ? [
            ['name', r.ext!.name],
            ['continue', r.ext!.continue ?? ''],
          ]
        : r.cond && !r.action
          ? ([
              ['field', r.cond.field ?? ''],
              ['expression', r.cond.expression ?? ''],
              ...Object.entries(r.cond.attrs).filter(([k]) => k !== 'field' && k !== 'expression'),
              ...(r.cond.attrs.break === undefined ? [['break', '']] : []),
            ] as [string, string][])
          : [
              ['application', r.action!.application],
              ['data', r.action!.secret ? '' : r.action!.data],
            ];
    p.flow.pick(
      `edit which field of this ${r.kind}?`,
      attrs.map(([k, v]) => ({ label: k, detail: v || (k === 'data' && r.action?.secret ? '(a secret: type the new value)' : '(not set)') })),
      (k) => {
        const [name, value] = attrs[k]!;
        p.flow.live(
          `${r.kind} ${name}`,
          {
            name,
            label: name,
            value,
            ...(name === 'data' && r.action?.secret ? { secret: true } : {}),
            ...(suggestionsFor(name) ? { suggestions: suggestionsFor(name)! } : {}),
            ...(name === 'application' ? { help: appHelp } : name === 'data' && r.action ? { help: () => appHelp(r.action!.application) } : {}),
          },
          { uri: el.uri, lines: [el.range.start.line, el.range.start.line] },
          (v) =>
            v === '' && name !== 'expression' && name !== 'data'
              ? { op: 'removeAttribute', target: el.at, name }
              : { op: 'setAttribute', target: el.at, name, value: v },
        );
      },
    );
  };

  const startMove = (r: DialplanRow, dir: 1 | -1) => {
    if (r.kind === 'context') return;
    if (p.readonly) return p.flow.propose({ op: 'move', target: (r.action ?? r.cond ?? r.ext!).at, direction: dir < 0 ? 'up' : 'down' }); // refuses at once
    const sibs = siblings(r);
    const el = r.action ?? r.cond ?? r.ext!;
    const from = sibs.findIndex((s) => sameAt(s.at, el.at));
    const to = Math.max(0, Math.min(sibs.length - 1, from + dir));
    if (from < 0 || to === from) return;
    setMoving({ row: r, from, to });
    const at = rows.findIndex((x) => x.kind === r.kind && sameAt((x.action ?? x.cond ?? x.ext ?? x.ctx).at, sibs[to]!.at));
    if (at >= 0) setIndex((cur.current = at));
  };

  const finishMove = () => {
    if (!moving) return;
    const sibs = siblings(moving.row);
    const el = moving.row.action ?? moving.row.cond ?? moving.row.ext!;
    const target = sibs[moving.to]!;
    setMoving(undefined);
    if (moving.to === moving.from) return;
    const req: StructuralEdit = moving.to < moving.from ? { op: 'move', target: el.at, before: target.at } : { op: 'move', target: el.at, after: target.at };
    void p.flow.propose(req, [
      moving.row.kind === 'extension'
        ? 'Hunt order matters: FreeSWITCH tries extensions top to bottom; the first that matches (without continue) wins.'
        : 'Order matters: FreeSWITCH runs actions in order and tests conditions in order.',
    ]);
  };

  const capturing = filterEditing || !!moving;
  React.useEffect(() => p.onCapture(capturing), [capturing]); // eslint-disable-line react-hooks/exhaustive-deps -- only when capturing changes: p is new on every render

  useKeys(
    (input, key) => {
      if (moving) {
        const sibs = siblings(moving.row);
        const go = (to: number) => {
          setMoving({ ...moving, to });
          // the list follows the place the element would go
          const at = rows.findIndex((r) => r.kind === moving.row.kind && sameAt((r.action ?? r.cond ?? r.ext ?? r.ctx).at, sibs[to]!.at));
          if (at >= 0) setIndex((cur.current = at));
        };
        runKey(
          DIALPLAN_MOVING_KEYS,
          {
            step: (dir) => go(Math.min(sibs.length - 1, Math.max(0, moving.to + dir))),
            end: (last) => go(last ? sibs.length - 1 : 0),
            finish: finishMove,
            cancel: () => setMoving(undefined),
          },
          input,
          key,
        );
        return;
      }
      const nav = navOf(input, key);
      if (nav) {
        cur.current = moveIndex(cur.current, rows.length, nav, listHeight);
        return setIndex(cur.current);
      }
      const r = rows[cur.current];
      runKey(
        DIALPLAN_KEYS,
        {
          filter: () => setFilterEditing(true),
          filtered: () => !!filter,
          clearFilter: () => {
            keep.current = rows[cur.current]?.key;
            setFilter('');
          },
          toggle: () => {
            if (r?.kind !== 'context' && r?.kind !== 'extension') return;
            const k = r.kind === 'context' ? `c:${r.ctx.name}` : `e:${r.ctx.name}:${r.ext!.name}`;
            setOpen((o) => {
              const n = new Set(o);
              if (n.has(k)) n.delete(k);
              else n.add(k);
              return n;
            });
          },
          add: () => r && add(r),
          edit: () => r && edit(r),
          remove: () => {
            if (!r || r.kind === 'context') return;
            const el = r.action ?? r.cond ?? r.ext!;
            void p.flow.propose({ op: 'delete', target: el.at }, [
              r.kind === 'extension' ? `Calls that matched ${r.ext!.name} go on to the next extension in hunt order.` : 'The rest of the extension stays.',
            ]);
          },
          duplicate: () => r && r.kind !== 'context' && void p.flow.propose({ op: 'duplicate', target: (r.action ?? r.cond ?? r.ext!).at }),
          move: (dir) => r && startMove(r, dir),
        },
        input,
        key,
      );
    },
    { isActive: p.active && !filterEditing && !p.flow.capturing },
  );

  const findingsAt = (uri: string, line: number) => (p.diagnostics.get(canonicalUri(uri)) ?? []).filter((d) => d.range.start.line === line);
  const visible = rows.slice(top, top + listHeight);
  const movingSibs = moving ? siblings(moving.row) : [];
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      <Row width={p.width}>
        <C role="muted">
          {p.error
            ? ` ${p.error}`
            : ` contexts → extensions in hunt order (tried top to bottom) · enter opens · a add · e edit · d delete · y duplicate · J/K move`}
        </C>
      </Row>
      {!p.structure ? (
        <Row width={p.width}>
          <C role="muted">{'  reading the dialplan…'}</C>
        </Row>
      ) : rows.length === 0 ? (
        <Row width={p.width}>
          <C role="muted">{'  no dialplan context in this tree'}</C>
        </Row>
      ) : null}
      {visible.map((r, k) => {
        const selected = top + k === i;
        const el = r.action ?? r.cond ?? r.ext ?? r.ctx;
        const diags = r.kind === 'context' ? [] : findingsAt(el.uri, el.range.start.line);
        const target = moving && r.kind === moving.row.kind && movingSibs[moving.to] && sameAt(movingSibs[moving.to]!.at, el.at);
        const pad = '  '.repeat(r.depth);
        const err = diags.some((d) => d.severity === 1);
        let text: string;
        if (r.kind === 'context')
          text = `${open.has(`c:${r.ctx.name}`) ? (theme.unicode ? '▸' : '+') : theme.sym.dirOpen} context ${r.ctx.name} (${counted(r.ctx.extensions.length, 'extension')})`;
        else if (r.kind === 'extension')
          text = `${String(r.n + 1).padStart(3)}. ${r.ext!.name}${r.ext!.continue === 'true' ? ' (continue)' : ''}  ${rel(r.ext!.uri)}:${r.ext!.range.start.line + 1}`;
        else if (r.kind === 'condition') text = `if ${r.cond!.meaning}`;
        else text = `${r.kind === 'action' ? '→' : '✗'} ${r.action!.meaning}`;
        return (
          <Row key={r.key} width={p.width}>
            <C role="accent" inverse={selected}>
              {selected ? theme.sym.pointer : target ? '»' : ' '}
            </C>
            <Text inverse={selected || !!target} bold={r.kind === 'context' || r.kind === 'extension'}>{` ${pad}${clean(text)}`}</Text>
            {diags.length ? <C role={err ? 'error' : 'warning'}>{`  ${err ? theme.sym.error : theme.sym.warning} ${diags.length}`}</C> : null}
          </Row>
        );
      })}
      <Filler rows={listHeight - visible.length - (p.structure && rows.length ? 0 : 1)} width={p.width} />
      {moving ? (
        <>
          <Row width={p.width}>
            <C
              role="warning"
              bold
            >{` moving ${moving.row.kind === 'extension' ? moving.row.ext!.name : moving.row.kind} to ${moving.to + 1} of ${movingSibs.length}: ${moving.to < moving.from ? 'above' : moving.to > moving.from ? 'below' : 'at'} ${clean(movingSibs[moving.to]?.label ?? '')}`}</C>
          </Row>
          <Row width={p.width}>
            <C role="muted">{' hunt order matters: the first match wins · J/K choose · enter: review the diff · esc cancels'}</C>
          </Row>
        </>
      ) : null}
      {filterEditing || filter ? (
        <FilterRow
          width={p.width}
          text={filter}
          editing={filterEditing}
          placeholder="part of an extension name"
          summary={`${rows.filter((r) => r.kind === 'extension').length} extensions`}
          onChange={(t) => {
            setFilter(t);
            setIndex(0);
          }}
          onEditing={setFilterEditing}
        />
      ) : null}
    </Box>
  );
}
