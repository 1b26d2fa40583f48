/**
 * A small LSP test client: spawns the real built server (`node server-lsp/dist/main.js --stdio`) and talks
 * to it with vscode-languageserver-protocol, collecting every notification it publishes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type InitializeResult,
  type ClientCapabilities,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { LSP } from '../helpers.js';

export function uri(path: string): string {
  return 'file://' + path.split('/').map(encodeURIComponent).join('/');
}

export interface Published {
  uri: string;
  diagnostics: Diagnostic[];
  version?: number;
  at: number;
}

type Waiter = { pred: () => boolean; resolve: () => void };

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    applyEdit: true,
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
    synchronization: { didSave: true, dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: false } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
};

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly published: Published[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly logs: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  stderr = '';
  /** What workspace/configuration answers for section "fsconf". */
  settings: unknown = null;
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [LSP, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d.toString()));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[]; version?: number }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.published.push({ ...p, at: performance.now() });
      this.poke();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.poke();
    });
    // the catch-all handler exists at run time (vscode-jsonrpc) but ProtocolConnection's type omits it
    (this.conn as unknown as { onNotification(h: (method: string, params: unknown) => void): void }).onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.poke();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'fsconf' ? this.settings : null)),
    );
    this.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      this.poke();
      return null;
    });
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  private poke(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolve when pred() holds (checked after every notification). */
  waitFor(pred: () => boolean, what: string, timeoutMs = 20000): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}\nserver log:\n${this.logs.join('\n')}\n${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = {
        pred,
        resolve: () => {
          clearTimeout(t);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Count of fsconf/analysisDone notifications so far. */
  analyses(): { files: number; errors: number; warnings: number; infos: number; ms: number }[] {
    return this.notifications.filter((n) => n.method === 'fsconf/analysisDone').map((n) => n.params as never);
  }

  waitForAnalysis(after: number, what = 'an analysis'): Promise<void> {
    return this.waitFor(() => this.analyses().length > after, what);
  }

  /** Resolve with the next diagnostics published for uri after `since` publishes. */
  async nextDiagnostics(u: string, since = this.published.length, pred: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    let found: Diagnostic[] | undefined;
    await this.waitFor(() => {
      for (let i = since; i < this.published.length; i++) {
        const p = this.published[i]!;
        if (p.uri === u && pred(p.diagnostics)) {
          found = p.diagnostics;
          return true;
        }
      }
      return false;
    }, `diagnostics for ${u}`);
    return found!;
  }

  async initialize(
    root: string | null,
    options: { initializationOptions?: unknown; capabilities?: ClientCapabilities; folders?: string[] } = {},
  ): Promise<InitializeResult> {
    const r = (await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root ? uri(root) : null,
      capabilities: options.capabilities ?? CAPABILITIES,
      workspaceFolders: options.folders ? options.folders.map((f) => ({ uri: uri(f), name: f })) : root ? [{ uri: uri(root), name: 'conf' }] : null,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    })) as InitializeResult;
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  /** didOpen; returns the text sent. */
  open(path: string, text = readFileSync(path, 'utf8')): string {
    const u = uri(path);
    this.versions.set(u, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'xml', version: 1, text } });
    return text;
  }

  change(path: string, changes: ({ range: Range; text: string } | { text: string })[]): void {
    const u = uri(path);
    const v = (this.versions.get(u) ?? 1) + 1;
    this.versions.set(u, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: v }, contentChanges: changes });
  }

  close(path: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } });
  }

  hover(path: string, position: Position) {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(path) }, position }) as Promise<{
      contents: { kind: string; value: string };
      range?: Range;
    } | null>;
  }
  completion(path: string, position: Position) {
    return this.conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(path) }, position }) as Promise<
      { label: string; detail?: string }[] | { items: { label: string }[] } | null
    >;
  }
  definition(path: string, position: Position) {
    return this.conn.sendRequest('textDocument/definition', { textDocument: { uri: uri(path) }, position }) as Promise<{ uri: string; range: Range }[] | null>;
  }
  references(path: string, position: Position) {
    return this.conn.sendRequest('textDocument/references', { textDocument: { uri: uri(path) }, position, context: { includeDeclaration: true } }) as Promise<
      { uri: string; range: Range }[] | null
    >;
  }
  codeActions(path: string, range: Range, diagnostics: Diagnostic[], only?: string[]) {
    return this.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(path) },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<
      { title: string; kind?: string; isPreferred?: boolean; data?: unknown; edit?: { changes?: Record<string, { range: Range; newText: string }[]> } }[] | null
    >;
  }
  command<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
    return this.conn.sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<T>;
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => {
      if (this.proc.exitCode !== null) r(this.proc.exitCode);
      else this.proc.once('exit', (code) => r(code));
    });
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    const code = await exited;
    clearTimeout(t);
    this.conn.dispose();
    return code;
  }
}

/** Apply LSP text edits to a text (non-overlapping, any order). */
export function applyTextEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: Position) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** Position of the n-th occurrence of needle in text (+ delta characters). */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not found`);
  }
  i += delta;
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - (before.lastIndexOf('\n') + 1) };
}
