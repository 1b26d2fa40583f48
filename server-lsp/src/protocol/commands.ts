/**
 * The fsconf commands (`workspace/executeCommand`), defined once: the server's dispatch table and
 * executeCommandProvider are built from COMMAND, and the clients run them through it, so a command's
 * name, argument and result cannot drift apart. Pure data and small checks: clients bundle this.
 */
import type {
  AclListInfo,
  AclTestResult,
  AssembledResult,
  EslConnectionInfo,
  RouteArgs,
  RouteCallResult,
  Structure,
  StructuralEdit,
  StructuralEditResult,
  TemplateInfo,
  TreeInfo,
  Vocabulary,
  WriteResult,
} from '../protocol.js';

/** A 0-based LSP range (structurally the LSP type; no dependency on its package). */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A WorkspaceEdit as fsconf.applyEdit accepts it: text edits only. */
export interface TextWorkspaceEdit {
  changes?: Record<string, { range: LspRange; newText: string }[]>;
  documentChanges?: { textDocument: { uri: string; version?: number | null }; edits: { range: LspRange; newText: string }[] }[];
}

/** `fsconf.lintTree`: totals over the trees linted. */
export interface LintTreeResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Every command may name a file of the tree to act on (else: the first tree). */
export interface OnTree {
  uri?: string;
}

export interface CommandDescriptor<N extends string = string, P = unknown, R = unknown> {
  readonly name: N;
  /** What the argument must look like, for the InvalidParams message. */
  readonly usage: string;
  /** Runtime check of the (first) argument, an object; false: InvalidParams with `usage`. */
  readonly valid: (arg: Record<string, unknown>) => boolean;
  /** Type-only: the argument and result (never set at runtime). */
  readonly types?: { param: P; result: R };
}

export type ParamOf<D> = D extends CommandDescriptor<string, infer P, unknown> ? P : never;
export type ResultOf<D> = D extends CommandDescriptor<string, unknown, infer R> ? R : never;

function command<P, R>() {
  return <N extends string>(name: N, usage: string, valid: (arg: Record<string, unknown>) => boolean = () => true): CommandDescriptor<N, P, R> => ({
    name,
    usage,
    valid,
  });
}

const str = (v: unknown): v is string => typeof v === 'string';
const opt = (v: unknown, is: (x: unknown) => boolean) => v === undefined || is(v);
const strMap = (v: unknown) => typeof v === 'object' && v !== null && Object.values(v).every(str);
const obj = (v: unknown) => !!v && typeof v === 'object';

export const COMMAND = {
  lintTree: command<OnTree, LintTreeResult>()('fsconf.lintTree', 'fsconf.lintTree expects [{ uri?: string }]'),
  treeInfo: command<OnTree, TreeInfo>()('fsconf.treeInfo', 'fsconf.treeInfo expects [{ uri?: string }]'),
  aclTest: command<OnTree & { ip: string; list: string; port?: number }, AclTestResult>()(
    'fsconf.aclTest',
    'fsconf.aclTest expects [{ ip: string, list: string, port?: number }]',
    (a) => str(a.ip) && str(a.list) && opt(a.port, (p) => typeof p === 'number'),
  ),
  aclLists: command<OnTree, AclListInfo[]>()('fsconf.aclLists', 'fsconf.aclLists expects [{ uri?: string }]'),
  applyEdit: command<{ edit: TextWorkspaceEdit; backup?: boolean }, WriteResult>()(
    'fsconf.applyEdit',
    'fsconf.applyEdit expects [{ edit: WorkspaceEdit, backup?: boolean }]',
    (a) => obj(a.edit),
  ),
  saveDocument: command<{ uri: string; backup?: boolean }, WriteResult>()(
    'fsconf.saveDocument',
    'fsconf.saveDocument expects [{ uri: string, backup?: boolean }]',
    (a) => str(a.uri),
  ),
  secretRanges: command<{ uri: string; text?: string }, LspRange[]>()(
    'fsconf.secretRanges',
    'fsconf.secretRanges expects [{ uri: string, text?: string }]',
    (a) => str(a.uri) && opt(a.text, str),
  ),
  assembled: command<OnTree & { section?: string; name?: string; reveal?: boolean; origins?: boolean }, AssembledResult>()(
    'fsconf.assembled',
    'fsconf.assembled expects [{ uri?: string, section?: string, name?: string, reveal?: boolean, origins?: boolean }]',
  ),
  route: command<RouteArgs, RouteCallResult>()(
    'fsconf.route',
    'fsconf.route expects [{ uri?, profile: string, context?: string, from: string, to: string, user?: string, vars?: {}, headers?: {}, at?: string }]',
    (a) =>
      str(a.profile) && str(a.from) && str(a.to) && opt(a.context, str) && opt(a.user, str) && opt(a.at, str) && opt(a.vars, strMap) && opt(a.headers, strMap),
  ),
  structure: command<OnTree, Structure>()('fsconf.structure', 'fsconf.structure expects [{ uri?: string }]'),
  structuralEdit: command<OnTree & { edit: StructuralEdit; apply?: boolean; backup?: boolean }, StructuralEditResult>()(
    'fsconf.structuralEdit',
    'fsconf.structuralEdit expects [{ edit: { op, … }, uri?: string, apply?: boolean, backup?: boolean }]',
    (a) => obj(a.edit) && str((a.edit as { op?: unknown }).op),
  ),
  templates: command<Record<string, never>, TemplateInfo[]>()('fsconf.templates', 'fsconf.templates expects [{}]'),
  vocabulary: command<Record<string, never>, Vocabulary>()('fsconf.vocabulary', 'fsconf.vocabulary expects [{}]'),
  eslConnection: command<OnTree, EslConnectionInfo | null>()('fsconf.eslConnection', 'fsconf.eslConnection expects [{ uri?: string }]'),
} as const;

export type CommandKey = keyof typeof COMMAND;
export type CommandName = (typeof COMMAND)[CommandKey]['name'];

/** Every command the server offers (its executeCommandProvider.commands). */
export const COMMAND_NAMES: readonly CommandName[] = Object.values(COMMAND).map((d) => d.name);
