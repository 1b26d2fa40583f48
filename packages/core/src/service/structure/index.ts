export * from './types.js';
export { buildStructure } from './build.js';
export { structuralEdit, StructuralEditError } from './edits.js';
export { TEMPLATES } from './templates.js';
export { templateActions } from './actions.js';
export { vocabulary } from './vocabulary.js';
