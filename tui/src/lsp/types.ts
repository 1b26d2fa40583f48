/**
 * What the TUI expects from fsconf-lsp: standard LSP plus the fsconf commands and notification
 * (see the server contract in server-lsp/README.md). Only protocol types — nothing from core.
 */
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import type { AnalysisDone } from '@fsconf/server-lsp/protocol';

export type { CodeAction, Diagnostic, Position, Range, TextEdit };

// what fsconf-lsp's own notification and commands send: one definition, the server's (type-only)
export type { AclListInfo, AclTestResult, AnalysisDone, FilesChanged } from '@fsconf/server-lsp/protocol';

export type Changes = Record<string, TextEdit[]>;

export type ClientEvent =
  | { type: 'diagnostics'; uri: string; diagnostics: Diagnostic[] }
  | { type: 'analysisDone'; summary: AnalysisDone }
  /** Files changed on disk (another editor, git pull): re-read what is shown. */
  | { type: 'filesChanged'; uris: string[] }
  /** A message for the status line (server crash, restart, showMessage). */
  | { type: 'status'; level: 'info' | 'warning' | 'error'; message: string }
  /** The server was restarted: every diagnostic is about to be published again. */
  | { type: 'reset' };

/**
 * The TUI's view of the language server. The real one spawns fsconf-lsp (ProcessClient); tests use
 * FakeClient. Every method may reject; callers show the message in the status line.
 */
export interface FsconfClient {
  start(): Promise<void>;
  stop(): Promise<void>;
  subscribe(listener: (e: ClientEvent) => void): () => void;
  hover(uri: string, position: Position): Promise<string | null>;
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>;
  didOpen(uri: string, text: string): void;
  didChange(uri: string, text: string): void;
  didSave(uri: string, text?: string): void;
  didClose(uri: string): void;
  isOpen(uri: string): boolean;
  executeCommand<T>(command: string, args: unknown[]): Promise<T>;
}
