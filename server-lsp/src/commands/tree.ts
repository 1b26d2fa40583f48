/** Commands about a whole tree: lint it, list its files' counts, assemble it, its secrets, its event socket. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { assemble, eslConnection as coreEslConnection, secretRanges as coreSecretRanges, secretRangesInText, toXml } from '@fsconf/core';
import { uriToPath } from '../paths.js';
import { count } from '../convert.js';
import { xmlFilesUnder } from '../tree-files.js';
import type { AssembledResult, EslConnectionInfo, TreeInfo } from '../protocol.js';
import type { Project } from '../state.js';
import type { Handler } from './index.js';

export const lintTree: Handler<'lintTree'> = (host, arg) => {
  const projects = typeof arg.uri === 'string' ? [host.commandProject(arg.uri)].filter((p): p is Project => !!p) : [...host.projects.values()];
  const total = { files: 0, errors: 0, warnings: 0, infos: 0 };
  host.fs.invalidate();
  for (const p of projects) {
    p.ws.invalidate();
    p.readTexts.clear();
    // every XML file under the root, as `fsconf lint ROOT` reads it (not only those an include reaches)
    if (p.root) p.ws.includeAll(xmlFilesUnder(host.fs, p.root));
    const r = host.analyse(p, true);
    total.files += r.files;
    total.errors += r.errors;
    total.warnings += r.warnings;
    total.infos += r.infos;
  }
  return total;
};

export const treeInfo: Handler<'treeInfo'> = (host, arg): TreeInfo => {
  const p = host.commandProject(arg.uri);
  if (!p) return { root: null, files: [] };
  const diags = p.ws.diagnostics();
  const files = [...diags].map(([path, findings]) => ({ uri: host.uriOf(path), ...count(findings) }));
  return { root: p.root ?? null, files };
};

/**
 * Where a file's secret values are, for clients that show file text (the TUI masks them). With `text`,
 * the ranges are for that text (e.g. a fix's result before it is written), not the file the server holds.
 */
export const secretRanges: Handler<'secretRanges'> = (host, arg) => {
  const path = uriToPath(arg.uri);
  if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `fsconf.secretRanges: not a file URI: ${arg.uri}`);
  const text = typeof arg.text === 'string' ? arg.text : undefined;
  const p = host.target(arg.uri)?.p ?? host.commandProject(arg.uri);
  if (!p) return text !== undefined ? secretRangesInText(text, path) : [];
  return coreSecretRanges(p.ws, path, text);
};

/** The assembled configuration of the tree holding `uri` (or the first tree), with each element's origin. */
export const assembled: Handler<'assembled'> = (host, arg): AssembledResult => {
  const a = arg as Record<string, unknown>;
  const str = (k: string) => (typeof a[k] === 'string' && a[k] ? (a[k] as string) : undefined);
  const p = host.commandProject(arg.uri);
  if (!p?.root) throw new ResponseError(ErrorCodes.InvalidRequest, 'no conf tree (freeswitch.xml) is loaded');
  const section = str('section');
  const name = str('name');
  const r = assemble(p.ws.analysis(), { ...(section ? { section } : {}), ...(name ? { name } : {}), reveal: arg.reveal === true });
  if ('error' in r) throw new ResponseError(ErrorCodes.InvalidParams, r.error);
  const x = toXml(r.elements, r.root, arg.origins === true);
  return { text: x.text, origins: x.origins.map((o) => ({ line: o.line, uri: host.uriOf(o.origin.path), sourceLine: o.origin.line - 1 })) };
};

/** Where fs_cli must connect for this tree (event_socket.conf.xml), for the client's own fs_cli calls. */
export const eslConnection: Handler<'eslConnection'> = (host, arg) => {
  const p = host.commandProject(arg.uri);
  const c = p ? coreEslConnection(p.ws.analysis()) : undefined;
  return c ? ({ host: c.host, port: c.port, ...(c.password !== undefined ? { password: c.password } : {}) } satisfies EslConnectionInfo) : null;
};
