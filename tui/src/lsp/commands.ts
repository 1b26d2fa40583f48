/**
 * The server's `workspace/executeCommand` commands, run through their descriptors (name, argument and
 * result types defined once in @fsconf/server-lsp/protocol), and typed wrappers the views call.
 */
import { COMMAND, type CommandDescriptor, type ParamOf, type ResultOf } from '@fsconf/server-lsp/protocol';
import type { Changes, FsconfClient, Range } from './types.js';
import { validRanges } from '../text/secrets.js';

/** Run a server command: its argument and result are the descriptor's (no argument: none is sent). */
export const run = <D extends CommandDescriptor>(c: FsconfClient, d: D, ...arg: [] | [ParamOf<D>]) => c.executeCommand<ResultOf<D>>(d.name, arg);

export const treeInfo = (c: FsconfClient) => run(c, COMMAND.treeInfo);
export const aclLists = (c: FsconfClient) => run(c, COMMAND.aclLists);
export const aclTest = (c: FsconfClient, args: { ip: string; list: string; port?: number }) => run(c, COMMAND.aclTest, args);
export const applyEdit = (c: FsconfClient, changes: Changes, backup: boolean) => run(c, COMMAND.applyEdit, { edit: { changes }, backup });
export const saveDocument = (c: FsconfClient, uri: string, backup: boolean) => run(c, COMMAND.saveDocument, { uri, backup });
const secretRanges = (c: FsconfClient, uri: string, text?: string): Promise<Range[]> =>
  run(c, COMMAND.secretRanges, { uri, ...(text !== undefined ? { text } : {}) });
export const assembled = (c: FsconfClient, section?: string) => run(c, COMMAND.assembled, section ? { section } : {});
export const eslConnection = (c: FsconfClient) => run(c, COMMAND.eslConnection, {});

/**
 * Where the secrets of `text` (the content of `uri`) are, for masking. A server that does not answer
 * (an older fsconf-lsp, a crash, a malformed reply) means nothing is masked — never an error.
 */
export async function secretRangesOrNone(c: FsconfClient, uri: string, text: string): Promise<Range[]> {
  try {
    return validRanges(await secretRanges(c, uri, text));
  } catch {
    return [];
  }
}
