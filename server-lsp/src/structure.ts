/**
 * fsconf.structure, fsconf.structuralEdit, fsconf.templates: the tree's structure and edits to it for
 * clients (the terminal UI's editing views, VS Code). The engine computes; writes go through the
 * server's one safe write path (fsconf.applyEdit).
 */
import { buildStructure, structuralEdit, StructuralEditError, TEMPLATES, type Analysis, type StructuralEdit as CoreEdit } from '@fsconf/core';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Structure, StructuralEdit, StructuralEditResult, TemplateInfo, WriteResult } from './protocol.js';
import { uriToPath } from './paths.js';

export interface StructureHost {
  analysis(uri: unknown): Analysis | undefined;
  uriOf(path: string): string;
  applyEdit(arg: Record<string, unknown>): WriteResult;
}

export function structureCommand(host: StructureHost, arg: Record<string, unknown>): Structure {
  const a = host.analysis(arg.uri);
  if (!a) return { root: null, profiles: [], contexts: [], domains: [], aclLists: [], variables: [] };
  return buildStructure(a, (p) => host.uriOf(p));
}

export function structuralEditCommand(host: StructureHost, arg: Record<string, unknown>): StructuralEditResult {
  const req = arg.edit as StructuralEdit | undefined;
  if (!req || typeof req !== 'object' || typeof req.op !== 'string')
    throw new ResponseError(ErrorCodes.InvalidParams, 'fsconf.structuralEdit expects [{ edit: { op, … }, uri?: string, apply?: boolean, backup?: boolean }]');
  const a = host.analysis(arg.uri);
  if (!a) throw new ResponseError(ErrorCodes.InvalidRequest, 'no conf tree is loaded');
  let r;
  try {
    r = structuralEdit({ analysis: a, uriOf: (p) => host.uriOf(p), pathOf: (u) => uriToPath(u) }, req as CoreEdit);
  } catch (e) {
    // a request that names no element, a duplicate name, …: the client shows the message
    if (e instanceof StructuralEditError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
    throw e;
  }
  const out: StructuralEditResult = { edit: { changes: r.changes }, summary: r.summary, created: r.created, reload: r.reload, ...(r.generated ? { generated: r.generated } : {}) };
  if (arg.apply === true) out.written = host.applyEdit({ edit: out.edit, backup: arg.backup !== false });
  return out;
}

export function templatesCommand(): TemplateInfo[] {
  return TEMPLATES.map((t) => ({ id: t.id, kind: t.kind, title: t.title, description: t.description, fields: t.fields.map((f) => ({ ...f })) }));
}
