// Pure dialplan analysis helpers (no XML, no I/O).
export { checkRegex, toPcre2Input } from './regex.js';
export type { RegexCheck } from './regex.js';
export { separateArgs } from './args.js';
export { analyzeDigitsApp } from './digits.js';
export type { DigitsApp } from './digits.js';
export { checkTimeAttr, isTimeAttribute, switchTrue, isSwitchNumber, TIME_ATTRIBUTES } from './time.js';
export { CALLER_PROFILE_FIELDS, isCallerProfileField } from './fields.js';
