/** One line per condition and action, in FreeSWITCH's terms: what a person reading the dialplan needs. */
import { separateArgs } from '../../dialplan/args.js';

/** The capture groups of a PCRE expression, in order (`(?:…)` and look-arounds do not capture). */
export function captureGroups(expression: string): string[] {
  const starts: number[] = [];
  const groups: { start: number; end: number }[] = [];
  let inClass = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      const named = expression.startsWith('(?<', i) && !expression.startsWith('(?<=', i) && !expression.startsWith('(?<!', i);
      const capturing = expression[i + 1] !== '?' || named || expression.startsWith('(?P<', i);
      if (capturing) {
        groups.push({ start: i, end: -1 });
        starts.push(groups.length - 1);
      } else starts.push(-1);
    } else if (c === ')') {
      const g = starts.pop();
      if (g !== undefined && g >= 0) groups[g]!.end = i + 1;
    }
  }
  return groups.map((g) => expression.slice(g.start, g.end < 0 ? undefined : g.end));
}

/** `$1` … `$9` in data, each with the group it stands for (unknown groups say so). */
export function resolveCaptures(data: string, expression: string | undefined): string {
  if (!/\$\d/.test(data) || expression === undefined) return '';
  const groups = captureGroups(expression);
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of data.matchAll(/\$(\d)/g)) {
    if (seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    const n = Number(m[1]);
    parts.push(
      n === 0
        ? `$0 = the whole match`
        : groups[n - 1]
          ? `$${n} = ${groups[n - 1]}`
          : `$${n} = nothing (the expression has ${groups.length} group${groups.length === 1 ? '' : 's'})`,
    );
  }
  return parts.join(', ');
}

const READ_ARGS = ['min', 'max', 'file', 'var', 'timeout', 'terminators', 'digit_timeout'];
const PAGD_ARGS = ['min', 'max', 'tries', 'timeout', 'terminators', 'file', 'invalid_file', 'var', 'regex', 'digit_timeout', 'transfer_on_failure'];

function named(data: string, names: string[]): string {
  return separateArgs(data, names.length)
    .map((a, i) => `${names[i]}=${a.value}`)
    .join(' ');
}

/** What an action does, with `$N` resolved against the expression of the condition it sits in. */
export function actionMeaning(application: string, data: string, expression: string | undefined): string {
  let what: string;
  switch (application) {
    case 'read':
      what = `read ${named(data, READ_ARGS)}`;
      break;
    case 'play_and_get_digits':
      what = `play_and_get_digits ${named(data, PAGD_ARGS)}`;
      break;
    case 'transfer': {
      const a = separateArgs(data, 3).map((x) => x.value);
      what = `transfer to ${a[0] ?? '?'} in context ${a[2] ?? '(the current one)'}${a[1] && a[1] !== 'XML' ? ` (dialplan ${a[1]})` : ''}`;
      break;
    }
    case 'execute_extension': {
      const a = separateArgs(data, 3).map((x) => x.value);
      what = `run extension ${a[0] ?? '?'} of context ${a[2] ?? '(the current one)'} and come back`;
      break;
    }
    case 'bridge': {
      const gw = /sofia\/gateway\/([^/]+)\//.exec(data);
      const user = /(?:^|[,|])user\/([^@,|]+)/.exec(data);
      what = gw ? `call out through gateway ${gw[1]}: ${data}` : user ? `ring user ${user[1]}: ${data}` : `bridge to ${data}`;
      break;
    }
    case 'set':
    case 'export': {
      const eq = data.indexOf('=');
      what = eq > 0 ? `${application} ${data.slice(0, eq)} = ${data.slice(eq + 1)}` : `${application} ${data}`;
      break;
    }
    case 'voicemail':
      what = `voicemail ${data.startsWith('check') ? 'check: ' : 'for '}${data}`;
      break;
    case 'conference':
      what = `join conference ${data}`;
      break;
    case 'ivr':
      what = `run IVR menu ${data}`;
      break;
    case 'hangup':
      what = `hang up${data ? ` (${data})` : ''}`;
      break;
    default:
      what = data ? `${application} ${data}` : application;
  }
  const caps = resolveCaptures(data, expression);
  return caps ? `${what}  [${caps}]` : what;
}

const TIME_ATTRS = ['year', 'yday', 'mon', 'mday', 'week', 'mweek', 'wday', 'hour', 'minute', 'minute-of-day', 'time-of-day', 'date-time', 'tz'];

/** What a condition tests. */
export function conditionMeaning(attrs: Record<string, string>): string {
  const parts: string[] = [];
  if (attrs.regex !== undefined) parts.push(`regex=${attrs.regex}: the <regex> children`);
  if (attrs.field !== undefined) parts.push(attrs.expression !== undefined ? `${attrs.field} ~ ${attrs.expression}` : `${attrs.field} (no expression)`);
  const times = TIME_ATTRS.filter((t) => attrs[t] !== undefined).map((t) => `${t}=${attrs[t]}`);
  if (times.length) parts.push(`when ${times.join(' ')}`);
  if (!parts.length) parts.push('always true');
  if (attrs.break !== undefined) parts.push(`break=${attrs.break}`);
  return parts.join(' · ');
}
