/**
 * The application: views, dialogs and the actions that talk to the server and to fs_cli.
 * State lives here and in small hooks; views are pure functions of it plus their own keys.
 */
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Box, useApp } from 'ink';
import { useKeys } from '../ui/keys.js';
import * as path from 'node:path';
import type { FsconfClient, Position, Range } from '../lsp/types.js';
import { aclLists, aclTest, saveDocument, secretRangesOrNone } from '../lsp/commands.js';
import { route } from '../lsp/route.js';
import { canonicalUri, relPath, uriToPath } from '../lsp/uri.js';
import { errorText } from '../lsp/errors.js';
import { countOf } from './workspace.js';
import { useWorkspace } from './workspace.js';
import { useLatestState, useSpinner, useTerminalSize, type Size } from './hooks.js';
import { Header, Hints, StatusLine, Tabs, VIEWS, type Status, type ViewName } from '../ui/components.js';
import { useTheme } from '../ui/theme.js';
import { problemRows, ProblemsView, type ProblemFilter, type ProblemRow } from '../views/problems.js';
import { FilesView } from '../views/files.js';
import { FileView } from '../views/file.js';
import { BansView } from '../views/bans.js';
import { HelpView } from '../views/help.js';
import { StructureViews, STRUCTURE_HINTS, STRUCTURE_VIEWS, type StructureViewName } from '../views/structure-views.js';
import { AssembledView } from '../views/assembled.js';
import { ConfirmDialog, DiffDialog, OutputDialog, PickDialog, type DiffFile, type PickItem } from '../dialogs/dialogs.js';
import { EditPane, EDIT_PANE } from '../dialogs/edit.js';
import { AclDialog } from '../dialogs/acl.js';
import { RouteDialog } from '../dialogs/route.js';
import { decodeAttr, encodeAttr, valueAttribute } from '../text/line.js';
import { rangesAfterEdit, touches } from '../text/secrets.js';
import type { FsCli } from '../system/fscli.js';
import type { ChangedFile } from '../system/reload.js';
import type { EditorResult } from '../system/editor.js';
import type { AclListInfo } from '../lsp/types.js';
import { wrapText } from '../text/wrap.js';
import { useFsCli } from './use-fscli.js';
import { useFixes } from './use-fixes.js';

import { writeHint } from './use-fixes.js';

export { changesOf, writeHint } from './use-fixes.js';
import { APP_KEYS, appHints, runAppKey, type AppKeyContext } from './keymap.js';

export { wrapText };

export interface SystemDeps {
  readFile(file: string): Promise<string>;
  fsCli: FsCli;
  /** Hands the terminal to $EDITOR at a 1-based line; resolves when it exits. */
  editor(file: string, line: number): Promise<EditorResult>;
}

export interface AppProps {
  client: FsconfClient;
  root: string;
  readonly: boolean;
  backup: boolean;
  notice?: Status | undefined;
  system: SystemDeps;
  size?: Size | undefined;
  onExit(code: number): void;
}

export type OutputLine = { text: string; role?: 'error' | 'ok' | 'muted' | 'accent' };

export type Modal =
  | { kind: 'pick'; title: string; items: PickItem[]; onPick(i: number): void }
  | { kind: 'diff'; title: string; files: DiffFile[]; onYes(): void }
  | { kind: 'confirm'; title: string; lines: string[]; question: string; onYes(): void }
  | { kind: 'output'; title: string; lines: OutputLine[] }
  | { kind: 'edit'; uri: string; line: number; name: string; original: string; start: number; end: number; value: string; quote: '"' | "'"; saving: boolean; secrets: Range[]; secret: boolean }
  | { kind: 'acl' }
  | { kind: 'route' };

/** Each view's own keys; the app-wide ones (tab, esc, ?, q) follow from keymap.ts. */
const VIEW_HINTS: Record<ViewName, [string, string][]> = {
  problems: [['enter', 'open'], ['f', 'fix'], ['F', 'fix file'], ['/', 'filter'], ['1-3', 'severity']],
  files: [['enter', 'open'], ['/', 'find'], ['F', 'fix file'], ['E', '$EDITOR']],
  file: [['f', 'fix'], ['F', 'fix file'], ['e', 'edit'], ['E', '$EDITOR'], ['v', 'reveal'], ['n', 'next']],
  bans: [['u', 'unban'], ['r', 'refresh']],
  assembled: [['j/k', 'scroll'], ['s', 'section'], ['enter', 'source']],
  help: [['j/k', 'scroll']],
  ...STRUCTURE_HINTS,
};
const HINTS = Object.fromEntries(Object.entries(VIEW_HINTS).map(([v, h]) => [v, [...h, ...appHints(v as ViewName)]])) as Record<ViewName, [string, string][]>;

/**
 * How long the File view waits for the server to say where a file's secrets are before it shows the text
 * unmasked (a server that does not answer); masks that arrive later are still applied.
 */
export const SECRETS_WAIT_MS = 5000;


const ALWAYS_KEYS = APP_KEYS.filter((k) => k.always);
const VIEW_KEYS = APP_KEYS.filter((k) => !k.always);

export function App(props: AppProps) {
  const { client, root, system } = props;
  const theme = useTheme();
  const app = useApp();
  const size = useTerminalSize(props.size);
  const [status, setStatusState] = useState<Status | undefined>(props.notice);
  // paths inside the tree are shown relative to it: the status line is one row
  const setStatus = useCallback((level: Status['level'], message: string) => setStatusState({ level, message: message.split(`${root}/`).join('') }), [root]);
  const ws = useWorkspace(client, setStatus);
  const [busy, setBusy] = useState<string | undefined>();
  const spinner = useSpinner(ws.analysing || !!busy, theme.sym.spinner);

  const [view, setViewState] = useState<ViewName>('problems');
  const prevView = useRef<ViewName>('problems');
  const setView = useCallback((v: ViewName) => {
    setViewState((cur) => {
      if (cur !== v) prevView.current = cur;
      return v;
    });
  }, []);
  const [problemsIndex, setProblemsIndex] = useState(0);
  const [filesIndex, setFilesIndex] = useState(0);
  const [bansIndex, setBansIndex] = useState(0);
  const [helpIndex, setHelpIndex] = useState(0);
  const [filter, setFilter] = useState<ProblemFilter>({ text: '', hidden: new Set() });
  const [filterEditing, setFilterEditing] = useState(false);
  const [filesFilter, setFilesFilter] = useState('');
  const [filesFilterEditing, setFilesFilterEditing] = useState(false);
  /** An editing view (Dialplan, Profiles, Directory) is typing or reviewing: global keys wait. */
  const [structureCapture, setStructureCapture] = useState(false);
  const [file, setFile] = useState<{ uri: string; line: number } | undefined>();
  const [fileText, setFileText] = useState<{ uri: string; text?: string; error?: string; secrets?: Range[] } | undefined>();
  /** `v` in the File view: secrets shown as they are (off again for every other file). */
  const [reveal, setReveal] = useState(false);
  const [reloadToken, setReloadToken] = useState(0);
  // the edit pane and the dialogs act on the modal as it is now, not as their render saw it
  const [modal, setModal, modalNow] = useLatestState<Modal | undefined>(undefined);
  const [lists, setLists] = useState<{ lists?: AclListInfo[]; error?: string }>({});
  const changed = useRef(new Map<string, ChangedFile>());
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const quit = useCallback(
    (code: number) => {
      props.onExit(code);
      app.exit();
    },
    [app, props],
  );

  /** Runs an async action with a status-line spinner; errors become a status message. */
  const guard = useCallback(
    async (label: string | undefined, fn: () => Promise<void>) => {
      if (label) setBusy(label);
      try {
        await fn();
      } catch (e) {
        setStatus('error', errorText(e));
      } finally {
        if (label && mounted.current) setBusy(undefined);
      }
    },
    [setStatus],
  );

  // ── file text for the File view ──────────────────────────────────────────
  // the text is shown once the server said where its secrets are (or did not answer in time)
  useEffect(() => {
    if (!file) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const uri = file.uri;
    system
      .readFile(uriToPath(uri))
      .then(async (text) => {
        const secrets = secretRangesOrNone(client, uri, text);
        const first = await Promise.race([secrets, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), SECRETS_WAIT_MS)))]);
        if (timer) clearTimeout(timer);
        if (!live) return;
        setFileText({ uri, text, secrets: first ?? [] });
        if (!first) void secrets.then((late) => live && setFileText((ft) => (ft?.uri === uri && ft.text === text ? { ...ft, secrets: late } : ft)));
      })
      .catch((e: unknown) => live && setFileText({ uri, error: `cannot read ${relPath(root, uri)}: ${errorText(e)}` }));
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reread when the file's uri changes, not on every new `file` object
  }, [file?.uri, reloadToken, system, root, client]);

  useEffect(() => setReveal(false), [file?.uri]);

  // ── files changed on disk: the server re-analyses; the view and open documents follow ─────
  const editingUri = modal?.kind === 'edit' ? modal.uri : undefined;
  useEffect(
    () =>
      client.subscribe((e) => {
        if (e.type !== 'filesChanged') return;
        void (async () => {
          for (const uri of e.uris) {
            // a document the TUI holds open is re-synced from disk (not the one being edited with e)
            if (client.isOpen(uri) && uri !== editingUri) {
              const text = await system.readFile(uriToPath(uri)).catch(() => undefined);
              if (text !== undefined) {
                client.didChange(uri, text);
                client.didSave(uri, text);
              }
            }
          }
          if (mounted.current) setReloadToken((t) => t + 1);
        })();
      }),
    [client, editingUri, system],
  );

  const openFile = useCallback(
    (uri: string, line: number) => {
      setFile({ uri, line });
      setView('file');
    },
    [setView],
  );

  // ── writing: after the server wrote, tell it and re-read ─────────────────
  const noteWritten = useCallback(
    async (uri: string, before: string | undefined) => {
      const p = uriToPath(uri);
      let after: string | undefined;
      try {
        after = await system.readFile(p);
      } catch {
        after = undefined;
      }
      if (after !== undefined) {
        if (client.isOpen(uri)) {
          client.didChange(uri, after);
          client.didSave(uri, after);
        } else {
          client.didOpen(uri, after);
          client.didSave(uri, after);
          client.didClose(uri);
        }
      }
      const prev = changed.current.get(p);
      changed.current.set(p, { path: p, ...(prev?.before !== undefined ? { before: prev.before } : before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
    },
    [client, system],
  );

  const writtenMessage = (files: { uri: string; backup?: string }[], verb: string) => {
    const names = files.map((f) => relPath(root, f.uri)).join(', ');
    const backups = files.filter((f) => f.backup).map((f) => path.basename(uriToPath(f.backup!)));
    return `${verb} ${names || 'nothing'}${backups.length ? ` (backup ${backups.join(', ')})` : props.backup ? '' : ' (no backup)'}${fsCliHint()}`;
  };
  const fsCliHint = () => (system.fsCli.find() ? ' · R reloads FreeSWITCH' : '');

  const { showFixes, fixAll } = useFixes({
    client,
    system,
    root,
    readonly: props.readonly,
    backup: props.backup,
    diagnostics: ws.diagnostics,
    guard,
    setModal,
    setStatus,
    noteWritten,
    writtenMessage,
    reread: () => setReloadToken((t) => t + 1),
  });

  // ── e: edit a value in place ─────────────────────────────────────────────
  const startEdit = useCallback(
    (uri: string, line: number) =>
      guard(undefined, async () => {
        if (props.readonly) {
          setStatus('warning', 'read-only (--readonly): editing is disabled');
          return;
        }
        const text = await system.readFile(uriToPath(uri));
        const lineText = text.split('\n')[line] ?? '';
        const attr = valueAttribute(lineText);
        if (!attr) {
          setStatus('info', 'e edits a value="…" on the cursor line; use E for $EDITOR');
          return;
        }
        // is the value a secret? Ask for the text as it is and with a stand-in value (an empty or
        // $${var} value has no secret range of its own, but what is typed there would be one)
        const lines = text.split('\n');
        lines[line] = lineText.slice(0, attr.start) + 'x' + lineText.slice(attr.end);
        const [secrets, probe] = await Promise.all([secretRangesOrNone(client, uri, text), secretRangesOrNone(client, uri, lines.join('\n'))]);
        const secret = probe.some((r) => touches(r, line, attr.start, attr.start + 1)) || secrets.some((r) => touches(r, line, attr.start, attr.end));
        if (client.isOpen(uri)) client.didChange(uri, text);
        else client.didOpen(uri, text);
        setFile({ uri, line });
        setView('file');
        setModal({ kind: 'edit', uri, line, name: attr.name ?? 'value', original: text, start: attr.start, end: attr.end, value: decodeAttr(attr.value), quote: attr.quote, saving: false, secrets, secret });
      }),
    [client, guard, props.readonly, setModal, setStatus, setView, system],
  );

  const editedText = (m: Extract<Modal, { kind: 'edit' }>, value: string) => {
    const lines = m.original.split('\n');
    const l = lines[m.line]!;
    // the editor shows the decoded value; what is written is escaped for the attribute
    lines[m.line] = l.slice(0, m.start) + encodeAttr(value, m.quote) + l.slice(m.end);
    return lines.join('\n');
  };

  /** The open edit pane, unless it is saving (then its keys wait); undefined once it closed. */
  const openEdit = () => {
    const m = modalNow.current;
    return m?.kind === 'edit' && !m.saving ? m : undefined;
  };

  const editChange = (value: string) => {
    const m = openEdit();
    if (!m) return;
    client.didChange(m.uri, editedText(m, value));
    setModal({ ...m, value });
  };

  const editCancel = () => {
    const m = openEdit();
    if (!m) return;
    client.didChange(m.uri, m.original);
    client.didClose(m.uri);
    setModal(undefined);
    setStatus('info', 'edit cancelled; nothing written');
  };

  const editSave = () => {
    const m = openEdit();
    if (!m) return;
    const text = editedText(m, m.value);
    if (text === m.original) return editCancel();
    setModal({ ...m, saving: true });
    void guard('saving…', async () => {
      try {
        const r = await saveDocument(client, m.uri, props.backup);
        if (!r.applied) {
          setStatus('error', `not saved: ${r.message ?? 'the server refused'}${writeHint(r.message)} — the edit was dropped`);
          client.didChange(m.uri, m.original);
          client.didClose(m.uri);
          return;
        }
        client.didSave(m.uri, text);
        client.didClose(m.uri);
        const p = uriToPath(m.uri);
        const prev = changed.current.get(p);
        changed.current.set(p, { path: p, before: prev?.before ?? m.original, after: text });
        setStatus('ok', `${writtenMessage(r.files?.length ? r.files : [{ uri: m.uri }], 'saved')} · ${m.name}`);
      } catch (e) {
        client.didChange(m.uri, m.original);
        client.didClose(m.uri);
        throw e;
      } finally {
        setModal(undefined);
        setReloadToken((t) => t + 1);
      }
    });
  };

  // ── E: $EDITOR ───────────────────────────────────────────────────────────
  const openEditor = useCallback(
    (uri: string, line: number) =>
      guard(undefined, async () => {
        if (props.readonly) {
          setStatus('warning', 'read-only (--readonly): $EDITOR is disabled');
          return;
        }
        const p = uriToPath(uri);
        const before = await system.readFile(p);
        const wasOpen = client.isOpen(uri);
        if (!wasOpen) client.didOpen(uri, before);
        const r = await system.editor(p, line + 1);
        const after = await system.readFile(p).catch(() => before);
        if (after !== before) {
          client.didChange(uri, after);
          client.didSave(uri, after);
          const prev = changed.current.get(p);
          changed.current.set(p, { path: p, before: prev?.before ?? before, after });
        }
        if (!wasOpen) client.didClose(uri);
        setFile({ uri, line });
        setView('file');
        setReloadToken((t) => t + 1);
        if (!r.ok) setStatus('error', r.message ?? 'the editor failed');
        else setStatus(after !== before ? 'ok' : 'info', after !== before ? `re-read ${relPath(root, uri)} after $EDITOR${fsCliHint()}` : `${relPath(root, uri)} unchanged`);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, guard, props.readonly, root, setStatus, setView, system],
  );

  const currentUri = (): string | undefined => {
    if (view === 'file' && file) return file.uri;
    return undefined;
  };
  const selectedProblemUri = useRef<string | undefined>(undefined);
  const onProblemSelect = useCallback((uri: string | undefined) => {
    selectedProblemUri.current = uri;
  }, []);

  const { bans, loadBans, unban, startReload } = useFsCli({
    client,
    system,
    root,
    readonly: props.readonly,
    view,
    guard,
    setModal,
    setStatus,
    changed,
    selectedUri: () => currentUri() ?? (view === 'problems' ? selectedProblemUri.current : undefined),
  });

  // ── ACL tester ───────────────────────────────────────────────────────────
  const openAcl = useCallback(() => {
    setModal({ kind: 'acl' });
    aclLists(client)
      .then((l) => setLists({ lists: [...l].sort((a, b) => Number(a.builtin) - Number(b.builtin) || a.name.localeCompare(b.name)) }))
      .catch((e: unknown) => setLists({ error: errorText(e) }));
  }, [client, setModal]);

  // ── keys: the app-wide ones are the table in keymap.ts ─────────────────
  const keyContext = (): AppKeyContext => ({
    view,
    filesFilter,
    quit,
    // from the view as it is now (keys typed fast may arrive before a render)
    cycleView: (backwards) =>
      setViewState((cur) => {
        const next = VIEWS[(VIEWS.indexOf(cur) + (backwards ? VIEWS.length - 1 : 1)) % VIEWS.length]!;
        if (next !== cur) prevView.current = cur;
        return next;
      }),
    toggleHelp: () => setView(view === 'help' ? prevView.current : 'help'),
    back: () => setView(prevView.current === view ? 'problems' : prevView.current),
    openAcl,
    openRoute: () => setModal({ kind: 'route' }),
    startReload,
    // the whole text of what a row cuts: the selected finding (Problems view) and the status line
    showMessage: () => {
      const rows = view === 'problems' ? problemRows(ws.diagnostics, root, filter) : [];
      const d = rows[Math.min(problemsIndex, Math.max(0, rows.length - 1))]?.diag;
      const w = Math.max(20, width - 2);
      const lines = [
        ...(d ? wrapText(`${typeof d.message === 'string' ? d.message : d.message.value}${d.code ? `  [${String(d.code)}]` : ''}`, w).map((text) => ({ text })) : []),
        ...(d && status ? [{ text: '' }] : []),
        ...(status ? wrapText(status.message, w).map((text) => ({ text, role: 'muted' as const })) : []),
      ];
      if (!lines.length) return false;
      setModal({ kind: 'output', title: d ? 'finding' : 'message', lines });
      return true;
    },
  });
  useKeys((input, key) => void runAppKey(ALWAYS_KEYS, keyContext(), input, key));
  useKeys((input, key) => void runAppKey(VIEW_KEYS, keyContext(), input, key), {
    isActive: !modal && !filterEditing && !filesFilterEditing && !busy && !(structureCapture && STRUCTURE_VIEWS.includes(view)),
  });

  // ── layout ──────────────────────────────────────────────────────────────
  const width = size.columns;
  const bodyHeight = Math.max(3, size.rows - 4);
  const filesCount = ws.files.length;
  const fileRel = file ? relPath(root, file.uri) : '';
  const labels: Record<ViewName, string> = {
    problems: `Problems (${ws.counts.errors + ws.counts.warnings + ws.counts.infos})`,
    files: `Files (${filesCount})`,
    file: file ? `File: ${path.basename(fileRel).slice(0, 24)}` : 'File',
    dialplan: 'Dialplan',
    profiles: 'Profiles',
    directory: 'Directory',
    bans: 'Bans',
    assembled: 'Assembled',
    help: 'Help',
  };
  const onProblemIndex = (i: number) => setProblemsIndex(i);
  const toggleSeverity = (s: number) =>
    setFilter((f) => {
      const hidden = new Set(f.hidden);
      if (hidden.has(s)) hidden.delete(s);
      else hidden.add(s);
      return { ...f, hidden };
    });

  const editing = modal?.kind === 'edit' ? modal : undefined;
  const fileDiags = file ? (ws.diagnostics.get(file.uri) ?? []) : [];
  const hover = useCallback((uri: string, position: Position) => client.hover(uri, position), [client]);
  /** The line of a file's worst finding (first by severity, then position). */
  const worstLine = (uri: string) =>
    [...(ws.diagnostics.get(uri) ?? [])].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1) || a.range.start.line - b.range.start.line)[0]?.range.start.line ?? 0;
  const problemRowOpen = (r: ProblemRow) => {
    if (r.diag) openFile(r.uri, r.diag.range.start.line);
    else openFile(r.uri, worstLine(r.uri));
  };

  let body: React.ReactNode;
  const shownView: ViewName = editing ? 'file' : view;
  if (modal && modal.kind !== 'edit') {
    // a dialog's answer counts while it is the open one (a second y read before the render does not write twice)
    const whileOpen =
      <A extends unknown[]>(fn: (...a: A) => void) =>
      (...a: A) => {
        if (modalNow.current === modal) fn(...a);
      };
    const close = whileOpen(() => setModal(undefined));
    if (modal.kind === 'pick') body = <PickDialog width={width} height={bodyHeight} title={modal.title} items={modal.items} onPick={whileOpen(modal.onPick)} onCancel={close} />;
    else if (modal.kind === 'diff') body = <DiffDialog width={width} height={bodyHeight} title={modal.title} files={modal.files} readonly={props.readonly} onYes={whileOpen(modal.onYes)} onNo={close} />;
    else if (modal.kind === 'confirm') body = <ConfirmDialog width={width} height={bodyHeight} title={modal.title} lines={modal.lines} question={modal.question} onYes={whileOpen(modal.onYes)} onNo={close} />;
    else if (modal.kind === 'output') body = <OutputDialog width={width} height={bodyHeight} title={modal.title} lines={modal.lines} onClose={close} />;
    else if (modal.kind === 'acl')
      body = (
        <AclDialog
          width={width}
          height={bodyHeight}
          lists={lists.lists}
          listsError={lists.error}
          rel={(uri) => relPath(root, uri)}
          test={(ip, list, port) => aclTest(client, { ip, list, ...(port !== undefined ? { port } : {}) })}
          onJump={whileOpen((uri: string, line: number) => {
            setModal(undefined);
            openFile(canonicalUri(uri), line);
          })}
          onClose={close}
        />
      );
    else if (modal.kind === 'route')
      body = (
        <RouteDialog
          width={width}
          height={bodyHeight}
          rel={(uri) => relPath(root, uri)}
          run={(args) => route(client, args)}
          onJump={whileOpen((uri: string, line: number) => {
            setModal(undefined);
            openFile(canonicalUri(uri), line);
          })}
          onClose={close}
        />
      );
  } else if (shownView === 'problems') {
    body = (
      <ProblemsView
        width={width}
        height={bodyHeight}
        root={root}
        diagnostics={ws.diagnostics}
        analysing={ws.analysing}
        filter={filter}
        filterEditing={filterEditing}
        index={problemsIndex}
        active={!modal && !busy}
        onIndex={onProblemIndex}
        onSelect={onProblemSelect}
        onFilter={(text) => {
          setFilter((f) => ({ ...f, text }));
          setProblemsIndex(0);
        }}
        onFilterEditing={setFilterEditing}
        onToggleSeverity={toggleSeverity}
        onOpen={problemRowOpen}
        onFix={(r) => (r.diag ? void showFixes(r.uri, r.diag) : void fixAll(r.uri))}
        onFixAll={(uri) => void fixAll(uri)}
        onEdit={(r) => void startEdit(r.uri, r.diag?.range.start.line ?? 0)}
        onEditor={(r) => void openEditor(r.uri, r.diag?.range.start.line ?? 0)}
      />
    );
  } else if (shownView === 'files') {
    body = (
      <FilesView
        width={width}
        height={bodyHeight}
        root={root}
        files={ws.files}
        diagnostics={ws.diagnostics}
        index={filesIndex}
        active={!modal && !busy}
        filter={filesFilter}
        filterEditing={filesFilterEditing}
        onFilter={(text) => {
          setFilesFilter(text);
          setFilesIndex(0);
        }}
        onFilterEditing={setFilesFilterEditing}
        onIndex={setFilesIndex}
        onOpen={(uri) => openFile(uri, worstLine(uri))}
        onFixAll={(uri) => void fixAll(uri)}
        onEditor={(uri) => void openEditor(uri, 0)}
      />
    );
  } else if (shownView === 'file') {
    const text = editing ? editedText(editing, editing.value) : fileText?.uri === file?.uri ? fileText?.text : undefined;
    const secrets = editing ? rangesAfterEdit(editing.secrets, editing.line, editing.start, editing.end, editing.value, editing.secret) : fileText?.uri === file?.uri ? fileText?.secrets : undefined;
    body = (
      <FileView
        width={width}
        height={bodyHeight}
        uri={file?.uri}
        rel={fileRel}
        text={text}
        error={fileText?.uri === file?.uri ? fileText?.error : undefined}
        diagnostics={fileDiags}
        secrets={secrets}
        reveal={reveal}
        onReveal={() => {
          setReveal((r) => !r);
          setStatus('info', reveal ? 'secrets masked again' : `secrets of ${fileRel} shown as they are · v masks them again`);
        }}
        line={file?.line ?? 0}
        active={!modal && !busy}
        hover={hover}
        onLine={(line) => setFile((f) => (f ? { ...f, line } : f))}
        onBack={() => setView(prevView.current === 'file' ? 'problems' : prevView.current)}
        onFix={(line, d) => file && void showFixes(file.uri, d)}
        onFixAll={() => file && void fixAll(file.uri)}
        onEdit={(line) => file && void startEdit(file.uri, line)}
        onEditor={(line) => file && void openEditor(file.uri, line)}
        {...(editing
          ? {
              paneHeight: EDIT_PANE,
              pane: (
                <EditPane
                  width={width}
                  name={editing.name}
                  line={editing.line}
                  value={editing.value}
                  secret={editing.secret}
                  readonly={props.readonly}
                  diagnostics={fileDiags}
                  fileCounts={countOf([fileDiags])}
                  saving={editing.saving}
                  onChange={editChange}
                  onSave={editSave}
                  onCancel={editCancel}
                />
              ),
            }
          : {})}
      />
    );
  } else if (STRUCTURE_VIEWS.includes(shownView)) {
    body = (
      <StructureViews
        view={shownView as StructureViewName}
        width={width}
        height={bodyHeight}
        active={!modal && !busy}
        client={client}
        root={root}
        readonly={props.readonly}
        backup={props.backup}
        diagnostics={ws.diagnostics}
        analysis={ws.summary}
        readFile={system.readFile}
        setStatus={setStatus}
        onWritten={(uri, before) => noteWritten(uri, before)}
        onCapture={setStructureCapture}
      />
    );
  } else if (shownView === 'assembled') {
    body = <AssembledView width={width} height={bodyHeight} active={!modal && !busy} client={client} generation={ws.version} onOpen={openFile} />;
  } else if (shownView === 'bans') {
    body = <BansView width={width} height={bodyHeight} bans={bans} index={bansIndex} active={!modal && !busy} readonly={props.readonly} onIndex={setBansIndex} onRefresh={() => void loadBans()} onUnban={unban} />;
  } else {
    body = <HelpView width={width} height={bodyHeight} active={!modal} index={helpIndex} onIndex={setHelpIndex} />;
  }

  const hints: [string, string][] = modal
    ? modal.kind === 'edit'
      ? [['enter', 'save'], ['esc', 'cancel'], ['ctrl-c', 'quit']]
      : modal.kind === 'acl'
        ? [['enter', 'test'], ['tab', 'next field / complete'], ['ctrl-o', 'open the deciding node'], ['esc', 'close']]
        : modal.kind === 'route'
          ? [['enter', 'simulate / open step'], ['tab', 'fields'], ['j/k', 'steps'], ['esc', 'close']]
          : [['esc', 'close']]
    : structureCapture && STRUCTURE_VIEWS.includes(shownView)
      ? [['enter', 'confirm / review'], ['tab', 'complete / next field'], ['esc', 'cancel'], ['ctrl-c', 'quit']]
      : filterEditing || filesFilterEditing
      ? [['enter', 'keep filter'], ['esc', 'clear'], ['ctrl-c', 'quit']]
      : shownView === 'file' && reveal
        ? HINTS.file.map(([k, what]): [string, string] => (k === 'v' ? ['v', 'mask'] : [k, what]))
        : HINTS[shownView];

  return (
    <Box flexDirection="column" width={width} height={size.rows}>
      <Header width={width} root={root} counts={ws.counts} analysing={ws.analysing} spinner={spinner} files={ws.diagnostics.size} readonly={props.readonly} backup={props.backup} hidden={filter.hidden} />
      <Tabs width={width} view={shownView} labels={labels} />
      <Box width={width} height={bodyHeight} flexDirection="column">
        {body}
      </Box>
      <StatusLine width={width} status={status} busy={busy} spinner={spinner} />
      <Hints width={width} hints={hints} />
    </Box>
  );
}



