/**
 * The server's `workspace/executeCommand` dispatch, built from the descriptors in protocol/commands.ts:
 * one handler per command (the type demands every one), arguments checked before a handler runs.
 */
import { ErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMAND, type CommandKey, type ParamOf, type ResultOf } from '../protocol.js';
import type { CachingFileSystem } from '../cachefs.js';
import type { ClientKind } from '../advice.js';
import type { OpenDoc, Project } from '../state.js';
import type { Counts } from '../convert.js';
import { aclLists, aclTest } from './acl.js';
import { assembled, eslConnection, lintTree, secretRanges, treeInfo } from './tree.js';
import { applyEdit, saveDocument } from './write.js';
import { route } from './route.js';
import { structure, structuralEditCommand, templates, vocabularyCommand } from './structure.js';

/** What command handlers need of the server. */
export interface CommandHost {
  readonly projects: Map<string, Project>;
  readonly open: Map<string, OpenDoc>;
  readonly documents: TextDocuments<TextDocument>;
  readonly fs: CachingFileSystem;
  readonly client: ClientKind;
  readonly readonly: boolean;
  /** The project commands act on: the one holding `uri` when given, else the first tree. */
  commandProject(uri?: unknown): Project | undefined;
  /** The project a file belongs to (created on first use). */
  projectFor(path: string): Project;
  /** The project and path of a document fsconf analyses, or undefined. */
  target(uri: string): { p: Project; path: string } | undefined;
  analyse(p: Project, force?: boolean): { files: number } & Counts;
  uriOf(path: string): string;
  info(message: string): void;
  warn(message: string): void;
}

export type Handler<K extends CommandKey> = (host: CommandHost, arg: ParamOf<(typeof COMMAND)[K]>) => ResultOf<(typeof COMMAND)[K]>;

export const HANDLERS: { readonly [K in CommandKey]: Handler<K> } = {
  lintTree,
  treeInfo,
  aclTest,
  aclLists,
  applyEdit,
  saveDocument,
  secretRanges,
  assembled,
  route,
  structure,
  structuralEdit: structuralEditCommand,
  templates,
  vocabulary: vocabularyCommand,
  eslConnection,
};

type AnyHandler = (host: CommandHost, arg: Record<string, unknown>) => unknown;
const BY_NAME = new Map<string, { usage: string; valid: (a: Record<string, unknown>) => boolean; run: AnyHandler }>(
  (Object.keys(COMMAND) as CommandKey[]).map((k) => [COMMAND[k].name, { usage: COMMAND[k].usage, valid: COMMAND[k].valid, run: HANDLERS[k] as AnyHandler }]),
);

/** The names the dispatch answers (the test holds them equal to COMMAND_NAMES). */
export const DISPATCHED: readonly string[] = [...BY_NAME.keys()];

/** Run a command: unknown names and malformed arguments are InvalidParams (-32602). */
export function runCommand(host: CommandHost, command: string, args: unknown[] | undefined): unknown {
  const c = BY_NAME.get(command);
  if (!c) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${command}`);
  const arg: unknown = args?.[0] ?? {};
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || !c.valid(arg as Record<string, unknown>))
    throw new ResponseError(ErrorCodes.InvalidParams, c.usage);
  return c.run(host, arg as Record<string, unknown>);
}
