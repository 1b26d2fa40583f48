/** fsconf.aclTest and fsconf.aclLists: core speaks absolute paths and 1-based lines; LSP URIs and 0-based lines. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { aclListNames, testAddress } from '@fsconf/core';
import { advise } from '../advice.js';
import type { AclListInfo, AclTestResult } from '../protocol.js';
import type { Handler } from './index.js';

export const aclTest: Handler<'aclTest'> = (host, arg): AclTestResult => {
  const p = host.commandProject(arg.uri);
  if (!p) throw new ResponseError(ErrorCodes.InvalidRequest, 'no conf tree is loaded');
  const r = testAddress(p.ws.analysis(), arg.ip, arg.list, typeof arg.port === 'number' ? { port: arg.port } : {});
  // core: absolute paths and 1-based lines (null for built-in lists); LSP: URIs and 0-based lines
  const where = (file: string | null, line: number | null) => ({ uri: file ? host.uriOf(file) : null, line: line === null ? null : Math.max(0, line - 1) });
  return {
    verdict: r.verdict,
    list: r.list,
    decidedBy: r.decidedBy
      ? {
          ...where(r.decidedBy.file, r.decidedBy.line),
          cidr: r.decidedBy.cidr,
          type: r.decidedBy.type,
          ...(r.decidedBy.token ? { token: r.decidedBy.token } : {}),
        }
      : null,
    reason: advise(r.reason, host.client),
    competing: r.competing.map((c) => ({ ...where(c.file, c.line), cidr: c.cidr, bits: c.bits, type: c.type })),
    ...(r.inline ? { inline: true } : {}),
    ...(r.unknownList ? { unknownList: true } : {}),
    ...(r.invalidAddress ? { invalidAddress: true } : {}),
  };
};

export const aclLists: Handler<'aclLists'> = (host, arg): AclListInfo[] => {
  const p = host.commandProject(arg.uri);
  if (!p) return [];
  return aclListNames(p.ws.analysis()).map((l) => ({
    name: l.name,
    ...(l.file ? { uri: host.uriOf(l.file) } : {}),
    // core lines are 1-based; LSP lines are 0-based
    ...(typeof l.line === 'number' ? { line: Math.max(0, l.line - 1) } : {}),
    builtin: l.builtin,
    default: l.default,
  }));
};
