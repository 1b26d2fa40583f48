/** Typed wrappers over the server's `workspace/executeCommand` commands. */
import type { AclListInfo, AclTestResult, Changes, FsconfClient, TreeInfo, WriteResult } from './types.js';

export const treeInfo = (c: FsconfClient) => c.executeCommand<TreeInfo>('fsconf.treeInfo', []);
export const aclLists = (c: FsconfClient) => c.executeCommand<AclListInfo[]>('fsconf.aclLists', []);
export const aclTest = (c: FsconfClient, args: { ip: string; list: string; port?: number }) =>
  c.executeCommand<AclTestResult>('fsconf.aclTest', [args]);
export const applyEdit = (c: FsconfClient, changes: Changes, backup: boolean) =>
  c.executeCommand<WriteResult>('fsconf.applyEdit', [{ edit: { changes }, backup }]);
export const saveDocument = (c: FsconfClient, uri: string, backup: boolean) =>
  c.executeCommand<WriteResult>('fsconf.saveDocument', [{ uri, backup }]);
