/**
 * fsconf.applyEdit and fsconf.saveDocument: the server's one write path. A file is written only when
 * disk still holds the text the server last read (else refused, never overwritten), with a backup.
 */
import { ErrorCodes, ResponseError, type TextEdit } from 'vscode-languageserver/node';
import { WriteRefused } from '@fsconf/core';
import { isInside, pathToUri, uriToPath } from '../paths.js';
import { editText, keepBom, readDisk, writePlanned, type PlannedWrite } from '../writer.js';
import type { WriteResult } from '../protocol.js';
import type { Project } from '../state.js';
import type { CommandHost, Handler } from './index.js';

const READONLY = 'fsconf-lsp runs read-only (initializationOptions.readonly): no file was written';

function refuse(host: CommandHost, message: string): WriteResult {
  host.warn(message);
  return { applied: false, files: [], message };
}

/** The text a file held on disk when the server read it (undefined: never read, so read it now). */
function expectedFor(host: CommandHost, path: string): { text: string | undefined; error?: string } {
  const o = host.open.get(path);
  if (o) {
    const doc = host.documents.get(o.uri);
    if (doc && doc.getText() !== o.baseline) return { text: undefined, error: `${path} has unsaved changes in the editor; save it first` };
    return { text: o.baseline };
  }
  for (const p of host.projects.values()) {
    if (p.notUtf8.has(path)) return { text: undefined, error: `${path} is not UTF-8; fsconf does not rewrite it` };
    const t = p.readTexts.get(path);
    if (t !== undefined) return { text: t };
  }
  return { text: readDisk(path) };
}

function afterWrite(host: CommandHost, paths: string[]): void {
  const touched = new Set<Project>();
  for (const path of paths) {
    host.fs.invalidate(path);
    for (const p of host.projects.values()) {
      if (p.root && !isInside(path, p.root) && !p.files.has(path)) continue;
      if (!host.open.has(path)) {
        p.ws.invalidate(path);
        p.readTexts.delete(path);
      } else p.ws.invalidate(path);
      touched.add(p);
    }
  }
  if (!touched.size) touched.add(host.projectFor(paths[0]!));
  for (const p of touched) host.analyse(p);
}

function write(host: CommandHost, plans: PlannedWrite[], backup: boolean): WriteResult {
  let written: { path: string; uri: string; backup?: string }[];
  try {
    written = writePlanned(plans, backup);
  } catch (e) {
    if (e instanceof WriteRefused) return refuse(host, e.message);
    return refuse(host, `not written: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const w of written) {
    const o = host.open.get(w.path);
    const plan = plans.find((x) => x.path === w.path)!;
    if (o) o.baseline = plan.text;
    host.info(`wrote ${w.path}${w.backup ? ` (backup ${w.backup})` : ''}`);
  }
  afterWrite(
    host,
    written.map((w) => w.path),
  );
  return { applied: true, files: written.map((w) => ({ uri: w.uri, ...(w.backup ? { backup: pathToUri(w.backup) } : {}) })) };
}

export const applyEdit: Handler<'applyEdit'> = (host, arg) => {
  if (host.readonly) return refuse(host, READONLY);
  const edit = arg.edit;
  const perUri = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, [...(perUri.get(uri) ?? []), ...edits]);
  for (const dc of edit.documentChanges ?? []) {
    if (!('textDocument' in dc)) throw new ResponseError(ErrorCodes.InvalidParams, 'fsconf.applyEdit: only text edits are supported (no create/rename/delete)');
    perUri.set(dc.textDocument.uri, [...(perUri.get(dc.textDocument.uri) ?? []), ...dc.edits.filter((e): e is TextEdit => 'range' in e)]);
  }
  if (!perUri.size) return { applied: true, files: [] };
  const plans: PlannedWrite[] = [];
  for (const [uri, edits] of perUri) {
    const path = uriToPath(uri);
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `fsconf.applyEdit: not a file URI: ${uri}`);
    const exp = expectedFor(host, path);
    if (exp.error) return refuse(host, exp.error);
    const base = exp.text ?? '';
    plans.push({ path, uri, text: editText(base, edits), expected: exp.text });
  }
  return write(host, plans, arg.backup !== false);
};

export const saveDocument: Handler<'saveDocument'> = (host, arg) => {
  if (host.readonly) return refuse(host, READONLY);
  const path = uriToPath(arg.uri);
  const o = path ? host.open.get(path) : undefined;
  const doc = o ? host.documents.get(o.uri) : undefined;
  if (!o || !doc) return refuse(host, `${arg.uri} is not open: nothing to save`);
  const text = keepBom(readDisk(o.path), doc.getText());
  return write(host, [{ path: o.path, uri: o.uri, text, expected: o.baseline }], arg.backup !== false);
};
