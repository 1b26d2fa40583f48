/**
 * The real client: spawns `node fsconf-lsp --stdio` and speaks LSP to it. If the server dies, it is
 * restarted once (documents still open are re-opened); a second crash is reported and left alone.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnServer, type ServerProcess } from './spawn.js';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  ApplyWorkspaceEditRequest,
  ShowMessageRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Hover,
  type MarkedString,
  type Position,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { canonicalUri, pathToUri } from './uri.js';
import type { AnalysisDone, ClientEvent, FilesChanged, FsconfClient } from './types.js';
import { errorText } from './errors.js';

export interface ProcessClientOptions {
  serverPath: string;
  root: string;
  readonly: boolean;
  settings?: Record<string, unknown>;
  /** How many times a crashed server is restarted. */
  restarts?: number;
  /** Per-request time limit (ms). */
  timeout?: number;
  env?: NodeJS.ProcessEnv;
  /** an already spawned server for the first start (started before the UI loaded) */
  child?: ServerProcess;
}

function hoverText(h: Hover | null | undefined): string | null {
  if (!h) return null;
  const one = (m: MarkedString | { kind: string; value: string }): string => (typeof m === 'string' ? m : m.value);
  const c = h.contents as MarkedString | MarkedString[] | { kind: string; value: string };
  const text = Array.isArray(c) ? c.map(one).join('\n\n') : one(c);
  return text.trim() ? text : null;
}

export class ProcessClient implements FsconfClient {
  private child: ChildProcess | undefined;
  private conn: ProtocolConnection | undefined;
  private listeners = new Set<(e: ClientEvent) => void>();
  private open = new Map<string, { text: string; version: number }>();
  /** canonical URI → the server's own spelling */
  private spelling = new Map<string, string>();
  private stopping = false;
  private restartsLeft: number;
  private stderrTail = '';
  private starting: Promise<void> | undefined;
  /** events that arrived before anyone listened (the server starts before the UI) */
  private early: ClientEvent[] | undefined = [];
  private prespawned: ServerProcess | undefined;

  constructor(private readonly opts: ProcessClientOptions) {
    this.restartsLeft = opts.restarts ?? 1;
    this.prespawned = opts.child;
  }

  subscribe(listener: (e: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    const early = this.early;
    this.early = undefined;
    for (const e of early ?? []) listener(e);
    return () => this.listeners.delete(listener);
  }

  private emit(e: ClientEvent): void {
    if (this.early) {
      this.early.push(e);
      return;
    }
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // a listener's bug must not break the connection
      }
    }
  }

  private serverUri(uri: string): string {
    return this.spelling.get(canonicalUri(uri)) ?? uri;
  }

  /** Starts the server (once; later calls return the same promise). */
  start(): Promise<void> {
    this.starting ??= this.launch();
    return this.starting;
  }

  private restart(): Promise<void> {
    this.starting = this.launch();
    return this.starting;
  }

  private async launch(): Promise<void> {
    const child: ServerProcess = this.prespawned ?? spawnServer(this.opts.serverPath, this.opts.root, this.opts.env ?? process.env);
    this.prespawned = undefined;
    this.child = child;
    this.stderrTail = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      this.stderrTail = (this.stderrTail + d).slice(-4000);
    });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.conn = conn;
    child.stdin!.on('error', () => {
      // EPIPE when the server died; the exit handler reports it
    });
    const spawnFailed = new Promise<never>((_, reject) => {
      const fail = (err: Error) => reject(new Error(`cannot start the language server (${this.opts.serverPath}): ${err.message}`));
      if (child.spawnError) fail(child.spawnError);
      child.once('error', fail);
    });
    spawnFailed.catch(() => undefined);
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    if (child.exitCode !== null || child.signalCode !== null) setImmediate(() => this.onExit(child, child.exitCode, child.signalCode));

    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const canon = canonicalUri(p.uri);
      this.spelling.set(canon, p.uri);
      this.emit({ type: 'diagnostics', uri: canon, diagnostics: p.diagnostics });
    });
    conn.onNotification('fsconf/analysisDone', (p: AnalysisDone) => this.emit({ type: 'analysisDone', summary: p }));
    conn.onNotification('fsconf/filesChanged', (p: FilesChanged) => this.emit({ type: 'filesChanged', uris: (p.uris ?? []).map(canonicalUri) }));
    conn.onNotification(ShowMessageNotification.type, (p) => {
      if (p.type <= MessageType.Warning) this.emit({ type: 'status', level: p.type === MessageType.Error ? 'error' : 'warning', message: p.message });
    });
    conn.onNotification(LogMessageNotification.type, () => undefined);
    conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({})));
    conn.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(UnregistrationRequest.type, () => undefined);
    conn.onRequest(ShowMessageRequest.type, (p) => {
      this.emit({ type: 'status', level: p.type === MessageType.Error ? 'error' : 'info', message: p.message });
      return null;
    });
    // The TUI applies edits only through fsconf.applyEdit, after showing them: refuse server-initiated edits.
    conn.onRequest(ApplyWorkspaceEditRequest.type, () => ({
      applied: false,
      failureReason: 'the terminal UI applies edits only after the user confirms them',
    }));
    conn.onClose(() => undefined);
    conn.onError(() => undefined);
    conn.listen();

    const rootUri = pathToUri(this.opts.root);
    const init = conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'fsconf-tui', version: '0.1.0' },
      rootUri,
      rootPath: this.opts.root,
      workspaceFolders: [{ uri: rootUri, name: this.opts.root }],
      initializationOptions: { readonly: this.opts.readonly, settings: this.opts.settings ?? {} },
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: false, executeCommand: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.fixAll.fsconf'] } },
            isPreferredSupport: true,
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: false, showMessage: {} },
      },
    });
    await Promise.race([init, spawnFailed]);
    conn.sendNotification(InitializedNotification.type, {});
    for (const [uri, d] of this.open) {
      conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: this.serverUri(uri), languageId: 'xml', version: d.version, text: d.text },
      });
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    this.conn?.dispose();
    this.conn = undefined;
    this.child = undefined;
    if (this.stopping) return;
    const why = signal ? `killed by ${signal}` : `exit code ${code}`;
    const last = this.stderrTail.trim().split('\n').filter(Boolean).pop();
    const detail = last ? ` — ${last.slice(0, 160)}` : '';
    if (this.restartsLeft > 0) {
      this.restartsLeft--;
      this.emit({ type: 'status', level: 'warning', message: `the language server stopped (${why})${detail}; restarted it` });
      this.emit({ type: 'reset' });
      this.restart().catch((e: unknown) => {
        this.emit({
          type: 'status',
          level: 'error',
          message: `the language server could not be restarted: ${errorText(e)} — quit with q and run fsconf again`,
        });
      });
    } else {
      this.emit({
        type: 'status',
        level: 'error',
        message: `the language server stopped again (${why})${detail} — quit with q and run fsconf again; \`fsconf lint\` still works`,
      });
    }
  }

  private async connection(): Promise<ProtocolConnection> {
    if (this.starting) await this.starting.catch(() => undefined);
    if (!this.conn) throw new Error('the language server is not running');
    return this.conn;
  }

  private async request<R>(send: (c: ProtocolConnection) => Promise<R>): Promise<R> {
    const c = await this.connection();
    const limit = this.opts.timeout ?? 60000;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        send(c),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the language server did not answer within ${Math.round(limit / 1000)} s`)), limit);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async hover(uri: string, position: Position): Promise<string | null> {
    const h = await this.request((c) => c.sendRequest(HoverRequest.type, { textDocument: { uri: this.serverUri(uri) }, position }));
    return hoverText(h);
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const r = await this.request((c) =>
      c.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: this.serverUri(uri) },
        range,
        context: { diagnostics, ...(only ? { only } : {}) },
      }),
    );
    return (r ?? []).filter((a): a is CodeAction => !isCommand(a));
  }

  executeCommand<T>(command: string, args: unknown[]): Promise<T> {
    return this.request((c) => c.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>);
  }

  isOpen(uri: string): boolean {
    return this.open.has(canonicalUri(uri));
  }

  didOpen(uri: string, text: string): void {
    const canon = canonicalUri(uri);
    this.open.set(canon, { text, version: 1 });
    this.conn?.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: this.serverUri(uri), languageId: 'xml', version: 1, text } });
  }

  didChange(uri: string, text: string): void {
    const canon = canonicalUri(uri);
    const d = this.open.get(canon);
    if (!d) return;
    d.text = text;
    d.version++;
    this.conn?.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.serverUri(uri), version: d.version },
      contentChanges: [{ text }],
    });
  }

  didSave(uri: string, text?: string): void {
    if (!this.open.has(canonicalUri(uri))) return;
    this.conn?.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: this.serverUri(uri) }, ...(text !== undefined ? { text } : {}) });
  }

  didClose(uri: string): void {
    const canon = canonicalUri(uri);
    if (!this.open.delete(canon)) return;
    this.conn?.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.serverUri(uri) } });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    const conn = this.conn;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      if (conn) {
        await Promise.race([conn.sendRequest(ShutdownRequest.type), delay(1500)]);
        conn.sendNotification(ExitNotification.type);
      }
    } catch {
      // already gone
    }
    const killed = await Promise.race([exited.then(() => true), delay(1500).then(() => false)]);
    if (!killed) child.kill('SIGKILL');
    conn?.dispose();
  }
}

function isCommand(a: CodeAction | Command): a is Command {
  return typeof (a as Command).command === 'string' && !('kind' in a) && !('edit' in a);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
