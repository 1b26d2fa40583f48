/**
 * Profiles: each sofia profile's params as a form (value as written, its `$${}` expansion, findings, and
 * the knowledge base's explanation of the selected one), its gateways, whose params enter shows. e edits a
 * value (completion: codecs, ACL lists, true/false; findings live), a adds a param or a gateway, d removes
 * a param — of the profile or of the gateway the cursor is in.
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
type Gateway = Profile['gateways'][number];
/** A row: a profile, one of its params, a gateway, or a param of that gateway (kind 'param' with `gateway` set). */
type PRow = { key: string; kind: 'profile' | 'param' | 'gateway'; profile: Profile; param?: SParam; gateway?: Gateway };

const HELP_ROWS = 4;

/** The Profiles view's keys: its handler, its hint bar (structure-views.tsx) and its Help section read this table. */
export const PROFILES_KEYS: readonly KeyBinding<{ edit(): void; add(): void; remove(): void }>[] = [
  {
    keys: 'e / enter',
    help: 'edit a param of a profile or a gateway (codecs, ACL lists, true/false complete); enter on a gateway shows or hides its params',
    hint: { label: 'edit value', rank: 0 },
    match: (i, k) => i === 'e' || k.return,
    run: (c) => c.edit(),
  },
  {
    keys: 'a',
    help: 'add a param or a gateway (from the template) to the profile; on a gateway or its params, a param to that gateway',
    hint: { label: 'add', rank: 1 },
    match: (i) => i === 'a',
    run: (c) => c.add(),
  },
  {
    keys: 'd',
    help: 'remove a param of a profile or a gateway (FreeSWITCH falls back to its default after a rescan)',
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
  // gateways whose params are shown (by row key): a profile with many gateways stays a short list
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => {
    const out: PRow[] = [];
    for (const prof of p.structure?.profiles ?? []) {
      out.push({ key: `p:${prof.name}`, kind: 'profile', profile: prof });
      for (const x of prof.params) out.push({ key: `p:${prof.name}:${x.name}:${x.at.line}`, kind: 'param', profile: prof, param: x });
      for (const g of prof.gateways) {
        const key = `p:${prof.name}:gw:${g.name}`;
        out.push({ key, kind: 'gateway', profile: prof, gateway: g });
        if (open.has(key)) for (const x of g.params) out.push({ key: `${key}:${x.name}:${x.at.line}`, kind: 'param', profile: prof, gateway: g, param: x });
      }
    }
    return out;
  }, [p.structure, open]);
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
  const words = (gw: Gateway | undefined) => (gw ? p.vocabulary?.gatewayParams : p.vocabulary?.profileParams) ?? [];
  const kb = (name: string, gw?: Gateway) => words(gw).find((x) => x.name === name.toLowerCase());
  const suggestionsFor = (name: string, value: string, gw: Gateway | undefined): string[] => {
    const codecs = p.vocabulary?.codecs ?? [];
    const k = kb(name, gw);
    if (k?.type === 'codec-list' || /codec-prefs|codec-string|codecs/.test(name)) {
      const head = value.includes(',') ? value.slice(0, value.lastIndexOf(',') + 1) : '';
      return codecs.map((c) => head + c);
    }
    if (/acl/.test(name)) return aclNames;
    if (k?.values?.length) return k.values;
    if (k?.type === 'bool') return ['true', 'false'];
    return [];
  };

  /** Whose params a row's e / a / d change: the gateway the row is in, else the profile. */
  const ownerOf = (r: PRow) => (r.gateway ? { at: r.gateway.at, what: `gateway ${r.gateway.name}` } : { at: r.profile.at, what: `profile ${r.profile.name}` });

  const editParam = (r: PRow) => {
    const x = r.param!;
    const owner = ownerOf(r);
    p.flow.live(
      `${owner.what}: ${x.name}`,
      {
        name: 'value',
        label: x.name,
        value: x.secret ? '' : x.value,
        suggest: (v: string) => suggestionsFor(x.name, v, r.gateway),
        ...(x.secret ? { secret: true } : {}),
      },
      { uri: x.uri, lines: [x.range.start.line, x.range.end.line] },
      (v) => ({ op: 'setParam', target: owner.at, name: x.name, value: v }),
    );
  };

  /** A param for `r`'s owner; its name completes from the knowledge base (profile or gateway params). */
  const addParam = (r: PRow) => {
    const owner = ownerOf(r);
    p.flow.form(
      `add a param to ${owner.what}`,
      [
        {
          name: 'name',
          label: 'param',
          value: '',
          suggestions: words(r.gateway).map((x) => x.name),
          help: (n) => {
            const k = kb(n, r.gateway);
            return k
              ? `${k.type}${k.default !== undefined ? ` · default ${k.default}` : ''}${k.values ? ` · ${k.values.join(' | ')}` : ''}`
              : n
                ? `not a param the knowledge base knows for a sofia ${r.gateway ? 'gateway' : 'profile'}`
                : 'tab completes a param name';
          },
        },
        { name: 'value', label: 'value', value: '' },
      ],
      (v) => void p.flow.propose({ op: 'setParam', target: owner.at, name: v.name ?? '', value: v.value ?? '' }),
    );
  };

  /** a: on a gateway, a param to it; else a param or a gateway (from the template) to the profile. */
  const addTo = (r: PRow) =>
    r.gateway
      ? addParam(r)
      : p.flow.pick(`add to profile ${r.profile.name}`, [{ label: 'a param' }, { label: 'a gateway (from the template)' }], (k) => {
          if (k === 0) return addParam(r);
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
          edit: () => {
            if (r.param) return editParam(r);
            if (r.kind !== 'gateway') return;
            const next = new Set(open);
            if (!next.delete(r.key)) next.add(r.key);
            setOpen(next);
          },
          remove: () =>
            r.param &&
            void p.flow.propose({ op: 'removeParam', target: ownerOf(r).at, name: r.param.name }, [
              `The ${r.gateway ? 'gateway' : 'profile'} falls back to the default for this param after a rescan.`,
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
        <C role="muted">
          {p.error ? ` ${p.error}` : ' sofia profiles: params (value · expanded) and gateways (enter opens) · e edit · a add · d remove · R rescan'}
        </C>
      </Row>
      {visible.map((r, k) => {
        const selected = top + k === i;
        let text: string;
        if (r.kind === 'profile')
          text = `profile ${r.profile.name} · ${counted(r.profile.params.length, 'param')} · ${counted(r.profile.gateways.length, 'gateway')}`;
        else if (r.kind === 'gateway') text = `  ${open.has(r.key) ? '▾' : '▸'} gateway ${r.gateway!.name} (${counted(r.gateway!.params.length, 'param')})`;
        else {
          const x = r.param!;
          const exp = x.expanded !== null && x.expanded !== x.value ? `  = ${x.expanded}` : x.expanded === null ? '  = (known at run time)' : '';
          text = r.gateway ? `      ${x.name.padEnd(24)} ${x.value}${exp}` : `  ${x.name.padEnd(28)} ${x.value}${exp}`;
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
            ? `${sel.param.name}${kb(sel.param.name, sel.gateway) ? ` · ${kb(sel.param.name, sel.gateway)!.type} · default ${kb(sel.param.name, sel.gateway)!.default ?? '(none)'}` : ' · not in the knowledge base'}`
            : sel?.kind === 'gateway'
              ? `gateway ${sel.gateway!.name} · enter ${open.has(sel.key) ? 'hides' : 'shows'} its params`
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
