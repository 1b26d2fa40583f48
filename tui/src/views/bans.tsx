/** Bans (mod_cti): policy, failure history and current bans from `fs_cli -x "cti show baninfo"`. */
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../ui/keys.js';
import type { BanInfo } from '../system/baninfo.js';
import { describeBanmode } from '../system/baninfo.js';
import { moveIndex, navOf, useLatest, useScrollTop } from '../app/hooks.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import { C, Filler, Row } from '../ui/components.js';
import { useTheme } from '../ui/theme.js';
import { wrap } from './problems.js';

export type BansState = { state: 'idle' } | { state: 'loading' } | { state: 'unavailable'; reason: string } | { state: 'loaded'; info: BanInfo; at: Date };

export interface BanTarget {
  ip: string;
  account?: string;
}

type Line = { text: React.ReactNode; target?: BanTarget; key: string };

export interface BansViewProps {
  width: number;
  height: number;
  bans: BansState;
  index: number;
  active: boolean;
  readonly: boolean;
  onIndex(i: number): void;
  onRefresh(): void;
  onUnban(t: BanTarget): void;
}

/** The Bans view's keys: its handler, its hint bar (app/hints.ts) and its Help section read this table. */
export const BANS_KEYS: readonly KeyBinding<{ refresh(): void; unban(): void }>[] = [
  { keys: 'r', help: 'refresh (fs_cli -x "cti show baninfo")', hint: { label: 'refresh', rank: 1 }, match: (i) => i === 'r', run: (c) => c.refresh() },
  { keys: 'u', help: 'unban: account row → that account, IP row → all', hint: { label: 'unban', rank: 0 }, match: (i) => i === 'u', run: (c) => c.unban() },
];

export function BansView(p: BansViewProps) {
  const theme = useTheme();
  const lines = useMemo<Line[]>(() => {
    if (p.bans.state !== 'loaded') return [];
    const { info } = p.bans;
    const out: Line[] = [];
    const pol = info.policy;
    out.push({ key: 'ph', text: <C bold>Register-failure policy</C> });
    out.push({
      key: 'p',
      text: `  findtime ${pol.findtime ?? '?'} s  maxretry ${pol.maxretry ?? '?'}  bantime ${pol.bantime ?? '?'} s  banmode ${pol.banmode ?? '?'} (${describeBanmode(pol.banmode).replace(/^bans the /, '')})`,
    });
    out.push({ key: 'bh', text: <C bold>{`Current bans (${info.bans.length})`}</C> });
    if (!info.bans.length) out.push({ key: 'bn', text: <C role="muted"> none</C> });
    for (const b of info.bans) {
      out.push({
        key: `b:${b.ip}`,
        target: { ip: b.ip },
        text: `  ${b.ip}${b.expires ? `   expires ${b.expires}` : ''}${b.accounts.length ? `   (${b.accounts.length} account${b.accounts.length > 1 ? 's' : ''})` : ''}`,
      });
      for (const a of b.accounts)
        out.push({
          key: `b:${b.ip}:${a.account}`,
          target: { ip: b.ip, account: a.account },
          text: `      ${a.account.padEnd(14)} expires ${a.expires ?? '?'}`,
        });
    }
    out.push({ key: 'hh', text: <C bold>{`Failure history (${info.history.length})`}</C> });
    if (!info.history.length) out.push({ key: 'hn', text: <C role="muted"> none</C> });
    for (const [i, h] of info.history.entries()) out.push({ key: `h${i}`, text: `  ${h.time}  ${h.ip.padEnd(16)} ${h.account}` });
    return out;
  }, [p.bans]);
  const targets = lines.map((l, i) => (l.target ? i : -1)).filter((i) => i >= 0);
  const sel = targets.length ? targets[Math.min(p.index, targets.length - 1)]! : -1;
  const top = useScrollTop(sel < 0 ? 0 : sel, p.height - 1, lines.length);
  const cur = useLatest(Math.min(p.index, Math.max(0, targets.length - 1)));

  useKeys(
    (input, key) => {
      const nav = navOf(input, key);
      if (nav) {
        cur.current = moveIndex(cur.current, targets.length, nav, p.height);
        return p.onIndex(cur.current);
      }
      const at = targets[cur.current];
      runKey(BANS_KEYS, { refresh: p.onRefresh, unban: () => at !== undefined && p.onUnban(lines[at]!.target!) }, input, key);
    },
    { isActive: p.active },
  );

  let head: React.ReactNode;
  if (p.bans.state === 'loading' || p.bans.state === 'idle') head = <C role="accent">{'  asking FreeSWITCH: fs_cli -x "cti show baninfo"…'}</C>;
  else if (p.bans.state === 'unavailable') {
    const lines = wrap(p.bans.reason, p.width - 3, p.height);
    return (
      <Box flexDirection="column" width={p.width} height={p.height}>
        {lines.map((l, i) => (
          <Row key={i} width={p.width}>
            <C role="warning">{'  ' + l}</C>
          </Row>
        ))}
        <Filler rows={p.height - lines.length} width={p.width} />
      </Box>
    );
  } else
    head = <C role="muted">{`  from fs_cli -x "cti show baninfo" at ${p.bans.at.toLocaleTimeString()} · r refreshes${p.readonly ? '' : ' · u unbans'}`}</C>;
  const visible = lines.slice(top, top + p.height - 1);
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      <Row width={p.width}>{head}</Row>
      {visible.map((l, i) => {
        const selected = top + i === sel;
        return (
          <Row key={l.key} width={p.width}>
            <C role="accent" inverse={selected}>
              {selected ? theme.sym.pointer : ' '}
            </C>
            <Text inverse={selected}>{l.text}</Text>
          </Row>
        );
      })}
      <Filler rows={p.height - 1 - visible.length} width={p.width} />
    </Box>
  );
}
