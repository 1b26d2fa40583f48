// Analyse the data of the `read` and `play_and_get_digits` applications the way mod_dptools parses
// it (read_function / play_and_get_digits_function in mod_dptools.c) and the way switch_ivr_read /
// switch_play_and_get_digits (switch_ivr_play_say.c) then treat the numbers:
//
//   read <min> <max> <file> <var_name> <timeout> <terminators> <digit_timeout>            (argv[7])
//   play_and_get_digits <min> <max> <tries> <timeout> <terminators> <file> <invalid_file>
//                       <var_name> <regexp> [<digit_timeout>] ['<ext> [<dp> [<ctx>]]']     (argv[11])
//
// Numbers are read with atoi (leading blanks, sign, digits; anything else stops; no digits = 0).
// read:  min <= 1 becomes 1; max < min becomes min; timeout <= 1000 becomes 1000 ms.
// pagd:  min < 0 becomes 0;  max < min becomes min; timeout <= 1000 becomes 1000 ms;
//        tries is used as `while (max_tries)`, so 0 never prompts and a negative value loops.
// Both:  the digit buffer is 128 bytes: a max (or min) above 128 fails with "Buffer too small!".
// Arguments containing a variable (${...}, $${...}, $N) are unknown here and are not judged.
// Severities follow RULES.md (dialplan/read-digits, dialplan/pagd-digits): min > max, max <= 0,
// max > 128 and tries 0 are errors; min raised, timeout raised and the other remarks are warnings.

import { separateArgs, type SeparatedArg } from './args.js';
import { checkRegex } from './regex.js';

export type DigitsApp = 'read' | 'play_and_get_digits';

interface DigitsFix {
  title: string;
  /** Index of the argument whose raw text `newText` replaces; -1 means `newText` replaces the whole data. */
  argIndex: number;
  newText: string;
}

export interface DigitsFinding {
  severity: 'error' | 'warning';
  /** Index of the argument concerned; -1 when the finding is about the data as a whole (e.g. a missing argument). */
  argIndex: number;
  /** Offsets in the data string to highlight. */
  start: number;
  end: number;
  message: string;
  fixes: DigitsFix[];
}

const DIGIT_BUFFER = 128;

interface Num {
  /** atoi(value) */
  value: number;
  /** The text is exactly a decimal integer (optional sign), so nothing is silently dropped. */
  clean: boolean;
}

/** C atoi as glibc does it: strtol (clamped to 64 bits) then truncated to int. */
export function cAtoi(s: string): Num {
  const m = /^[\t\n\v\f\r ]*([+-]?)([0-9]*)/.exec(s)!;
  const digits = m[2]!;
  const clean = /^[+-]?[0-9]+$/.test(s);
  if (digits === '') return { value: 0, clean };
  let big = BigInt(digits);
  if (m[1] === '-') big = -big;
  const LMAX = (1n << 63n) - 1n;
  const LMIN = -(1n << 63n);
  if (big > LMAX) big = LMAX;
  if (big < LMIN) big = LMIN;
  return { value: Number(BigInt.asIntN(32, big)), clean };
}

/** An argument whose value depends on variables or regex captures cannot be judged statically. */
function isUnknownArg(value: string): boolean {
  return /\$\$?\{/.test(value) || /\$[0-9]/.test(value);
}

class Analysis {
  readonly findings: DigitsFinding[] = [];
  readonly args: SeparatedArg[];

  constructor(
    readonly data: string,
    max: number,
  ) {
    this.args = separateArgs(data, max);
  }

  has(i: number): boolean {
    return i < this.args.length;
  }

  known(i: number): boolean {
    return this.has(i) && !isUnknownArg(this.args[i]!.value);
  }

  raw(i: number): string {
    const a = this.args[i]!;
    return this.data.slice(a.start, a.end);
  }

  add(severity: 'error' | 'warning', argIndex: number, message: string, fixes: DigitsFix[] = []): void {
    const a = argIndex >= 0 ? this.args[argIndex] : undefined;
    this.findings.push({
      severity,
      argIndex,
      start: a ? a.start : 0,
      end: a ? a.end : this.data.length,
      message,
      fixes,
    });
  }

  /** Read a numeric argument; warn when atoi drops part of it. Undefined when unknown. */
  num(i: number, label: string): Num | undefined {
    if (!this.known(i)) return undefined;
    const v = this.args[i]!.value;
    const n = cAtoi(v);
    if (!n.clean) {
      this.add(
        'warning',
        i,
        v.trim() === '' ? `${label} is empty: FreeSWITCH reads it as 0` : `${label} "${v}" is not a plain number: FreeSWITCH reads it as ${n.value}`,
        /^[\t\n\v\f\r ]*[+-]?[0-9]+/.test(v) ? [{ title: `Replace with ${n.value}`, argIndex: i, newText: String(n.value) }] : [],
      );
    }
    return n;
  }

  /** Whole-data text with argument i replaced by `text`. */
  replaced(repl: ReadonlyMap<number, string>): string {
    let out = '';
    let pos = 0;
    this.args.forEach((a, i) => {
      const r = repl.get(i);
      if (r === undefined) return;
      out += this.data.slice(pos, a.start) + r;
      pos = a.end;
    });
    return out + this.data.slice(pos);
  }

  checkTimeout(i: number, label: string): void {
    const t = this.num(i, label);
    if (!t || t.value >= 1000) return;
    const fixes: DigitsFix[] = [];
    let hint = '';
    if (t.value >= 1 && t.value <= 60) {
      hint = ` (it is in milliseconds: ${t.value} s would be ${t.value * 1000})`;
      fixes.push({ title: `Use ${t.value * 1000} ms`, argIndex: i, newText: String(t.value * 1000) });
    }
    fixes.push({ title: 'Set to 1000 ms', argIndex: i, newText: '1000' });
    this.add('warning', i, `${label} ${t.value} ms is raised to 1000 ms by FreeSWITCH${hint}`, fixes);
  }

  checkDigitTimeout(i: number, label: string): void {
    const t = this.num(i, label);
    if (!t) return;
    // switch_atoui: negative values become 0; 0 means "use the timeout".
    if (t.value >= 1 && t.value <= 60) {
      this.add('warning', i, `${label} is in milliseconds: ${t.value} ms leaves no time to press the next digit`, [
        { title: `Use ${t.value * 1000} ms`, argIndex: i, newText: String(t.value * 1000) },
      ]);
    }
  }

  /**
   * min/max rules shared by both apps. `minFloor` is the value FreeSWITCH raises a smaller min to
   * (1 for read, 0 for play_and_get_digits).
   */
  checkMinMax(appName: string, minFloor: number): { min?: number; max?: number } {
    const min = this.num(0, 'min');
    let minEff: number | undefined;
    if (min) {
      if (min.value < minFloor) {
        minEff = minFloor;
        const why = minFloor === 1 ? `: ${appName} always waits for at least one digit` : '';
        this.add('warning', 0, `min ${min.value} is raised to ${minFloor} by FreeSWITCH${why}`, [
          { title: `Set min to ${minFloor}`, argIndex: 0, newText: String(minFloor) },
        ]);
      } else {
        minEff = min.value;
      }
    }

    let maxEff: number | undefined;
    if (!this.has(1)) {
      if (minEff !== undefined) {
        maxEff = minEff;
        if (minEff === 0) {
          this.add('error', -1, `max is missing, so max = min = 0: FreeSWITCH collects no digits after the prompt`);
        } else {
          this.add('warning', -1, `max is missing: FreeSWITCH uses max = min (${minEff})`);
        }
      }
    } else {
      const max = this.num(1, 'max');
      if (max && minEff !== undefined && min) {
        if (max.value < minEff) {
          maxEff = minEff;
          if (minEff === 0) {
            this.add('error', 1, `max ${max.value} with min 0: FreeSWITCH collects no digits after the prompt (only a key pressed during it)`, [
              { title: 'Set max to 1', argIndex: 1, newText: '1' },
            ]);
          } else if (max.value <= 0) {
            this.add('error', 1, `max ${max.value}: FreeSWITCH raises max to min (${minEff})`, [
              { title: `Set max to ${minEff}`, argIndex: 1, newText: String(minEff) },
            ]);
          } else {
            const fixes: DigitsFix[] = [];
            if (min.value > max.value && max.value >= minFloor) {
              fixes.push({
                title: `Swap min and max (${max.value} ${min.value})`,
                argIndex: -1,
                newText: this.replaced(
                  new Map([
                    [0, String(max.value)],
                    [1, String(min.value)],
                  ]),
                ),
              });
            }
            fixes.push({ title: `Set max to ${minEff}`, argIndex: 1, newText: String(minEff) });
            this.add('error', 1, `min ${minEff} > max ${max.value}: FreeSWITCH raises max to ${minEff}`, fixes);
          }
        } else {
          maxEff = max.value;
          if (max.value === 0) {
            this.add('error', 1, `max 0 with min 0: FreeSWITCH collects no digits after the prompt (only a key pressed during it)`, [
              { title: 'Set max to 1', argIndex: 1, newText: '1' },
            ]);
          }
        }
      } else if (max && max.value >= 0) {
        maxEff = max.value;
      }
    }

    // switch_ivr_read: (min && buflen < min) || buflen < max  ->  "Buffer too small!"
    const maxArg = this.known(1) ? cAtoi(this.args[1]!.value).value : undefined;
    if ((maxEff !== undefined && maxEff > DIGIT_BUFFER) || (minEff !== undefined && minEff > DIGIT_BUFFER)) {
      const onMax = maxArg !== undefined && maxArg > DIGIT_BUFFER && maxArg >= (minEff ?? 0);
      const idx = onMax ? 1 : 0;
      const value = onMax ? maxArg : minEff!;
      const what = onMax ? 'max' : 'min';
      this.add(
        'error',
        idx,
        `${what} ${value} > ${DIGIT_BUFFER}: the digit buffer holds ${DIGIT_BUFFER} bytes, so ${appName} fails with "Buffer too small!" and collects nothing`,
        [{ title: `Set ${what} to ${DIGIT_BUFFER}`, argIndex: idx, newText: String(DIGIT_BUFFER) }],
      );
    }
    return { min: minEff, max: maxEff };
  }
}

/** Findings for the data of `read`. */
export function analyzeRead(data: string): DigitsFinding[] {
  const a = new Analysis(data, 7);
  if (data.trim() === '') {
    a.add('error', -1, 'read needs arguments: <min> <max> <file> <var_name> <timeout> <terminators> [<digit_timeout>]');
    return a.findings;
  }
  a.checkMinMax('read', 1);
  if (!a.has(3)) {
    a.add('warning', -1, 'no variable name (4th argument): the digits are not stored (only read_result is set)');
  }
  if (a.has(4)) a.checkTimeout(4, 'timeout');
  if (a.has(6)) a.checkDigitTimeout(6, 'digit_timeout');
  return a.findings;
}

/** Findings for the data of `play_and_get_digits`. */
export function analyzePlayAndGetDigits(data: string): DigitsFinding[] {
  const a = new Analysis(data, 11);
  if (data.trim() === '') {
    a.add(
      'error',
      -1,
      "play_and_get_digits needs arguments: <min> <max> <tries> <timeout> <terminators> <file> <invalid_file> <var_name> <regexp> [<digit_timeout>] ['<ext> [<dp> [<ctx>]]']",
    );
    return a.findings;
  }
  a.checkMinMax('play_and_get_digits', 0);

  // tries: `while (switch_channel_ready(channel) && max_tries)` with an unsigned counter.
  const hasTransfer = a.has(10) && a.args[10]!.value.trim() !== '';
  const consequence = hasTransfer ? ', then runs the transfer-on-failure' : '';
  if (!a.has(2)) {
    a.add('error', -1, `tries is missing, so it is 0: play_and_get_digits never prompts and fails at once${consequence}`);
  } else {
    const tries = a.num(2, 'tries');
    if (tries && tries.value === 0) {
      a.add('error', 2, `tries 0: play_and_get_digits never prompts and fails at once${consequence}`, [{ title: 'Set tries to 3', argIndex: 2, newText: '3' }]);
    } else if (tries && tries.value < 0) {
      a.add('warning', 2, `tries ${tries.value} is used as ${2 ** 32 + tries.value}: it retries until valid input or hangup`, [
        { title: 'Set tries to 3', argIndex: 2, newText: '3' },
      ]);
    }
  }

  if (a.has(3)) a.checkTimeout(3, 'timeout');

  if (!a.has(7)) {
    a.add('warning', -1, 'no variable name (8th argument): the digits are not stored');
  }

  // The digit regex is compiled by switch_regex_match (the /re/flags form, no `_` Asterisk form).
  if (a.known(8) && a.args[8]!.value !== '') {
    const r = checkRegex(a.args[8]!.value, { asterisk: false });
    if (!r.ok && r.error) {
      a.add('error', 8, `the digit regex does not compile (${r.error.message}): every entry is treated as invalid and all tries fail`);
    }
  }

  if (a.known(9)) {
    const v = a.args[9]!.value;
    const n = cAtoi(v);
    if (!n.clean && a.args.length === 10 && /[A-Za-z_ ]/.test(v) && v.trim() !== '') {
      const t = a.known(3) ? cAtoi(a.args[3]!.value) : undefined;
      const guess = t && t.clean && t.value > 0 ? t.value : 5000;
      a.add(
        'error',
        9,
        `argument 10 is <digit_timeout> (ms), so "${v}" is read as ${n.value < 0 ? 0 : n.value} and there is no transfer on failure: the transfer target must be the 11th argument`,
        [{ title: `Insert a digit timeout (${guess} ms) before the transfer target`, argIndex: 9, newText: `${guess} ${a.raw(9)}` }],
      );
    } else {
      a.checkDigitTimeout(9, 'digit_timeout');
    }
  }

  if (a.known(10)) {
    const target = a.args[10]!.value;
    if (target.includes('"')) {
      a.add('warning', 10, 'double quotes do not group words in FreeSWITCH arguments: they become part of the extension/dialplan/context; use single quotes', [
        { title: 'Use single quotes', argIndex: 10, newText: a.raw(10).replaceAll('"', "'") },
      ]);
    }
    // switch_play_and_get_digits splits it again: separate_string(target, ' ', argv[4]); only 3 are used.
    const parts = separateArgs(target, 4);
    if (parts.length > 3) {
      a.add('warning', 10, `the transfer target is "<ext> [<dialplan> [<context>]]": "${parts[3]!.value}" is ignored`);
    }
  }
  return a.findings;
}

export function analyzeDigitsApp(app: DigitsApp, data: string): DigitsFinding[] {
  return app === 'read' ? analyzeRead(data) : analyzePlayAndGetDigits(data);
}
