/**
 * The fsconf language server: adapts the engine's protocol-free service (@fsconf/core) to LSP.
 * It knows LSP, not FreeSWITCH — every answer comes from core.
 *
 * State: one Project per conf root (a FsconfWorkspace with editor overlays), plus a root-less project
 * for files that live in no conf tree. Diagnostics are published for every file of a tree once at start,
 * then whenever an analysis changes a file's findings (so editing vars.xml re-publishes the profiles).
 */
import {
  FsconfWorkspace,
  NodeFileSystem,
  validateConfig,
  SETTINGS_KEYS,
  completion,
  codeActions,
  definition,
  definitionLinks,
  hover,
  references,
  documentLinks,
  documentSymbols,
  foldingRanges,
  prepareRename,
  rename,
  workspaceSymbols,
  inlayHints,
  codeLenses,
  templateActions,
  configYamlCompletion,
  configYamlHover,
  knowledgeSummary,
  type FsconfConfig,
  type Finding,
} from '@fsconf/core';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type FileSystemWatcher,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clientPath, confRootsFor, isInside, pathToUri, uriToPath } from './paths.js';
import { count, toCodeAction, toDiagnostic, type Counts } from './convert.js';
import { readDisk } from './writer.js';
import { DiskWatcher } from './disk-watch.js';
import { CachingFileSystem } from './cachefs.js';
import { scheduleIdleGc } from './idle-gc.js';
import { advise, clientKind, type ClientKind } from './advice.js';
import { routeLenses } from './commands/route.js';
import { runCommand, type CommandHost } from './commands/index.js';
import type { OpenDoc, Project } from './state.js';
import { COMMAND_NAMES, type AnalysisDone, type FilesChanged } from './protocol.js';


/** Debounce: a change after a quiet spell is analysed at once; changes in a burst wait (never more than MAX_WAIT). */
export const TIMING = { quietMs: 100, burstMs: 100, maxWaitMs: 150, diskTtlMs: 2000, watchedDiskTtlMs: 30000 };

export interface ServerOptions {
  version: string;
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

function check(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

/**
 * Let pending input ($/cancelRequest, didChange) be read before expensive work: a timer (not
 * setImmediate) so the event loop passes through its I/O poll phase first.
 */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class FsconfServer implements CommandHost {
  readonly documents = new TextDocuments(TextDocument);
  /** Disk reads cached between changes (see CachingFileSystem); dropped on watcher events, writes and lintTree. */
  readonly fs = new CachingFileSystem(new NodeFileSystem(), TIMING.diskTtlMs);
  readonly projects = new Map<string, Project>();
  readonly open = new Map<string, OpenDoc>();
  private folders: string[] = [];
  private initSettings: FsconfConfig | undefined;
  private clientSettings: FsconfConfig | undefined;
  readonly: boolean = false;
  private caps: ClientCapabilities = {};
  /** Who we talk to: advice names its settings (VS Code) or .fsconf.yaml (others). */
  client: ClientKind = 'other';
  private readonly loggedRuleErrors = new Set<string>();
  private ready = false;

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {}

  // ---------------------------------------------------------------- logging

  log(message: string): void {
    this.connection.console.log(message);
  }
  info(message: string): void {
    this.connection.console.info(message);
  }
  warn(message: string): void {
    this.connection.console.warn(message);
  }
  error(message: string): void {
    this.connection.console.error(message);
  }

  // ---------------------------------------------------------------- projects

  private settings(): FsconfConfig | undefined {
    const a = this.initSettings;
    const b = this.clientSettings;
    if (!a && !b) return undefined;
    return {
      ...a,
      ...b,
      ...(a?.rules || b?.rules ? { rules: { ...a?.rules, ...b?.rules } } : {}),
    };
  }

  private newProject(root: string | undefined): Project {
    const key = root ?? '';
    const settings = this.settings();
    const ws = new FsconfWorkspace(this.fs, root, {
      ...(settings ? { settings } : {}),
      onRuleError: (rule, err) => {
        if (this.loggedRuleErrors.has(rule)) return;
        this.loggedRuleErrors.add(rule);
        this.error(`rule ${rule} failed and was skipped (the other rules still ran): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      },
    });
    const p: Project = { key, root, ws, published: new Map(), readTexts: new Map(), notUtf8: new Set(), files: new Set(), timer: undefined, firstPendingAt: 0, lastChangeAt: 0, started: false };
    this.projects.set(key, p);
    return p;
  }

  /** The project a file belongs to (created, and its whole tree published, on first use). */
  projectFor(path: string): Project {
    const root = FsconfWorkspace.rootFor(this.fs, path);
    const key = root ?? '';
    const existing = this.projects.get(key);
    if (existing) return existing;
    // a file a tree includes from outside its root
    for (const p of this.projects.values()) if (p.files.has(path)) return p;
    const p = this.newProject(root);
    if (root) this.info(`conf root ${root} (found from ${path})`);
    return p;
  }

  /** The project commands act on: the one holding `uri` when given, else the first tree. */
  commandProject(uri?: unknown): Project | undefined {
    if (typeof uri === 'string') {
      const path = uriToPath(uri) ?? clientPath(uri);
      if (path) {
        for (const p of this.projects.values()) if (p.root && isInside(path, p.root)) return p;
        const r = FsconfWorkspace.rootFor(this.fs, path);
        if (r) return this.projectFor(path);
      }
    }
    for (const p of this.projects.values()) if (p.root) return p;
    return this.projects.values().next().value;
  }

  uriOf = (path: string): string => this.open.get(path)?.uri ?? pathToUri(path);

  // ---------------------------------------------------------------- analysis and publishing

  /** Analyse a project and publish every file whose diagnostics changed (all of them when forced). */
  analyse(p: Project, force = false): { files: number } & Counts & { ms: number } {
    if (p.timer) {
      clearTimeout(p.timer);
      p.timer = undefined;
    }
    p.firstPendingAt = 0;
    const t0 = performance.now();
    const diags = p.ws.diagnostics();
    const a = p.ws.analysis();
    const ms = performance.now() - t0;
    p.files = new Set(a.tree.docs.keys());
    this.watchDisk();
    for (const doc of a.tree.order) {
      if (this.open.has(doc.path)) continue;
      if (doc.readError) {
        p.readTexts.delete(doc.path);
        continue;
      }
      p.readTexts.set(doc.path, doc.text);
      if (doc.notUtf8) p.notUtf8.add(doc.path);
      else p.notUtf8.delete(doc.path);
    }
    const totals: Counts = { errors: 0, warnings: 0, infos: 0 };
    for (const [path, findings] of diags) {
      count(findings, totals);
      this.publish(p, path, findings, force);
    }
    for (const path of [...p.published.keys()]) {
      if (diags.has(path)) continue;
      // no longer part of this tree: clear, unless another project now owns the file
      p.published.delete(path);
      let owned = false;
      for (const q of this.projects.values()) if (q !== p && q.published.has(path)) owned = true;
      if (!owned) void this.connection.sendDiagnostics({ uri: this.uriOf(path), diagnostics: [] });
    }
    const first = !p.started;
    p.started = true;
    const summary: AnalysisDone = { files: a.tree.order.length, ...totals, ms: Math.round(ms * 10) / 10 };
    // the output channel: the first analysis of a tree, whole-tree lints (forced) and slow ones
    if (first || force || ms > 250)
      this.log(`analysed ${p.root ?? 'files outside a conf tree'}: ${summary.files} files, ${totals.errors} errors, ${totals.warnings} warnings, ${totals.infos} info in ${summary.ms} ms`);
    void this.connection.sendNotification('fsconf/analysisDone', summary);
    // hints and lenses of other files depend on this analysis (a `set` in vars.xml, a new extension)
    if (this.caps.workspace?.inlayHint?.refreshSupport) void this.connection.languages.inlayHint.refresh().catch(() => undefined);
    if (this.caps.workspace?.codeLens?.refreshSupport) void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    scheduleIdleGc();
    return summary;
  }

  /** Version of each open document whose diagnostics were last published. */
  private readonly publishedVersion = new Map<string, number>();

  private publish(p: Project, path: string, findings: Finding[], force: boolean): void {
    const diagnostics = findings.map((f) => toDiagnostic(f, this.uriOf)).map((d) => ({ ...d, message: typeof d.message === 'string' ? advise(d.message, this.client) : d.message }));
    const key = JSON.stringify(diagnostics);
    const open = this.open.get(path);
    const doc = open ? this.documents.get(open.uri) : undefined;
    // an edited open document always gets diagnostics for its new version, even when they did not change:
    // clients (and the TUI's live edit) wait for the version they sent
    const newVersion = doc !== undefined && this.publishedVersion.get(path) !== doc.version;
    if (!force && !newVersion && p.published.get(path) === key) return;
    p.published.set(path, key);
    if (doc) this.publishedVersion.set(path, doc.version);
    void this.connection.sendDiagnostics({ uri: this.uriOf(path), diagnostics, ...(doc ? { version: doc.version } : {}) });
  }

  /** Debounced analysis after a change. */
  schedule(p: Project, immediate = false): void {
    const now = Date.now();
    const quiet = now - p.lastChangeAt > TIMING.quietMs;
    p.lastChangeAt = now;
    if (!p.firstPendingAt) p.firstPendingAt = now;
    let delay = immediate || quiet ? 0 : TIMING.burstMs;
    delay = Math.max(0, Math.min(delay, p.firstPendingAt + TIMING.maxWaitMs - now));
    if (p.timer) clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      p.timer = undefined;
      try {
        this.analyse(p);
      } catch (e) {
        this.error(`analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }, delay);
  }

  // ---------------------------------------------------------------- settings

  private pick(obj: unknown, from: string): FsconfConfig | undefined {
    if (!obj || typeof obj !== 'object') return undefined;
    const src = obj as Record<string, unknown>;
    const picked: Record<string, unknown> = {};
    // a client's defaults ("" for localNet) mean "not set"
    for (const k of SETTINGS_KEYS) if (src[k] !== undefined && src[k] !== null && src[k] !== '') picked[k] = src[k];
    const { config, problems } = validateConfig(picked);
    for (const pr of problems) this.warn(`${from}: ${pr.path.join('.') || '(root)'}: ${pr.message}; ignored`);
    return config;
  }

  private async pullSettings(): Promise<void> {
    if (!this.caps.workspace?.configuration) return;
    try {
      const cfg = await Promise.race([
        this.connection.workspace.getConfiguration({ section: 'fsconf' }) as Promise<unknown>,
        new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000)),
      ]);
      this.clientSettings = this.pick(cfg, 'settings (fsconf.*)');
    } catch (e) {
      this.warn(`could not read the fsconf settings: ${errorMessage(e)}`);
    }
  }

  private applySettings(): void {
    const s = this.settings();
    for (const p of this.projects.values()) p.ws.setSettings(s);
  }

  // ---------------------------------------------------------------- lifecycle

  onInitialize(params: InitializeParams): InitializeResult {
    this.caps = params.capabilities ?? {};
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; fsconf?: unknown; readonly?: unknown; client?: unknown };
    this.client = clientKind(params.clientInfo?.name, init.client);
    // { settings } is the contract; { fsconf } is what clients configured like Helix send
    this.initSettings = this.pick(init.settings ?? init.fsconf, 'initializationOptions.settings');
    this.readonly = init.readonly === true;
    const folders = params.workspaceFolders?.length
      ? params.workspaceFolders.map((f) => clientPath(f.uri))
      : [clientPath(params.rootUri ?? undefined) ?? clientPath(params.rootPath ?? undefined)];
    this.folders = folders.filter((f): f is string => !!f);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', '<', '$', '{'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'fsconf' },
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.fsconf', 'refactor.insert.fsconf'], resolveProvider: false },
        executeCommandProvider: { commands: [...COMMAND_NAMES] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'fsconf-lsp', version: this.options.version },
    };
  }

  async onInitialized(): Promise<void> {
    this.info(`fsconf-lsp ${this.options.version} (node ${process.version})${this.readonly ? ', read-only' : ''}`);
    this.info(knowledgeSummary());
    if (this.caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'fsconf' }).catch(() => undefined);
    }
    await this.pullSettings();
    for (const folder of this.folders) this.addFolder(folder);
    this.registerWatchers();
    this.ready = true;
    let any = false;
    for (const p of this.projects.values()) {
      if (p.started) continue;
      this.analyse(p, true);
      any = true;
    }
    // no tree yet: still tell clients the (empty) start-up analysis is done
    if (!any) void this.connection.sendNotification('fsconf/analysisDone', { files: 0, errors: 0, warnings: 0, infos: 0, ms: 0 } satisfies AnalysisDone);
  }

  private addFolder(folder: string): void {
    const roots = confRootsFor(this.fs, folder);
    if (!roots.length) this.info(`no freeswitch.xml at, above or inside ${folder}: files are analysed on their own`);
    for (const root of roots.slice(0, 16)) {
      if (this.projects.has(root)) continue;
      this.newProject(root);
      this.info(`conf root ${root}`);
    }
  }

  private registerWatchers(): void {
    const dyn = this.caps.workspace?.didChangeWatchedFiles;
    if (!dyn?.dynamicRegistration) return;
    const relative = dyn.relativePatternSupport === true;
    const watchers: FileSystemWatcher[] = [];
    const pattern = '**/{*.xml,.fsconf.yaml,cti.json}';
    const roots = [...this.projects.values()].map((p) => p.root).filter((r): r is string => !!r);
    if (relative && roots.length) for (const r of roots) watchers.push({ globPattern: { baseUri: pathToUri(r), pattern } });
    else watchers.push({ globPattern: '**/*.xml' }, { globPattern: '**/.fsconf.yaml' }, { globPattern: '**/cti.json' });
    // the client watches: disk reads can be kept longer (a watcher event drops them at once)
    const covered = relative || roots.every((r) => this.folders.some((f) => isInside(r, f)));
    void this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers })
      .then(() => {
        if (covered) this.fs.ttlMs = TIMING.watchedDiskTtlMs;
      })
      .catch((e) => this.warn(`could not watch files: ${errorMessage(e)}`));
  }

  // ---------------------------------------------------------------- documents

  onOpen(uri: string, text: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    const p = this.projectFor(path);
    const xml = /\.xml$/i.test(path) || p.files.has(path);
    this.moveDiagnostics(path, pathToUri(path), uri);
    // the baseline is the text at didOpen: what the editor read from disk
    this.open.set(path, { uri, path, project: p, baseline: text, xml });
    if (xml) p.ws.open(path, text);
    else {
      p.ws.fs.overlays.set(path, text);
      p.ws.invalidate(path);
    }
    if (!this.ready) return;
    if (!p.started) this.analyse(p, true);
    else this.schedule(p); // at once after a quiet spell; a session restoring many files is coalesced
  }

  /**
   * Diagnostics are published under the client's own URI for open documents and under ours otherwise;
   * when the two spellings differ, clear the old one so the next analysis publishes under the new.
   */
  private moveDiagnostics(path: string, from: string, to: string): void {
    if (from === to) return;
    for (const q of this.projects.values()) {
      if (!q.published.has(path)) continue;
      q.published.delete(path);
      void this.connection.sendDiagnostics({ uri: from, diagnostics: [] });
    }
  }

  onChange(uri: string, text: string): void {
    const path = uriToPath(uri);
    const o = path ? this.open.get(path) : undefined;
    if (!o) return;
    if (o.project.ws.fs.overlays.get(o.path) === text) {
      // the same text under a new version (didOpen fires this event too; so does an edit undone in the same
      // batch): clients wait for diagnostics of the version they sent, and the text already has them
      if (this.ready && o.project.started && !o.project.timer) this.publish(o.project, o.path, o.project.ws.diagnostics().get(o.path) ?? [], false);
      return;
    }
    if (o.xml) o.project.ws.change(o.path, text);
    else {
      o.project.ws.fs.overlays.set(o.path, text);
      o.project.ws.invalidate(o.path);
    }
    if (this.ready) this.schedule(o.project);
  }

  onSave(uri: string): void {
    const path = uriToPath(uri);
    const o = path ? this.open.get(path) : undefined;
    const doc = this.documents.get(uri);
    if (o && doc) o.baseline = doc.getText();
    if (o) this.fs.invalidate(o.path);
  }

  onClose(uri: string): void {
    const path = uriToPath(uri);
    const o = path ? this.open.get(path) : undefined;
    if (!o) return;
    this.open.delete(o.path);
    this.moveDiagnostics(o.path, o.uri, pathToUri(o.path));
    this.fs.invalidate(o.path);
    if (o.xml) o.project.ws.close(o.path);
    else {
      o.project.ws.fs.overlays.delete(o.path);
      o.project.ws.invalidate(o.path);
    }
    if (this.ready) this.schedule(o.project);
  }

  onWatchedFiles(changes: { uri: string; type: FileChangeType }[]): void {
    const touched = new Set<Project>();
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (!path) continue;
      const config = /(^|\/)(\.fsconf\.yaml|cti\.json)$/.test(path);
      this.fs.invalidate(path);
      for (const p of this.projects.values()) {
        if (!config && p.root && !isInside(path, p.root) && !p.files.has(path)) continue;
        if (!this.open.has(path)) {
          p.ws.invalidate(path);
          p.readTexts.delete(path);
        }
        if (c.type !== FileChangeType.Changed || p.files.has(path) || config) touched.add(p);
      }
    }
    if (!this.ready) return;
    for (const p of touched) this.schedule(p, true);
  }

  async onConfigurationChange(settings: unknown): Promise<void> {
    if (this.caps.workspace?.configuration) await this.pullSettings();
    else if (settings && typeof settings === 'object' && 'fsconf' in settings) this.clientSettings = this.pick((settings as { fsconf: unknown }).fsconf, 'settings (fsconf.*)');
    this.applySettings();
    if (this.ready) for (const p of this.projects.values()) this.analyse(p);
  }

  onFoldersChanged(added: { uri: string }[]): void {
    for (const f of added) {
      const path = clientPath(f.uri);
      if (!path) continue;
      this.folders.push(path);
      this.addFolder(path);
    }
    if (this.ready) for (const p of this.projects.values()) if (!p.started) this.analyse(p, true);
  }

  // ---------------------------------------------------------------- requests

  /** The project and path of a request's document, or undefined when the file is unknown. */
  target(uri: string): { p: Project; path: string } | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const o = this.open.get(path);
    if (o) return o.xml ? { p: o.project, path } : undefined;
    for (const p of this.projects.values()) if (p.files.has(path)) return { p, path };
    return undefined;
  }

  async request<T>(name: string, token: CancellationToken | undefined, fallback: T, fn: () => T, yieldFirst = false): Promise<T> {
    try {
      if (yieldFirst) await tick();
      check(token);
      const r = fn();
      check(token);
      return r ?? fallback;
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      this.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${errorMessage(e)}`);
    }
  }

  /** The text of an open `.fsconf.yaml` (rule ids complete and explain themselves there). */
  private yamlText(uri: string): string | undefined {
    const path = uriToPath(uri);
    if (!path || !/(^|\/)\.fsconf\.ya?ml$/.test(path) || !this.open.has(path)) return undefined;
    return this.documents.get(this.open.get(path)!.uri)?.getText();
  }

  hover(uri: string, position: { line: number; character: number }) {
    const yaml = this.yamlText(uri);
    if (yaml !== undefined) return configYamlHover(yaml, position);
    const t = this.target(uri) ?? this.ctiTarget(uri);
    const h = t ? hover(t.p.ws, t.path, position) : null;
    if (h && typeof h.contents === 'object' && 'kind' in h.contents) h.contents = { ...h.contents, value: advise(h.contents.value, this.client) };
    return h;
  }

  /** mod_cti's cti.json is not XML but has hovers: route it to the project it belongs to. */
  private ctiTarget(uri: string): { p: Project; path: string } | undefined {
    const path = uriToPath(uri);
    if (!path || !path.endsWith('/cti.json')) return undefined;
    const o = this.open.get(path);
    if (o) return { p: o.project, path };
    for (const p of this.projects.values()) if (p.ws.root && path.startsWith(p.ws.root + '/')) return { p, path };
    return undefined;
  }
  completion(uri: string, position: { line: number; character: number }) {
    const yaml = this.yamlText(uri);
    if (yaml !== undefined) return configYamlCompletion(yaml, position);
    const t = this.target(uri);
    const items = t ? completion(t.p.ws, t.path, position) : [];
    if (this.caps.textDocument?.completion?.completionItem?.snippetSupport) return items;
    // no snippets: the placeholder's default text, as plain text
    const plain = (x: string) => x.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, d: string) => d).replace(/\\([$}\\])/g, '$1');
    return items.map((i) => (i.insertTextFormat === 2 ? { ...i, insertTextFormat: 1 as const, ...(i.textEdit && 'newText' in i.textEdit ? { textEdit: { ...i.textEdit, newText: plain(i.textEdit.newText) } } : {}), ...(i.insertText ? { insertText: plain(i.insertText) } : {}) } : i));
  }
  definition(uri: string, position: { line: number; character: number }) {
    const t = this.target(uri);
    if (!t) return [];
    // LocationLinks only to clients that accept them
    return this.caps.textDocument?.definition?.linkSupport ? definitionLinks(t.p.ws, t.path, position) : definition(t.p.ws, t.path, position);
  }
  references(uri: string, position: { line: number; character: number }) {
    const t = this.target(uri);
    return t ? references(t.p.ws, t.path, position) : [];
  }
  symbols(uri: string) {
    const t = this.target(uri);
    return t ? documentSymbols(t.p.ws, t.path) : [];
  }
  links(uri: string) {
    const t = this.target(uri);
    return t ? documentLinks(t.p.ws, t.path) : [];
  }
  folding(uri: string) {
    const t = this.target(uri);
    return t ? foldingRanges(t.p.ws, t.path) : [];
  }
  prepareRename(uri: string, position: { line: number; character: number }) {
    const t = this.target(uri);
    const r = t ? prepareRename(t.p.ws, t.path, position) : undefined;
    if (!r) throw new ResponseError(ErrorCodes.InvalidRequest, 'fsconf renames $${} variables, ACL lists, contexts and gateways: nothing of these here');
    if ('refused' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.refused);
    return { range: r.range, placeholder: r.placeholder };
  }
  rename(uri: string, position: { line: number; character: number }, newName: string): WorkspaceEdit {
    const t = this.target(uri);
    const r = t ? rename(t.p.ws, t.path, position, newName) : undefined;
    if (!r) throw new ResponseError(ErrorCodes.InvalidRequest, 'nothing fsconf can rename here');
    if ('refused' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.refused);
    const changes: Record<string, TextEdit[]> = {};
    for (const [path, edits] of r.changes) changes[this.uriOf(path)] = edits;
    return { changes };
  }
  inlay(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) {
    const t = this.target(uri);
    if (!t) return [];
    const k = this.settings()?.inlayHints ?? {};
    return inlayHints(t.p.ws, t.path, range, { variables: k.variables !== false, bitrates: k.bitrates !== false, arguments: k.arguments !== false });
  }
  lenses(uri: string) {
    const t = this.target(uri);
    if (!t) return [];
    // core: file:// URIs of our own spelling; the client gets the URIs it opened documents under
    const fix = (u: string) => this.uriOf(uriToPath(u) ?? u);
    return codeLenses(t.p.ws, t.path).map((l) => ({
      range: l.range,
      ...(l.command
        ? { command: { title: l.title, command: l.command, arguments: (l.arguments ?? []).map((x) => (typeof x === 'string' ? fix(x) : Array.isArray(x) ? x.map((y: { uri: string; range: unknown }) => ({ ...y, uri: fix(y.uri) })) : x)) } }
        : { command: { title: l.title, command: '' } }),
    }));
  }
  /** Every tree's profiles, gateways, contexts, extensions, domains, users and ACL lists. */
  workspaceSymbols(query: string) {
    const out = [];
    for (const p of this.projects.values()) if (p.started) out.push(...workspaceSymbols(p.ws, query).map((s) => ({ ...s, location: { ...s.location, uri: this.uriOf(uriToPath(s.location.uri) ?? s.location.uri) } })));
    return out;
  }
  actions(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, only: string[] | undefined, asked?: Diagnostic[]) {
    const t = this.target(uri);
    if (!t) return [];
    this.freshen(t.p, t.path);
    const fixes = codeActions(t.p.ws, t.path, range, only, asked?.map((d) => ({ range: d.range, code: d.code }))).map((a) => toCodeAction(a, this.uriOf));
    // templates ("Add extension: …") in dialplan files, when the client asks for refactorings too
    if (only?.length && !only.some((k) => 'refactor.insert.fsconf'.startsWith(k))) return fixes;
    const templates = templateActions(t.p.ws.analysis(), t.path, range.start, this.uriOf, uriToPath).map((a) => ({ title: a.title, kind: a.kind, edit: { changes: a.changes } }));
    return [...fixes, ...templates];
  }

  // ---------------------------------------------------------------- files changed on disk

  /** Watches the loaded files' folders: another editor's change is re-read, re-analysed and announced. */
  private disk: DiskWatcher | undefined;

  private watchDisk(): void {
    if (!this.disk) this.disk = new DiskWatcher((paths) => this.guard('disk change', () => this.onDiskChange(paths)));
    const all = new Set<string>();
    for (const q of this.projects.values()) for (const f of q.files) all.add(f);
    this.disk.sync(all);
  }

  /** The text the server last saw for a file (open: its baseline on disk), or undefined. */
  private knownText(path: string): string | undefined {
    const o = this.open.get(path);
    if (o) return o.baseline;
    for (const q of this.projects.values()) {
      const t = q.readTexts.get(path);
      if (t !== undefined) return t;
    }
    return undefined;
  }

  onDiskChange(paths: string[]): void {
    const changed: string[] = [];
    for (const path of paths) {
      if (![...this.projects.values()].some((q) => q.files.has(path))) continue;
      let disk: string | undefined;
      try {
        disk = readDisk(path);
      } catch {
        disk = undefined;
      }
      // our own writes (and touches) change nothing the server does not know
      if (disk !== undefined && disk === this.knownText(path)) continue;
      changed.push(path);
    }
    if (!changed.length) return;
    this.onWatchedFiles(changed.map((path) => ({ uri: pathToUri(path), type: FileChangeType.Changed })));
    // clients holding a file open (the terminal UI) re-read it: a diff is never computed from stale text
    void this.connection.sendNotification('fsconf/filesChanged', { uris: changed.map((path) => this.uriOf(path)) } satisfies FilesChanged);
  }

  /** Before fixes are computed for a file the client does not hold open: make sure the server's text is the disk's. */
  private freshen(p: Project, path: string): void {
    if (this.open.has(path)) return;
    const known = p.readTexts.get(path);
    let disk: string | undefined;
    try {
      disk = readDisk(path);
    } catch {
      return;
    }
    if (known === undefined || disk === undefined || disk === known) return;
    this.onWatchedFiles([{ uri: pathToUri(path), type: FileChangeType.Changed }]);
    this.analyse(p);
  }

  // ---------------------------------------------------------------- commands

  async executeCommand(command: string, args: unknown[], token: CancellationToken | undefined): Promise<unknown> {
    check(token);
    return runCommand(this, command, args);
  }

  // ---------------------------------------------------------------- wiring

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.onInitialize(params));
    c.onInitialized(() => {
      this.onInitialized().catch((e) => this.error(`start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
      if (this.caps.workspace?.workspaceFolders) c.workspace.onDidChangeWorkspaceFolders((ev) => this.guard('workspace folders', () => this.onFoldersChanged(ev.added)));
    });
    this.documents.onDidOpen((e) => this.guard('didOpen', () => this.onOpen(e.document.uri, e.document.getText())));
    this.documents.onDidChangeContent((e) => {
      const path = uriToPath(e.document.uri);
      // didOpen also fires this event: only real changes here
      if (path && this.open.has(path) && e.document.version !== undefined) this.guard('didChange', () => this.onChange(e.document.uri, e.document.getText()));
    });
    this.documents.onDidSave((e) => this.guard('didSave', () => this.onSave(e.document.uri)));
    this.documents.onDidClose((e) => this.guard('didClose', () => this.onClose(e.document.uri)));
    this.documents.listen(c);
    c.onDidChangeWatchedFiles((p) => this.guard('didChangeWatchedFiles', () => this.onWatchedFiles(p.changes)));
    c.onDidChangeConfiguration((p) => {
      this.onConfigurationChange(p.settings).catch((e) => this.error(`settings: ${errorMessage(e)}`));
    });

    c.onHover((p, token) => this.request('hover', token, null, () => this.hover(p.textDocument.uri, p.position)));
    c.onCompletion((p, token) => this.request('completion', token, [], () => this.completion(p.textDocument.uri, p.position)));
    c.onDefinition((p, token) => this.request('definition', token, [], () => this.definition(p.textDocument.uri, p.position)));
    c.onReferences((p, token) => this.request('references', token, [], () => this.references(p.textDocument.uri, p.position), true));
    c.onDocumentSymbol((p, token) => this.request('documentSymbol', token, [], () => this.symbols(p.textDocument.uri), true));
    c.onDocumentLinks((p, token) => this.request('documentLink', token, [], () => this.links(p.textDocument.uri), true));
    c.onFoldingRanges((p, token) => this.request('foldingRange', token, [], () => this.folding(p.textDocument.uri), true));
    c.onPrepareRename((p, token) => this.request('prepareRename', token, null, () => this.prepareRename(p.textDocument.uri, p.position)));
    c.onRenameRequest((p, token) => this.request('rename', token, null, () => this.rename(p.textDocument.uri, p.position, p.newName), true));
    c.languages.inlayHint.on((p, token) => this.request('inlayHint', token, [], () => this.inlay(p.textDocument.uri, p.range), true));
    c.onCodeLens((p, token) => this.request('codeLens', token, [], () => [...this.lenses(p.textDocument.uri), ...routeLenses(this.target(p.textDocument.uri), p.textDocument.uri)], true));
    c.onWorkspaceSymbol((p, token) => this.request('workspaceSymbol', token, [], () => this.workspaceSymbols(p.query), true));
    c.onCodeAction((p, token) => this.request('codeAction', token, [], () => this.actions(p.textDocument.uri, p.range, p.context.only, p.context.diagnostics), true));
    c.onExecuteCommand(async (p, token) => {
      try {
        return await this.executeCommand(p.command, p.arguments ?? [], token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        this.error(`${p.command} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        throw new ResponseError(ErrorCodes.InternalError, `${p.command} failed: ${errorMessage(e)}`);
      }
    });
    c.onShutdown(() => {
      this.disk?.close();
      for (const p of this.projects.values()) if (p.timer) clearTimeout(p.timer);
    });
    c.listen();
  }

  /** Run a notification handler; an exception is logged, never thrown into the connection. */
  private guard(name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
}

export function startServer(connection: Connection, options: ServerOptions): FsconfServer {
  const server = new FsconfServer(connection, options);
  server.listen();
  return server;
}
