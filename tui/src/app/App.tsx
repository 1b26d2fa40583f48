/**
 * The application: one hook per concern (status line, views, writes, the open file, the edit pane, fixes,
 * fs_cli, the ACL tester), the key table of keymap.ts, and the layout: header, tabs, body, status, hints.
 */
import React, { useCallback, useRef } from 'react';
import { Box, useApp } from 'ink';
import * as path from 'node:path';
import type { FsconfClient } from '../lsp/types.js';
import { relPath } from '../lsp/uri.js';
import { useKeys } from '../ui/keys.js';
import { Header, Hints, StatusLine, Tabs, type Status, type ViewName } from '../ui/components.js';
import { useTheme } from '../ui/theme.js';
import { problemRows } from '../views/problems.js';
import { STRUCTURE_VIEWS } from '../views/structure-views.js';
import { wrapText } from '../text/wrap.js';
import { useWorkspace } from './workspace.js';
import { useLatestState, useSpinner, useTerminalSize, type Size } from './hooks.js';
import { useStatus } from './use-status.js';
import { useViews } from './use-views.js';
import { useWrites } from './use-writes.js';
import { useOpenFile } from './use-open-file.js';
import { useEditPane } from './use-edit-pane.js';
import { useFixes } from './use-fixes.js';
import { useFsCli } from './use-fscli.js';
import { Dialog, useAclTester } from './Dialog.js';
import { Body } from './Body.js';
import { hintsFor } from './hints.js';
import { APP_KEYS, runAppKey, type AppKeyContext } from './keymap.js';
import type { Modal, SystemDeps } from './types.js';

export type { Modal, SystemDeps } from './types.js';

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

const ALWAYS_KEYS = APP_KEYS.filter((k) => k.always);
const VIEW_KEYS = APP_KEYS.filter((k) => !k.always);

export function App(props: AppProps) {
  const { client, root, system, readonly, backup } = props;
  const theme = useTheme();
  const app = useApp();
  const size = useTerminalSize(props.size);
  const { status, setStatus, busy, guard, mounted } = useStatus(root, props.notice);
  const ws = useWorkspace(client, setStatus);
  const spinner = useSpinner(ws.analysing || !!busy, theme.sym.spinner);
  const views = useViews();
  const { view } = views;
  // the edit pane and the dialogs act on the modal as it is now, not as their render saw it
  const [modal, setModal, modalNow] = useLatestState<Modal | undefined>(undefined);
  const writes = useWrites(client, system, root, backup);
  const editingUri = modal?.kind === 'edit' ? modal.uri : undefined;
  const file = useOpenFile({ client, system, root, readonly, editingUri, guard, setStatus, setView: views.setView, writes, mounted });
  const edit = useEditPane({
    client,
    system,
    readonly,
    backup,
    modal,
    modalNow,
    setModal,
    guard,
    setStatus,
    openFile: file.openFile,
    reread: file.reread,
    writes,
  });
  const { showFixes, fixAll } = useFixes({
    client,
    system,
    root,
    readonly,
    backup,
    diagnostics: ws.diagnostics,
    guard,
    setModal,
    setStatus,
    noteWritten: writes.noteWritten,
    writtenMessage: writes.writtenMessage,
    reread: file.reread,
  });
  const selectedProblemUri = useRef<string | undefined>(undefined);
  const onProblemSelect = useCallback((uri: string | undefined) => {
    selectedProblemUri.current = uri;
  }, []);
  const fscli = useFsCli({
    client,
    system,
    root,
    readonly,
    view,
    guard,
    setModal,
    setStatus,
    changed: writes.changed,
    selectedUri: () => (view === 'file' && file.file ? file.file.uri : view === 'problems' ? selectedProblemUri.current : undefined),
  });
  const { lists, openAcl } = useAclTester(client, setModal);

  const quit = useCallback(
    (code: number) => {
      props.onExit(code);
      app.exit();
    },
    [app, props],
  );

  const width = size.columns;
  const bodyHeight = Math.max(3, size.rows - 4);

  // ── keys: the app-wide ones are the table in keymap.ts ─────────────────
  const keyContext = (): AppKeyContext => ({
    view,
    filesFilter: views.filesFilter,
    quit,
    cycleView: views.cycleView,
    toggleHelp: () => views.toggleHelp(view),
    back: () => views.back(view),
    openAcl,
    openRoute: () => setModal({ kind: 'route' }),
    startReload: fscli.startReload,
    // the whole text of what a row cuts: the selected finding (Problems view) and the status line
    showMessage: () => {
      const rows = view === 'problems' ? problemRows(ws.diagnostics, root, views.filter) : [];
      const d = rows[Math.min(views.problemsIndex, Math.max(0, rows.length - 1))]?.diag;
      const w = Math.max(20, width - 2);
      const lines = [
        ...(d
          ? wrapText(`${typeof d.message === 'string' ? d.message : d.message.value}${d.code ? `  [${String(d.code)}]` : ''}`, w).map((text) => ({ text }))
          : []),
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
    isActive: !modal && !views.filterEditing && !views.filesFilterEditing && !busy && !(views.structureCapture && STRUCTURE_VIEWS.includes(view)),
  });

  // ── layout ──────────────────────────────────────────────────────────────
  const shownView: ViewName = edit.editing ? 'file' : view;
  const fileRel = file.file ? relPath(root, file.file.uri) : '';
  const labels: Record<ViewName, string> = {
    problems: `Problems (${ws.counts.errors + ws.counts.warnings + ws.counts.infos})`,
    files: `Files (${ws.files.length})`,
    file: file.file ? `File: ${path.basename(fileRel).slice(0, 24)}` : 'File',
    dialplan: 'Dialplan',
    profiles: 'Profiles',
    directory: 'Directory',
    bans: 'Bans',
    assembled: 'Assembled',
    help: 'Help',
  };
  const hints = hintsFor({
    view: shownView,
    modal,
    structureCapture: views.structureCapture,
    filterEditing: views.filterEditing || views.filesFilterEditing,
    reveal: file.reveal,
  });

  return (
    <Box flexDirection="column" width={width} height={size.rows}>
      <Header
        width={width}
        root={root}
        counts={ws.counts}
        analysing={ws.analysing}
        spinner={spinner}
        files={ws.diagnostics.size}
        readonly={readonly}
        backup={backup}
        hidden={views.filter.hidden}
      />
      <Tabs width={width} view={shownView} labels={labels} />
      <Box width={width} height={bodyHeight} flexDirection="column">
        {modal && modal.kind !== 'edit' ? (
          <Dialog
            modal={modal}
            modalNow={modalNow}
            setModal={setModal}
            width={width}
            height={bodyHeight}
            client={client}
            root={root}
            readonly={readonly}
            lists={lists}
            openFile={file.openFile}
          />
        ) : (
          <Body
            view={shownView}
            width={width}
            height={bodyHeight}
            active={!modal && !busy}
            client={client}
            system={system}
            root={root}
            readonly={readonly}
            backup={backup}
            ws={ws}
            views={views}
            file={file}
            edit={edit}
            showFixes={showFixes}
            fixAll={fixAll}
            bans={fscli}
            onProblemSelect={onProblemSelect}
            setStatus={setStatus}
            noteWritten={writes.noteWritten}
          />
        )}
      </Box>
      <StatusLine width={width} status={status} busy={busy} spinner={spinner} />
      <Hints width={width} hints={hints} />
    </Box>
  );
}
