/** LSP requests (hover, completion, …): each answered from core for the project holding the document. */
import {
  codeActions,
  definitionLinks,
  documentLinks,
  documentSymbols,
  foldingRanges,
  inlayHints,
  codeLenses,
  templateActions,
  configYamlCompletion,
  configYamlHover,
  workspaceSymbols as coreWorkspaceSymbols,
  definition as coreDefinition,
  references as coreReferences,
  rename as coreRename,
  prepareRename as corePrepareRename,
  completion as coreCompletion,
  hover as coreHover,
} from '@fsconf/core';
import {
  LSPErrorCodes,
  ResponseError,
  ErrorCodes,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { uriToPath } from './paths.js';
import { toCodeAction } from './convert.js';
import { advise } from './advice.js';
import type { Project } from './state.js';
import { mergedSettings } from './settings.js';
import { freshen } from './disk-changes.js';
import { routeLenses } from './commands/route.js';
import type { FsconfServer } from './server.js';
import { errorMessage } from './log.js';

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

export function check(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

/**
 * Let pending input ($/cancelRequest, didChange) be read before expensive work: a timer (not
 * setImmediate) so the event loop passes through its I/O poll phase first.
 */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function request<T>(s: FsconfServer, name: string, token: CancellationToken | undefined, fallback: T, fn: () => T, yieldFirst = false): Promise<T> {
  try {
    if (yieldFirst) await tick();
    check(token);
    const r = fn();
    check(token);
    return r ?? fallback;
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    s.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${errorMessage(e)}`);
  }
}

/** The text of an open `.fsconf.yaml` (rule ids complete and explain themselves there). */
function yamlText(s: FsconfServer, uri: string): string | undefined {
  const path = uriToPath(uri);
  if (!path || !/(^|\/)\.fsconf\.ya?ml$/.test(path) || !s.open.has(path)) return undefined;
  return s.documents.get(s.open.get(path)!.uri)?.getText();
}

function hover(s: FsconfServer, uri: string, position: { line: number; character: number }) {
  const yaml = yamlText(s, uri);
  if (yaml !== undefined) return configYamlHover(yaml, position);
  const t = s.target(uri) ?? ctiTarget(s, uri);
  const h = t ? coreHover(t.p.ws, t.path, position) : null;
  if (h && typeof h.contents === 'object' && 'kind' in h.contents) h.contents = { ...h.contents, value: advise(h.contents.value, s.client) };
  return h;
}

/** mod_cti's cti.json is not XML but has hovers: route it to the project it belongs to. */
function ctiTarget(s: FsconfServer, uri: string): { p: Project; path: string } | undefined {
  const path = uriToPath(uri);
  if (!path || !path.endsWith('/cti.json')) return undefined;
  const o = s.open.get(path);
  if (o) return { p: o.project, path };
  for (const p of s.projects.values()) if (p.ws.root && path.startsWith(p.ws.root + '/')) return { p, path };
  return undefined;
}

function completion(s: FsconfServer, uri: string, position: { line: number; character: number }) {
  const yaml = yamlText(s, uri);
  if (yaml !== undefined) return configYamlCompletion(yaml, position);
  const t = s.target(uri);
  const items = t ? coreCompletion(t.p.ws, t.path, position) : [];
  if (s.caps.textDocument?.completion?.completionItem?.snippetSupport) return items;
  // no snippets: the placeholder's default text, as plain text
  const plain = (x: string) => x.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, d: string) => d).replace(/\\([$}\\])/g, '$1');
  return items.map((i) =>
    i.insertTextFormat === 2
      ? {
          ...i,
          insertTextFormat: 1 as const,
          ...(i.textEdit && 'newText' in i.textEdit ? { textEdit: { ...i.textEdit, newText: plain(i.textEdit.newText) } } : {}),
          ...(i.insertText ? { insertText: plain(i.insertText) } : {}),
        }
      : i,
  );
}

function definition(s: FsconfServer, uri: string, position: { line: number; character: number }) {
  const t = s.target(uri);
  if (!t) return [];
  // LocationLinks only to clients that accept them
  return s.caps.textDocument?.definition?.linkSupport ? definitionLinks(t.p.ws, t.path, position) : coreDefinition(t.p.ws, t.path, position);
}

function references(s: FsconfServer, uri: string, position: { line: number; character: number }) {
  const t = s.target(uri);
  return t ? coreReferences(t.p.ws, t.path, position) : [];
}

function symbols(s: FsconfServer, uri: string) {
  const t = s.target(uri);
  return t ? documentSymbols(t.p.ws, t.path) : [];
}

function links(s: FsconfServer, uri: string) {
  const t = s.target(uri);
  return t ? documentLinks(t.p.ws, t.path) : [];
}

function folding(s: FsconfServer, uri: string) {
  const t = s.target(uri);
  return t ? foldingRanges(t.p.ws, t.path) : [];
}

function prepareRename(s: FsconfServer, uri: string, position: { line: number; character: number }) {
  const t = s.target(uri);
  const r = t ? corePrepareRename(t.p.ws, t.path, position) : undefined;
  if (!r) throw new ResponseError(ErrorCodes.InvalidRequest, 'fsconf renames $${} variables, ACL lists, contexts and gateways: nothing of these here');
  if ('refused' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.refused);
  return { range: r.range, placeholder: r.placeholder };
}

function rename(s: FsconfServer, uri: string, position: { line: number; character: number }, newName: string): WorkspaceEdit {
  const t = s.target(uri);
  const r = t ? coreRename(t.p.ws, t.path, position, newName) : undefined;
  if (!r) throw new ResponseError(ErrorCodes.InvalidRequest, 'nothing fsconf can rename here');
  if ('refused' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.refused);
  const changes: Record<string, TextEdit[]> = {};
  for (const [path, edits] of r.changes) changes[s.uriOf(path)] = edits;
  return { changes };
}

function inlay(s: FsconfServer, uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  const t = s.target(uri);
  if (!t) return [];
  const k = mergedSettings(s)?.inlayHints ?? {};
  return inlayHints(t.p.ws, t.path, range, { variables: k.variables !== false, bitrates: k.bitrates !== false, arguments: k.arguments !== false });
}

function lenses(s: FsconfServer, uri: string) {
  const t = s.target(uri);
  if (!t) return [];
  // core: file:// URIs of our own spelling; the client gets the URIs it opened documents under
  const fix = (u: string) => s.uriOf(uriToPath(u) ?? u);
  return codeLenses(t.p.ws, t.path).map((l) => ({
    range: l.range,
    ...(l.command
      ? {
          command: {
            title: l.title,
            command: l.command,
            arguments: (l.arguments ?? []).map((x) =>
              typeof x === 'string' ? fix(x) : Array.isArray(x) ? x.map((y: { uri: string; range: unknown }) => ({ ...y, uri: fix(y.uri) })) : x,
            ),
          },
        }
      : { command: { title: l.title, command: '' } }),
  }));
}

/** Every tree's profiles, gateways, contexts, extensions, domains, users and ACL lists. */
function workspaceSymbols(s: FsconfServer, query: string) {
  const out = [];
  for (const p of s.projects.values())
    if (p.started)
      out.push(
        ...coreWorkspaceSymbols(p.ws, query).map((sym) => ({
          ...sym,
          location: { ...sym.location, uri: s.uriOf(uriToPath(sym.location.uri) ?? sym.location.uri) },
        })),
      );
  return out;
}

function actions(
  s: FsconfServer,
  uri: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  only: string[] | undefined,
  asked?: Diagnostic[],
) {
  const t = s.target(uri);
  if (!t) return [];
  freshen(s, t.p, t.path);
  const fixes = codeActions(
    t.p.ws,
    t.path,
    range,
    only,
    asked?.map((d) => ({ range: d.range, code: d.code })),
  ).map((a) => toCodeAction(a, s.uriOf));
  // templates ("Add extension: …") in dialplan files, when the client asks for refactorings too
  if (only?.length && !only.some((k) => 'refactor.insert.fsconf'.startsWith(k))) return fixes;
  const templates = templateActions(t.p.ws.analysis(), t.path, range.start, s.uriOf, uriToPath).map((a) => ({
    title: a.title,
    kind: a.kind,
    edit: { changes: a.changes },
  }));
  return [...fixes, ...templates];
}

/** The requests, each run through `request` (cancellation, errors as ResponseErrors). */
export function listenRequests(s: FsconfServer, c: Connection): void {
  c.onHover((p, token) => request(s, 'hover', token, null, () => hover(s, p.textDocument.uri, p.position)));
  c.onCompletion((p, token) => request(s, 'completion', token, [], () => completion(s, p.textDocument.uri, p.position)));
  c.onDefinition((p, token) => request(s, 'definition', token, [], () => definition(s, p.textDocument.uri, p.position)));
  c.onReferences((p, token) => request(s, 'references', token, [], () => references(s, p.textDocument.uri, p.position), true));
  c.onDocumentSymbol((p, token) => request(s, 'documentSymbol', token, [], () => symbols(s, p.textDocument.uri), true));
  c.onDocumentLinks((p, token) => request(s, 'documentLink', token, [], () => links(s, p.textDocument.uri), true));
  c.onFoldingRanges((p, token) => request(s, 'foldingRange', token, [], () => folding(s, p.textDocument.uri), true));
  c.onPrepareRename((p, token) => request(s, 'prepareRename', token, null, () => prepareRename(s, p.textDocument.uri, p.position)));
  c.onRenameRequest((p, token) => request(s, 'rename', token, null, () => rename(s, p.textDocument.uri, p.position, p.newName), true));
  c.languages.inlayHint.on((p, token) => request(s, 'inlayHint', token, [], () => inlay(s, p.textDocument.uri, p.range), true));
  c.onCodeLens((p, token) =>
    request(s, 'codeLens', token, [], () => [...lenses(s, p.textDocument.uri), ...routeLenses(s.target(p.textDocument.uri), p.textDocument.uri)], true),
  );
  c.onWorkspaceSymbol((p, token) => request(s, 'workspaceSymbol', token, [], () => workspaceSymbols(s, p.query), true));
  c.onCodeAction((p, token) => request(s, 'codeAction', token, [], () => actions(s, p.textDocument.uri, p.range, p.context.only, p.context.diagnostics), true));
}
