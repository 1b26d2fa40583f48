/**
 * What the TUI expects from fsconf-lsp: standard LSP plus the fsconf commands and notification
 * (see the server contract in server-lsp/README.md). Only protocol types — nothing from core.
 */
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-protocol';

export type { CodeAction, Diagnostic, Position, Range, TextEdit };

/** `fsconf/analysisDone` — sent once the whole tree has been analysed and published. */
export interface AnalysisDone {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  ms: number;
}

/** `fsconf.treeInfo` */
export interface TreeInfo {
  root: string;
  files: { uri: string; errors: number; warnings: number; infos: number }[];
}

/** `fsconf.aclLists` */
export interface AclListInfo {
  name: string;
  uri?: string;
  line?: number;
  builtin: boolean;
}

/** `fsconf.aclTest` */
export interface AclTestResult {
  verdict: 'allow' | 'deny' | 'unknown';
  list: string;
  /** uri and line are null for a node of a built-in list (loopback.auto …) */
  decidedBy: { uri: string | null; line: number | null; cidr: string; type: string } | null;
  reason: string;
}

/** `fsconf.applyEdit` / `fsconf.saveDocument` */
export interface WriteResult {
  applied: boolean;
  files: { uri: string; backup?: string }[];
  message?: string;
}

export type Changes = Record<string, TextEdit[]>;

export type ClientEvent =
  | { type: 'diagnostics'; uri: string; diagnostics: Diagnostic[] }
  | { type: 'analysisDone'; summary: AnalysisDone }
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
