// Time conditions of <condition> and <regex> at a given wall-clock time, as
// switch_xml_std_datetime_check (src/switch_xml.c:3138-3313 at v1.10.12) evaluates them, with
// switch_number_cmp, switch_dow_cmp, switch_tod_cmp and switch_fulldate_cmp (src/switch_utils.c:3972-4110).
// The time is the switch's local wall clock; what needs the switch's time zone (tz-offset, dst, a
// tod_tz_offset or timezone variable) is undecided.
import type { XmlElement } from '../xml/parser.js';
import { hasUnknown } from './values.js';

export interface WallClock {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 1 = Sunday (tm_wday + 1) */
  wday: number;
  /** 1-based day of the year (tm_yday + 1) */
  yday: number;
  /** UTC offset in minutes when the input gave one */
  offset?: number;
  text: string;
}

export function parseAt(s: string): WallClock | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) return undefined;
  const [year, mon, mday, hour, min, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (mon < 1 || mon > 12 || mday < 1 || mday > 31 || hour > 23 || min > 59 || sec > 60) return undefined;
  const t = Date.UTC(year, mon - 1, mday);
  const d = new Date(t);
  if (d.getUTCDate() !== mday) return undefined;
  const yday = Math.round((t - Date.UTC(year, 0, 1)) / 86400000) + 1;
  const c: WallClock = {
    year,
    mon,
    mday,
    hour,
    min,
    sec,
    wday: d.getUTCDay() + 1,
    yday,
    text: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${String(sec).padStart(2, '0')}`,
  };
  const z = m[7];
  if (z) {
    c.offset = z === 'Z' ? 0 : (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
    c.text += ` (UTC${z === 'Z' ? '' : z})`;
  }
  return c;
}

function strtol(s: string, i: number): [number, number] {
  const m = /^[\t\n\v\f\r ]*([+-]?\d+)/.exec(s.slice(i));
  return m ? [parseInt(m[1]!, 10), i + m[0].length] : [0, i];
}

/** switch_number_cmp: a comma list of numbers and ranges; a reversed range wraps. */
function numberCmp(exp: string, val: number): boolean {
  let i = 0;
  for (;;) {
    let a: number;
    [a, i] = strtol(exp, i);
    if (exp[i] !== '-') {
      if (a === val) return true;
    } else {
      let b: number;
      [b, i] = strtol(exp, i + 1);
      if (a <= b ? val >= a && val <= b : val >= a || val <= b) return true;
    }
    if (exp[i] !== ',') return false;
    i++;
  }
}

const DOW = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** switch_dow_cmp: days 1-7 or sun..sat, lists and (wrapping) ranges. */
function dowCmp(exp: string, val: number): boolean {
  let p = 0;
  let prev = -1;
  let rangeStart = -1;
  for (;;) {
    let cur: number;
    const ch = exp[p];
    if (ch === undefined) return false;
    if (ch === '-') {
      p++;
      rangeStart = prev;
      prev = -3;
      continue;
    }
    if (ch === ',') {
      p++;
      prev = -1;
      continue;
    }
    if (ch >= '1' && ch <= '7') {
      cur = Number(ch);
      p++;
    } else {
      const k = DOW.indexOf(exp.slice(p, p + 3).toLowerCase());
      if (k < 0) return false; // parse error: FreeSWITCH logs it and stops
      cur = k + 1;
      p += 3;
    }
    if (rangeStart > 0) {
      if (rangeStart <= cur ? val >= rangeStart && val <= cur : val >= rangeStart || val <= cur) return true;
      rangeStart = -1;
    } else if (val === cur) return true;
    prev = cur;
  }
}

/** switch_tod_cmp: "hh:mm[:ss]-hh:mm[:ss]" ranges, comma separated. */
function todCmp(exp: string, val: number): boolean {
  for (const part of exp.split(',')) {
    const m = /^([^:]*):([^-]*)-([^:]*):(.*)$/.exec(part);
    if (!m) continue;
    const [mm, ms] = m[2]!.split(':');
    const [xm, xs] = m[4]!.split(':');
    const n = (s: string | undefined): number => parseInt(s ?? '0', 10) || 0;
    const start = n(m[1]) * 3600 + n(mm) * 60 + n(ms);
    const end = n(m[3]) * 3600 + n(xm) * 60 + n(xs);
    if (start <= end ? val >= start && val <= end : val >= start || val <= end) return true;
  }
  return false;
}

function wallKey(s: string): number | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*$/.exec(s);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

export type TimeCheck = { result: -1 | 0 | 1; text: string } | { result: 'undecided'; reason: string };

const ATTRS = ['tz-offset', 'dst', 'date-time', 'year', 'yday', 'mon', 'mday', 'week', 'mweek', 'wday', 'hour', 'minute', 'minute-of-day', 'time-of-day'];
const ATTR_SET = new Set(ATTRS);

/** Whether the element has a time attribute (most conditions have none: the simulation asks before the rest). */
export function hasTimeAttr(el: XmlElement): boolean {
  const attrs = el.attrs;
  for (let i = 0; i < attrs.length; i++) if (ATTR_SET.has(attrs[i]!.name)) return true;
  return false;
}

/** -1: no time attribute; 1 / 0: all present ones match / one does not. */
export function datetimeCheck(
  el: XmlElement,
  get: (name: string) => string | undefined,
  c: WallClock,
  tzOffsetVar: string | undefined,
  timezoneVar: string | undefined,
): TimeCheck {
  if (!hasTimeAttr(el)) return { result: -1, text: '' };
  const present = ATTRS.filter((a) => el.attrs.some((x) => x.name === a));
  if ((tzOffsetVar && tzOffsetVar !== '') || (timezoneVar && timezoneVar !== '')) {
    return { result: 'undecided', reason: `the channel sets ${tzOffsetVar ? 'tod_tz_offset' : 'timezone'}, so the time is read in another time zone` };
  }
  const parts: string[] = [];
  let undecided: string | undefined;
  let fail = false;
  const wallNow = Date.UTC(c.year, c.mon - 1, c.mday, c.hour, c.min, c.sec);
  for (const a of present) {
    const v = get(a) ?? '';
    if (hasUnknown(v)) {
      undecided ??= `${a}="${v}" has a value fsconf cannot know`;
      continue;
    }
    let ok: boolean;
    switch (a) {
      case 'tz-offset':
      case 'dst':
        undecided ??= `${a} depends on the switch's time zone`;
        continue;
      case 'date-time': {
        ok = false;
        for (const r of v.split(',')) {
          const [s, e] = r.split('~');
          const ks = s !== undefined ? wallKey(s) : undefined;
          const ke = e !== undefined ? wallKey(e) : undefined;
          if (ks === undefined || ke === undefined) break;
          if (ks <= wallNow && ke > wallNow) ok = true;
        }
        break;
      }
      case 'year':
        ok = numberCmp(v, c.year);
        break;
      case 'yday':
        ok = numberCmp(v, c.yday);
        break;
      case 'mon':
        ok = numberCmp(v, c.mon);
        break;
      case 'mday':
        ok = numberCmp(v, c.mday);
        break;
      case 'week':
        ok = numberCmp(v, Math.floor((c.yday - 1) / 7) + 1);
        break;
      case 'mweek': {
        const firstdow = (7 - ((c.mday - c.wday) % 7)) % 7;
        ok = numberCmp(v, Math.ceil((c.mday + firstdow) / 7));
        break;
      }
      case 'wday':
        ok = dowCmp(v, c.wday);
        break;
      case 'hour':
        ok = numberCmp(v, c.hour);
        break;
      case 'minute':
        ok = numberCmp(v, c.min);
        break;
      case 'minute-of-day':
        ok = numberCmp(v, c.hour * 60 + c.min + 1);
        break;
      default:
        ok = todCmp(v, c.hour * 3600 + c.min * 60 + c.sec);
    }
    parts.push(`${a}="${v}" ${ok ? 'matches' : 'does not match'}`);
    if (!ok) fail = true;
  }
  if (fail) return { result: 0, text: `${parts.join(', ')} at ${c.text}` };
  if (undecided) return { result: 'undecided', reason: undecided };
  return { result: 1, text: `${parts.join(', ')} at ${c.text}` };
}
