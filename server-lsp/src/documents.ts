/** The documents the client opens, edits, saves and closes, and the files its watcher reports. */
import { FileChangeType } from 'vscode-languageserver/node';
import { clientPath, isInside, pathToUri, uriToPath } from './paths.js';
import type { Project } from './state.js';
import { analyse, publish, moveDiagnostics } from './publishing.js';
import { schedule } from './debounce.js';
import { addFolder } from './projects.js';
import type { FsconfServer } from './server.js';

export function onOpen(s: FsconfServer, uri: string, text: string): void {
  const path = uriToPath(uri);
  if (!path) return;
  const p = s.projectFor(path);
  const xml = /\.xml$/i.test(path) || p.files.has(path);
  moveDiagnostics(s, path, pathToUri(path), uri);
  // the baseline is the text at didOpen: what the editor read from disk
  s.open.set(path, { uri, path, project: p, baseline: text, xml });
  if (xml) p.ws.open(path, text);
  else {
    p.ws.fs.overlays.set(path, text);
    p.ws.invalidate(path);
  }
  if (!s.ready) return;
  if (!p.started) analyse(s, p, true);
  else schedule(s, p); // at once after a quiet spell; a session restoring many files is coalesced
}

export function onChange(s: FsconfServer, uri: string, text: string): void {
  const path = uriToPath(uri);
  const o = path ? s.open.get(path) : undefined;
  if (!o) return;
  if (o.project.ws.fs.overlays.get(o.path) === text) {
    // the same text under a new version (didOpen fires this event too; so does an edit undone in the same
    // batch): clients wait for diagnostics of the version they sent, and the text already has them
    if (s.ready && o.project.started && !o.project.timer) publish(s, o.project, o.path, o.project.ws.diagnostics().get(o.path) ?? [], false);
    return;
  }
  if (o.xml) o.project.ws.change(o.path, text);
  else {
    o.project.ws.fs.overlays.set(o.path, text);
    o.project.ws.invalidate(o.path);
  }
  if (s.ready) schedule(s, o.project);
}

export function onSave(s: FsconfServer, uri: string): void {
  const path = uriToPath(uri);
  const o = path ? s.open.get(path) : undefined;
  const doc = s.documents.get(uri);
  if (o && doc) o.baseline = doc.getText();
  if (o) s.fs.invalidate(o.path);
}

export function onClose(s: FsconfServer, uri: string): void {
  const path = uriToPath(uri);
  const o = path ? s.open.get(path) : undefined;
  if (!o) return;
  s.open.delete(o.path);
  moveDiagnostics(s, o.path, o.uri, pathToUri(o.path));
  s.fs.invalidate(o.path);
  if (o.xml) o.project.ws.close(o.path);
  else {
    o.project.ws.fs.overlays.delete(o.path);
    o.project.ws.invalidate(o.path);
  }
  if (s.ready) schedule(s, o.project);
}

export function onWatchedFiles(s: FsconfServer, changes: { uri: string; type: FileChangeType }[]): void {
  const touched = new Set<Project>();
  for (const c of changes) {
    const path = uriToPath(c.uri);
    if (!path) continue;
    const config = /(^|\/)(\.fsconf\.yaml|cti\.json)$/.test(path);
    s.fs.invalidate(path);
    for (const p of s.projects.values()) {
      if (!config && p.root && !isInside(path, p.root) && !p.files.has(path)) continue;
      if (!s.open.has(path)) {
        p.ws.invalidate(path);
        p.readTexts.delete(path);
      }
      if (c.type !== FileChangeType.Changed || p.files.has(path) || config) touched.add(p);
    }
  }
  if (!s.ready) return;
  for (const p of touched) schedule(s, p, true);
}

export function onFoldersChanged(s: FsconfServer, added: { uri: string }[]): void {
  for (const f of added) {
    const path = clientPath(f.uri);
    if (!path) continue;
    s.folders.push(path);
    addFolder(s, path);
  }
  if (s.ready) for (const p of s.projects.values()) if (!p.started) analyse(s, p, true);
}
