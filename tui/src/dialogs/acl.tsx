/** `a`: the ACL tester — an address and a network list (completed from fsconf.aclLists) → verdict. */
import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../ui/keys.js';
import { runKey, type KeyBinding } from '../app/keymap.js';
import type { AclListInfo, AclTestResult } from '../lsp/types.js';
import { C, Filler, Row, Rule } from '../ui/components.js';
import { TextInput } from '../ui/input.js';
import { useTheme } from '../ui/theme.js';

/** `1.2.3.4`, `1.2.3.4:5060`, `[2001:db8::1]:5060` or a bare IPv6 address. */
export function parseAddress(s: string): { ip: string; port?: number } | undefined {
  const t = s.trim();
  if (!t) return undefined;
  let m = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(t);
  if (m) return { ip: m[1]!, ...(m[2] ? { port: Number(m[2]) } : {}) };
  m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/.exec(t);
  if (m) return { ip: m[1]!, ...(m[2] ? { port: Number(m[2]) } : {}) };
  if (/^[0-9a-fA-F:.]+$/.test(t) && t.includes(':')) return { ip: t };
  return undefined;
}

export interface AclDialogProps {
  width: number;
  height: number;
  lists: AclListInfo[] | undefined;
  listsError?: string | undefined;
  rel(uri: string): string;
  test(ip: string, list: string, port?: number): Promise<AclTestResult>;
  onJump(uri: string, line: number): void;
  onClose(): void;
}

/**
 * The ACL tester's own key (its fields take enter, tab and esc): its handler, the hint bar and the Help
 * screen read this table.
 */
export const ACL_KEYS: readonly KeyBinding<{ openDecidingNode(): void }>[] = [
  {
    keys: 'ctrl-o',
    help: 'ACL tester: open the deciding node',
    hint: { label: 'open the deciding node', rank: 0 },
    match: (i, k) => k.ctrl && i === 'o',
    run: (c) => c.openDecidingNode(),
  },
];

export function AclDialog(p: AclDialogProps) {
  const theme = useTheme();
  const [address, setAddress] = useState('');
  const [list, setList] = useState('');
  const [field, setField] = useState<0 | 1>(0);
  const [result, setResult] = useState<AclTestResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const names = (p.lists ?? []).map((l) => l.name);

  const submit = async () => {
    const addr = parseAddress(address);
    if (!addr) {
      setField(0);
      return setError(`"${address}" is not an IP address (e.g. 192.0.2.7 or 192.0.2.7:5060)`);
    }
    if (!list.trim()) {
      setField(1);
      return setError('name a list (tab completes)');
    }
    setError(undefined);
    setBusy(true);
    try {
      setResult(await p.test(addr.ip, list.trim(), addr.port));
    } catch (e) {
      setResult(undefined);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    setResult(undefined);
  }, [address, list]);

  useKeys((input, key) => {
    const by = result?.decidedBy;
    runKey(ACL_KEYS, { openDecidingNode: () => by?.uri && p.onJump(by.uri, by.line ?? 0) }, input, key);
  });

  const verdictRole = result?.verdict === 'allow' ? 'ok' : result?.verdict === 'deny' ? 'error' : 'warning';
  const resultRows = !busy && !error && result ? 3 : 1;
  const shownLists = (p.lists ?? []).slice(0, Math.max(0, p.height - 6 - resultRows));
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      <Rule width={p.width} title="ACL tester (fsconf.aclTest)" />
      <Row width={p.width}>
        <C bold={field === 0}>{' address: '}</C>
        <TextInput
          value={address}
          onChange={setAddress}
          isActive={field === 0 && !busy}
          placeholder="192.0.2.7 or 192.0.2.7:5060"
          onSubmit={() => (list ? void submit() : setField(1))}
          onTab={() => setField(1)}
          onCancel={p.onClose}
        />
      </Row>
      <Row width={p.width}>
        <C bold={field === 1}>{' list:    '}</C>
        <TextInput
          value={list}
          onChange={setList}
          suggestions={names}
          isActive={field === 1 && !busy}
          placeholder="list name (tab completes)"
          onSubmit={() => void submit()}
          onTab={() => setField(0)}
          onCancel={p.onClose}
        />
      </Row>
      <Row width={p.width}> </Row>
      {busy ? (
        <Row width={p.width}>
          <C role="accent">{' testing…'}</C>
        </Row>
      ) : error ? (
        <Row width={p.width}>
          <C role="error">{` ${theme.sym.cross} ${error}`}</C>
        </Row>
      ) : result ? (
        <>
          <Row width={p.width}>
            <C role={verdictRole} bold inverse>{` ${result.verdict.toUpperCase()} `}</C>
            {`  ${address.trim()} by list ${result.list}`}
          </Row>
          <Row width={p.width}>
            {result.decidedBy ? (
              <Text>{` decided by ${result.decidedBy.type} ${result.decidedBy.cidr} ${result.decidedBy.uri ? `at ${p.rel(result.decidedBy.uri)}${result.decidedBy.line !== null ? `:${result.decidedBy.line + 1}` : ''}` : '(a built-in list)'}`}</Text>
            ) : (
              <C role="muted"> decided by the list's default (no node matched)</C>
            )}
          </Row>
          <Row width={p.width}>{' ' + result.reason}</Row>
        </>
      ) : (
        <Row width={p.width}>
          <C role="muted"> enter tests · tab next field · esc closes</C>
        </Row>
      )}
      <Row width={p.width}> </Row>
      <Row width={p.width}>
        <C bold>{p.listsError ? ` lists: ${p.listsError}` : ` lists (${names.length}):`}</C>
      </Row>
      {shownLists.map((l) => (
        <Row key={l.name} width={p.width}>
          <C role={l.builtin ? 'muted' : 'accent'}>{`   ${l.name.padEnd(24)}`}</C>
          <C role="muted">{l.builtin ? 'built in' : l.uri ? `${p.rel(l.uri)}${l.line !== undefined ? `:${l.line + 1}` : ''}` : ''}</C>
        </Row>
      ))}
      <Filler rows={p.height - 6 - resultRows - shownLists.length} width={p.width} />
    </Box>
  );
}
