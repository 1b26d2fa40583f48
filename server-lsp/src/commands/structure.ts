/**
 * fsconf.structure, fsconf.structuralEdit, fsconf.templates: the tree's structure and edits to it for
 * clients (the terminal UI's editing views, VS Code). The engine computes; writes go through the
 * server's one safe write path (fsconf.applyEdit).
 */
import { buildStructure, structuralEdit, StructuralEditError, TEMPLATES, vocabulary, type StructuralEdit as CoreEdit } from '@fsconf/core';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Structure, StructuralEditResult, TemplateInfo } from '../protocol.js';
import { uriToPath } from '../paths.js';
import type { Handler } from './index.js';
import { applyEdit } from './write.js';

export const structure: Handler<'structure'> = (host, arg): Structure => {
  const a = host.commandProject(arg.uri)?.ws.analysis();
  if (!a) return { root: null, profiles: [], contexts: [], domains: [], aclLists: [], variables: [] };
  return buildStructure(a, (p) => host.uriOf(p));
};

/** The edit's shape (an object with an op) is checked by the dispatch; the engine checks the rest. */
export const structuralEditCommand: Handler<'structuralEdit'> = (host, arg): StructuralEditResult => {
  const req = arg.edit;
  const a = host.commandProject(arg.uri)?.ws.analysis();
  if (!a) throw new ResponseError(ErrorCodes.InvalidRequest, 'no conf tree is loaded');
  let r;
  try {
    r = structuralEdit({ analysis: a, uriOf: (p) => host.uriOf(p), pathOf: (u) => uriToPath(u) }, req as CoreEdit);
  } catch (e) {
    // a request that names no element, a duplicate name, …: the client shows the message
    if (e instanceof StructuralEditError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
    throw e;
  }
  const out: StructuralEditResult = {
    edit: { changes: r.changes },
    summary: r.summary,
    created: r.created,
    reload: r.reload,
    ...(r.generated ? { generated: r.generated } : {}),
  };
  if (arg.apply === true) out.written = applyEdit(host, { edit: out.edit, backup: arg.backup !== false });
  return out;
};

export const templates: Handler<'templates'> = (): TemplateInfo[] =>
  TEMPLATES.map((t) => ({ id: t.id, kind: t.kind, title: t.title, description: t.description, fields: t.fields.map((f) => ({ ...f })) }));

export const vocabularyCommand: Handler<'vocabulary'> = () => vocabulary();
