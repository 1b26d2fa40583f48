/** Typed wrappers over the server's structure commands (fsconf.structure, fsconf.structuralEdit, …). */
import type { FsconfClient } from './types.js';
import type { Structure, StructuralEdit, StructuralEditResult, TemplateInfo, Vocabulary } from '@fsconf/server-lsp/protocol';

export type { ElementRef, NewElement, SAction, SCondition, SContext, SExtension, SParam, SUser, Structure, StructuralEdit, StructuralEditResult, TemplateInfo, Vocabulary } from '@fsconf/server-lsp/protocol';

export const getStructure = (c: FsconfClient) => c.executeCommand<Structure>('fsconf.structure', [{}]);
/** The edit as a WorkspaceEdit; nothing is written (the caller shows the diff, then fsconf.applyEdit). */
export const planEdit = (c: FsconfClient, edit: StructuralEdit) => c.executeCommand<StructuralEditResult>('fsconf.structuralEdit', [{ edit }]);
export const getTemplates = (c: FsconfClient) => c.executeCommand<TemplateInfo[]>('fsconf.templates', [{}]);
export const getVocabulary = (c: FsconfClient) => c.executeCommand<Vocabulary>('fsconf.vocabulary', [{}]);
