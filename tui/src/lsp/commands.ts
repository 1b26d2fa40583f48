/** Typed wrappers over the server's `workspace/executeCommand` commands. */
import type { AclListInfo, AclTestResult, Changes, FsconfClient, Range, TreeInfo, WriteResult } from './types.js';
import { validRanges } from '../text/secrets.js';

export const treeInfo = (c: FsconfClient) => c.executeCommand<TreeInfo>('fsconf.treeInfo', []);
export const aclLists = (c: FsconfClient) => c.executeCommand<AclListInfo[]>('fsconf.aclLists', []);
export const aclTest = (c: FsconfClient, args: { ip: string; list: string; port?: number }) =>
  c.executeCommand<AclTestResult>('fsconf.aclTest', [args]);
export const applyEdit = (c: FsconfClient, changes: Changes, backup: boolean) =>
  c.executeCommand<WriteResult>('fsconf.applyEdit', [{ edit: { changes }, backup }]);
export const saveDocument = (c: FsconfClient, uri: string, backup: boolean) =>
  c.executeCommand<WriteResult>('fsconf.saveDocument', [{ uri, backup }]);
export const secretRanges = (c: FsconfClient, uri: string, text?: string) =>
  c.executeCommand<Range[]>('fsconf.secretRanges', [{ uri, ...(text !== undefined ? { text } : {}) }]);

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
