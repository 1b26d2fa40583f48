// Judge a dialplan condition `expression` the way FreeSWITCH does (src/switch_regex.c,
// switch_regex_perform): an optional leading `_` turns an Asterisk pattern into a regex
// (switch_ast2regex), a leading `/` selects the `/re/flags` form, and the result is compiled by
// PCRE2 with no options besides CASELESS/DOTALL (8-bit library, no UTF, default tables).
//
// There is no PCRE2 for JavaScript we can depend on and JavaScript's RegExp accepts and rejects
// different things, so this module contains a syntax checker that follows PCRE2 10.42's
// pcre2_compile() (parse_regex, check_escape, get_ucp, read_name, read_number,
// read_repeat_counts, check_lookbehinds and the reference checks of compile_regex). It is validated
// against `pcre2test` by test/pcre2/regex-oracle.test.ts.
//
// Policy: a pattern PCRE2 accepts must never be reported. Where PCRE2 versions differ, the most
// permissive behaviour wins unless it is 10.42's (Debian 12, FreeSWITCH's main platform).

import { PCRE2_OTHER_PROPERTIES, PCRE2_SCRIPTS } from './pcre2-props.js';

export interface RegexCheck {
  ok: boolean;
  /** `offset` is a UTF-16 offset into the ORIGINAL expression string; `code` is PCRE2's error number when there is one. */
  error?: { message: string; offset: number; code?: number };
  /** Capture groups as PCRE2 counts them (branch reset and (?n) taken into account). */
  captureCount: number;
  /** FreeSWITCH substitutes $N in actions only when the expression contains '(' (mod_dialplan_xml.c). */
  hasParen: boolean;
  /** Named groups in order of first definition, without duplicates. */
  namedGroups: string[];
}

/** What FreeSWITCH hands to pcre2_compile() for an expression. */
export type Pcre2Input =
  | {
      ok: true;
      pattern: string;
      caseless: boolean;
      dotall: boolean;
      /** 'asterisk' when the `_` form was converted, 'slashes' for `/re/flags`, 'plain' otherwise. */
      form: 'plain' | 'asterisk' | 'slashes';
      /** Maps a UTF-16 offset in `pattern` to a UTF-16 offset in the original expression. */
      toExpressionOffset: (patternOffset: number) => number;
    }
  | { ok: false; message: string; offset: number };

// ---------------------------------------------------------------------------------------------
// FreeSWITCH front end
// ---------------------------------------------------------------------------------------------

/**
 * switch_ast2regex (src/switch_utils.c): `^` + pattern with N→[2-9], X→[0-9], Z→[1-9], '.'→".*" + `$`,
 * written into a 256-byte buffer (long patterns are cut short, as in C). Nothing else is escaped.
 * Returns the converted string and, for each output char, the index of the input char it came from.
 */
export function asteriskToRegex(pat: string): { regex: string; from: number[] } {
  const LEN = 256;
  // Work on UTF-8 bytes like C does, but remember for each byte the UTF-16 index of its source char.
  const bytes: number[] = [];
  const srcOf: number[] = [];
  utf8Encode(pat, bytes, srcOf);
  const out: number[] = [94 /* ^ */];
  const from: number[] = [-1]; // -1 = the '_' itself
  const append = (s: string, src: number): void => {
    // strncat(rbuf, s, len - strlen(rbuf)): copies at most n chars, then a NUL (which may overflow).
    const n = LEN - out.length;
    for (let k = 0; k < s.length && k < n; k++) {
      out.push(s.charCodeAt(k));
      from.push(src);
    }
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const src = srcOf[i]!;
    if (b === 0x4e) append('[2-9]', src);
    else if (b === 0x58) append('[0-9]', src);
    else if (b === 0x5a) append('[1-9]', src);
    else if (b === 0x2e) append('.*', src);
    else if (out.length < LEN - 1) {
      out.push(b);
      from.push(src);
    }
  }
  if (out.length < LEN) {
    out.push(36 /* $ */);
    from.push(pat.length);
  }
  // Decode the bytes back to a JS string (bytes that were cut mid-character become U+FFFD).
  const buf = Uint8Array.from(out);
  const regex = new TextDecoder('utf-8').decode(buf);
  if (regex.length === out.length) return { regex, from };
  // Non-ASCII content: rebuild the map per UTF-16 unit.
  const map: number[] = [];
  let bi = 0;
  for (const ch of regex) {
    const cp = ch.codePointAt(0)!;
    const nb = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const src = from[bi] ?? pat.length;
    for (let k = 0; k < ch.length; k++) map.push(src);
    bi += cp === 0xfffd ? 1 : nb;
  }
  return { regex, from: map };
}

export interface RegexOptions {
  /**
   * Convert a leading `_` Asterisk pattern (switch_regex_perform, used for <condition> expressions).
   * switch_regex_match (used by play_and_get_digits and others) has no such step: pass false. Default true.
   */
  asterisk?: boolean;
}

/** Reproduce switch_regex_perform's preprocessing of a condition expression. */
export function toPcre2Input(expression: string, opts: RegexOptions = {}): Pcre2Input {
  if (opts.asterisk !== false && expression.startsWith('_')) {
    const { regex, from } = asteriskToRegex(expression.slice(1));
    // The converted pattern always starts with '^', so the '/' form can no longer apply.
    return {
      ok: true,
      pattern: regex,
      caseless: false,
      dotall: false,
      form: 'asterisk',
      toExpressionOffset: (o) => {
        if (o >= from.length) return expression.length;
        const src = from[o]!;
        return src < 0 ? 0 : Math.min(expression.length, src + 1);
      },
    };
  }
  if (expression.startsWith('/')) {
    const last = expression.lastIndexOf('/');
    if (last <= 0) {
      return {
        ok: false,
        message: "missing ending '/' delimiter: FreeSWITCH rejects the expression (the condition never matches)",
        offset: expression.length,
      };
    }
    const opts = expression.slice(last + 1);
    return {
      ok: true,
      pattern: expression.slice(1, last),
      caseless: opts.includes('i'),
      dotall: opts.includes('s'),
      form: 'slashes',
      toExpressionOffset: (o) => Math.min(o + 1, last),
    };
  }
  return {
    ok: true,
    pattern: expression,
    caseless: false,
    dotall: false,
    form: 'plain',
    toExpressionOffset: (o) => Math.min(o, expression.length),
  };
}

/** Judge a condition expression exactly as FreeSWITCH + PCRE2 would compile it. */
// the same expression is checked by several rules, the capture analysis and the call simulation: once
// (bounded like simulate/regex-match's compile cache; callers only read the result)
const checked = new Map<string, RegexCheck>();

export function checkRegex(expression: string, opts: RegexOptions = {}): RegexCheck {
  const key = `${opts.asterisk === false ? '0' : '1'}${expression}`;
  let result = checked.get(key);
  if (!result) {
    result = checkRegexUncached(expression, opts);
    if (checked.size >= 5000) checked.clear();
    checked.set(key, result);
  }
  return result;
}

function checkRegexUncached(expression: string, opts: RegexOptions): RegexCheck {
  const hasParen = expression.includes('(');
  const input = toPcre2Input(expression, opts);
  if (!input.ok) {
    return { ok: false, error: { message: input.message, offset: input.offset }, captureCount: 0, hasParen, namedGroups: [] };
  }
  const r = checkPcre2Pattern(input.pattern);
  const result: RegexCheck = { ok: r.ok, captureCount: r.captureCount, hasParen, namedGroups: r.namedGroups };
  if (r.error) {
    result.error = { ...r.error, offset: input.toExpressionOffset(r.error.offset) };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// PCRE2 syntax checker
// ---------------------------------------------------------------------------------------------

/** PCRE2 10.42 compile error texts (pcre2_error.c) for the errors this checker can raise. */
const PCRE2_ERROR_TEXT: Readonly<Record<number, string>> = {
  101: '\\ at end of pattern',
  102: '\\c at end of pattern',
  103: 'unrecognized character follows \\',
  104: 'numbers out of order in {} quantifier',
  105: 'number too big in {} quantifier',
  106: 'missing terminating ] for character class',
  107: 'escape sequence is invalid in character class',
  108: 'range out of order in character class',
  109: 'quantifier does not follow a repeatable item',
  111: 'unrecognized character after (? or (?-',
  112: 'POSIX named classes are supported only within a class',
  113: 'POSIX collating elements are not supported',
  114: 'missing closing parenthesis',
  115: 'reference to non-existent subpattern',
  118: 'missing ) after (?# comment',
  119: 'parentheses are too deeply nested',
  122: 'unmatched closing parenthesis',
  124: 'missing closing parenthesis for condition',
  125: 'lookbehind assertion is not fixed length',
  126: 'a relative value of zero is not allowed',
  127: 'conditional subpattern contains more than two branches',
  128: 'assertion expected after (?( or (?(?C)',
  129: 'digit expected after (?+ or (?-',
  130: 'unknown POSIX class name',
  134: 'character code point value in \\x{} or \\o{} is too large',
  136: '\\C is not allowed in a lookbehind assertion in UTF-8 mode',
  137: 'PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u',
  138: 'number after (?C is greater than 255',
  139: 'closing parenthesis for (?C expected',
  141: 'unrecognized character after (?P',
  142: 'syntax error in subpattern name (missing terminator?)',
  143: 'two named subpatterns have the same name (PCRE2_DUPNAMES not set)',
  144: 'subpattern name must start with a non-digit',
  146: 'malformed \\P or \\p sequence',
  147: 'unknown property after \\P or \\p',
  148: 'subpattern name is too long (maximum 32 code units)',
  149: 'too many named subpatterns (maximum 10000)',
  150: 'invalid range in character class',
  151: 'octal value is greater than \\377 in 8-bit non-UTF-8 mode',
  154: 'DEFINE subpattern contains more than one branch',
  155: 'missing opening brace after \\o',
  157: '\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number',
  158: '(?R (recursive pattern call) must be followed by a closing parenthesis',
  160: '(*VERB) not recognized or malformed',
  161: 'subpattern number is too big',
  162: 'subpattern name expected',
  164: 'non-octal character in \\o{} (closing brace missing?)',
  165: 'different names for subpatterns of the same number are not allowed',
  166: '(*MARK) must have an argument',
  167: 'non-hex character in \\x{} (closing brace missing?)',
  168: '\\c must be followed by a printable ASCII character',
  169: '\\k is not followed by a braced, angle-bracketed, or quoted name',
  171: '\\N is not supported in a class',
  172: 'callout string is too long',
  173: 'disallowed Unicode code point (>= 0xd800 && <= 0xdfff)',
  176: 'name is too long in (*MARK), (*PRUNE), (*SKIP), or (*THEN)',
  178: 'digits missing in \\x{} or \\o{} or \\N{U+}',
  179: 'syntax error or number too big in (?(VERSION condition',
  181: 'missing terminating delimiter for callout with string argument',
  182: 'unrecognized string delimiter follows (?C',
  187: 'lookbehind assertion is too long',
  193: '\\N{U+dddd} is supported only in Unicode (UTF) mode',
  194: 'invalid hyphen in option setting',
  195: '(*alpha_assertion) not recognized',
  197: 'too many capturing groups (maximum 65535)',
  198: 'atomic assertion expected after (?( or (?(?C)',
  199: '\\K is not allowed in lookarounds (but see PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK)',
};

/** Result of checking a raw PCRE2 pattern; offsets are UTF-16 offsets into that pattern. */
export interface Pcre2Check {
  ok: boolean;
  error?: { message: string; offset: number; code: number };
  captureCount: number;
  namedGroups: string[];
}

const MAX_GROUP_NUMBER = 65535;
const MAX_REPEAT_COUNT = 65535;
const MAX_NAME_SIZE = 32;
const MAX_NAME_COUNT = 10000;
const PARENS_NEST_LIMIT = 250;
const MAX_MARK = 255;
const LOOKBEHIND_MAX = 65535;
const NOT_FIXED = -1;

// Character codes
const C = {
  TAB: 9,
  LF: 10,
  VT: 11,
  FF: 12,
  CR: 13,
  SPACE: 32,
  BANG: 33,
  DQUOTE: 34,
  HASH: 35,
  DOLLAR: 36,
  PERCENT: 37,
  AMP: 38,
  APOS: 39,
  LPAR: 40,
  RPAR: 41,
  STAR: 42,
  PLUS: 43,
  COMMA: 44,
  MINUS: 45,
  DOT: 46,
  ZERO: 48,
  SEVEN: 55,
  EIGHT: 56,
  NINE: 57,
  COLON: 58,
  LT: 60,
  EQ: 61,
  GT: 62,
  QUERY: 63,
  LBRACK: 91,
  BSLASH: 92,
  RBRACK: 93,
  CARET: 94,
  UNDERSCORE: 95,
  BACKTICK: 96,
  LBRACE: 123,
  BAR: 124,
  RBRACE: 125,
} as const;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;
const isLower = (c: number | undefined): boolean => c !== undefined && c >= 97 && c <= 122;
const isUpper = (c: number | undefined): boolean => c !== undefined && c >= 65 && c <= 90;
const isLetter = (c: number | undefined): boolean => isLower(c) || isUpper(c);
/** ctype_word in PCRE2's default (C locale) tables. */
const isWordByte = (c: number | undefined): boolean => isLetter(c) || isDigit(c) || c === C.UNDERSCORE;
/** ctype_space in the default tables: HT, LF, VT, FF, CR, space. */
const isCSpace = (c: number | undefined): boolean => c !== undefined && ((c >= 9 && c <= 13) || c === 32);
function xdigit(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function utf8Encode(s: string, out: number[], src: number[]): void {
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    let c = cp;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // lone surrogate: what TextEncoder would produce
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    while (src.length < out.length) src.push(i);
    i += w;
  }
}

/** Thrown when the lookbehind length computation takes too long; the check is then skipped. */
const LOOKBEHIND_BUDGET = { budget: true };

class PcreFail {
  constructor(
    readonly code: number,
    readonly pos: number,
  ) {}
}

// --- parsed structure used for the lookbehind and reference checks -------------------------

type Item =
  | { t: 'char'; backslashC?: boolean } // one character
  | { t: 'zero' } // zero-width: ^ $ \b \A ..., verbs, callouts
  | { t: 'stop' } // (*ACCEPT), (*FAIL): the rest of the branch does not count for lookbehind lengths
  | { t: 'var' } // \R, \X: variable length
  | { t: 'bref'; num: number; pos: number }
  | { t: 'nbref'; name: string; pos: number }
  | { t: 'recurse'; num: number; pos: number }
  | { t: 'nrecurse'; name: string; pos: number }
  | { t: 'group'; g: Group }
  | { t: 'quant'; item: Item; min: number; max: number };

type GroupKind = 'capture' | 'noncapture' | 'atomic' | 'lookahead' | 'lookbehind' | 'cond' | 'scriptrun';

interface Opts {
  extended: boolean;
  extendedMore: boolean;
  noAutoCapture: boolean;
  dupnames: boolean;
}

interface CondInfo {
  type: 'assert' | 'number' | 'rnumber' | 'name' | 'rname' | 'define' | 'version';
  num?: number;
  name?: string;
  pos: number;
}

interface Group {
  kind: GroupKind;
  number: number;
  start: number;
  /** Index just after the closing ')' (end of pattern if unclosed). */
  end: number;
  alts: Item[][];
  savedOpts: Opts;
  isLookaround: boolean;
  /** This group is the assertion of an enclosing conditional. */
  isCondAssert: boolean;
  cond?: CondInfo;
  condAssert?: Group;
  reset?: { base: number; max: number };
  /** Counts as a nesting level for the 250 limit and for ')' matching. */
  real: boolean;
}

interface NameEntry {
  name: string;
  number: number;
  dup: boolean;
}

const VERBS: ReadonlyArray<{ name: string; hasArg: number; accept?: boolean; stop?: boolean }> = [
  { name: '', hasArg: 1 }, // (*:NAME) is (*MARK:NAME)
  { name: 'MARK', hasArg: 1 },
  { name: 'ACCEPT', hasArg: -1, accept: true, stop: true },
  { name: 'COMMIT', hasArg: -1 },
  { name: 'F', hasArg: -1, stop: true },
  { name: 'FAIL', hasArg: -1, stop: true },
  { name: 'PRUNE', hasArg: 0 },
  { name: 'SKIP', hasArg: 0 },
  { name: 'THEN', hasArg: 0 },
];

type Alas = 'lookahead' | 'lookaheadnot' | 'lookahead_na' | 'lookbehind' | 'lookbehindnot' | 'lookbehind_na' | 'atomic' | 'sr' | 'asr';
const ALPHA_ASSERTIONS: Readonly<Record<string, Alas>> = {
  pla: 'lookahead',
  plb: 'lookbehind',
  nla: 'lookaheadnot',
  nlb: 'lookbehindnot',
  positive_lookahead: 'lookahead',
  positive_lookbehind: 'lookbehind',
  negative_lookahead: 'lookaheadnot',
  negative_lookbehind: 'lookbehindnot',
  atomic: 'atomic',
  sr: 'sr',
  asr: 'asr',
  script_run: 'sr',
  atomic_script_run: 'asr',
  napla: 'lookahead_na',
  naplb: 'lookbehind_na',
  non_atomic_positive_lookahead: 'lookahead_na',
  non_atomic_positive_lookbehind: 'lookbehind_na',
};

const POSIX_NAMES = new Set(['alpha', 'lower', 'upper', 'alnum', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'print', 'punct', 'space', 'word', 'xdigit']);

/** Start-of-pattern items, matched by prefix in this order (pso_list in pcre2_compile.c). */
const PSO_LIST: ReadonlyArray<{ name: string; kind: 'utf' | 'flag' | 'limit' | 'nl'; nl?: string }> = [
  { name: 'UTF8)', kind: 'utf' },
  { name: 'UTF)', kind: 'utf' },
  { name: 'UCP)', kind: 'flag' },
  { name: 'NOTEMPTY)', kind: 'flag' },
  { name: 'NOTEMPTY_ATSTART)', kind: 'flag' },
  { name: 'NO_AUTO_POSSESS)', kind: 'flag' },
  { name: 'NO_DOTSTAR_ANCHOR)', kind: 'flag' },
  { name: 'NO_JIT)', kind: 'flag' },
  { name: 'NO_START_OPT)', kind: 'flag' },
  { name: 'LIMIT_HEAP=', kind: 'limit' },
  { name: 'LIMIT_MATCH=', kind: 'limit' },
  { name: 'LIMIT_DEPTH=', kind: 'limit' },
  { name: 'LIMIT_RECURSION=', kind: 'limit' },
  { name: 'CR)', kind: 'nl', nl: 'cr' },
  { name: 'LF)', kind: 'nl', nl: 'lf' },
  { name: 'CRLF)', kind: 'nl', nl: 'crlf' },
  { name: 'ANY)', kind: 'nl', nl: 'any' },
  { name: 'NUL)', kind: 'nl', nl: 'nul' },
  { name: 'ANYCRLF)', kind: 'nl', nl: 'anycrlf' },
  { name: 'BSR_ANYCRLF)', kind: 'flag' },
  { name: 'BSR_UNICODE)', kind: 'flag' },
];

const CALLOUT_START = '`\'"^%#${';
const CALLOUT_END = '`\'"^%#$}';

// Escape classification (check_escape's table for '0'..'z').
type Esc =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'G'
  | 'H'
  | 'K'
  | 'N'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'V'
  | 'W'
  | 'X'
  | 'Z'
  | 'b'
  | 'd'
  | 'h'
  | 'k'
  | 'p'
  | 's'
  | 'v'
  | 'w'
  | 'z'
  | 'g';
const ESCAPE_CODES: Readonly<Record<string, Esc>> = {
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  E: 'E',
  G: 'G',
  H: 'H',
  K: 'K',
  N: 'N',
  P: 'P',
  Q: 'Q',
  R: 'R',
  S: 'S',
  V: 'V',
  W: 'W',
  X: 'X',
  Z: 'Z',
  b: 'b',
  d: 'd',
  h: 'h',
  k: 'k',
  p: 'p',
  s: 's',
  v: 'v',
  w: 'w',
  z: 'z',
};
const ESCAPE_LITERALS: Readonly<Record<string, number>> = { a: 7, e: 27, f: 12, n: 10, r: 13, t: 9 };

/** check_escape result: a literal character, a backreference, or a special escape. */
type EscResult = { kind: 'char'; c: number } | { kind: 'bref'; num: number } | { kind: 'esc'; esc: Esc };

class Parser {
  private readonly u: number[]; // code units (bytes) or code points in UTF mode
  private readonly end: number;
  private p = 0;
  private utf = false;
  private newline: string = 'lf';
  private opts: Opts = { extended: false, extendedMore: false, noAutoCapture: false, dupnames: false };
  private bracount = 0;
  private readonly names: NameEntry[] = [];
  private readonly stack: Group[] = [];
  private readonly root: Group;
  private nestDepth = 0;
  private lookaroundDepth = 0;
  private dupcapUsed = false;
  private readonly allGroups: Group[] = [];
  private readonly compileChecks: Array<{ pos: number; check: () => void }> = [];
  private readonly bskInLookaround: number[] = [];

  constructor(units: number[], utf: boolean, start: number, newline: string) {
    this.u = units;
    this.end = units.length;
    this.utf = utf;
    this.p = start;
    this.newline = newline;
    this.root = this.newGroup('noncapture', 0, 0, false);
  }

  private newGroup(kind: GroupKind, number: number, start: number, real: boolean): Group {
    const g: Group = {
      kind,
      number,
      start,
      end: this.end,
      alts: [[]],
      savedOpts: { ...this.opts },
      isLookaround: kind === 'lookahead' || kind === 'lookbehind',
      isCondAssert: false,
      real,
    };
    this.allGroups.push(g);
    return g;
  }

  private get cur(): Group {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1]! : this.root;
  }

  private get curAlt(): Item[] {
    const alts = this.cur.alts;
    return alts[alts.length - 1]!;
  }

  private fail(code: number, pos: number): never {
    throw new PcreFail(code, Math.max(0, Math.min(pos, this.end)));
  }

  private at(i: number): number | undefined {
    return i < this.end ? this.u[i] : undefined;
  }

  private isNewlineAt(i: number): number {
    const c = this.at(i);
    switch (this.newline) {
      case 'lf':
        return c === C.LF ? 1 : 0;
      case 'cr':
        return c === C.CR ? 1 : 0;
      case 'crlf':
        return c === C.CR && this.at(i + 1) === C.LF ? 2 : 0;
      case 'nul':
        return c === 0 ? 1 : 0;
      case 'anycrlf':
        if (c === C.CR) return this.at(i + 1) === C.LF ? 2 : 1;
        return c === C.LF ? 1 : 0;
      default: // any
        if (c === C.CR) return this.at(i + 1) === C.LF ? 2 : 1;
        if (c === C.LF || c === C.VT || c === C.FF || c === 0x85) return 1;
        if (this.utf && (c === 0x2028 || c === 0x2029)) return 1;
        return 0;
    }
  }

  // --- low-level readers -----------------------------------------------------------------

  /**
   * read_number: optional sign when allowSign >= 0 (relative to allowSign = bracount). Returns
   * undefined (position unchanged) when no digits follow. Throws on errors.
   */
  private readNumber(pos: number, allowSign: number, maxValue: number, maxError: number): { n: number; p: number } | undefined {
    let p = pos;
    let sign = 0;
    let max = maxValue;
    if (allowSign >= 0 && p < this.end) {
      if (this.u[p] === C.PLUS) {
        sign = 1;
        max -= allowSign;
        p++;
      } else if (this.u[p] === C.MINUS) {
        sign = -1;
        p++;
      }
    }
    if (!isDigit(this.at(p))) return undefined;
    let n = 0;
    while (isDigit(this.at(p))) {
      n = n * 10 + (this.u[p]! - 48);
      p++;
      if (n > max) this.fail(maxError, p);
    }
    if (allowSign >= 0 && sign !== 0) {
      if (n === 0) this.fail(126, p);
      if (sign > 0) n += allowSign;
      else if (n > allowSign) this.fail(115, p);
      else n = allowSign + 1 - n;
    }
    return { n, p };
  }

  /** read_repeat_counts: undefined when the text is not a quantifier (then it is literal). */
  private readRepeatCounts(pos: number): { min: number; max: number; p: number } | undefined {
    // pos is just after '{'
    let hadComma = false;
    let q = pos;
    for (; ; q++) {
      const c = this.at(q);
      if (c === undefined) return undefined;
      if (isDigit(c)) continue;
      if (c === C.RBRACE) break;
      if (c !== C.COMMA || hadComma) return undefined;
      hadComma = true;
    }
    const a = this.readNumber(pos, -1, MAX_REPEAT_COUNT, 105);
    if (!a) return undefined; // "{,n}" and "{}" are literal in 10.42
    let p = a.p;
    let max = a.n;
    if (this.u[p] === C.RBRACE) {
      p++;
    } else {
      p++; // the comma
      if (this.u[p] !== C.RBRACE) {
        const b = this.readNumber(p, -1, MAX_REPEAT_COUNT, 105);
        if (!b) return undefined;
        p = b.p;
        max = b.n;
        if (max < a.n) this.fail(104, p);
      } else {
        max = Infinity;
      }
      p++;
    }
    return { min: a.n, max, p };
  }

  /**
   * read_name: `pos` points at the character before the name (a delimiter, or '*' for verbs and
   * alpha assertions, which are not group names). Returns the name and the position after the
   * terminator (group names) or after the name (others).
   */
  private readName(pos: number, terminator: number | undefined): { name: string; p: number; start: number } {
    const isGroup = this.u[pos] !== C.STAR;
    let p = pos + 1;
    if (p >= this.end) this.fail(isGroup ? 162 : 160, p);
    const start = p;
    if (this.utf && isGroup) {
      const first = this.u[p]!;
      if (isUnicodeDigit(first)) this.fail(144, p);
      while (p < this.end) {
        const c = this.u[p]!;
        if (!(isUnicodeDigit(c) || isUnicodeLetter(c) || c === C.UNDERSCORE)) break;
        p++;
      }
    } else {
      if (isGroup && isDigit(this.at(p))) this.fail(144, p);
      while (p < this.end && isWordByte(this.u[p])) p++;
    }
    if (p - start > MAX_NAME_SIZE) this.fail(148, p);
    const name = String.fromCodePoint(...this.u.slice(start, p));
    if (isGroup) {
      if (p === start) this.fail(162, p);
      if (p >= this.end || this.u[p] !== terminator) this.fail(142, p);
      p++;
    }
    return { name, p, start };
  }

  // --- check_escape --------------------------------------------------------------------------

  /** `pos` is just after the backslash. */
  private checkEscape(pos: number, isClass: boolean): { r: EscResult; p: number } {
    let p = pos;
    if (p >= this.end) this.fail(101, p);
    let c = this.u[p++]!;
    const ch = c < 128 ? String.fromCharCode(c) : '';
    // Non-alphanumerics (and anything outside '0'..'z') are literal.
    if (c < 48 || c > 122 || !(isDigit(c) || isLetter(c))) return { r: { kind: 'char', c }, p };
    if (ch in ESCAPE_LITERALS) return { r: { kind: 'char', c: ESCAPE_LITERALS[ch]! }, p };
    const esc = ESCAPE_CODES[ch];
    if (esc !== undefined) {
      if (esc === 'N' && this.at(p) === C.LBRACE) {
        const q = p + 1;
        if (this.at(q) === 0x55 /* U */ && this.at(q + 1) === C.PLUS) {
          if (!this.utf) this.fail(193, p);
          // \N{U+hhhh} in UTF mode: handled like \x{hhhh}
          const x = this.readHexBraced(q + 2, q + 1);
          return { r: { kind: 'char', c: x.c }, p: x.p };
        }
        const rc = this.readRepeatCounts(q);
        if (!rc) this.fail(137, p);
      }
      return { r: { kind: 'esc', esc }, p };
    }
    switch (ch) {
      case 'F':
      case 'l':
      case 'L':
      case 'u':
      case 'U':
        this.fail(137, p);
      // falls through (never reached)
      case 'g': {
        if (isClass) return { r: { kind: 'char', c }, p };
        if (p >= this.end) this.fail(157, p);
        const d = this.u[p];
        if (d === C.LT || d === C.APOS) return { r: { kind: 'esc', esc: 'g' }, p };
        let s: number;
        if (d === C.LBRACE) {
          const num = this.readNumber(p + 1, this.bracount, MAX_GROUP_NUMBER, 161);
          if (!num) return { r: { kind: 'esc', esc: 'k' }, p }; // \g{name}
          if (this.at(num.p) !== C.RBRACE) this.fail(157, num.p);
          s = num.n;
          p = num.p + 1;
        } else {
          const num = this.readNumber(p, this.bracount, MAX_GROUP_NUMBER, 161);
          if (!num) this.fail(157, p);
          s = num.n;
          p = num.p;
        }
        if (s <= 0) this.fail(115, p);
        return { r: { kind: 'bref', num: s }, p };
      }
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9': {
        if (!isClass) {
          // read_number(..., INT_MAX): a number too large for an int is not a reference at all.
          let q = p - 1;
          let n = 0;
          let tooBig = false;
          while (isDigit(this.at(q))) {
            n = n * 10 + (this.u[q]! - 48);
            q++;
            if (n > 2147483647) {
              tooBig = true;
              break;
            }
          }
          if (!tooBig && (n < 10 || c >= C.EIGHT || n <= this.bracount)) {
            if (n > MAX_GROUP_NUMBER) this.fail(161, q);
            return { r: { kind: 'bref', num: n }, p: q };
          }
        }
        if (c >= C.EIGHT) return { r: { kind: 'char', c }, p };
        return this.readOctal(c, p);
      }
      case '0':
        return this.readOctal(c, p);
      case 'o': {
        if (p >= this.end || this.u[p] !== C.LBRACE) this.fail(155, p);
        p++;
        if (p >= this.end || this.u[p] === C.RBRACE) this.fail(178, p);
        let v = 0;
        while (p < this.end && this.u[p]! >= C.ZERO && this.u[p]! <= C.SEVEN) {
          const cc = this.u[p++]!;
          if (v === 0 && cc === C.ZERO) continue;
          v = v * 8 + (cc - C.ZERO);
          if (v > (this.utf ? 0x10ffff : 0xff)) {
            while (p < this.end && this.u[p]! >= C.ZERO && this.u[p]! <= C.SEVEN) p++;
            this.fail(134, p);
          }
        }
        if (p < this.end && this.u[p] === C.RBRACE) {
          p++;
          if (this.utf && v >= 0xd800 && v <= 0xdfff) this.fail(173, p - 1);
          return { r: { kind: 'char', c: v }, p };
        }
        this.fail(164, p);
      }
      // falls through (never reached)
      case 'x': {
        if (this.at(p) === C.LBRACE) {
          const x = this.readHexBraced(p + 1, p);
          return { r: { kind: 'char', c: x.c }, p: x.p };
        }
        let v = 0;
        const h1 = xdigit(this.at(p));
        if (h1 < 0) return { r: { kind: 'char', c: 0 }, p };
        p++;
        v = h1;
        const h2 = xdigit(this.at(p));
        if (h2 < 0) return { r: { kind: 'char', c: v }, p };
        p++;
        return { r: { kind: 'char', c: v * 16 + h2 }, p };
      }
      case 'c': {
        if (p >= this.end) this.fail(102, p);
        c = this.u[p]!;
        if (c >= 97 && c <= 122) c -= 32;
        if (c < 32 || c > 126) this.fail(168, p);
        p++;
        return { r: { kind: 'char', c: c ^ 0x40 }, p };
      }
      default:
        this.fail(103, p - 1);
    }
  }

  private readOctal(first: number, pos: number): { r: EscResult; p: number } {
    let p = pos;
    let v = first - C.ZERO;
    for (let i = 0; i < 2 && p < this.end && this.u[p]! >= C.ZERO && this.u[p]! <= C.SEVEN; i++) {
      v = v * 8 + (this.u[p++]! - C.ZERO);
    }
    if (!this.utf && v > 0xff) this.fail(151, p);
    return { r: { kind: 'char', c: v }, p };
  }

  /** \x{...}: `pos` is just after '{'. */
  private readHexBraced(pos: number, bracePos: number): { c: number; p: number } {
    let p = pos;
    if (p >= this.end || this.u[p] === C.RBRACE) this.fail(178, Math.max(p, bracePos + 1));
    let v = 0;
    while (p < this.end && xdigit(this.u[p]) >= 0) {
      const cc = xdigit(this.u[p]);
      p++;
      if (v === 0 && cc === 0) continue;
      v = v * 16 + cc;
      if ((this.utf && v > 0x10ffff) || (!this.utf && v > 0xff)) {
        while (p < this.end && xdigit(this.u[p]) >= 0) p++;
        this.fail(134, p);
      }
    }
    if (p < this.end && this.u[p] === C.RBRACE) {
      p++;
      if (this.utf && v >= 0xd800 && v <= 0xdfff) this.fail(173, p - 1);
      return { c: v, p };
    }
    this.fail(167, p);
  }

  /** get_ucp: `pos` is just after \p or \P. */
  private readProperty(pos: number): number {
    let p = pos;
    if (p >= this.end) this.fail(146, p);
    let c = this.u[p++]!;
    let name = '';
    let sepAt = -1;
    if (c === C.LBRACE) {
      if (p >= this.end) this.fail(146, p);
      if (this.u[p] === C.CARET) p++;
      let i = 0;
      for (; i < 49; i++) {
        if (p >= this.end) this.fail(146, p);
        c = this.u[p++]!;
        while (c === C.UNDERSCORE || c === C.MINUS || isCSpace(c)) {
          if (p >= this.end) this.fail(146, p);
          c = this.u[p++]!;
        }
        if (c === 0) this.fail(146, p);
        if (c === C.RBRACE) break;
        const lower = isUpper(c) ? c + 32 : c;
        if ((c === C.COLON || c === C.EQ) && sepAt < 0) sepAt = name.length;
        name += String.fromCodePoint(lower);
      }
      if (c !== C.RBRACE) this.fail(146, p);
    } else if (isLetter(c)) {
      name = String.fromCharCode(isUpper(c) ? c + 32 : c);
    } else {
      this.fail(146, p);
    }
    if (sepAt >= 0) {
      const prop = name.slice(0, sepAt);
      const value = name.slice(sepAt + 1);
      if (prop === 'bidiclass' || prop === 'bc') {
        const full = 'bidi' + value;
        if (!PCRE2_OTHER_PROPERTIES.has(full) && !PCRE2_SCRIPTS.has(full)) this.fail(147, p);
      } else if (prop === 'script' || prop === 'sc' || prop === 'scriptextensions' || prop === 'scx') {
        if (!PCRE2_SCRIPTS.has(value)) this.fail(147, p);
      } else {
        this.fail(147, p);
      }
    } else if (!PCRE2_OTHER_PROPERTIES.has(name) && !PCRE2_SCRIPTS.has(name)) {
      this.fail(147, p);
    }
    return p;
  }

  /** check_posix_syntax: `pos` points at the ':' '.' or '=' after '['. Returns the terminator position. */
  private checkPosixSyntax(pos: number): number | undefined {
    const terminator = this.u[pos];
    for (let p = pos + 1; this.end - p >= 2; p++) {
      const c = this.u[p];
      if (c === C.BSLASH && (this.u[p + 1] === C.RBRACK || this.u[p + 1] === C.BSLASH)) p++;
      else if ((c === C.LBRACK && this.u[p + 1] === terminator) || c === C.RBRACK) return undefined;
      else if (c === terminator && this.u[p + 1] === C.RBRACK) return p;
    }
    return undefined;
  }

  // --- items -------------------------------------------------------------------------------

  private push(item: Item): void {
    this.curAlt.push(item);
  }

  private openGroup(g: Group): void {
    this.stack.push(g);
    if (g.real) {
      this.nestDepth++;
      if (this.nestDepth > PARENS_NEST_LIMIT) this.fail(119, g.start);
    }
    if (g.isLookaround) this.lookaroundDepth++;
  }

  private addName(name: string, number: number, pos: number): void {
    if (this.names.length >= MAX_NAME_COUNT) this.fail(149, pos);
    let i = 0;
    for (; i < this.names.length; i++) {
      const ng = this.names[i]!;
      if (ng.name === name) {
        if (ng.number === number) break;
        if (!this.opts.dupnames) this.fail(143, pos);
        ng.dup = true;
      } else if (ng.number === number) {
        this.fail(165, pos);
      }
    }
    if (i < this.names.length) return;
    const dup = this.names.some((n) => n.name === name);
    this.names.push({ name, number, dup });
  }

  private newCapture(pos: number): number {
    if (this.bracount >= MAX_GROUP_NUMBER) this.fail(197, pos);
    return ++this.bracount;
  }

  // --- main loop (parse_regex) ------------------------------------------------------------------

  parse(): void {
    let okq = false; // can the previous significant item be quantified?
    let lastQuant = false; // was the previous significant item a quantifier? (for + and ? modifiers)
    let inescq = false;
    let expectCondAssert = 0;
    let inVerbName: { start: number; accept: boolean } | undefined;

    while (this.p < this.end) {
      const thisPos = this.p;
      const c = this.u[this.p++]!;

      if (inescq) {
        if (c === C.BSLASH && this.at(this.p) === 0x45 /* E */) {
          inescq = false;
          this.p++;
        } else {
          if (expectCondAssert > 0) this.fail(128, thisPos);
          this.push({ t: 'char' });
          okq = true;
          lastQuant = false;
        }
        continue;
      }

      if (inVerbName) {
        if (c === C.RPAR) {
          if (thisPos - inVerbName.start > MAX_MARK) this.fail(176, thisPos);
          okq = inVerbName.accept;
          lastQuant = false;
          inVerbName = undefined;
        }
        continue;
      }

      // \Q and \E do not change the quantification state.
      if (c === C.BSLASH && this.p < this.end && (this.u[this.p] === 0x51 /* Q */ || this.u[this.p] === 0x45) /* E */) {
        inescq = this.u[this.p] === 0x51;
        this.p++;
        continue;
      }

      if (this.opts.extended) {
        if ((c < 256 && isCSpace(c)) || c === 0x85 || (c | 1) === 0x200f || (c | 1) === 0x2029) continue;
        if (c === C.HASH) {
          while (this.p < this.end) {
            const nl = this.isNewlineAt(this.p);
            if (nl > 0) {
              this.p += nl;
              break;
            }
            this.p++;
          }
          continue;
        }
      }

      // (?# comment )
      if (c === C.LPAR && this.end - this.p >= 2 && this.u[this.p] === C.QUERY && this.u[this.p + 1] === C.HASH) {
        let q = this.p + 1;
        while (++q < this.end && this.u[q] !== C.RPAR);
        if (q >= this.end) this.fail(118, q);
        this.p = q + 1;
        continue;
      }

      const prevExpectCondAssert = expectCondAssert;
      if (expectCondAssert > 0) {
        let ok = c === C.LPAR && this.end - this.p >= 3 && (this.u[this.p] === C.QUERY || this.u[this.p] === C.STAR);
        if (ok) {
          if (this.u[this.p] === C.STAR) {
            ok = isLower(this.u[this.p + 1]);
          } else {
            const d = this.u[this.p + 1];
            if (d === 0x43 /* C */) ok = expectCondAssert === 2;
            else if (d === C.EQ || d === C.BANG) ok = true;
            else if (d === C.LT) ok = this.u[this.p + 2] === C.EQ || this.u[this.p + 2] === C.BANG;
            else ok = false;
          }
        }
        if (!ok) this.fail(128, thisPos);
      }
      expectCondAssert = 0;

      const prevOkq = okq;
      const prevLastQuant = lastQuant;
      okq = true;
      lastQuant = false;

      // Possessive / lazy modifier after a quantifier.
      if (prevLastQuant && (c === C.QUERY || c === C.PLUS)) {
        okq = false;
        continue;
      }

      switch (c) {
        default:
          this.push({ t: 'char' });
          break;

        case C.BSLASH: {
          const { r, p } = this.checkEscape(this.p, false);
          this.p = p;
          if (r.kind === 'char') {
            this.push({ t: 'char' });
          } else if (r.kind === 'bref') {
            if (r.num > MAX_GROUP_NUMBER) this.fail(161, p);
            this.push({ t: 'bref', num: r.num, pos: thisPos });
          } else {
            this.escapeItem(r.esc, thisPos);
            if (r.esc === 'b' || r.esc === 'B' || r.esc === 'A' || r.esc === 'Z' || r.esc === 'z' || r.esc === 'G' || r.esc === 'K') okq = false;
          }
          break;
        }

        case C.CARET:
        case C.DOLLAR:
          this.push({ t: 'zero' });
          okq = false;
          break;

        case C.DOT:
          this.push({ t: 'char' });
          break;

        case C.STAR:
        case C.PLUS:
        case C.QUERY:
        case C.LBRACE: {
          let min = 0;
          let max = Infinity;
          if (c === C.LBRACE) {
            const rc = this.readRepeatCounts(this.p);
            if (!rc) {
              this.push({ t: 'char' });
              break;
            }
            min = rc.min;
            max = rc.max;
            this.p = rc.p;
          } else if (c === C.PLUS) min = 1;
          else if (c === C.QUERY) max = 1;
          if (!prevOkq) this.fail(109, c === C.LBRACE ? this.p : thisPos);
          const alt = this.curAlt;
          const last = alt.pop();
          if (last) alt.push({ t: 'quant', item: last, min, max });
          okq = false;
          lastQuant = true;
          break;
        }

        case C.BAR: {
          const g = this.cur;
          if (g.reset) {
            if (this.bracount > g.reset.max) g.reset.max = this.bracount;
            this.bracount = g.reset.base;
          }
          g.alts.push([]);
          okq = false;
          break;
        }

        case C.RPAR: {
          if (this.stack.length === 0) this.fail(122, thisPos);
          const g = this.stack.pop()!;
          g.end = this.p;
          this.opts = g.savedOpts;
          if (g.reset && g.reset.max > this.bracount) this.bracount = g.reset.max;
          if (g.real) this.nestDepth--;
          if (g.isLookaround) this.lookaroundDepth--;
          if (g.kind === 'cond') {
            const nAlts = g.alts.length;
            const cond = g.cond!;
            this.compileChecks.push({
              pos: thisPos,
              check: () => {
                if (cond.type === 'define') {
                  if (nAlts > 1) this.fail(154, cond.pos);
                } else if (nAlts > 2) this.fail(127, g.start);
              },
            });
          }
          if (g.isCondAssert) {
            this.cur.condAssert = g;
            okq = false;
          } else {
            this.push({ t: 'group', g });
          }
          break;
        }

        case C.LBRACK: {
          this.parseClass(thisPos);
          break;
        }

        case C.LPAR: {
          okq = false;
          const r = this.parseParen(thisPos, prevExpectCondAssert);
          if (r.okq !== undefined) okq = r.okq;
          if (r.expectCondAssert !== undefined) expectCondAssert = r.expectCondAssert;
          if (r.verbName) inVerbName = r.verbName;
          break;
        }
      }
    }

    if (inVerbName) this.fail(160, this.end);
    if (this.stack.length > 0) this.fail(114, this.end);
  }

  private escapeItem(esc: Esc, pos: number): void {
    switch (esc) {
      case 'R':
      case 'X':
        this.push({ t: 'var' });
        return;
      case 'C':
        this.push({ t: 'char', backslashC: true });
        return;
      case 'K': {
        // Reported while compiling (after the lookbehind checks), so deferred.
        if (this.lookaroundDepth > 0) this.bskInLookaround.push(pos);
        this.push({ t: 'zero' });
        return;
      }
      case 'b':
      case 'B':
      case 'A':
      case 'Z':
      case 'z':
      case 'G':
        this.push({ t: 'zero' });
        return;
      case 'p':
      case 'P':
        this.p = this.readProperty(this.p);
        this.push({ t: 'char' });
        return;
      case 'g':
      case 'k': {
        const d = this.at(this.p);
        if (d !== C.LBRACE && d !== C.LT && d !== C.APOS) this.fail(esc === 'g' ? 157 : 169, this.p);
        const terminator = d === C.LT ? C.GT : d === C.APOS ? C.APOS : C.RBRACE;
        if (esc === 'g' && terminator !== C.RBRACE) {
          const num = this.readNumber(this.p + 1, this.bracount, MAX_GROUP_NUMBER, 161);
          if (num) {
            if (this.at(num.p) !== terminator) this.fail(157, num.p);
            this.p = num.p + 1;
            if (num.n < 0) this.fail(115, pos);
            this.push({ t: 'recurse', num: num.n, pos });
            return;
          }
        }
        const nm = this.readName(this.p, terminator);
        this.p = nm.p;
        if (esc === 'k' || terminator === C.RBRACE) this.push({ t: 'nbref', name: nm.name, pos: nm.start });
        else this.push({ t: 'nrecurse', name: nm.name, pos: nm.start });
        return;
      }
      default:
        // d D s S w W h H v V N: one character
        this.push({ t: 'char' });
    }
  }

  // --- character classes -------------------------------------------------------------------

  private parseClass(startPos: number): void {
    const u = this.u;
    // [[:<:]] and [[:>:]]
    if (this.end - this.p >= 6) {
      const s = String.fromCharCode(...u.slice(this.p, this.p + 6));
      if (s === '[:<:]]' || s === '[:>:]]') {
        this.p += 6;
        // \b(?=\w) or \b(?<=\w): zero-width either way
        const g = this.newGroup('lookahead', 0, startPos, false);
        g.alts = [[{ t: 'char' }]];
        this.push({ t: 'zero' });
        this.push({ t: 'group', g });
        return;
      }
    }
    const first = this.at(this.p);
    if ((first === C.COLON || first === C.DOT || first === C.EQ) && this.checkPosixSyntax(this.p) !== undefined) {
      this.fail(first === C.COLON ? 112 : 113, this.p - 1);
    }

    // Skip a leading ^ and any \E, \Q\E (and space/tab under xx) before the first real character.
    // If the pattern ends meanwhile, the last character read is processed as the first item (as in C).
    let c: number = C.LBRACK;
    let negate = false;
    while (this.p < this.end) {
      c = u[this.p++]!;
      if (c === C.BSLASH) {
        if (this.at(this.p) === 0x45) this.p++;
        else if (this.end - this.p >= 3 && u[this.p] === 0x51 && u[this.p + 1] === C.BSLASH && u[this.p + 2] === 0x45) this.p += 3;
        else break;
      } else if (this.opts.extendedMore && (c === C.SPACE || c === C.TAB)) {
        continue;
      } else if (!negate && c === C.CARET) {
        negate = true;
      } else break;
    }

    // Range state: 'ok' = the previous item can start a range; 'started' = "x-" seen.
    const st: { range: 'no' | 'ok' | 'started'; start: number } = { range: 'no', start: 0 };
    let inescq = false;

    const classLiteral = (ch: number, pos: number): void => {
      if (st.range === 'started') {
        if (ch < st.start) this.fail(108, pos);
        st.range = 'no';
      } else {
        st.range = 'ok';
        st.start = ch;
      }
    };

    for (;;) {
      let handled = false;
      const cPos = this.p - 1;
      if (inescq) {
        if (c === C.BSLASH && this.at(this.p) === 0x45) {
          inescq = false;
          this.p++;
        } else {
          classLiteral(c, this.p);
        }
        handled = true;
      } else if (this.opts.extendedMore && (c === C.SPACE || c === C.TAB)) {
        handled = true;
      } else if (c === C.LBRACK && this.end - this.p >= 3 && (u[this.p] === C.COLON || u[this.p] === C.DOT || u[this.p] === C.EQ)) {
        const term = this.checkPosixSyntax(this.p);
        if (term !== undefined) {
          if (st.range === 'started') this.fail(150, this.p);
          if (u[this.p] !== C.COLON) this.fail(113, cPos);
          let q = this.p + 1;
          if (u[q] === C.CARET) q++;
          const pname = String.fromCharCode(...u.slice(q, term));
          if (!POSIX_NAMES.has(pname)) this.fail(130, q);
          this.p = term + 2;
          if (this.end - this.p >= 2 && u[this.p] === C.MINUS && u[this.p + 1] !== C.RBRACK) this.fail(150, this.p);
          st.range = 'no';
          handled = true;
        }
      }
      if (!handled) {
        if (c === C.MINUS && st.range === 'ok') {
          st.range = 'started';
        } else if (c === C.BSLASH) {
          const { r, p } = this.checkEscape(this.p, true);
          this.p = p;
          if (r.kind === 'char') {
            classLiteral(r.c, this.p);
          } else if (r.kind === 'bref') {
            // cannot happen in a class
            classLiteral(0, this.p);
          } else if (r.esc === 'b') {
            classLiteral(8, this.p);
          } else if (r.esc === 'Q') {
            inescq = true;
          } else if (r.esc === 'E') {
            // orphan \E: ignored
          } else if (r.esc === 'B' || r.esc === 'R' || r.esc === 'X') {
            this.fail(107, this.p - 1);
          } else {
            if (st.range === 'started') this.fail(150, this.p);
            st.range = 'no';
            switch (r.esc) {
              case 'N':
                this.fail(171, this.p);
              // falls through (never reached)
              case 'h':
              case 'H':
              case 'v':
              case 'V':
              case 'd':
              case 'D':
              case 's':
              case 'S':
              case 'w':
              case 'W':
                break;
              case 'p':
              case 'P':
                this.p = this.readProperty(this.p);
                break;
              default:
                this.fail(107, this.p - 1);
            }
            if (this.end - this.p > 1 && u[this.p] === C.MINUS && u[this.p + 1] !== C.RBRACK) this.fail(150, this.p);
          }
        } else {
          classLiteral(c, this.p);
        }
      }

      // CLASS_CONTINUE
      if (this.p >= this.end) this.fail(106, this.p);
      c = u[this.p++]!;
      if (c === C.RBRACK && !inescq) break;
    }
    this.push({ t: 'char' });
  }

  // --- parentheses -------------------------------------------------------------------------

  private parseParen(
    thisPos: number,
    prevExpectCondAssert: number,
  ): { okq?: boolean; expectCondAssert?: number; verbName?: { start: number; accept: boolean } } {
    const u = this.u;
    if (this.p >= this.end) this.fail(114, this.p);

    if (u[this.p] !== C.QUERY) {
      if (u[this.p] !== C.STAR) {
        // capture (or not, under (?n))
        if (!this.opts.noAutoCapture) {
          const n = this.newCapture(thisPos);
          this.openGroup(this.newGroup('capture', n, thisPos, true));
        } else {
          this.openGroup(this.newGroup('noncapture', 0, thisPos, true));
        }
        return {};
      }
      // "(*" followed by end or ")" : the '*' is then a quantifier error
      if (this.end - this.p <= 1 || u[this.p + 1] === C.RPAR) return {};
      const c1 = u[this.p + 1]!;
      if (isLower(c1)) {
        // alpha assertion
        const nm = this.readName(this.p, undefined);
        this.p = nm.p;
        if (this.p >= this.end || u[this.p] !== C.COLON) this.fail(195, this.p);
        const meta = Object.prototype.hasOwnProperty.call(ALPHA_ASSERTIONS, nm.name) ? ALPHA_ASSERTIONS[nm.name] : undefined;
        if (meta === undefined) this.fail(195, this.p);
        if (prevExpectCondAssert > 0 && !(meta === 'lookahead' || meta === 'lookaheadnot' || meta === 'lookbehind' || meta === 'lookbehindnot')) {
          this.fail(meta === 'lookahead_na' || meta === 'lookbehind_na' ? 198 : 128, this.p);
        }
        this.p++; // skip ':'
        switch (meta) {
          case 'atomic':
            this.openGroup(this.newGroup('atomic', 0, thisPos, true));
            break;
          case 'sr':
          case 'asr':
            this.openGroup(this.newGroup('scriptrun', 0, thisPos, true));
            break;
          case 'lookahead':
          case 'lookaheadnot':
          case 'lookahead_na':
            this.openAssertion('lookahead', thisPos, prevExpectCondAssert);
            break;
          default:
            this.openAssertion('lookbehind', thisPos, prevExpectCondAssert);
        }
        return {};
      }
      // (*VERB) or (*VERB:NAME)
      const nm = this.readName(this.p, undefined);
      this.p = nm.p;
      if (this.p >= this.end || (u[this.p] !== C.COLON && u[this.p] !== C.RPAR)) this.fail(160, this.p);
      const verb = VERBS.find((v) => v.name === nm.name);
      if (!verb) this.fail(160, this.p);
      if (u[this.p] === C.COLON && this.p + 1 < this.end && u[this.p + 1] === C.RPAR) this.p++;
      if (verb.hasArg > 0 && u[this.p] !== C.COLON) this.fail(166, this.p);
      this.push(verb.stop ? { t: 'stop' } : { t: 'zero' });
      const accept = verb.accept === true;
      if (u[this.p++] === C.COLON) {
        return { okq: accept, verbName: { start: this.p, accept } };
      }
      return { okq: accept };
    }

    // "(?"
    if (++this.p >= this.end) this.fail(114, this.p);
    const d = u[this.p]!;
    switch (d) {
      case C.LPAR:
        return this.parseCondition(thisPos);

      case 0x52 /* R */:
        this.p++;
        if (this.p >= this.end || u[this.p] !== C.RPAR) this.fail(158, this.p);
        this.p++;
        this.push({ t: 'recurse', num: 0, pos: thisPos });
        return { okq: true };

      case C.PLUS:
        if (this.end - this.p < 2 || !isDigit(u[this.p + 1])) this.fail(129, this.p);
        return this.recursionByNumber(thisPos);

      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        return this.recursionByNumber(thisPos);

      case C.AMP: {
        const nm = this.readName(this.p, C.RPAR);
        this.p = nm.p;
        this.push({ t: 'nrecurse', name: nm.name, pos: nm.start });
        return { okq: true };
      }

      case 0x43 /* C */:
        return this.parseCallout(prevExpectCondAssert);

      case 0x50 /* P */: {
        if (++this.p >= this.end) this.fail(114, this.p);
        const e = u[this.p];
        if (e === C.LT) return this.defineName(thisPos, C.GT);
        if (e === C.GT) {
          const nm = this.readName(this.p, C.RPAR);
          this.p = nm.p;
          this.push({ t: 'nrecurse', name: nm.name, pos: nm.start });
          return { okq: true };
        }
        if (e !== C.EQ) this.fail(141, this.p);
        const nm = this.readName(this.p, C.RPAR);
        this.p = nm.p;
        this.push({ t: 'nbref', name: nm.name, pos: nm.start });
        return { okq: true };
      }

      case C.GT:
        this.p++;
        this.openGroup(this.newGroup('atomic', 0, thisPos, true));
        return {};

      case C.EQ:
      case C.BANG:
      case C.STAR:
        this.p++;
        this.openAssertion('lookahead', thisPos, prevExpectCondAssert);
        return {};

      case C.LT: {
        const e = this.at(this.p + 1);
        if (this.end - this.p <= 1 || (e !== C.EQ && e !== C.BANG && e !== C.STAR)) {
          return this.defineName(thisPos, C.GT);
        }
        this.p += 2;
        this.openAssertion('lookbehind', thisPos, prevExpectCondAssert);
        return {};
      }

      case C.APOS:
        return this.defineName(thisPos, C.APOS);

      default: {
        if (d === C.MINUS && this.end - this.p > 1 && isDigit(u[this.p + 1])) return this.recursionByNumber(thisPos);
        if (d === C.BAR) {
          this.p++;
          const g = this.newGroup('noncapture', 0, thisPos, true);
          g.reset = { base: this.bracount, max: this.bracount };
          this.dupcapUsed = true;
          this.openGroup(g);
          return {};
        }
        // option setting, possibly followed by ':' (a non-capturing group)
        const saved = { ...this.opts };
        const next = { ...this.opts };
        let hyphenOk = true;
        let setting = true;
        let setExtended = false;
        let setExtendedMore = false;
        let unsetExtended = false;
        if (this.p < this.end && u[this.p] === C.CARET) {
          next.extended = false;
          next.extendedMore = false;
          next.noAutoCapture = false;
          hyphenOk = false;
          this.p++;
        }
        while (this.p < this.end && u[this.p] !== C.RPAR && u[this.p] !== C.COLON) {
          const o = u[this.p++]!;
          switch (o) {
            case C.MINUS:
              if (!hyphenOk) this.fail(194, this.p - 1);
              setting = false;
              hyphenOk = false;
              break;
            case 0x4a /* J */:
              next.dupnames = setting;
              break;
            case 0x6e /* n */:
              next.noAutoCapture = setting;
              break;
            case 0x69: // i
            case 0x6d: // m
            case 0x73: // s
            case 0x55: // U
              break;
            case 0x78 /* x */:
              if (setting) setExtended = true;
              else unsetExtended = true;
              if (this.p < this.end && u[this.p] === 0x78) {
                this.p++;
                if (setting) setExtendedMore = true;
              }
              break;
            default:
              this.fail(111, this.p - 1);
          }
        }
        if (setExtended) next.extended = true;
        if (setExtendedMore) next.extendedMore = true;
        if ((setExtended && !setExtendedMore) || unsetExtended) next.extendedMore = false;
        if (unsetExtended) next.extended = false;
        if (this.p >= this.end) this.fail(114, this.p);
        if (u[this.p++] === C.RPAR) {
          // options change for the rest of the enclosing group
          this.opts = next;
          return {};
        }
        const g = this.newGroup('noncapture', 0, thisPos, true);
        g.savedOpts = saved;
        this.openGroup(g);
        this.opts = next;
        return {};
      }
    }
  }

  private openAssertion(kind: 'lookahead' | 'lookbehind', thisPos: number, prevExpectCondAssert: number): void {
    const g = this.newGroup(kind, 0, thisPos, true);
    if (prevExpectCondAssert > 0) g.isCondAssert = true;
    this.openGroup(g);
  }

  private recursionByNumber(thisPos: number): { okq: boolean } {
    const signed = !isDigit(this.u[this.p]);
    const num = this.readNumber(this.p, signed ? this.bracount : -1, MAX_GROUP_NUMBER, 161);
    if (!num) this.fail(129, this.p);
    if (num.n < 0) this.fail(115, this.p);
    this.p = num.p;
    if (this.p >= this.end || this.u[this.p] !== C.RPAR) this.fail(114, this.p);
    this.p++;
    this.push({ t: 'recurse', num: num.n, pos: thisPos });
    return { okq: true };
  }

  private defineName(thisPos: number, terminator: number): Record<string, never> {
    const nm = this.readName(this.p, terminator);
    this.p = nm.p;
    const n = this.newCapture(thisPos);
    this.openGroup(this.newGroup('capture', n, thisPos, true));
    this.addName(nm.name, n, nm.start);
    return {};
  }

  private parseCallout(prevExpectCondAssert: number): { expectCondAssert: number; okq: boolean } {
    const u = this.u;
    if (++this.p >= this.end) this.fail(114, this.p);
    if (u[this.p] !== C.RPAR && !isDigit(u[this.p])) {
      const startPos = this.p;
      const idx = CALLOUT_START.indexOf(String.fromCharCode(u[this.p]!));
      if (u[this.p]! > 127 || idx < 0) this.fail(182, this.p);
      const delim = CALLOUT_END.charCodeAt(idx);
      for (;;) {
        if (++this.p >= this.end) this.fail(181, startPos);
        if (u[this.p] === delim && (++this.p >= this.end || u[this.p] !== delim)) break;
      }
    } else {
      let n = 0;
      while (this.p < this.end && isDigit(u[this.p])) {
        n = n * 10 + (u[this.p++]! - 48);
        if (n > 255) this.fail(138, this.p);
      }
    }
    if (this.p >= this.end || u[this.p] !== C.RPAR) this.fail(139, this.p);
    this.p++;
    return { expectCondAssert: prevExpectCondAssert - 1, okq: false };
  }

  /** `this.p` points at the second '(' of "(?(". */
  private parseCondition(thisPos: number): { expectCondAssert?: number } {
    const u = this.u;
    if (++this.p >= this.end) this.fail(114, this.p);
    const g = this.newGroup('cond', 0, thisPos, true);
    this.openGroup(g);

    if (u[this.p] === C.QUERY || u[this.p] === C.STAR) {
      g.cond = { type: 'assert', pos: this.p };
      this.p--; // back to the inner '('
      return { expectCondAssert: 2 };
    }

    const num = this.readNumber(this.p, this.bracount, MAX_GROUP_NUMBER, 161);
    if (num) {
      if (num.n <= 0) this.fail(115, num.p);
      g.cond = { type: 'number', num: num.n, pos: this.p };
      this.p = num.p;
    } else if (this.end - this.p >= 10 && String.fromCharCode(...u.slice(this.p, this.p + 7)) === 'VERSION' && u[this.p + 7] !== C.RPAR) {
      this.p += 7;
      if (u[this.p] === C.GT) this.p++;
      if (u[this.p] !== C.EQ) this.fail(179, this.p);
      this.p++;
      if (!isDigit(this.at(this.p))) this.fail(179, this.p);
      const major = this.readNumber(this.p, -1, 1000, 179);
      if (!major) this.fail(179, this.p);
      this.p = major.p;
      if (this.p >= this.end) this.fail(179, this.p);
      if (u[this.p] === C.DOT) {
        if (++this.p >= this.end || !isDigit(u[this.p])) this.fail(179, this.p);
        this.p++;
        if (this.p >= this.end) this.fail(179, this.p);
        if (isDigit(u[this.p])) this.p++;
        if (this.p >= this.end || u[this.p] !== C.RPAR) this.fail(179, this.p);
      }
      g.cond = { type: 'version', pos: this.p };
    } else {
      let wasRAmp = false;
      let terminator: number;
      if (u[this.p] === 0x52 /* R */ && this.end - this.p > 1 && u[this.p + 1] === C.AMP) {
        terminator = C.RPAR;
        wasRAmp = true;
        this.p++;
      } else if (u[this.p] === C.LT) {
        terminator = C.GT;
      } else if (u[this.p] === C.APOS) {
        terminator = C.APOS;
      } else {
        terminator = C.RPAR;
        this.p--;
      }
      const nm = this.readName(this.p, terminator);
      this.p = nm.p;
      if (wasRAmp) {
        g.cond = { type: 'rname', name: nm.name, pos: nm.start };
        this.p--;
      } else if (terminator === C.RPAR) {
        if (nm.name === 'DEFINE') {
          g.cond = { type: 'define', pos: nm.start };
        } else {
          const isRnum = /^R[0-9]*$/.test(nm.name);
          g.cond = { type: isRnum ? 'rnumber' : 'name', name: nm.name, pos: nm.start };
        }
        this.p--;
      } else {
        g.cond = { type: 'name', name: nm.name, pos: nm.start };
      }
    }
    if (this.p >= this.end || u[this.p] !== C.RPAR) this.fail(124, this.p);
    this.p++;
    return {};
  }

  // --- post-parse checks -------------------------------------------------------------------

  private byNumber: Map<number, Group> | undefined;
  private byName: Map<string, NameEntry[]> | undefined;

  /** The first capture group with number n (as PCRE2 resolves calls into a branch-reset group). */
  private groupByNumber(n: number): Group | undefined {
    if (!this.byNumber) {
      this.byNumber = new Map();
      for (const g of this.allGroups) if (g.kind === 'capture' && !this.byNumber.has(g.number)) this.byNumber.set(g.number, g);
    }
    return this.byNumber.get(n);
  }

  private nameEntries(name: string): NameEntry[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const e of this.names) {
        const list = this.byName.get(e.name);
        if (list) list.push(e);
        else this.byName.set(e.name, [e]);
      }
    }
    return this.byName.get(name) ?? [];
  }

  /** check_lookbehinds + the reference checks done while compiling. */
  finish(): void {
    const inProgress = new Set<Group>();
    // Subroutine calls can make the length computation exponential (or very deep); PCRE2 then gives
    // up with "lookbehind is too complicated". We give up silently instead, so there is no false alarm.
    let budget = 200000;

    const groupLength = (g: Group): number => {
      if (--budget < 0) throw LOOKBEHIND_BUDGET;
      if (g.kind === 'lookahead') {
        // Lookbehinds inside a lookahead are still checked (check_lookbehinds on its content).
        visitGroup(g);
        return 0;
      }
      if (g.kind === 'lookbehind') {
        // A nested lookbehind is validated in the current recursion context (set_lookbehind_lengths),
        // so e.g. a backreference to a group that contains it is not fixed length.
        checkLookbehind(g);
        return 0;
      }
      if (g.kind === 'cond' && g.cond?.type === 'define') return 0;
      if (inProgress.has(g)) return NOT_FIXED;
      inProgress.add(g);
      try {
        if (g.condAssert) groupLength(g.condAssert);
        let len: number | undefined;
        for (const alt of g.alts) {
          const l = branchLength(alt);
          if (l === NOT_FIXED) return NOT_FIXED;
          if (len === undefined) len = l;
          else if (len !== l) return NOT_FIXED;
        }
        return len ?? 0;
      } finally {
        inProgress.delete(g);
      }
    };

    const itemLength = (it: Item): number => {
      switch (it.t) {
        case 'char':
          if (it.backslashC && this.utf) throw new PcreFail(136, 0);
          return 1;
        case 'zero':
        case 'stop':
          return 0;
        case 'var':
          return NOT_FIXED;
        case 'group':
          return groupLength(it.g);
        case 'quant': {
          // A quantified lookahead is still zero-width; anything else must repeat a fixed number of times.
          if (it.item.t === 'group' && it.item.g.kind === 'lookahead') return itemLength(it.item);
          const l = itemLength(it.item);
          if (l === NOT_FIXED || it.min !== it.max) return NOT_FIXED;
          return l * it.min;
        }
        case 'bref':
        case 'nbref': {
          let g: Group | undefined;
          if (it.t === 'bref') {
            if (this.dupcapUsed) return NOT_FIXED;
            if (it.num > this.bracount) throw new PcreFail(115, it.pos);
            g = this.groupByNumber(it.num);
          } else {
            const e = this.nameEntries(it.name);
            if (e.length === 0) throw new PcreFail(115, it.pos);
            if (this.dupcapUsed || e.length > 1 || e[0]!.dup) return NOT_FIXED;
            g = this.groupByNumber(e[0]!.number);
          }
          return refLength(g, it.pos);
        }
        case 'recurse':
        case 'nrecurse': {
          let g: Group | undefined;
          if (it.t === 'recurse') {
            if (it.num > this.bracount) throw new PcreFail(115, it.pos);
            if (it.num === 0) return NOT_FIXED;
            g = this.groupByNumber(it.num);
          } else {
            const e = this.nameEntries(it.name);
            if (e.length === 0) throw new PcreFail(115, it.pos);
            g = this.groupByNumber(e[0]!.number);
          }
          return refLength(g, it.pos);
        }
      }
    };

    // A reference from inside a group to that same group is a recursion: never fixed length.
    const refLength = (g: Group | undefined, pos: number): number => {
      if (!g) return NOT_FIXED;
      if (g.start < pos && pos < g.end) return NOT_FIXED;
      return groupLength(g);
    };

    const branchLength = (alt: Item[]): number => {
      let total = 0;
      for (const it of alt) {
        if (it.t === 'stop') break;
        const l = itemLength(it);
        if (l === NOT_FIXED) return NOT_FIXED;
        total += l;
      }
      return total;
    };

    const checkLookbehind = (g: Group): void => {
      for (const alt of g.alts) {
        let l: number;
        try {
          l = branchLength(alt);
        } catch (e) {
          if (e instanceof PcreFail && e.code === 136) throw new PcreFail(136, g.start);
          throw e;
        }
        if (l === NOT_FIXED) this.fail(125, g.start);
        if (l > LOOKBEHIND_MAX) this.fail(187, g.start);
      }
    };

    // check_lookbehinds: walk the pattern; a lookbehind's own content is only reached through its
    // branch lengths, so a nested lookbehind after (*ACCEPT) or (*FAIL) is never checked (as in PCRE2).
    const visitItem = (it: Item): void => {
      if (it.t === 'group') visitGroup(it.g);
      else if (it.t === 'quant') visitItem(it.item);
    };
    const visitGroup = (g: Group): void => {
      if (g.kind === 'lookbehind') {
        checkLookbehind(g);
        return;
      }
      if (g.condAssert) visitGroup(g.condAssert);
      for (const alt of g.alts) for (const it of alt) visitItem(it);
    };
    try {
      visitGroup(this.root);
    } catch (e) {
      if (e !== LOOKBEHIND_BUDGET && !(e instanceof RangeError)) throw e;
    }

    // Reference checks (compile phase), in pattern order.
    const refs: Array<{ pos: number; check: () => void }> = [];
    const walk = (items: Item[]): void => {
      for (const it of items) {
        switch (it.t) {
          case 'bref':
          case 'recurse':
            refs.push({
              pos: it.pos,
              check: () => {
                if (it.num > this.bracount) this.fail(115, it.pos);
              },
            });
            break;
          case 'nbref':
          case 'nrecurse':
            refs.push({
              pos: it.pos,
              check: () => {
                if (this.nameEntries(it.name).length === 0) this.fail(115, it.pos);
              },
            });
            break;
          case 'group':
            walkGroup(it.g);
            break;
          case 'quant':
            walk([it.item]);
            break;
          default:
            break;
        }
      }
    };
    const walkGroup = (g: Group): void => {
      const cond = g.cond;
      if (cond) {
        refs.push({
          pos: cond.pos,
          check: () => {
            if (cond.type === 'number' && cond.num! > this.bracount) this.fail(115, cond.pos);
            if (cond.type === 'name' || cond.type === 'rname') {
              if (this.nameEntries(cond.name!).length === 0) this.fail(115, cond.pos);
            }
            if (cond.type === 'rnumber' && cond.name!.length > 1 && this.nameEntries(cond.name!).length === 0) {
              const n = Number(cond.name!.slice(1));
              if (n > this.bracount) this.fail(115, cond.pos);
            }
          },
        });
      }
      if (g.condAssert) walkGroup(g.condAssert);
      for (const alt of g.alts) walk(alt);
    };
    walkGroup(this.root);
    for (const at of this.bskInLookaround) refs.push({ pos: at, check: () => this.fail(199, at) });
    refs.sort((a, b) => a.pos - b.pos);
    for (const r of refs) r.check();
    // Branch counts of conditional groups are checked in the final compiling pass, after all references.
    this.compileChecks.sort((a, b) => a.pos - b.pos);
    for (const r of this.compileChecks) r.check();
  }

  result(): { captureCount: number; namedGroups: string[] } {
    const seen: string[] = [];
    for (const n of this.names) if (!seen.includes(n.name)) seen.push(n.name);
    return { captureCount: this.bracount, namedGroups: seen };
  }
}

function isUnicodeLetter(cp: number): boolean {
  return /\p{L}/u.test(String.fromCodePoint(cp));
}
function isUnicodeDigit(cp: number): boolean {
  return /\p{Nd}/u.test(String.fromCodePoint(cp));
}

/**
 * Check a raw pattern as pcre2_compile() (8-bit library, no UTF unless the pattern starts with
 * (*UTF)) would. Offsets are UTF-16 offsets into `pattern`.
 */
export function checkPcre2Pattern(pattern: string): Pcre2Check {
  // Start-of-pattern items are ASCII, so they can be read on the JS string directly.
  let skip = 0;
  let utf = false;
  let newline = 'lf';
  let early: PcreFail | undefined;
  outer: while (pattern.startsWith('(*', skip)) {
    for (const pso of PSO_LIST) {
      if (!pattern.startsWith(pso.name, skip + 2)) continue;
      skip += pso.name.length + 2;
      if (pso.kind === 'utf') utf = true;
      else if (pso.kind === 'nl') newline = pso.nl!;
      else if (pso.kind === 'limit') {
        let q = skip;
        if (!isDigit(pattern.charCodeAt(q))) {
          early = new PcreFail(160, q);
          break outer;
        }
        // Digits are read while the value stays below UINT32_MAX/10 - 1; the rest then fails the ')' test.
        let v = 0;
        while (isDigit(pattern.charCodeAt(q))) {
          if (v > 429496728) break;
          v = v * 10 + (pattern.charCodeAt(q) - 48);
          q++;
        }
        if (pattern.charCodeAt(q) !== C.RPAR) {
          early = new PcreFail(160, q + 1);
          break outer;
        }
        skip = q + 1;
      }
      continue outer;
    }
    break;
  }

  // Code units: UTF-8 bytes (non-UTF mode) or code points (UTF mode), with their UTF-16 offsets.
  const units: number[] = [];
  const src: number[] = [];
  if (utf) {
    for (let i = 0; i < pattern.length;) {
      const cp = pattern.codePointAt(i)!;
      units.push(cp);
      src.push(i);
      i += cp > 0xffff ? 2 : 1;
    }
  } else {
    utf8Encode(pattern, units, src);
  }
  src.push(pattern.length);
  const unitIndexOf = (utf16: number): number => {
    let i = 0;
    while (i < src.length - 1 && src[i]! < utf16) i++;
    return i;
  };

  const parser = new Parser(units, utf, unitIndexOf(skip), newline);
  try {
    if (early) throw new PcreFail(early.code, unitIndexOf(early.pos));
    parser.parse();
    parser.finish();
  } catch (e) {
    if (e instanceof PcreFail) {
      const offset = src[Math.min(e.pos, src.length - 1)]!;
      const r = parser.result();
      return {
        ok: false,
        error: { code: e.code, message: PCRE2_ERROR_TEXT[e.code] ?? `PCRE2 error ${e.code}`, offset },
        captureCount: r.captureCount,
        namedGroups: r.namedGroups,
      };
    }
    throw e;
  }
  const r = parser.result();
  return { ok: true, captureCount: r.captureCount, namedGroups: r.namedGroups };
}
