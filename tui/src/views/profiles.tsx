/**
 * Profiles: each sofia profile's params as a form (value as written, its `$${}` expansion, findings, and
 * the knowledge base's explanation of the selected one), its gateways. e edits a value (completion:
 * codecs, ACL lists, true/false; findings live), a adds a param or a gateway, d removes a param.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { Diagnostic, FsconfClient } from '../lsp/types.js';
import type { SParam, Structure, TemplateInfo, Vocabulary } from '../lsp/structure.js';
import { canonicalUri } from '../lsp/uri.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { C, Filler, Row, Rule } from '../ui/components.js';
import { useKeys } from '../ui/keys.js';
import { clean, useTheme } from '../ui/theme.js';
import { markdownToText } from '../text/markdown.js';
import { messageOf } from './problems.js';
import type { EditFlow } from './edit-flow.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import { counted } from '../text/count.js';

type Profile = Structure['profiles'][number];
type PRow = { key: string; kind: 'profile' | 'param' | 'gateway'; profile: Profile; param?: SParam; gateway?: Profile['gateways'][number] };

const HELP_ROWS = 4;

/** The Profiles view's keys: its handler, its hint bar (structure-views.tsx) and its Help section read this table. */
export const PROFILES_KEYS: readonly KeyBinding<{ edit(): void; add(): void; remove(): void }>[] = [
  {
    keys: 'e / enter',
    help: 'edit a profile param (codecs, ACL lists, true/false complete)',
    hint: { label: 'edit value', rank: 0 },
    match: (i, k) => i === 'e' || k.return,
    run: (c) => c.edit(),
  },
  {
    keys: 'a',
    help: 'add a param or a gateway (from the template) to the profile',
    hint: { label: 'add', rank: 1 },
    match: (i) => i === 'a',
    run: (c) => c.add(),
  },
  {
    keys: 'd',
    help: 'remove a param (the profile falls back to its default after a rescan)',
    hint: { label: 'remove', rank: 2 },
    match: (i) => i === 'd',
    run: (c) => c.remove(),
  },
];

export function ProfilesView(p: {
  width: number;
  height: number;
  active: boolean;
  client: FsconfClient;
  structure: Structure | undefined;
  error?: string | undefined;
  templates: TemplateInfo[];
  vocabulary: Vocabulary | undefined;
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  flow: EditFlow;
}) {
  const theme = useTheme();
  const [index, setIndex] = useState(0);
  const rows = useMemo(() => {
    const out: PRow[] = [];
    for (const prof of p.structure?.profiles ?? []) {
      out.push({ key: `p:${prof.name}`, kind: 'profile', profile: prof });
      for (const x of prof.params) out.push({ key: `p:${prof.name}:${x.name}:${x.at.line}`, kind: 'param', profile: prof, param: x });
      for (const g of prof.gateways) out.push({ key: `p:${prof.name}:gw:${g.name}`, kind: 'gateway', profile: prof, gateway: g });
    }
    return out;
  }, [p.structure]);
  const i = Math.min(index, Math.max(0, rows.length - 1));
  const listHeight = Math.max(1, p.height - 2 - HELP_ROWS);
  const top = useScrollTop(i, listHeight, rows.length);
  const cur = useLatest(i);
  const sel = rows[i];
  const [help, setHelp] = useState<{ key: string; lines: string[] }>({ key: '', lines: [] });
  useEffect(() => {
    const x = sel?.param;
    if (!x || !sel) return;
    let live = true;
    // the knowledge base's explanation: the server's hover on the param name
    p.client
      .hover(x.uri, { line: x.at.line, character: x.at.character + 14 })
      .then((h) => live && setHelp({ key: sel.key, lines: h ? markdownToText(h).filter((l) => l.trim()) : ['no explanation for this param'] }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sel?.key]); // eslint-disable-line react-hooks/exhaustive-deps -- fetch the help when the selected param changes, not for every new rows array

  const aclNames = (p.structure?.aclLists ?? []).map((l) => l.name).concat(['rfc1918.auto', 'nat.auto', 'localnet.auto', 'loopback.auto', 'wan.auto']);
  const kb = (name: string) => (p.vocabulary?.profileParams ?? []).find((x) => x.name === name.toLowerCase());
  const suggestionsFor = (name: string, value: string): string[] => {
    const codecs = p.vocabulary?.codecs ?? [];
    const k = kb(name);
    if (k?.type === 'codec-list' || /codec-prefs|codec-string|codecs/.test(name)) {
      const head = value.includes(',') ? value.slice(0, value.lastIndexOf(',') + 1) : '';
      return codecs.map((c) => head + c);
    }
    if (/acl/.test(name)) return aclNames;
    if (k?.values?.length) return k.values;
    if (k?.type === 'bool') return ['true', 'false'];
    return [];
  };

  const editParam = (r: PRow) => {
    const x = r.param!;
    p.flow.live(
      `profile ${r.profile.name}: ${x.name}`,
      {
        name: 'value',
        label: x.name,
        value: x.secret ? '' : x.value,
        suggest: (v: string) => suggestionsFor(x.name, v),
        ...(x.secret ? { secret: true } : {}),
      },
      { uri: x.uri, lines: [x.range.start.line, x.range.end.line] },
      (v) => ({ op: 'setParam', target: r.profile.at, name: x.name, value: v }),
    );
  };

  /** a: a param (name completes from the knowledge base) or a gateway from the template. */
  const addTo = (r: PRow) =>
    p.flow.pick(`add to profile ${r.profile.name}`, [{ label: 'a param' }, { label: 'a gateway (from the template)' }], (k) => {
      if (k === 0)
        return p.flow.form(
          `add a param to profile ${r.profile.name}`,
          [
            {
              name: 'name',
              label: 'param',
              value: '',
              suggestions: (p.vocabulary?.profileParams ?? []).map((x) => x.name),
              help: (n) => {
                const k = kb(n);
                return k
                  ? `${k.type}${k.default !== undefined ? ` · default ${k.default}` : ''}${k.values ? ` · ${k.values.join(' | ')}` : ''}`
                  : n
                    ? 'not a param the knowledge base knows for a sofia profile'
                    : 'tab completes a param name';
              },
            },
            { name: 'value', label: 'value', value: '' },
          ],
          (v) => void p.flow.propose({ op: 'setParam', target: r.profile.at, name: v.name ?? '', value: v.value ?? '' }),
        );
      const t = p.templates.find((x) => x.id === 'gateway');
      if (!t) return;
      p.flow.form(
        `add a gateway to profile ${r.profile.name}`,
        t.fields.map((f) => ({ name: f.name, label: f.label, value: f.default, ...(f.secret ? { secret: true } : {}) })),
        (v) => void p.flow.propose({ op: 'addGateway', profile: r.profile.name, template: 'gateway', values: v }),
      );
    });

  useKeys(
    (input, key) => {
      const nav = navOf(input, key);
      if (nav) {
        cur.current = moveIndex(cur.current, rows.length, nav, listHeight);
        return setIndex(cur.current);
      }
      const r = rows[cur.current];
      if (!r) return;
      runKey(
        PROFILES_KEYS,
        {
          edit: () => r.param && editParam(r),
          remove: () =>
            r.param &&
            void p.flow.propose({ op: 'removeParam', target: r.profile.at, name: r.param.name }, [
              'The profile falls back to the default for this param after a rescan.',
            ]),
          add: () => addTo(r),
        },
        input,
        key,
      );
    },
    { isActive: p.active && !p.flow.capturing },
  );

  const visible = rows.slice(top, top + listHeight);
  const findings = (x: SParam) => (p.diagnostics.get(canonicalUri(x.uri)) ?? []).filter((d) => d.range.start.line === x.range.start.line);
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      <Row width={p.width}>
        <C role="muted">{p.error ? ` ${p.error}` : ' sofia profiles: params (value · expanded) and gateways · e edit · a add · d remove · R rescan'}</C>
      </Row>
      {visible.map((r, k) => {
        const selected = top + k === i;
        let text: string;
        if (r.kind === 'profile')
          text = `profile ${r.profile.name} · ${counted(r.profile.params.length, 'param')} · ${counted(r.profile.gateways.length, 'gateway')}`;
        else if (r.kind === 'gateway') text = `    gateway ${r.gateway!.name} (${counted(r.gateway!.params.length, 'param')})`;
        else {
          const x = r.param!;
          const exp = x.expanded !== null && x.expanded !== x.value ? `  = ${x.expanded}` : x.expanded === null ? '  = (known at run time)' : '';
          text = `  ${x.name.padEnd(28)} ${x.value}${exp}`;
        }
        // the most severe finding first (an error before a warning)
        const f = r.param ? findings(r.param).sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)) : [];
        return (
          <Row key={r.key} width={p.width}>
            <C role="accent" inverse={selected}>
              {selected ? theme.sym.pointer : ' '}
            </C>
            <Text inverse={selected} bold={r.kind === 'profile'}>{` ${clean(text)}`}</Text>
            {f.length ? (
              <C
                role={f[0]!.severity === 1 ? 'error' : 'warning'}
              >{`  ${f[0]!.severity === 1 ? theme.sym.error : theme.sym.warning} ${clean(messageOf(f[0]!))}`}</C>
            ) : null}
          </Row>
        );
      })}
      <Filler rows={listHeight - visible.length} width={p.width} />
      <Rule
        width={p.width}
        title={
          sel?.param
            ? `${sel.param.name}${kb(sel.param.name) ? ` · ${kb(sel.param.name)!.type} · default ${kb(sel.param.name)!.default ?? '(none)'}` : ' · not in the knowledge base'}`
            : 'explanation'
        }
      />
      {Array.from({ length: HELP_ROWS }, (_, k) => (
        <Row key={k} width={p.width}>
          <C role="muted">{` ${clean((help.key === sel?.key ? help.lines : [])[k] ?? '')}`}</C>
        </Row>
      ))}
    </Box>
  );
}
