// Pure dialplan analysis helpers (no XML, no I/O).
export { checkRegex, checkPcre2Pattern, toPcre2Input, asteriskToRegex, PCRE2_ERROR_TEXT } from './regex.js';
export type { RegexCheck, RegexOptions, Pcre2Check, Pcre2Input } from './regex.js';
export { separateArgs } from './args.js';
export type { SeparatedArg } from './args.js';
export { analyzeRead, analyzePlayAndGetDigits, analyzeDigitsApp, cAtoi, isUnknownArg } from './digits.js';
export type { DigitsApp, DigitsFinding, DigitsFix } from './digits.js';
export { checkTimeAttr, isTimeAttribute, switchTrue, isSwitchNumber, TIME_ATTRIBUTES } from './time.js';
export type { TimeAttrResult, TimeAttributeName } from './time.js';
export { CALLER_PROFILE_FIELDS, isCallerProfileField, getCallerProfileField, isExpandedField } from './fields.js';
export type { CallerProfileField } from './fields.js';
