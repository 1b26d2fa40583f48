/**
 * Problems by impact: what FreeSWITCH will not load first, then profiles and services that let strangers in
 * or will not start, then errors, warnings, info. Findings sharing a rule and a cause (the `set` that 21
 * users inherit) become one expandable group; many warnings of one rule in one file fold into one line.
 */
import type { Diagnostic } from '../lsp/types.js';

/** The configuration (or a file of it) is not loaded at all. */
const WONT_LOAD = new Set(['xml/not-well-formed', 'xml/unreadable', 'preprocess/include-cycle']);
/** A profile admits strangers without a password (a warning too: that is what the profile does). */
const ADMITS = new Set([
  'sofia/external-inbound-acl',
  'sofia/external-context',
  'sofia/internal-auth-calls',
  'sofia/blind-auth',
  'sofia/blind-reg',
  'acl/allows-internet',
]);
/** As errors: a profile or service open to strangers, or one that will not start. */
const EXPOSES = new Set([
  'sofia/bind-conflict',
  'sofia/undefined-context',
  'esl/open-acl',
  'esl/weak-password',
  'esl/default-password',
  'xmlrpc/no-auth',
  'verto/no-auth',
  'directory/empty-password',
]);

export function ruleCode(d: Diagnostic): string {
  return d.code === undefined ? '' : String(d.code);
}

/** 0 will not load · 1 admits strangers / will not start · 2 error · 3 warning · 4 info. */
export function impactOf(d: Diagnostic): number {
  const sev = d.severity ?? 1;
  const rule = ruleCode(d);
  if (sev <= 2 && WONT_LOAD.has(rule)) return 0;
  if (sev <= 2 && ADMITS.has(rule)) return 1;
  if (sev === 1 && (EXPOSES.has(rule) || rule.startsWith('security/') || /refuses to load/.test(typeof d.message === 'string' ? d.message : d.message.value)))
    return 1;
  return sev === 1 ? 2 : sev === 2 ? 3 : 4;
}

export interface CauseInfo {
  uri: string;
  line: number;
  message: string;
}

export function causeOf(d: Diagnostic): CauseInfo | undefined {
  const data = d.data as { cause?: CauseInfo } | undefined;
  const c = data?.cause;
  return c && typeof c.uri === 'string' && typeof c.line === 'number' && typeof c.message === 'string' ? c : undefined;
}

/** Fold repetitive warnings/info: this many of one rule in one file become one line. */
export const FOLD_AT = 5;
