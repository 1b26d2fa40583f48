import { describe, expect, it } from 'vitest';
import { checkTimeAttr, isTimeAttribute, switchTrue } from './time.js';

const kind = (name: string, value: string): string => {
  const r = checkTimeAttr(name, value);
  return r.ok ? 'ok' : r.kind;
};

describe('checkTimeAttr', () => {
  it('accepts the usual forms', () => {
    for (const [n, v] of [
      ['wday', '2-6'],
      ['wday', 'mon-fri'],
      ['wday', 'Sat,sun'],
      ['wday', '1,7'],
      ['hour', '9-17'],
      ['hour', '22-6'], // reversed numeric ranges wrap around
      ['hour', '0'],
      ['minute', '0-59'],
      ['minute-of-day', '540-1020'],
      ['mon', '1,12'],
      ['mday', '25'],
      ['yday', '1-366'],
      ['week', '1-53'],
      ['mweek', '1-6'],
      ['year', '2025'],
      ['time-of-day', '08:00-17:30'],
      ['time-of-day', '08:00:00-12:00:00,13:00-17:00'],
      ['time-of-day', '22:00-06:00'],
      ['time-of-day', '00:00-24:00'],
      ['date-time', '2025-12-24 00:00~2025-12-27 00:00'],
      ['date-time', '2025-12-24 00:00:00~2025-12-25 00:00,2025-12-31 12:00~2026-01-01 12:00'],
      ['tz-offset', '-5'],
      ['tz-offset', '+1'],
      ['dst', 'true'],
      ['dst', 'yes'],
      ['dst', '1'],
    ]) {
      expect(checkTimeAttr(n!, v!), `${n}="${v}"`).toEqual({ ok: true });
    }
  });

  it('reports dst="false" as never matching', () => {
    const r = checkTimeAttr('dst', 'false');
    expect(r).toMatchObject({ ok: false, kind: 'never-matches' });
    expect(!r.ok && r.message).toMatch(/can never match/);
    expect(kind('dst', '0')).toBe('never-matches');
    expect(kind('dst', 'no')).toBe('never-matches');
  });

  it('reports wday values FreeSWITCH cannot read', () => {
    expect(kind('wday', 'monday')).toBe('invalid');
    expect(kind('wday', '1, 7')).toBe('invalid'); // a space stops the parser
    expect(kind('wday', '0')).toBe('invalid');
    expect(kind('wday', '8')).toBe('invalid');
    // wday ranges do not wrap: "fri-mon" only matches Friday (the day before "-" is tested alone)
    expect(kind('wday', 'fri-mon')).toBe('invalid');
    expect(kind('wday', '7-1')).toBe('invalid');
    expect(kind('wday', '-')).toBe('never-matches');
    expect(kind('wday', '2,7-1')).toBe('invalid');
    expect(kind('wday', '')).toBe('never-matches');
  });

  it('reports numeric specs out of range or malformed', () => {
    expect(kind('hour', '24')).toBe('never-matches');
    expect(kind('hour', '8-24')).toBe('invalid');
    expect(kind('mon', '0-11')).toBe('invalid'); // months are 1-12
    expect(kind('mon', '13')).toBe('never-matches');
    expect(kind('minute-of-day', '0')).toBe('never-matches'); // 1-based
    expect(kind('minute-of-day', '0-480')).toBe('invalid');
    expect(kind('mweek', '7')).toBe('never-matches');
    expect(kind('hour', '9 - 17')).toBe('invalid'); // strtol stops at the space
    expect(kind('hour', '9-17,')).toBe('invalid');
    expect(kind('hour', 'nine')).toBe('invalid');
    expect(kind('year', '')).toBe('invalid');
    expect(kind('hour', '1, 2')).toBe('ok'); // strtol skips the blank after ','
  });

  it('reports time-of-day and date-time problems', () => {
    expect(kind('time-of-day', '9-17')).toBe('never-matches');
    expect(kind('time-of-day', '08:00')).toBe('never-matches');
    expect(kind('time-of-day', '08:00-25:00')).toBe('never-matches');
    expect(kind('time-of-day', '08:00-12:00,13-17')).toBe('invalid');
    expect(kind('date-time', '2025-12-24~2025-12-25')).toBe('never-matches');
    expect(kind('date-time', '2025-12-25 00:00~2025-12-24 00:00')).toBe('never-matches');
    expect(kind('date-time', '2025-02-30 00:00~2025-03-01 00:00')).toBe('never-matches');
    expect(kind('date-time', '2025-12-24 00:00~ 2025-12-25 00:00')).toBe('never-matches');
  });

  it('reports tz-offset problems', () => {
    expect(kind('tz-offset', 'CET')).toBe('invalid');
    expect(kind('tz-offset', '5.5')).toBe('invalid');
    expect(kind('tz-offset', '20')).toBe('never-matches');
  });

  it('rejects unknown attribute names', () => {
    expect(isTimeAttribute('weekday')).toBe(false);
    expect(kind('weekday', '1')).toBe('invalid');
  });
});

describe('switchTrue', () => {
  it('follows switch_true', () => {
    for (const v of ['yes', 'ON', 'true', 't', 'enabled', 'active', 'allow', '1', '-2']) expect(switchTrue(v), v).toBe(true);
    for (const v of ['no', 'false', '0', '', 'y', 'maybe']) expect(switchTrue(v), v).toBe(false);
  });
});

describe('year', () => {
  it('wants a full year', () => {
    expect(kind('year', '2025-2030')).toBe('ok');
    expect(kind('year', '25')).toBe('never-matches');
  });
});
