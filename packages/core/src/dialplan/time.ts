// Validators for the time attributes of <condition> (src/switch_xml.c switch_xml_std_datetime_check,
// with switch_number_cmp, switch_dow_cmp, switch_tod_cmp and switch_fulldate_cmp in src/switch_utils.c).
// All present attributes are ANDed. The checks follow what FreeSWITCH parses, not a nicer grammar:
// where FreeSWITCH would silently read something else (e.g. stop at a space), the value is reported.

export type TimeAttrResult =
  | { ok: true }
  /** The value is malformed or partly out of range: FreeSWITCH reads something other than intended. */
  | { ok: false; kind: 'invalid'; message: string }
  /** The value is understood but can never be satisfied (e.g. dst="false"): the condition never matches. */
  | { ok: false; kind: 'never-matches'; message: string };

export const TIME_ATTRIBUTES = [
  'date-time',
  'year',
  'yday',
  'mon',
  'mday',
  'week',
  'mweek',
  'wday',
  'hour',
  'minute',
  'minute-of-day',
  'time-of-day',
  'tz-offset',
  'dst',
] as const;
export type TimeAttributeName = (typeof TIME_ATTRIBUTES)[number];

export function isTimeAttribute(name: string): name is TimeAttributeName {
  return (TIME_ATTRIBUTES as readonly string[]).includes(name);
}

const OK: TimeAttrResult = { ok: true };
const invalid = (message: string): TimeAttrResult => ({ ok: false, kind: 'invalid', message });
const never = (message: string): TimeAttrResult => ({ ok: false, kind: 'never-matches', message });

/** Ranges of the values FreeSWITCH compares numeric specs with. */
const NUMERIC: Readonly<Record<string, { min: number; max: number; what: string }>> = {
  year: { min: 1970, max: 9999, what: 'full year such as 2025' },
  yday: { min: 1, max: 366, what: 'day of year 1-366' },
  mon: { min: 1, max: 12, what: 'month 1-12 (January = 1)' },
  mday: { min: 1, max: 31, what: 'day of month 1-31' },
  week: { min: 1, max: 53, what: 'week of year 1-53 (yday/7 + 1)' },
  mweek: { min: 1, max: 6, what: 'week of month 1-6' },
  hour: { min: 0, max: 23, what: 'hour 0-23' },
  minute: { min: 0, max: 59, what: 'minute 0-59' },
  'minute-of-day': { min: 1, max: 1440, what: 'minute of day 1-1440 (1-based: 00:00 = 1, 23:59 = 1440)' },
};

const TRUE_WORDS = new Set(['yes', 'on', 'true', 't', 'enabled', 'active', 'allow']);

/** switch_true: yes/on/true/t/enabled/active/allow (case-insensitive) or a non-zero number. */
export function switchTrue(v: string): boolean {
  const l = v.toLowerCase();
  if (TRUE_WORDS.has(l)) return true;
  return isSwitchNumber(v) && atoiLike(v) !== 0;
}

/** switch_is_number: optional sign, then only digits and dots (an empty rest counts as a number). */
export function isSwitchNumber(v: string): boolean {
  const s = v.startsWith('-') || v.startsWith('+') ? v.slice(1) : v;
  return /^[0-9.]*$/.test(s);
}

function atoiLike(v: string): number {
  const m = /^[\t\n\v\f\r ]*([+-]?[0-9]+)/.exec(v);
  return m ? parseInt(m[1]!, 10) : 0;
}

/**
 * Check one time attribute of a <condition>. `name` must be one of TIME_ATTRIBUTES (attribute names
 * are case-sensitive in FreeSWITCH).
 */
export function checkTimeAttr(name: string, value: string): TimeAttrResult {
  if (!isTimeAttribute(name)) return invalid(`"${name}" is not a time attribute of <condition>`);
  switch (name) {
    case 'dst':
      return checkDst(value);
    case 'tz-offset':
      return checkTzOffset(value);
    case 'wday':
      return checkWday(value);
    case 'time-of-day':
      return checkTimeOfDay(value);
    case 'date-time':
      return checkDateTime(value);
    default:
      return checkNumeric(name, value);
  }
}

function checkDst(value: string): TimeAttrResult {
  if (value === '') return invalid('empty dst is ignored by FreeSWITCH');
  if (switchTrue(value)) return OK;
  // switch_xml.c: time_match = (tm.tm_isdst > 0 && dst > 0), so a false dst can never pass.
  const known = ['no', 'off', 'false', 'f', 'disabled', 'inactive', 'deny', '0'].includes(value.toLowerCase());
  return never(
    `dst="${value}" can never match: FreeSWITCH only tests "daylight saving time is in effect" (dst="true"); ` +
      (known ? 'there is no way to require standard time with this attribute' : `"${value}" is not a true value either`),
  );
}

function checkTzOffset(value: string): TimeAttrResult {
  if (value === '') return invalid('empty tz-offset is ignored by FreeSWITCH');
  if (!isSwitchNumber(value)) {
    return invalid(`tz-offset "${value}" is not a number: FreeSWITCH ignores it and the condition matches in any time zone`);
  }
  const n = atoiLike(value);
  if (n < -12 || n > 14) return never(`tz-offset ${n} h: no time zone has this offset, so the condition never matches`);
  if (value.includes('.')) {
    return invalid(`tz-offset is compared in whole hours: "${value}" is read as ${n}`);
  }
  return OK;
}

// --- numeric specs: switch_number_cmp ---------------------------------------------------------

/**
 * switch_number_cmp: a comma list of N or A-B items; a reversed range A>B wraps around (matches
 * >= A or <= B). Numbers are read with strtol, so leading blanks are skipped but anything after a
 * number other than '-' or ',' ends the list.
 */
function checkNumeric(name: string, value: string): TimeAttrResult {
  const spec = NUMERIC[name]!;
  if (value.trim() === '') {
    return invalid(`empty ${name}: FreeSWITCH compares it with 0, so it ${spec.min > 0 ? 'never matches' : 'only matches 0'}`);
  }
  const items = parseNumberList(value);
  if (typeof items === 'string') return invalid(`${name}="${value}": ${items}`);
  const outOfRange: number[] = [];
  let anyCanMatch = false;
  for (const it of items) {
    const values = it.b === undefined ? [it.a] : [it.a, it.b];
    for (const v of values) if (v < spec.min || v > spec.max) outOfRange.push(v);
    if (it.b === undefined) {
      if (it.a >= spec.min && it.a <= spec.max) anyCanMatch = true;
    } else if (it.a <= it.b) {
      if (it.b >= spec.min && it.a <= spec.max) anyCanMatch = true;
    } else {
      // wraps: >= a or <= b
      if (it.a <= spec.max || it.b >= spec.min) anyCanMatch = true;
    }
  }
  if (!anyCanMatch) return never(`${name}="${value}" can never match: ${name} is a ${spec.what}`);
  if (outOfRange.length > 0) {
    return invalid(`${name} is a ${spec.what}; ${[...new Set(outOfRange)].join(', ')} ${outOfRange.length > 1 ? 'are' : 'is'} out of range`);
  }
  return OK;
}

/** Parse like switch_number_cmp; returns a message when FreeSWITCH would stop early. */
function parseNumberList(value: string): Array<{ a: number; b?: number }> | string {
  const items: Array<{ a: number; b?: number }> = [];
  let p = 0;
  const readInt = (): number | undefined => {
    const m = /^[\t\n\v\f\r ]*([+-]?[0-9]+)/.exec(value.slice(p));
    if (!m) return undefined;
    p += m[0].length;
    return parseInt(m[1]!, 10);
  };
  for (;;) {
    const a = readInt();
    if (a === undefined) return `expected a number at position ${p + 1}`;
    let b: number | undefined;
    if (value[p] === '-') {
      p++;
      b = readInt();
      if (b === undefined) return `expected a number after "-" at position ${p + 1}`;
    }
    items.push(b === undefined ? { a } : { a, b });
    if (p >= value.length) return items;
    if (value[p] !== ',') {
      return `FreeSWITCH stops reading at "${value.slice(p)}" (only digits, "-" and "," are understood; no spaces before "," or "-")`;
    }
    p++;
  }
}

// --- wday: switch_dow_cmp ----------------------------------------------------------------------

const DOW = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * switch_dow_cmp tokens: '-', ',', a digit 1-7 (1 = Sunday) or a day name matched on its first three
 * letters (case-insensitive). Anything else is a parse error and ends the evaluation. A range only
 * matches start <= day <= end; it does not wrap around.
 */
function checkWday(value: string): TimeAttrResult {
  if (value === '') return never('empty wday never matches');
  type Tok = { t: 'day'; v: number; at: number } | { t: '-'; at: number } | { t: ','; at: number };
  const toks: Tok[] = [];
  let p = 0;
  while (p < value.length) {
    const c = value[p]!;
    if (c === '-' || c === ',') {
      toks.push({ t: c, at: p });
      p++;
    } else if (c >= '1' && c <= '7') {
      toks.push({ t: 'day', v: c.charCodeAt(0) - 48, at: p });
      p++;
    } else {
      const idx = DOW.indexOf(value.slice(p, p + 3).toLowerCase());
      if (idx < 0) {
        const hint = /^[a-z]/i.test(value.slice(p))
          ? ' (day names are sun, mon, tue, wed, thu, fri, sat; full names are not understood)'
          : c === ' '
            ? ' (spaces are not allowed)'
            : c === '0'
              ? ' (days are 1-7, 1 = Sunday)'
              : '';
        return invalid(`wday="${value}": FreeSWITCH stops reading at "${value.slice(p)}"${hint}`);
      }
      toks.push({ t: 'day', v: idx + 1, at: p });
      p += 3;
      // "monday": the next token would be "day", a parse error
      if (p < value.length && /[a-z]/i.test(value[p]!)) {
        return invalid(`wday="${value}": only the first three letters of a day name are read; FreeSWITCH stops at "${value.slice(p)}"`);
      }
    }
  }
  // Evaluate ranges like switch_dow_cmp.
  let prev: number | undefined;
  let rangeStart: number | undefined;
  let anyCanMatch = false;
  const reversed: string[] = [];
  for (const tk of toks) {
    if (tk.t === ',') {
      prev = undefined;
      continue;
    }
    if (tk.t === '-') {
      rangeStart = prev;
      prev = undefined;
      continue;
    }
    if (rangeStart !== undefined) {
      if (rangeStart <= tk.v) anyCanMatch = true;
      else reversed.push(`${DOW[rangeStart - 1]}-${DOW[tk.v - 1]}`);
      rangeStart = undefined;
    } else {
      anyCanMatch = true;
    }
    prev = tk.v;
  }
  if (!anyCanMatch) {
    return never(
      reversed.length > 0
        ? `wday="${value}" can never match: the range ${reversed.join(', ')} is reversed and wday ranges do not wrap around (use e.g. "1,7" or "sat,sun")`
        : `wday="${value}" names no day`,
    );
  }
  if (reversed.length > 0) {
    return invalid(
      `wday range ${reversed.join(', ')} is reversed: wday ranges do not wrap around, so FreeSWITCH only matches the day before "-" (use e.g. "6,7,1" or "fri,sat,sun,mon")`,
    );
  }
  return OK;
}

// --- time-of-day: switch_tod_cmp ---------------------------------------------------------------

const HMS = /^[ \t]*([0-9]{1,2})[ \t]*:[ \t]*([0-9]{1,2})[ \t]*(?::[ \t]*([0-9]{1,2})[ \t]*)?$/;

function checkHms(part: string, isEnd: boolean): string | undefined {
  const m = HMS.exec(part);
  if (!m) return `"${part}" is not HH:MM or HH:MM:SS`;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (mi > 59) return `minute ${mi} is out of range in "${part.trim()}"`;
  if (s > 59) return `second ${s} is out of range in "${part.trim()}"`;
  if (h > 24 || (h === 24 && (mi > 0 || s > 0 || !isEnd))) return `hour ${h} is out of range in "${part.trim()}"`;
  return undefined;
}

function checkTimeOfDay(value: string): TimeAttrResult {
  if (value.trim() === '') return never('empty time-of-day never matches');
  const problems: string[] = [];
  let good = 0;
  for (const item of value.split(',')) {
    // switch_tod_cmp needs a ':' before the '-' and a ':' after it; otherwise the item never matches.
    const dash = item.indexOf('-', item.indexOf(':') + 1);
    if (item.indexOf(':') < 0 || dash < 0 || item.indexOf(':', dash) < 0) {
      problems.push(`"${item}" is not a HH:MM[:SS]-HH:MM[:SS] range and never matches`);
      continue;
    }
    const e1 = checkHms(item.slice(0, dash), false);
    const e2 = checkHms(item.slice(dash + 1), true);
    if (e1 || e2) problems.push((e1 ?? e2)!);
    else good++;
  }
  if (good === 0) return never(`time-of-day="${value}" can never match: ${problems.join('; ')}`);
  if (problems.length > 0) return invalid(`time-of-day: ${problems.join('; ')}`);
  return OK;
}

// --- date-time: switch_fulldate_cmp ------------------------------------------------------------

const DATE_TIME = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}) ([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2}))?$/;

function parseDateTime(raw: string): { t: number } | { error: string } {
  // Trailing blanks are harmless (atol stops there); a leading blank breaks FreeSWITCH's split at ' '.
  const s = raw.replace(/[ \t]+$/, '');
  const m = DATE_TIME.exec(s);
  if (!m) return { error: `"${s}" is not "YYYY-MM-DD HH:MM[:SS]"` };
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12) return { error: `month ${mo} is out of range in "${s}"` };
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > dim) return { error: `day ${d} is out of range in "${s}"` };
  if (h > 23) return { error: `hour ${h} is out of range in "${s}"` };
  if (mi > 59) return { error: `minute ${mi} is out of range in "${s}"` };
  if (se > 59) return { error: `second ${se} is out of range in "${s}"` };
  return { t: Date.UTC(y, mo - 1, d, h, mi, se) };
}

function checkDateTime(value: string): TimeAttrResult {
  if (value.trim() === '') return never('empty date-time never matches');
  const problems: string[] = [];
  let good = 0;
  for (const item of value.split(',')) {
    const tilde = item.indexOf('~');
    if (tilde < 0) {
      problems.push(`"${item}" has no "~" between start and end and never matches`);
      continue;
    }
    const a = parseDateTime(item.slice(0, tilde));
    const b = parseDateTime(item.slice(tilde + 1));
    if ('error' in a || 'error' in b) {
      problems.push(('error' in a ? a.error : (b as { error: string }).error) + ' (FreeSWITCH reads such dates wrongly; no spaces around "~" or ",")');
      continue;
    }
    if (a.t >= b.t) {
      problems.push(`"${item}" ends before it starts (the end is exclusive), so it never matches`);
      continue;
    }
    good++;
  }
  if (good === 0) return never(`date-time="${value}" can never match: ${problems.join('; ')}`);
  if (problems.length > 0) return invalid(`date-time: ${problems.join('; ')}`);
  return OK;
}
