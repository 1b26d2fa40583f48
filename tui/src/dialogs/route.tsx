/**
 * `S`: Route — simulate a call (fsconf.route): a profile, the caller's address, the number and, if the
 * caller authenticates, a directory user → admission, the hunt and the actions step by step, the outcome.
 * j/k select a step, enter opens its file at the line.
 */
import React, { useEffect, useState } from 'react';
import { Box } from 'ink';
import { useKeys } from '../ui/keys.js';
import type { RouteArgs, RouteCallResult } from '@fsconf/server-lsp/protocol';
import { C, Filler, Row, Rule } from '../ui/components.js';
import { TextInput } from '../ui/input.js';
import { moveIndex, navOf } from '../app/hooks.js';
import { useTheme } from '../ui/theme.js';

export interface RouteDialogProps {
  width: number;
  height: number;
  rel(uri: string): string;
  run(args: RouteArgs): Promise<RouteCallResult>;
  onJump(uri: string, line: number): void;
  onClose(): void;
}

const FIELDS = ['profile', 'from', 'to', 'user'] as const;
type Field = (typeof FIELDS)[number];
// examples, not defaults: an empty field is asked for (without colour a placeholder looks like a value)
const PLACEHOLDER: Record<Field, string> = { profile: 'e.g. external', from: 'e.g. 203.0.113.7', to: 'e.g. 1000', user: '(optional) e.g. 1001 or 1001@domain' };

interface Line {
  text: string;
  role?: 'ok' | 'error' | 'warning' | 'accent' | 'muted' | 'title';
  uri?: string;
  line?: number;
}

function routeLines(r: RouteCallResult, rel: (uri: string) => string): Line[] {
  const a = r.admission;
  const out: Line[] = [];
  const how = a.verdict === 'admitted' ? (a.authenticated ? `admitted, authenticated by ${a.by}` : 'admitted without authentication') : a.verdict;
  out.push({
    text: `${how}${a.user ? ` as ${a.user}` : ''}${a.response ? ` (${a.response})` : ''}: ${a.reason}`,
    role: a.verdict === 'admitted' ? 'ok' : a.verdict === 'undecided' ? 'warning' : 'error',
  });
  // a file is named by its base name, unless another file of the trace has the same one (FusionPBX names
  // both dialplan/<domain>.xml and directory/<domain>.xml after the domain): then by its path
  const paths = new Map<string, Set<string>>();
  for (const s of r.trace) {
    if (s.uri === undefined) continue;
    const path = rel(s.uri);
    const base = path.split('/').pop()!;
    paths.set(base, (paths.get(base) ?? new Set()).add(path));
  }
  const label = (uri: string) => {
    const path = rel(uri);
    const base = path.split('/').pop()!;
    return (paths.get(base)?.size ?? 0) > 1 ? path : base;
  };
  for (const s of r.trace) {
    if (s.kind === 'outcome') continue;
    // the place first, so a long step cut at the screen's edge still says where it is
    const where = s.uri !== undefined && s.line !== undefined ? `${label(s.uri)}:${s.line + 1}` : '';
    out.push({
      text: `${where.padEnd(19)} ${'  '.repeat(s.depth ?? 0)}${s.text}`,
      role: s.kind === 'action' ? 'accent' : s.kind === 'transfer' || s.kind === 'context' ? 'title' : 'muted',
      ...(s.uri !== undefined && s.line !== undefined ? { uri: s.uri, line: s.line } : {}),
    });
  }
  const o = r.outcome;
  out.push({
    text: `outcome: ${o.kind}${o.endpoint ? ` ${o.endpoint}` : ''}${o.where ? ` — ${o.where}` : ''}`,
    role:
      o.kind === 'bridge' && !o.external && !o.targets?.every((t) => t.missing) ? 'ok' : o.kind === 'undecided' ? 'warning' : o.external ? 'error' : 'title',
  });
  out.push({ text: `  ${o.reason}`, role: 'muted' });
  for (const p of r.premises) out.push({ text: `  premise: ${p}`, role: 'muted' });
  return out;
}

export function RouteDialog(p: RouteDialogProps) {
  const theme = useTheme();
  // one state per field, each TextInput given its plain setter (as the ACL tester does)
  const [profile, setProfile] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [user, setUser] = useState('');
  const values: Record<Field, string> = { profile, from, to, user };
  const setters: Record<Field, (v: string) => void> = { profile: setProfile, from: setFrom, to: setTo, user: setUser };
  const [field, setField] = useState<number>(0); // FIELDS index, or FIELDS.length = the steps
  const [result, setResult] = useState<RouteCallResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [sel, setSel] = useState(0);

  // a changed field makes the shown steps stale
  useEffect(() => {
    setResult(undefined);
  }, [profile, from, to, user]);

  const lines = result ? routeLines(result, p.rel) : [];
  const inSteps = field === FIELDS.length && !!result;

  const submit = async () => {
    for (const [i, f] of FIELDS.entries()) {
      if (f !== 'user' && !values[f].trim()) {
        setField(i);
        return setError(`give the ${f === 'from' ? "caller's address" : f === 'to' ? 'number dialled' : 'sip profile'}`);
      }
    }
    setError(undefined);
    setBusy(true);
    try {
      const r = await p.run({
        profile: values.profile.trim(),
        from: values.from.trim(),
        to: values.to.trim(),
        ...(values.user.trim() ? { user: values.user.trim() } : {}),
      });
      setResult(r);
      setSel(0);
      setField(FIELDS.length);
    } catch (e) {
      setResult(undefined);
      setError((e instanceof Error ? e.message : String(e)).replace(/^Request workspace\/executeCommand failed with message: /, ''));
    } finally {
      setBusy(false);
    }
  };

  const listHeight = Math.max(1, p.height - 7);
  useKeys(
    (input, key) => {
      if (key.escape) return p.onClose();
      if (key.tab) return setField(key.shift ? FIELDS.length - 1 : 0);
      if (key.return) {
        const l = lines[sel];
        if (l?.uri !== undefined && l.line !== undefined) p.onJump(l.uri, l.line);
        return;
      }
      const nav = navOf(input, key);
      if (nav) setSel((s) => moveIndex(s, lines.length, nav, listHeight));
    },
    { isActive: inSteps && !busy },
  );

  const top = Math.max(0, Math.min(sel - Math.floor(listHeight / 2), lines.length - listHeight));
  const shown = lines.slice(top, top + listHeight);
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      <Rule width={p.width} title="Route: simulate a call (fsconf.route)" />
      {FIELDS.map((f, i) => (
        <Row key={f} width={p.width}>
          <C bold={field === i}>{` ${f.padEnd(8)} `}</C>
          <TextInput
            value={values[f]}
            onChange={setters[f]}
            isActive={field === i && !busy}
            placeholder={PLACEHOLDER[f]}
            onSubmit={() => (i < FIELDS.length - 1 && !values[FIELDS[i + 1]!] && f !== 'to' ? setField(i + 1) : void submit())}
            onTab={(back) => setField((i + (back ? FIELDS.length - 1 : 1)) % FIELDS.length)}
            onCancel={p.onClose}
          />
        </Row>
      ))}
      <Row width={p.width}> </Row>
      {busy ? (
        <Row width={p.width}>
          <C role="accent">{' simulating…'}</C>
        </Row>
      ) : error ? (
        <Row width={p.width}>
          <C role="error">{` ${theme.sym.cross} ${error}`}</C>
        </Row>
      ) : result ? (
        <Row width={p.width}>
          <C role="muted">{` ${lines.length} steps · j/k select · enter opens the step's file · tab back to the fields · esc closes`}</C>
        </Row>
      ) : (
        <Row width={p.width}>
          <C role="muted"> enter simulates · tab next field · esc closes</C>
        </Row>
      )}
      {shown.map((l, i) => {
        const selected = inSteps && top + i === sel;
        return (
          <Row key={top + i} width={p.width}>
            <C {...(l.role ? { role: l.role } : {})} inverse={selected}>
              {`${selected ? '>' : ' '}${l.text}`.slice(0, p.width)}
            </C>
          </Row>
        );
      })}
      <Filler rows={p.height - 7 - shown.length} width={p.width} />
    </Box>
  );
}
