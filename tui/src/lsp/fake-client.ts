/**
 * An in-memory FsconfClient for component tests: tests publish diagnostics, script answers and
 * inspect what the UI sent.
 */
import type { AnalysisDone, ClientEvent, CodeAction, Diagnostic, FsconfClient, Position, Range } from './types.js';

export interface SentMessage {
  method: string;
  params: unknown;
}

export class FakeClient implements FsconfClient {
  readonly sent: SentMessage[] = [];
  readonly open = new Map<string, string>();
  private listeners = new Set<(e: ClientEvent) => void>();
  hovers = new Map<string, string>();
  actions: (uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]) => CodeAction[] = () => [];
  commands: Record<string, (args: unknown[]) => unknown> = {};
  started = false;
  stopped = false;

  async start(): Promise<void> {
    this.started = true;
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  subscribe(listener: (e: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: ClientEvent): void {
    for (const l of this.listeners) l(e);
  }
  publish(uri: string, diagnostics: Diagnostic[]): void {
    this.emit({ type: 'diagnostics', uri, diagnostics });
  }
  done(summary: Partial<AnalysisDone> = {}): void {
    this.emit({ type: 'analysisDone', summary: { files: 0, errors: 0, warnings: 0, infos: 0, ms: 1, ...summary } });
  }
  async hover(uri: string, position: Position): Promise<string | null> {
    this.sent.push({ method: 'textDocument/hover', params: { uri, position } });
    return this.hovers.get(`${uri}:${position.line}`) ?? null;
  }
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    this.sent.push({ method: 'textDocument/codeAction', params: { uri, range, diagnostics, only } });
    return this.actions(uri, range, diagnostics, only);
  }
  async executeCommand<T>(command: string, args: unknown[]): Promise<T> {
    this.sent.push({ method: 'workspace/executeCommand', params: { command, arguments: args } });
    const h = this.commands[command];
    if (!h) throw new Error(`Unhandled method workspace/executeCommand ${command}`);
    return (await h(args)) as T;
  }
  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }
  didOpen(uri: string, text: string): void {
    this.open.set(uri, text);
    this.sent.push({ method: 'textDocument/didOpen', params: { uri, text } });
  }
  didChange(uri: string, text: string): void {
    this.open.set(uri, text);
    this.sent.push({ method: 'textDocument/didChange', params: { uri, text } });
  }
  didSave(uri: string): void {
    this.sent.push({ method: 'textDocument/didSave', params: { uri } });
  }
  didClose(uri: string): void {
    this.open.delete(uri);
    this.sent.push({ method: 'textDocument/didClose', params: { uri } });
  }
  methods(): string[] {
    return this.sent.map((m) => (m.method === 'workspace/executeCommand' ? `${m.method} ${(m.params as { command: string }).command}` : m.method));
  }
}
