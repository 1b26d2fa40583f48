/** Typed wrappers over the server's structure commands (fsconf.structure, fsconf.structuralEdit, …). */
import type { FsconfClient } from './types.js';
import { COMMAND, type StructuralEdit } from '@fsconf/server-lsp/protocol';
import { run } from './commands.js';

export type {
  SAction,
  SCondition,
  SContext,
  SExtension,
  SParam,
  SUser,
  Structure,
  StructuralEdit,
  StructuralEditResult,
  TemplateInfo,
  Vocabulary,
} from '@fsconf/server-lsp/protocol';

export const getStructure = (c: FsconfClient) => run(c, COMMAND.structure, {});
/** The edit as a WorkspaceEdit; nothing is written (the caller shows the diff, then fsconf.applyEdit). */
export const planEdit = (c: FsconfClient, edit: StructuralEdit) => run(c, COMMAND.structuralEdit, { edit });
export const getTemplates = (c: FsconfClient) => run(c, COMMAND.templates, {});
export const getVocabulary = (c: FsconfClient) => run(c, COMMAND.vocabulary, {});
