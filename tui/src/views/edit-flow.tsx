/**
 * How the editing views change the tree: every change is planned by the server (fsconf.structuralEdit),
 * shown as a diff (secrets masked), and written only on confirmation through fsconf.applyEdit (atomic,
 * `.bak` kept). A field edited in place is sent to the server as an unsaved document so its findings
 * update as you type; esc puts the document back.
 */
import React, { useCallback, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import type { Diagnostic, FsconfClient } from '../lsp/types.js';
import { applyEdit, secretRangesOrNone } from '../lsp/commands.js';
import { planEdit, type StructuralEdit, type StructuralEditResult } from '../lsp/structure.js';
import { canonicalUri, relPath, uriToPath } from '../lsp/uri.js';
import { errorText } from '../lsp/errors.js';
import { applyEdits, diffLines } from '../text/edits.js';
import { maskDiff } from '../text/secrets.js';
import { DiffDialog, PickDialog, type DiffFile, type PickItem } from '../dialogs/dialogs.js';
import { C, Filler, Row, Rule } from '../ui/components.js';
import { TextInput } from '../ui/input.js';
import { useKeys } from '../ui/keys.js';
import { clean, severityIcon, severityName, useTheme } from '../ui/theme.js';
import { messageOf, ruleOf } from './problems.js';

export interface FormField {
  name: string;
  label: string;
  value: string;
  suggestions?: readonly string[];
  /** Suggestions that depend on what is typed (the next codec of a list). */
  suggest?: (value: string) => readonly string[];
  /** One line of help for the value typed so far (an application's syntax). */
  help?: (value: string) => string | undefined;
  secret?: boolean;
}

export interface EditDeps {
  client: FsconfClient;
  root: string;
  readonly: boolean;
  backup: boolean;
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  readFile(file: string): Promise<string>;
  setStatus(level: 'info' | 'warning' | 'error' | 'ok', message: string): void;
  /** A file was written (for R: what to reload). */
  onWritten(uri: string, before: string | undefined): Promise<void> | void;
}

type Live = { uri: string; original: string; text: string; lines: [number, number]; make(value: string): StructuralEdit };

type Mode =
  | { kind: 'pick'; title: string; items: PickItem[]; onPick(i: number): void }
  | { kind: 'form'; title: string; fields: FormField[]; index: number; onSubmit(values: Record<string, string>): void; live?: Live }
  | { kind: 'diff'; title: string; note: string[]; files: DiffFile[]; onYes(): void }
  | { kind: 'notice'; title: string; lines: string[]; reveal?: { label: string; secrets: Record<string, string>; shown: boolean } };

export interface EditFlow {
  mode: Mode | undefined;
  /** True while the flow owns the keyboard (the app's global keys wait). */
  capturing: boolean;
  pick(title: string, items: PickItem[], onPick: (i: number) => void): void;
  form(title: string, fields: FormField[], onSubmit: (values: Record<string, string>) => void): void;
  /** Edit one value in place with live findings: `make(value)` is the edit that sets it. */
  live(title: string, field: FormField, at: { uri: string; lines: [number, number] }, make: (value: string) => StructuralEdit): void;
  /** Plan an edit, show its diff, write it on `y`. */
  propose(req: StructuralEdit, note?: string[], after?: (r: StructuralEditResult) => void): Promise<void>;
  notice(title: string, lines: string[], reveal?: { label: string; secrets: Record<string, string> }): void;
  close(): void;
  /** For the pane: a live field's new value (sent to the server as unsaved text). */
  liveChanged(value: string): void;
  /** For the pane: the live field is done; the diff of its edit against the file on disk follows. */
  liveDone(value: string): void;
  /** For the pane: show the notice's secrets (once). */
  reveal(): void;
}

export function useEditFlow(d: EditDeps): EditFlow {
  const [mode, setMode] = useState<Mode | undefined>();
  const depsRef = useRef(d);
  depsRef.current = d;
  const liveQueue = useRef<Promise<void>>(Promise.resolve());

  const close = useCallback(() => setMode(undefined), []);

  const propose = useCallback(async (req: StructuralEdit, note: string[] = [], after?: (r: StructuralEditResult) => void) => {
    const { client, root, readonly, setStatus } = depsRef.current;
    if (readonly) {
      setMode(undefined);
      setStatus('warning', 'read-only (--readonly): nothing can be changed');
      return;
    }
    let plan: StructuralEditResult;
    try {
      plan = await planEdit(client, req);
    } catch (e) {
      setMode(undefined);
      setStatus('error', errorText(e));
      return;
    }
    const files: DiffFile[] = [];
    let changed = false;
    const befores = new Map<string, string | undefined>();
    for (const [uri, edits] of Object.entries(plan.edit.changes)) {
      const created = plan.created.includes(uri);
      const before = created ? '' : await depsRef.current.readFile(uriToPath(uri)).catch(() => '');
      befores.set(uri, created ? undefined : before);
      const afterText = applyEdits(before, edits);
      if (afterText !== before || created) changed = true;
      const [old, now] = await Promise.all([secretRangesOrNone(client, uri, before), secretRangesOrNone(client, uri, afterText)]);
      files.push({ rel: `${relPath(root, uri)}${created ? ' (new file)' : ''}`, lines: maskDiff(diffLines(before, afterText), before, afterText, old, now) });
    }
    if (!changed) {
      setMode(undefined);
      setStatus('info', `${plan.summary}: that is what the file holds already; nothing written`);
      return;
    }
    setMode({
      kind: 'diff',
      title: plan.summary,
      note,
      files,
      onYes: () => {
        setMode(undefined);
        void (async () => {
          const deps = depsRef.current;
          try {
            const r = await applyEdit(client, plan.edit.changes, deps.backup);
            if (!r.applied) return deps.setStatus('error', `not written: ${r.message ?? 'the server refused the edit'}`);
            for (const f of r.files ?? []) await deps.onWritten(canonicalUri(f.uri), befores.get(f.uri));
            const backups = (r.files ?? []).filter((f) => f.backup).length;
            deps.setStatus(
              'ok',
              `wrote ${(r.files ?? []).map((f) => relPath(root, f.uri)).join(', ')}${backups ? ' (.bak kept)' : ''} · ${plan.summary} · R reloads (${plan.reload.join(', ')})`,
            );
            after?.(plan);
          } catch (e) {
            deps.setStatus('error', errorText(e));
          }
        })();
      },
    });
  }, []);

  const restoreLive = (l: Live | undefined) => {
    if (!l) return;
    const { client } = depsRef.current;
    client.didChange(l.uri, l.original);
    client.didClose(l.uri);
  };

  const live = useCallback((title: string, field: FormField, at: { uri: string; lines: [number, number] }, make: (value: string) => StructuralEdit) => {
    const { client, readonly, setStatus } = depsRef.current;
    if (readonly) return setStatus('warning', 'read-only (--readonly): nothing can be changed');
    void depsRef.current
      .readFile(uriToPath(at.uri))
      .then((original) => {
        if (client.isOpen(at.uri)) client.didChange(at.uri, original);
        else client.didOpen(at.uri, original);
        const l: Live = { uri: at.uri, original, text: original, lines: at.lines, make };
        setMode({ kind: 'form', title, fields: [field], index: 0, live: l, onSubmit: () => undefined });
      })
      .catch((e: unknown) => setStatus('error', errorText(e)));
  }, []);

  /** Every pick and form of the editing views leads to a change: read-only refuses at once. */
  const refused = () => {
    if (!depsRef.current.readonly) return false;
    depsRef.current.setStatus('warning', 'read-only (--readonly): nothing can be changed');
    return true;
  };
  const form = useCallback((title: string, fields: FormField[], onSubmit: (values: Record<string, string>) => void) => {
    if (!refused()) setMode({ kind: 'form', title, fields, index: 0, onSubmit });
  }, []);
  const pick = useCallback((title: string, items: PickItem[], onPick: (i: number) => void) => {
    if (!refused()) setMode({ kind: 'pick', title, items, onPick });
  }, []);
  const notice = useCallback(
    (title: string, lines: string[], reveal?: { label: string; secrets: Record<string, string> }) =>
      setMode({ kind: 'notice', title, lines, ...(reveal ? { reveal: { ...reveal, shown: false } } : {}) }),
    [],
  );

  /** A typed value of a live field: plan it against the unsaved text and send that text to the server. */
  const liveChanged = (value: string) => {
    if (mode?.kind !== 'form' || !mode.live) return;
    const l = mode.live;
    liveQueue.current = liveQueue.current.then(async () => {
      const { client } = depsRef.current;
      // plan against what is on disk (the server holds the unsaved text; put the original back first)
      try {
        client.didChange(l.uri, l.original);
        const plan = await planEdit(client, l.make(value));
        const edits = plan.edit.changes[l.uri] ?? Object.values(plan.edit.changes)[0] ?? [];
        l.text = applyEdits(l.original, edits);
        client.didChange(l.uri, l.text);
      } catch {
        // an unfinished value the server cannot plan: keep the last text
      }
    });
  };

  const liveDone = (value: string) => {
    if (mode?.kind !== 'form' || !mode.live) return;
    const l = mode.live;
    void liveQueue.current.then(() => {
      restoreLive(l);
      void propose(l.make(value));
    });
  };

  return {
    mode,
    capturing: !!mode,
    pick,
    form,
    live,
    propose,
    notice,
    close: () => {
      if (mode?.kind === 'form' && mode.live) restoreLive(mode.live);
      close();
    },
    liveChanged,
    liveDone,
    reveal: () => {
      if (mode?.kind === 'notice' && mode.reveal) setMode({ ...mode, reveal: { ...mode.reveal, shown: true } });
    },
  };
}

/** The flow's current pane, drawn in place of the view's body. */
export function EditFlowPane({
  flow,
  width,
  height,
  readonly,
  diagnostics,
}: {
  flow: EditFlow;
  width: number;
  height: number;
  readonly: boolean;
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
}) {
  const m = flow.mode;
  if (!m) return null;
  if (m.kind === 'pick') return <PickDialog width={width} height={height} title={m.title} items={m.items} onPick={m.onPick} onCancel={flow.close} />;
  if (m.kind === 'diff')
    return (
      <Box flexDirection="column" width={width} height={height}>
        {m.note.map((n, i) => (
          <Row key={i} width={width}>
            <C role="warning">{` ${n}`}</C>
          </Row>
        ))}
        <DiffDialog
          width={width}
          height={height - m.note.length}
          title={m.title}
          files={m.files}
          readonly={readonly}
          onYes={readonly ? flow.close : m.onYes}
          onNo={flow.close}
        />
      </Box>
    );
  if (m.kind === 'notice') return <NoticePane width={width} height={height} mode={m} onReveal={flow.reveal} onClose={flow.close} />;
  return <FormPane width={width} height={height} mode={m} diagnostics={diagnostics} readonly={readonly} flow={flow} />;
}

function NoticePane({
  width,
  height,
  mode,
  onReveal,
  onClose,
}: {
  width: number;
  height: number;
  mode: Extract<Mode, { kind: 'notice' }>;
  onReveal(): void;
  onClose(): void;
}) {
  const [done, setDone] = useState(false);
  useKeys((input, key) => {
    if (input === 'v' && mode.reveal && !mode.reveal.shown && !done) {
      setDone(true);
      return onReveal();
    }
    if (key.escape || key.return || input === 'q') return onClose();
  });
  const lines = [...mode.lines];
  if (mode.reveal) {
    if (mode.reveal.shown) for (const [k, v] of Object.entries(mode.reveal.secrets)) lines.push(`   ${k}: ${v}`);
    else lines.push(done ? '   (shown once already)' : `   v shows the ${mode.reveal.label} once (it is not shown again: it is in the file)`);
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Rule width={width} title={mode.title} />
      {lines.slice(0, height - 2).map((l, i) => (
        <Row key={i} width={width}>
          {l}
        </Row>
      ))}
      <Filler rows={height - 2 - Math.min(lines.length, height - 2)} width={width} />
      <Row width={width}>
        <C role="muted">{' enter / esc closes'}</C>
      </Row>
    </Box>
  );
}

function FormPane({
  width,
  height,
  mode,
  diagnostics,
  readonly,
  flow,
}: {
  width: number;
  height: number;
  mode: Extract<Mode, { kind: 'form' }>;
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  readonly: boolean;
  flow: EditFlow;
}) {
  const theme = useTheme();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(mode.fields.map((x) => [x.name, x.value])));
  const [index, setIndex] = useState(0);
  const field = mode.fields[index]!;
  const labelWidth = Math.min(28, Math.max(...mode.fields.map((x) => x.label.length)) + 2);
  const submit = () => {
    if (mode.live) flow.liveDone(values[mode.fields[0]!.name] ?? '');
    else mode.onSubmit(values);
  };
  const help = field.help?.(values[field.name] ?? '');
  const liveDiags = mode.live
    ? (diagnostics.get(canonicalUri(mode.live.uri)) ?? []).filter((x) => x.range.start.line <= mode.live!.lines[1] && x.range.end.line >= mode.live!.lines[0])
    : [];
  const rows = mode.fields.length;
  const room = Math.max(0, height - rows - 4);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Rule width={width} title={mode.title + (mode.live ? ' · findings update as you type' : '')} />
      {mode.fields.map((x, i) => (
        <Row key={x.name} width={width}>
          <C role={i === index ? 'accent' : 'muted'} bold={i === index}>{` ${x.label.padEnd(labelWidth)}`}</C>
          <TextInput
            value={values[x.name] ?? ''}
            isActive={i === index}
            mask={!!x.secret}
            width={width - labelWidth - 3}
            {...(x.suggest ? { suggestions: x.suggest(values[x.name] ?? '') } : x.suggestions ? { suggestions: x.suggestions } : {})}
            onChange={(v) => {
              setValues((s) => ({ ...s, [x.name]: v }));
              if (mode.live) flow.liveChanged(v);
            }}
            onSubmit={submit}
            onCancel={flow.close}
            onTab={(back) => setIndex((n) => (n + (back ? rows - 1 : 1)) % rows)}
          />
        </Row>
      ))}
      <Row width={width}>
        <C role="muted">{help ? ` ${clean(help)}` : ' '}</C>
      </Row>
      {mode.live ? (
        <>
          {liveDiags.slice(0, room).map((x, i) => (
            <Row key={i} width={width}>
              <C role={severityName(x.severity) === 'hint' ? 'hint' : severityName(x.severity)}>{` ${severityIcon(theme, x.severity)} `}</C>
              {`${clean(messageOf(x))}  [${ruleOf(x)}]`}
            </Row>
          ))}
          {liveDiags.length === 0 ? (
            <Row width={width}>
              <C role="ok">{` ${theme.sym.check} no finding here`}</C>
            </Row>
          ) : null}
          <Filler rows={room - Math.max(1, Math.min(room, liveDiags.length))} width={width} />
        </>
      ) : (
        <Filler rows={room} width={width} />
      )}
      <Rule width={width} />
      <Row width={width}>
        <Text>
          <C role="muted">{rows > 1 ? ' tab/↑↓ next field · ' : ' '}</C>
          <C role="muted">{'tab completes · '}</C>
          {readonly ? <C role="warning">read-only: esc closes</C> : <C role="muted">enter: review the diff · esc cancels</C>}
        </Text>
      </Row>
    </Box>
  );
}
