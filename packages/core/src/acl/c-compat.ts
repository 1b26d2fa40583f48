/**
 * Faithful re-implementations of the small C helpers FreeSWITCH's ACL code relies on.
 *
 * Everything here mirrors a specific C function so that the ACL engine reproduces
 * FreeSWITCH's behaviour bit for bit, including its quirks:
 *  - `cAtoi`          glibc atoi (strtol clamped to `long`, then truncated to `int`)
 *  - `switchTrue`     switch_true()   (src/include/switch_utils.h)
 *  - `separateString` switch_separate_string() with a non-blank delimiter (src/switch_utils.c),
 *                     including quote handling, escapes and space trimming
 *  - `inetPton4/6`    glibc inet_pton (FreeSWITCH calls the system inet_pton on non-Windows)
 *
 * Pure functions, no I/O.
 */

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

function isCSpace(c: number): boolean {
  // isspace() in the C locale: space, \t, \n, \v, \f, \r
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Result of scanning a string the way strtol does. */
export interface AtoiScan {
  /** The int value atoi() returns. */
  value: number;
  /** True when the text is exactly an optional sign followed by decimal digits (no junk, no blanks). */
  clean: boolean;
  /** True when at least one digit was consumed. */
  sawDigits: boolean;
}

/**
 * glibc atoi(): `(int) strtol(s, NULL, 10)`.
 * Leading C whitespace is skipped, an optional sign is accepted, digits are read until the first
 * non-digit. Overflow clamps to LONG_MIN/LONG_MAX (64-bit long) and the result is then truncated
 * to a 32-bit int, exactly like the cast in glibc.
 */
export function cAtoiScan(s: string): AtoiScan {
  let i = 0;
  const n = s.length;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  const leadingBlank = i > 0;
  let neg = false;
  const sc = i < n ? s.charCodeAt(i) : 0;
  if (sc === 0x2b /* + */ || sc === 0x2d /* - */) {
    neg = sc === 0x2d;
    i++;
  }
  const start = i;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  const digits = s.slice(start, i);
  const sawDigits = digits.length > 0;
  const clean = sawDigits && !leadingBlank && i === n;
  if (!sawDigits) return { value: 0, clean: false, sawDigits };
  if (digits.length <= 15) {
    const v = Number(digits);
    const signed = neg ? -v : v;
    return { value: signed | 0, clean, sawDigits };
  }
  let big = BigInt(digits);
  if (neg) big = -big;
  if (big > LONG_MAX) big = LONG_MAX;
  if (big < LONG_MIN) big = LONG_MIN;
  return { value: Number(BigInt.asIntN(32, big)), clean, sawDigits };
}

export function cAtoi(s: string): number {
  return cAtoiScan(s).value;
}

/** switch_is_number(): optional leading sign, then only digits and '.' (an empty rest counts as a number). */
function switchIsNumber(str: string): boolean {
  let i = 0;
  if (str.length > 0 && (str[0] === '-' || str[0] === '+')) i = 1;
  for (; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (!(c === 0x2e || (c > 47 && c < 58))) return false;
  }
  return true;
}

const TRUE_WORDS = new Set(['yes', 'on', 'true', 't', 'enabled', 'active', 'allow']);

/**
 * switch_true(): yes/on/true/t/enabled/active/allow (case-insensitive) or a number whose atoi is
 * non-zero. Everything else — including "deny", "permit", typos and the empty string — is false.
 */
export function switchTrue(expr: string | undefined | null): boolean {
  if (expr === undefined || expr === null) return false;
  if (TRUE_WORDS.has(expr.toLowerCase())) return true;
  return switchIsNumber(expr) && cAtoi(expr) !== 0;
}

/** Is this value one of the words switch_true accepts, or a clear "false" spelling? Used for lint hints. */
export function isRecognisedBooleanWord(expr: string): boolean {
  const l = expr.toLowerCase();
  if (TRUE_WORDS.has(l)) return true;
  if (['no', 'off', 'false', 'f', 'disabled', 'inactive', 'deny'].includes(l)) return true;
  return switchIsNumber(expr) && expr.length > 0 && /\d/.test(expr);
}

const ESCAPE_META = '\\';

/** unescape_char(): \\n \\r \\t \\s; anything else is returned unchanged. */
export function unescapeChar(c: string): string {
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 's':
      return ' ';
    default:
      return c;
  }
}

/** cleanup_separated_string(): strip leading/trailing spaces and quotes, resolve escapes. */
function cleanupSeparatedString(str: string, delim: string): string {
  let ptr = 0;
  const n = str.length;
  while (ptr < n && str[ptr] === ' ') ptr++;
  let out = '';
  let end = -1;
  let insideQuotes = false;
  for (; ptr < n; ptr++) {
    let esc = false;
    if (str[ptr] === ESCAPE_META) {
      const next = ptr + 1 < n ? str[ptr + 1]! : '\0';
      let e = next;
      if (e === "'" || e === '"' || (delim !== '\0' && e === delim) || e === ESCAPE_META || (e = unescapeChar(next)) !== next) {
        ptr++;
        out += e;
        end = out.length;
        esc = true;
      }
    }
    if (!esc) {
      const c = str[ptr]!;
      if (c === "'" && (insideQuotes || str.indexOf("'", ptr + 1) !== -1)) {
        insideQuotes = !insideQuotes;
        if (insideQuotes) end = out.length;
      } else {
        out += c;
        if (c !== ' ' || insideQuotes) end = out.length;
      }
    }
  }
  return end >= 0 ? out.slice(0, end) : out;
}

/**
 * switch_separate_string(buf, delim, argv, arraylen) for a non-blank delimiter.
 * At most `arraylen` items are produced; the last one then holds the unsplit remainder.
 * Supports the `^^<d>` custom-delimiter prefix like the C code.
 */
export function separateString(input: string, delim: string, arraylen: number): string[] {
  let buf = input;
  let d = delim;
  if (buf.length >= 2 && buf[0] === '^' && buf[1] === '^') {
    const p = buf.slice(2);
    if (p.length >= 2) {
      d = p[0]!;
      buf = p.slice(1);
    }
  }
  if (d === ' ') throw new Error('separateString: blank delimiter is not supported');
  // The C tokenizer stops at the first NUL; attribute values never contain one, but be safe.
  const nul = buf.indexOf('\0');
  if (nul >= 0) buf = buf.slice(0, nul);
  const starts: number[] = [];
  const cuts: number[] = [];
  let state: 'START' | 'FIND' = 'START';
  let insideQuotes = false;
  let ptr = 0;
  const n = buf.length;
  while (ptr < n && starts.length < arraylen) {
    if (state === 'START') {
      starts.push(ptr);
      state = 'FIND';
      continue;
    }
    const c = buf[ptr]!;
    if (c === ESCAPE_META) {
      ptr++;
    } else if (c === "'" && (insideQuotes || buf.indexOf("'", ptr + 1) !== -1)) {
      insideQuotes = !insideQuotes;
    } else if (c === d && !insideQuotes) {
      cuts.push(ptr);
      state = 'START';
    }
    ptr++;
  }
  const out: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    // The token runs to the next cut after its start (or the end of the buffer).
    let e = n;
    for (const c of cuts) {
      if (c >= s) {
        e = c;
        break;
      }
    }
    out.push(cleanupSeparatedString(buf.slice(s, e), d));
  }
  return out;
}

function hexDigitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/**
 * glibc inet_pton4 over s[from, to): exactly four dotted decimal octets, each 0-255,
 * no leading zeros ("01" is rejected), nothing else. Writes 4 bytes at dst[off] on success.
 */
export function inetPton4Range(s: string, from: number, to: number, dst: Uint8Array | null, off: number): boolean {
  let sawDigit = false;
  let octets = 0;
  let cur = 0;
  const tmp = [0, 0, 0, 0];
  let tp = 0;
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 0x30 && ch <= 0x39) {
      const nw = cur * 10 + (ch - 0x30);
      if (sawDigit && cur === 0) return false;
      if (nw > 255) return false;
      cur = nw;
      tmp[tp] = cur;
      if (!sawDigit) {
        if (++octets > 4) return false;
        sawDigit = true;
      }
    } else if (ch === 0x2e && sawDigit) {
      if (octets === 4) return false;
      tp++;
      cur = 0;
      tmp[tp] = 0;
      sawDigit = false;
    } else {
      return false;
    }
  }
  if (octets < 4) return false;
  if (dst) {
    dst[off] = tmp[0]!;
    dst[off + 1] = tmp[1]!;
    dst[off + 2] = tmp[2]!;
    dst[off + 3] = tmp[3]!;
  }
  return true;
}

export function inetPton4(s: string, dst: Uint8Array | null = null): boolean {
  return inetPton4Range(s, 0, s.length, dst, 0);
}

/**
 * glibc inet_pton6: RFC 4291 text form, at most one "::", hex groups of 1-4 digits,
 * optional trailing embedded dotted IPv4. Writes 16 bytes to dst on success.
 */
const PTON6_TMP = new Uint8Array(16);

export function inetPton6(s: string, dst: Uint8Array | null = null): boolean {
  const tmp = PTON6_TMP;
  tmp.fill(0);
  let tp = 0;
  const endp = 16;
  let colonp = -1;
  let src = 0;
  const end = s.length;
  if (src === end) return false;
  if (s.charCodeAt(src) === 0x3a) {
    src++;
    if (src === end || s.charCodeAt(src) !== 0x3a) return false;
  }
  let curtok = src;
  let xdigitsSeen = 0;
  let val = 0;
  while (src < end) {
    const ch = s.charCodeAt(src++);
    const digit = hexDigitValue(ch);
    if (digit >= 0) {
      if (xdigitsSeen === 4) return false;
      val = (val << 4) | digit;
      if (val > 0xffff) return false;
      ++xdigitsSeen;
      continue;
    }
    if (ch === 0x3a) {
      curtok = src;
      if (xdigitsSeen === 0) {
        if (colonp >= 0) return false;
        colonp = tp;
        continue;
      } else if (src === end) {
        return false;
      }
      if (tp + 2 > endp) return false;
      tmp[tp++] = (val >> 8) & 0xff;
      tmp[tp++] = val & 0xff;
      xdigitsSeen = 0;
      val = 0;
      continue;
    }
    if (ch === 0x2e && tp + 4 <= endp && inetPton4Range(s, curtok, end, tmp, tp)) {
      tp += 4;
      xdigitsSeen = 0;
      break;
    }
    return false;
  }
  if (xdigitsSeen > 0) {
    if (tp + 2 > endp) return false;
    tmp[tp++] = (val >> 8) & 0xff;
    tmp[tp++] = val & 0xff;
  }
  if (colonp >= 0) {
    if (tp === endp) return false;
    const nmove = tp - colonp;
    // memmove(endp - n, colonp, n); memset(colonp, 0, endp - n - colonp)
    for (let i = 1; i <= nmove; i++) {
      tmp[endp - i] = tmp[colonp + nmove - i]!;
      tmp[colonp + nmove - i] = 0;
    }
    tp = endp;
  }
  if (tp !== endp) return false;
  if (dst) dst.set(tmp);
  return true;
}

/**
 * switch_copy_string(host, string, 127) as used by switch_parse_cidr: the buffer keeps at most
 * 126 bytes (UTF-8) of the input.
 */
export function cTruncateBytes(s: string, maxBytes: number): string {
  // eslint-disable-next-line no-control-regex -- ASCII is every code unit from NUL to DEL
  if (s.length <= maxBytes && /^[\x00-\x7f]*$/.test(s)) return s;
  let bytes = 0;
  let i = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + len > maxBytes) break;
    bytes += len;
    i += ch.length;
  }
  return s.slice(0, i);
}

/** strncasecmp(s, "::ffff:", 7) == 0 — switch_network_ipv4_mapped_ipv6_addr(). */
export function hasMappedPrefix(s: string): boolean {
  return s.length >= 7 && s.slice(0, 7).toLowerCase() === '::ffff:';
}
