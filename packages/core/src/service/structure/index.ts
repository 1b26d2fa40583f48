export * from './types.js';
export { buildStructure, type UriOf } from './build.js';
export { structuralEdit, StructuralEditError, escapeAttr, renderElement, type EditHost } from './edits.js';
export { TEMPLATES, template, generatePin, userValues, exactNumber, type Template, type TemplateField } from './templates.js';
export { actionMeaning, conditionMeaning, captureGroups, resolveCaptures } from './meaning.js';
export { templateActions, type TemplateAction } from './actions.js';
export { vocabulary, type Vocabulary } from './vocabulary.js';
