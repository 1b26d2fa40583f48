/** The shown view with its data and its actions; the File view carries the edit pane while `e` is open. */
import React, { useCallback } from 'react';
import type { Diagnostic, FsconfClient, Position } from '../lsp/types.js';
import { relPath } from '../lsp/uri.js';
import type { Status, ViewName } from '../ui/components.js';
import { ProblemsView, type ProblemRow } from '../views/problems.js';
import { FilesView } from '../views/files.js';
import { FileView } from '../views/file.js';
import { BansView, type BansState, type BanTarget } from '../views/bans.js';
import { HelpView } from '../views/help.js';
import { StructureViews, STRUCTURE_VIEWS, type StructureViewName } from '../views/structure-views.js';
import { AssembledView } from '../views/assembled.js';
import { EditPane, EDIT_PANE } from '../dialogs/edit.js';
import { countOf, type Workspace } from './workspace.js';
import type { Views } from './use-views.js';
import type { OpenFile } from './use-open-file.js';
import type { useEditPane } from './use-edit-pane.js';
import type { SystemDeps } from './types.js';

export interface BodyProps {
  view: ViewName;
  width: number;
  height: number;
  /** No dialog and nothing running: the view takes keys. */
  active: boolean;
  client: FsconfClient;
  system: SystemDeps;
  root: string;
  readonly: boolean;
  backup: boolean;
  ws: Workspace;
  views: Views;
  file: OpenFile;
  edit: ReturnType<typeof useEditPane>;
  showFixes(uri: string, diag: Diagnostic | undefined): Promise<void>;
  fixAll(uri: string): Promise<void>;
  bans: { bans: BansState; loadBans(): Promise<void>; unban(t: BanTarget): void };
  /** The Problems view's selected file (R reloads it when nothing was written). */
  onProblemSelect(uri: string | undefined): void;
  setStatus(level: Status['level'], message: string): void;
  noteWritten(uri: string, before: string | undefined): Promise<void>;
}

export function Body(p: BodyProps) {
  const { view, width, height, active, client, root, ws, views: v, file: f, edit, showFixes, fixAll } = p;
  const hover = useCallback((uri: string, position: Position) => client.hover(uri, position), [client]);
  /** The line of a file's worst finding (first by severity, then position). */
  const worstLine = (uri: string) =>
    [...(ws.diagnostics.get(uri) ?? [])].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1) || a.range.start.line - b.range.start.line)[0]?.range.start
      .line ?? 0;

  if (view === 'problems') {
    const open = (r: ProblemRow) => f.openFile(r.uri, r.diag ? r.diag.range.start.line : worstLine(r.uri));
    return (
      <ProblemsView
        width={width}
        height={height}
        root={root}
        diagnostics={ws.diagnostics}
        analysing={ws.analysing}
        filter={v.filter}
        filterEditing={v.filterEditing}
        index={v.problemsIndex}
        active={active}
        onIndex={v.setProblemsIndex}
        onSelect={p.onProblemSelect}
        onFilter={(text) => {
          v.setFilter((x) => ({ ...x, text }));
          v.setProblemsIndex(0);
        }}
        onFilterEditing={v.setFilterEditing}
        onToggleSeverity={v.toggleSeverity}
        onOpen={open}
        onFix={(r) => (r.diag ? void showFixes(r.uri, r.diag) : void fixAll(r.uri))}
        onFixAll={(uri) => void fixAll(uri)}
        onEdit={(r) => void edit.startEdit(r.uri, r.diag?.range.start.line ?? 0)}
        onEditor={(r) => void f.openEditor(r.uri, r.diag?.range.start.line ?? 0)}
      />
    );
  }
  if (view === 'files') {
    return (
      <FilesView
        width={width}
        height={height}
        root={root}
        files={ws.files}
        diagnostics={ws.diagnostics}
        index={v.filesIndex}
        active={active}
        filter={v.filesFilter}
        filterEditing={v.filesFilterEditing}
        onFilter={(text) => {
          v.setFilesFilter(text);
          v.setFilesIndex(0);
        }}
        onFilterEditing={v.setFilesFilterEditing}
        onIndex={v.setFilesIndex}
        onOpen={(uri) => f.openFile(uri, worstLine(uri))}
        onFixAll={(uri) => void fixAll(uri)}
        onEditor={(uri) => void f.openEditor(uri, 0)}
      />
    );
  }
  if (view === 'file') {
    const { file, fileText } = f;
    const editing = edit.editing;
    const shown = fileText?.uri === file?.uri ? fileText : undefined;
    const fileDiags = file ? (ws.diagnostics.get(file.uri) ?? []) : [];
    return (
      <FileView
        width={width}
        height={height}
        uri={file?.uri}
        rel={file ? relPath(root, file.uri) : ''}
        text={editing ? edit.paneText : shown?.text}
        error={shown?.error}
        diagnostics={fileDiags}
        secrets={editing ? edit.paneSecrets : shown?.secrets}
        reveal={f.reveal}
        onReveal={f.toggleReveal}
        line={file?.line ?? 0}
        active={active}
        hover={hover}
        onLine={f.moveTo}
        onBack={() => v.back('file')}
        onFix={(_line, d) => file && void showFixes(file.uri, d)}
        onFixAll={() => file && void fixAll(file.uri)}
        onEdit={(line) => file && void edit.startEdit(file.uri, line)}
        onEditor={(line) => file && void f.openEditor(file.uri, line)}
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
                  readonly={p.readonly}
                  diagnostics={fileDiags}
                  fileCounts={countOf([fileDiags])}
                  saving={editing.saving}
                  onChange={edit.editChange}
                  onSave={edit.editSave}
                  onCancel={edit.editCancel}
                />
              ),
            }
          : {})}
      />
    );
  }
  if (STRUCTURE_VIEWS.includes(view)) {
    return (
      <StructureViews
        view={view as StructureViewName}
        width={width}
        height={height}
        active={active}
        client={client}
        root={root}
        readonly={p.readonly}
        backup={p.backup}
        diagnostics={ws.diagnostics}
        analysis={ws.summary}
        readFile={p.system.readFile}
        setStatus={p.setStatus}
        onWritten={(uri, before) => p.noteWritten(uri, before)}
        onCapture={v.setStructureCapture}
      />
    );
  }
  if (view === 'assembled') return <AssembledView width={width} height={height} active={active} client={client} generation={ws.version} onOpen={f.openFile} />;
  if (view === 'bans') {
    const b = p.bans;
    return (
      <BansView
        width={width}
        height={height}
        bans={b.bans}
        index={v.bansIndex}
        active={active}
        readonly={p.readonly}
        onIndex={v.setBansIndex}
        onRefresh={() => void b.loadBans()}
        onUnban={b.unban}
      />
    );
  }
  // Help only scrolls: it takes keys while an action runs too
  return <HelpView width={width} height={height} active index={v.helpIndex} onIndex={v.setHelpIndex} />;
}
