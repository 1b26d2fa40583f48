import { defineRule } from '../types.js';
import { reportDigits } from './digits-report.js';

/**
 * `read <min> <max> <file> <var> <timeout> <terminators> [<digit_timeout>]` checked as mod_dptools and
 * switch_ivr_read treat the numbers: min <= 1 becomes 1, max < min becomes min, timeout <= 1000 becomes
 * 1000 ms, and max > 128 fails with "Buffer too small!".
 */
export const readDigits = defineRule({
  meta: {
    id: 'dialplan/read-digits',
    severity: 'error',
    description: '`read` digit limits and timeouts that FreeSWITCH changes or rejects',
    fixable: true,
    scope: 'extension',
  },
  check(ctx) {
    reportDigits(ctx, 'read');
  },
});
