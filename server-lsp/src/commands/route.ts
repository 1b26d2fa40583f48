/**
 * `fsconf.route` (simulate a call, as `fsconf route`) and the code lens "▶ simulate a call" on each
 * extension, over the core's route provider. Core speaks absolute paths and 1-based lines; LSP URIs
 * and 0-based lines.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CodeLens } from 'vscode-languageserver/node';
import { bridgeWhere, routeCall, routeCodeLenses, RouteInputError, type FsconfWorkspace, type RouteInput } from '@fsconf/core';
import type { COMMAND, RouteCallResult } from '../protocol.js';
import type { Handler } from './index.js';

const str = (v: unknown): v is string => typeof v === 'string';
const strMap = (v: unknown): v is Record<string, string> => typeof v === 'object' && v !== null && Object.values(v).every(str);

/** The argument's shape is checked by the dispatch (COMMAND.route.valid). */
export const route: Handler<'route'> = (host, arg): RouteCallResult => {
  const ws = host.commandProject(arg.uri)?.ws;
  const uriOf = (path: string) => host.uriOf(path);
  if (!ws) throw new ResponseError(ErrorCodes.InvalidRequest, 'no conf tree is loaded');
  const input: RouteInput = { profile: arg.profile, from: arg.from, to: arg.to };
  if (str(arg.context)) input.context = arg.context;
  if (str(arg.user) && arg.user) input.user = arg.user;
  if (str(arg.at) && arg.at) input.at = arg.at;
  if (strMap(arg.vars)) input.vars = arg.vars;
  if (strMap(arg.headers)) input.headers = arg.headers;
  let r;
  try {
    r = routeCall(ws, input);
  } catch (e) {
    if (e instanceof RouteInputError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
    throw e;
  }
  const at = (file: string, line: number) => ({ uri: uriOf(file), line: Math.max(0, line - 1) });
  return {
    admission: r.admission,
    context: r.context,
    contexts: r.contexts,
    actions: r.actions.map(({ file, line, ...rest }) => ({ ...rest, ...at(file, line) })),
    outcome: {
      kind: r.outcome.kind,
      endpoint: r.outcome.endpoint,
      external: r.outcome.external,
      reason: r.outcome.reason,
      ...(r.outcome.kind === 'bridge' ? { where: bridgeWhere(r.outcome) } : {}),
      ...(r.outcome.targets
        ? { targets: r.outcome.targets.map(({ location, ...t }) => ({ ...t, ...(location ? { location: at(location.file, location.line) } : {}) })) }
        : {}),
    },
    trace: r.trace.map(({ file, line, ...rest }) => ({ ...rest, ...(file && line ? at(file, line) : {}) })),
    premises: r.premises,
  };
};

export function routeLenses(t: { p: { ws: FsconfWorkspace }; path: string } | undefined, uri: string): CodeLens[] {
  if (!t) return [];
  // core names the lens's command (it cannot import the descriptors): the compiler holds it to COMMAND.route
  return routeCodeLenses(t.p.ws, t.path).map((l) => ({
    range: l.range,
    command: { title: l.title, command: l.command satisfies typeof COMMAND.route.name, arguments: [{ uri, ...l.arguments }] },
  }));
}
