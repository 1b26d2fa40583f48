/**
 * The fsconf language server: adapts the engine's protocol-free service (@fsconf/core) to LSP.
 * It knows LSP, not FreeSWITCH — every answer comes from core.
 *
 * State: one Project per conf root (a FsconfWorkspace with editor overlays), plus a root-less project
 * for files that live in no conf tree. Diagnostics are published for every file of a tree once at start,
 * then whenever an analysis changes a file's findings (so editing vars.xml re-publishes the profiles).
 */
import { FsconfWorkspace, NodeFileSystem, knowledgeSummary, type FsconfConfig } from '@fsconf/core';
import {
  DidChangeConfigurationNotification,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clientPath, isInside, pathToUri, uriToPath } from './paths.js';
import type { DiskWatcher } from './disk-watch.js';
import { CachingFileSystem } from './cachefs.js';
import { clientKind, type ClientKind } from './advice.js';
import { runCommand, type CommandHost } from './commands/index.js';
import type { OpenDoc, Project } from './state.js';
import { COMMAND_NAMES, type AnalysisDone } from './protocol.js';
import { TIMING } from './debounce.js';
import { analyse as analyseProject } from './publishing.js';
import { pick, pullSettings, onConfigurationChange } from './settings.js';
import { onChange, onClose, onFoldersChanged, onOpen, onSave, onWatchedFiles } from './documents.js';
import { check, listenRequests } from './requests.js';
import { registerWatchers } from './disk-changes.js';
import { addFolder, newProject } from './projects.js';
import { describeError, errorMessage } from './log.js';

export interface ServerOptions {
  version: string;
}

export class FsconfServer implements CommandHost {
  readonly documents = new TextDocuments(TextDocument);
  /** Disk reads cached between changes (see CachingFileSystem); dropped on watcher events, writes and lintTree. */
  readonly fs = new CachingFileSystem(new NodeFileSystem(), TIMING.diskTtlMs);
  readonly projects = new Map<string, Project>();
  readonly open = new Map<string, OpenDoc>();
  folders: string[] = [];
  initSettings: FsconfConfig | undefined;
  clientSettings: FsconfConfig | undefined;
  readonly: boolean = false;
  caps: ClientCapabilities = {};
  /** Who we talk to: advice names its settings (VS Code) or .fsconf.yaml (others). */
  client: ClientKind = 'other';
  readonly loggedRuleErrors = new Set<string>();
  ready = false;

  constructor(
    readonly connection: Connection,
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

  /** The project a file belongs to (created, and its whole tree published, on first use). */
  projectFor(path: string): Project {
    const root = FsconfWorkspace.rootFor(this.fs, path);
    const key = root ?? '';
    const existing = this.projects.get(key);
    if (existing) return existing;
    // a file a tree includes from outside its root
    for (const p of this.projects.values()) if (p.files.has(path)) return p;
    const p = newProject(this, root);
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

  analyse(p: Project, force = false) {
    return analyseProject(this, p, force);
  }

  uriOf = (path: string): string => this.open.get(path)?.uri ?? pathToUri(path);

  /** Version of each open document whose diagnostics were last published. */
  readonly publishedVersion = new Map<string, number>();

  // ---------------------------------------------------------------- lifecycle

  onInitialize(params: InitializeParams): InitializeResult {
    this.caps = params.capabilities ?? {};
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; fsconf?: unknown; readonly?: unknown; client?: unknown };
    this.client = clientKind(params.clientInfo?.name, init.client);
    // { settings } is the contract; { fsconf } is what clients configured like Helix send
    this.initSettings = pick(this, init.settings ?? init.fsconf, 'initializationOptions.settings');
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
    await pullSettings(this);
    for (const folder of this.folders) addFolder(this, folder);
    registerWatchers(this);
    this.ready = true;
    let any = false;
    for (const p of this.projects.values()) {
      if (p.started) continue;
      analyseProject(this, p, true);
      any = true;
    }
    // no tree yet: still tell clients the (empty) start-up analysis is done
    if (!any) void this.connection.sendNotification('fsconf/analysisDone', { files: 0, errors: 0, warnings: 0, infos: 0, ms: 0 } satisfies AnalysisDone);
  }

  /** The project and path of a request's document, or undefined when the file is unknown. */
  target(uri: string): { p: Project; path: string } | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const o = this.open.get(path);
    if (o) return o.xml ? { p: o.project, path } : undefined;
    for (const p of this.projects.values()) if (p.files.has(path)) return { p, path };
    return undefined;
  }

  /** Watches the loaded files' folders: another editor's change is re-read, re-analysed and announced. */
  disk: DiskWatcher | undefined;

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
      this.onInitialized().catch((e) => this.error(`start-up failed: ${describeError(e)}`));
      if (this.caps.workspace?.workspaceFolders)
        c.workspace.onDidChangeWorkspaceFolders((ev) => this.guard('workspace folders', () => onFoldersChanged(this, ev.added)));
    });
    this.documents.onDidOpen((e) => this.guard('didOpen', () => onOpen(this, e.document.uri, e.document.getText())));
    this.documents.onDidChangeContent((e) => {
      const path = uriToPath(e.document.uri);
      // didOpen also fires this event: only real changes here
      if (path && this.open.has(path) && e.document.version !== undefined) this.guard('didChange', () => onChange(this, e.document.uri, e.document.getText()));
    });
    this.documents.onDidSave((e) => this.guard('didSave', () => onSave(this, e.document.uri)));
    this.documents.onDidClose((e) => this.guard('didClose', () => onClose(this, e.document.uri)));
    this.documents.listen(c);
    c.onDidChangeWatchedFiles((p) => this.guard('didChangeWatchedFiles', () => onWatchedFiles(this, p.changes)));
    c.onDidChangeConfiguration((p) => {
      onConfigurationChange(this, p.settings).catch((e) => this.error(`settings: ${errorMessage(e)}`));
    });

    listenRequests(this, c);
    c.onExecuteCommand(async (p, token) => {
      try {
        return await this.executeCommand(p.command, p.arguments ?? [], token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        this.error(`${p.command} failed: ${describeError(e)}`);
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
  guard(name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.error(`${name} failed: ${describeError(e)}`);
    }
  }
}

export function startServer(connection: Connection, options: ServerOptions): FsconfServer {
  const server = new FsconfServer(connection, options);
  server.listen();
  return server;
}
