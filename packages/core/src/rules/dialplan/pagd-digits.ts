import { defineRule } from '../types.js';
import { reportDigits } from './digits-report.js';

/**
 * `play_and_get_digits <min> <max> <tries> <timeout> <terminators> <file> <invalid_file> <var> <regexp>
 * [<digit_timeout>] ['<ext> [<dp> [<ctx>]]']` checked as mod_dptools and switch_play_and_get_digits
 * read it: tries 0 never prompts, max < min becomes min, max > 128 fails, timeout <= 1000 becomes 1000 ms.
 */
export const pagdDigits = defineRule({
  meta: {
    id: 'dialplan/pagd-digits',
    severity: 'error',
    description: '`play_and_get_digits` digit limits, tries and timeouts that FreeSWITCH changes or rejects',
    fixable: true,
    scope: 'extension',
  },
  check(ctx) {
    reportDigits(ctx, 'play_and_get_digits');
  },
});
