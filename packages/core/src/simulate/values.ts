// Values during a simulated call. A value fsconf cannot know (a `$${var}` the preprocessor leaves
// unknown, a `${var}` only the running switch knows, an API call) is kept inside the string between two
// private-use marks, with the text it stands for, so it stays visibly unknown through `$N` substitution
// and `${}` expansion and a regex over it is never decided by accident.
import type { Expanded } from '../tree.js';

export const U_OPEN = '\uE000';
export const U_CLOSE = '\uE001';

export function unknownPart(text: string): string {
  return `${U_OPEN}${text}${U_CLOSE}`;
}

export function hasUnknown(v: string): boolean {
  return v.includes(U_OPEN);
}

/** The value as a person reads it: unknown parts written as their source text. */
export function display(v: string): string {
  return v.includes(U_OPEN) ? v.replace(/\uE000([^\uE001]*)\uE001/g, '$1') : v;
}

/** The unknown parts, by their source text. */
export function unknownParts(v: string): string[] {
  const out: string[] = [];
  if (!v.includes(U_OPEN)) return out; // most values: no regexp iterator to make
  for (const m of v.matchAll(/\uE000([^\uE001]*)\uE001/g)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** A value after the preprocessor: known `$${}` replaced, unknown ones kept as unknown parts. */
export function preprocessed(e: Expanded): string {
  if (e.value !== undefined) return e.value;
  let out = '';
  let i = 0;
  let k = 0;
  const raw = e.raw;
  while (i < raw.length) {
    const v = raw.indexOf('$${', i);
    const close = v < 0 ? -1 : raw.indexOf('}', v + 3);
    if (v < 0 || close < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, v);
    const ref = e.refs[k++];
    const name = raw.slice(v + 3, close);
    if (ref && !ref.unknown && ref.def?.value !== undefined) out += ref.def.value;
    else out += unknownPart(`$\${${name}}`);
    i = close + 1;
  }
  return out;
}

/** Index of the `}` that closes the `{` at `open`, counting nested braces (switch_channel_expand_variables). */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === U_OPEN) {
      i = s.indexOf(U_CLOSE, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the first ' ' or '(' outside unknown parts (where FreeSWITCH splits an API name from its arguments), or -1. */
function firstSplit(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === U_OPEN) {
      i = s.indexOf(U_CLOSE, i);
      if (i < 0) return -1;
    } else if (c === ' ' || c === '(') return i;
  }
  return -1;
}

export interface Lookup {
  /** A variable's value; undefined = unset (expands to nothing). */
  get(name: string): string | undefined;
  /** An API call `${api(args)}`: its result, or undefined when fsconf cannot know it. */
  api(name: string, args: string): string | undefined;
}

/**
 * switch_channel_expand_variables (src/switch_channel.c): `${name}` is the variable (empty when unset),
 * `${api(args)}` and `${api args}` call an API; nested `${a_${b}}` expand inside out. `$${}` was expanded at load time.
 */
export function expandVars(s: string, look: Lookup, depth = 0): string {
  if (!s.includes('${') || depth > 20) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === U_OPEN) {
      const e = s.indexOf(U_CLOSE, i);
      out += s.slice(i, e + 1);
      i = e + 1;
      continue;
    }
    if (c === '$' && s[i + 1] === '{') {
      const end = closing(s, i + 1);
      if (end < 0) {
        out += s.slice(i);
        break;
      }
      const raw = s.slice(i + 2, end);
      // `${api args}`: a space before any '(' makes the name an API too (switch_channel.c:4105-4138 at
      // v1.10.12), e.g. FusionPBX's ${user_exists id ${destination_number} ${domain_name}}
      const space = firstSplit(raw);
      if (space > 0 && raw[space] === ' ') {
        const name = expandVars(raw.slice(0, space), look, depth + 1).trim();
        const args = expandVars(raw.slice(space + 1), look, depth + 1);
        const r = hasUnknown(name) ? undefined : look.api(name, args);
        out += r ?? unknownPart(`\${${display(name)} ${display(args)}}`);
        i = end + 1;
        continue;
      }
      const inner = expandVars(raw, look, depth + 1);
      const paren = inner.indexOf('(');
      if (paren > 0 && inner.endsWith(')')) {
        const name = inner.slice(0, paren).trim();
        const args = inner.slice(paren + 1, -1);
        const r = hasUnknown(name) ? undefined : look.api(name, args);
        out += r ?? unknownPart(`\${${display(inner)}}`);
      } else if (hasUnknown(inner)) out += unknownPart(`\${${display(inner)}}`);
      else if (/^[^:]+:-?\d+(:\d+)?$/.test(inner) && !look.get(inner)) {
        // ${var:offset:length} substring form
        const [name, off, len] = inner.split(':');
        const v = look.get(name!);
        if (v === undefined) out += '';
        else if (hasUnknown(v)) out += unknownPart(`\${${inner}}`);
        else {
          const o = Number(off);
          const from = o < 0 ? Math.max(0, v.length + o) : Math.min(o, v.length);
          out += len === undefined ? v.slice(from) : v.slice(from, from + Number(len));
        }
      } else out += look.get(inner) ?? '';
      i = end + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * switch_perform_substitution (src/switch_regex.c:142-200 at v1.10.12): `$N` / `${N}` become capture N
 * (empty when it did not take part); other `$` stay.
 */
export function substitute(data: string, groups: readonly (string | undefined)[], unknownGroups: ReadonlySet<number> = new Set()): string {
  let out = '';
  let x = 0;
  while (x < data.length) {
    const c = data[x]!;
    if (c === U_OPEN) {
      const e = data.indexOf(U_CLOSE, x);
      out += data.slice(x, e + 1);
      x = e + 1;
      continue;
    }
    if (c !== '$') {
      out += c;
      x++;
      continue;
    }
    x++;
    const brace = data[x] === '{';
    if (brace) x++;
    if (!/[0-9]/.test(data[x] ?? '')) {
      x -= brace ? 1 : 0;
      out += '$';
      continue;
    }
    let idx = '';
    while (/[0-9]/.test(data[x] ?? '') && idx.length < 9) idx += data[x++];
    if (brace) {
      if (data[x] !== '}') {
        x -= idx.length;
        out += '$';
        x -= 1; // back onto the '{'
        continue;
      }
      x++;
    }
    const n = Number(idx);
    if (unknownGroups.has(n)) out += unknownPart(`$${n}`);
    else out += groups[n] ?? '';
  }
  return out;
}
