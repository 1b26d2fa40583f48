import { unescapeChar } from '../acl/c-compat.js';

// switch_separate_string (src/switch_utils.c) as used by dialplan applications to split their data:
// a ' ' delimiter honours single quotes (which are removed) and backslash escapes; a leading "^^<c>"
// switches the delimiter to <c>. The last of `max` arguments receives the rest of the string.
//
// Each argument carries the offsets of its raw text in the original string so that a rule can put
// a squiggle on exactly one argument and a fix can replace it.

export interface SeparatedArg {
  /** The argument as the application receives it (quotes removed, escapes resolved, trimmed). */
  value: string;
  /** Offset of the first raw character of the argument (after leading spaces). */
  start: number;
  /** Offset just after the last raw character that is part of the argument (trailing spaces excluded). */
  end: number;
}

/**
 * cleanup_separated_string on data[from, to): skip leading spaces, drop quote characters that have a
 * partner, resolve escapes and cut trailing unquoted spaces.
 */
function cleanup(data: string, from: number, to: number, delim: string | undefined): SeparatedArg {
  let p = from;
  while (p < to && data[p] === ' ') p++;
  const start = p;
  let out = '';
  let endLen = -1; // C's `end` pointer, as a length of `out`
  let rawEnd = start;
  let insideQuotes = false;
  for (; p < to; p++) {
    const ch = data[p]!;
    let esc = false;
    if (ch === '\\') {
      // In C the string is NUL-terminated at `to`, so the char after a trailing backslash is NUL.
      const next = p + 1 < to ? data[p + 1]! : '';
      const literal = next === "'" || next === '"' || (delim !== undefined && next === delim) || next === '\\';
      if (next !== '' && (literal || unescapeChar(next) !== next)) {
        out += literal ? next : unescapeChar(next);
        p++;
        endLen = out.length;
        rawEnd = p + 1;
        esc = true;
      }
    }
    if (!esc) {
      if (ch === "'" && (insideQuotes || data.slice(p + 1, to).includes("'"))) {
        insideQuotes = !insideQuotes;
        if (insideQuotes) endLen = out.length;
        rawEnd = p + 1;
      } else {
        out += ch;
        if (ch !== ' ' || insideQuotes) {
          endLen = out.length;
          rawEnd = p + 1;
        }
      }
    }
  }
  const value = endLen >= 0 ? out.slice(0, endLen) : out;
  return { value, start, end: Math.max(rawEnd, start) };
}

/**
 * Split application data like switch_separate_string(data, ' ', argv, max).
 * `max` is the size of the application's argv array (e.g. 7 for read, 11 for play_and_get_digits).
 */
export function separateArgs(data: string, max: number): SeparatedArg[] {
  if (max <= 0 || data.length === 0) return [];
  let delim = ' ';
  let pos = 0;
  // "^^<c>" switches the delimiter, but only when at least one character follows <c>.
  if (data.startsWith('^^') && data.length >= 4) {
    delim = data[2]!;
    pos = 3;
  }
  const spans: Array<[number, number]> = [];
  const len = data.length;

  if (delim === ' ') {
    // separate_string_blank_delim
    type State = 'start' | 'skipInitial' | 'findDelim' | 'skipEnding';
    let state: State = 'start';
    let inside = false;
    let p = pos;
    let tokStart = 0;
    while (p < len) {
      if (state === 'start') {
        tokStart = p;
        state = 'skipInitial';
        if (spans.length + 1 === max) {
          // The last slot takes the rest of the string.
          spans.push([tokStart, len]);
          state = 'start';
          p = len;
          break;
        }
        continue;
      }
      const ch = data[p]!;
      if (state === 'skipInitial') {
        if (ch === ' ') p++;
        else state = 'findDelim';
        continue;
      }
      if (state === 'findDelim') {
        if (ch === '\\') {
          p++;
        } else if (ch === "'") {
          inside = !inside;
        } else if (ch === ' ' && !inside) {
          spans.push([tokStart, p]);
          state = 'skipEnding';
        }
        p++;
        continue;
      }
      // skipEnding
      if (ch === ' ') p++;
      else state = 'start';
    }
    if (state === 'skipInitial' || state === 'findDelim') spans.push([tokStart, Math.min(p, len)]);
    return spans.map(([a, b]) => cleanup(data, a, Math.min(b, len), undefined));
  }

  // separate_string_char_delim
  let inside = false;
  let p = pos;
  let tokStart = -1;
  while (p < len) {
    if (tokStart < 0) {
      tokStart = p;
      if (spans.length + 1 === max) {
        spans.push([tokStart, len]);
        tokStart = -1;
        p = len;
        break;
      }
      continue;
    }
    const ch = data[p]!;
    if (ch === '\\') {
      p++;
    } else if (ch === "'" && (inside || data.slice(p + 1).includes("'"))) {
      inside = !inside;
    } else if (ch === delim && !inside) {
      spans.push([tokStart, p]);
      tokStart = -1;
    }
    p++;
  }
  if (tokStart >= 0) spans.push([tokStart, Math.min(p, len)]);
  return spans.map(([a, b]) => cleanup(data, a, b, delim));
}
