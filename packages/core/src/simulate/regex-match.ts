// Matching a dialplan expression the way FreeSWITCH does at hunt time, and writing strings it accepts.
//
// FreeSWITCH compiles the expression with PCRE (switch_regex_perform, src/switch_regex.c:95-160 at
// v1.10.12) and matches it against the field's bytes (8-bit library, no UTF, default C-locale tables).
// There is no PCRE for JavaScript, so a valid pattern (checked first by dialplan/regex.ts) is parsed
// into a small syntax tree here and written out as an equivalent JavaScript RegExp that runs over a
// "byte string" (each UTF-8 byte one UTF-16 unit), so `.` and classes see bytes as PCRE does. Where
// the two engines would differ (possessive quantifiers, atomic groups, back references, inline option
// changes, \p, recursion, verbs, ...) the pattern is reported as undecided with the construct named —
// never guessed. test/pcre2/regex-oracle.test.ts checks the result against pcre2test on every corpus
// expression.
import { checkRegex, toPcre2Input } from '../dialplan/regex.js';

type RNode =
  | { t: 'seq'; items: RNode[] }
  | { t: 'alt'; alts: RNode[] }
  | { t: 'byte'; b: number }
  | { t: 'set'; neg: boolean; ranges: [number, number][] }
  | { t: 'any' }
  | { t: 'group'; kind: 'cap' | 'non' | 'ahead' | 'nahead' | 'behind' | 'nbehind'; num: number; body: RNode }
  | { t: 'rep'; body: RNode; min: number; max: number; lazy: boolean }
  | { t: 'assert'; a: 'bos' | 'eos' | 'eosnl' | 'wb' | 'nwb' };

type Compiled =
  { ok: true; re: RegExp; ast: RNode; groups: number; hasParen: boolean; caveatGroups: Set<number> } | { ok: false; reason: string; invalid?: boolean };

class Unsupported extends Error {}

const cache = new Map<string, Compiled>();

/** Compile a condition expression (after `${}` expansion) as FreeSWITCH would; cached. */
function compileExpression(expression: string): Compiled {
  let c = cache.get(expression);
  if (!c) {
    c = compileUncached(expression);
    if (cache.size > 5000) cache.clear();
    cache.set(expression, c);
  }
  return c;
}

// ASCII (nearly every pattern, number and variable a dialplan matches) is its own UTF-8: no encoder and
// no loop per byte, which ran in interpreted code for every match of a cold `fsconf lint`
const NOT_ASCII = /[\u0080-\uffff]/;

function toBytes(s: string): string {
  if (!NOT_ASCII.test(s)) return s;
  const u = new TextEncoder().encode(s);
  let out = '';
  for (const b of u) out += String.fromCharCode(b);
  return out;
}

function fromBytes(s: string): string {
  if (!NOT_ASCII.test(s)) return s;
  const u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i) & 0xff;
  return new TextDecoder().decode(u);
}

function compileUncached(expression: string): Compiled {
  const check = checkRegex(expression);
  if (!check.ok)
    return {
      ok: false,
      invalid: true,
      reason: `the expression does not compile (${check.error?.message ?? 'error'}): FreeSWITCH logs an error and the condition never matches`,
    };
  const input = toPcre2Input(expression);
  if (!input.ok) return { ok: false, invalid: true, reason: input.message };
  try {
    const p = new Parser(toBytes(input.pattern), input.caseless, input.dotall);
    const ast = p.parseAlt();
    if (p.i < p.s.length) throw new Unsupported(`unexpected "${p.s[p.i]}"`);
    const src = emit(ast, input.dotall);
    let re: RegExp;
    try {
      re = new RegExp(src);
    } catch (e) {
      throw new Unsupported(`JavaScript rejects the translation (${e instanceof Error ? e.message : String(e)})`);
    }
    return { ok: true, re, ast, groups: p.groups, hasParen: expression.includes('('), caveatGroups: p.caveat };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: `fsconf cannot match this expression exactly like PCRE: ${e.message}` };
    throw e;
  }
}

export type MatchResult =
  | {
      decided: true;
      matched: boolean;
      groups: (string | undefined)[];
      caveatGroups: Set<number>;
      /** the groups as byte strings (one char per byte) */ bytes?: (string | undefined)[];
    }
  | { decided: false; reason: string };

/**
 * switch_regex_perform: match `subject` against `expression`. A compile error is a decided "no match"
 * (FreeSWITCH logs it and the condition fails, switch_regex.c:140-146).
 */
export function matchExpression(expression: string, subject: string, opts: { ovectorLimit?: boolean } = {}): MatchResult {
  const c = compileExpression(expression);
  if (!c.ok) return c.invalid ? { decided: true, matched: false, groups: [], caveatGroups: new Set() } : { decided: false, reason: c.reason };
  const m = c.re.exec(toBytes(subject));
  if (!m) return { decided: true, matched: false, groups: [], caveatGroups: c.caveatGroups };
  // pcre_exec with FreeSWITCH's 30-int ovector (mod_dialplan_xml.c:184) returns 0 — read as "no match"
  // (switch_regex.c:157) — when a group numbered 10 or higher took part in the match.
  let highest = 0;
  for (let k = 1; k < m.length; k++) if (m[k] !== undefined) highest = k;
  if (highest >= 10 && opts.ovectorLimit !== false) return { decided: true, matched: false, groups: [], caveatGroups: c.caveatGroups };
  return { decided: true, matched: true, groups: [...m].map((g) => (g === undefined ? undefined : fromBytes(g))), caveatGroups: c.caveatGroups, bytes: [...m] };
}

// ---------------------------------------------------------------------------------------------
// Parser over the byte string of a pattern PCRE accepted
// ---------------------------------------------------------------------------------------------

const DIGIT: [number, number][] = [[48, 57]];
const WORD: [number, number][] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: [number, number][] = [
  [9, 13],
  [32, 32],
];
const HSPACE: [number, number][] = [
  [9, 9],
  [32, 32],
  [160, 160],
];
const VSPACE: [number, number][] = [
  [10, 13],
  [133, 133],
];

function negate(r: [number, number][]): [number, number][] {
  const sorted = [...r].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 255) out.push([next, 255]);
  return out;
}

const POSIX: Record<string, [number, number][]> = {
  alpha: [
    [65, 90],
    [97, 122],
  ],
  digit: DIGIT,
  alnum: [
    [48, 57],
    [65, 90],
    [97, 122],
  ],
  upper: [[65, 90]],
  lower: [[97, 122]],
  space: SPACE,
  blank: [
    [9, 9],
    [32, 32],
  ],
  xdigit: [
    [48, 57],
    [65, 70],
    [97, 102],
  ],
  word: WORD,
  punct: [
    [33, 47],
    [58, 64],
    [91, 96],
    [123, 126],
  ],
  print: [[32, 126]],
  graph: [[33, 126]],
  cntrl: [
    [0, 31],
    [127, 127],
  ],
  ascii: [[0, 127]],
};

/** What follows `(?` for a non-capturing group or a lookaround, and the group it opens. */
const GROUP_PREFIXES: [string, Extract<RNode, { t: 'group' }>['kind']][] = [
  [':', 'non'],
  ['=', 'ahead'],
  ['!', 'nahead'],
  ['<=', 'behind'],
  ['<!', 'nbehind'],
];

class Parser {
  i = 0;
  groups = 0;
  caveat = new Set<number>();
  private repDepth = 0;
  constructor(
    readonly s: string,
    private readonly caseless: boolean,
    readonly dotall: boolean,
  ) {}

  private peek(k = 0): string | undefined {
    return this.s[this.i + k];
  }

  parseAlt(): RNode {
    const alts: RNode[] = [this.parseSeq()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.parseSeq());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private parseSeq(): RNode {
    const items: RNode[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === undefined || ch === '|' || ch === ')') break;
      const start = this.groups;
      if (this.s.startsWith('\\Q', this.i)) {
        // \Q...\E: literal characters; a quantifier after \E applies to the last one only
        const end = this.s.indexOf('\\E', this.i + 2);
        const text = end < 0 ? this.s.slice(this.i + 2) : this.s.slice(this.i + 2, end);
        this.i = end < 0 ? this.s.length : end + 2;
        if (!text.length) {
          const prev = items.pop();
          if (prev) items.push(this.parseQuant(prev, start));
          continue;
        }
        for (let k = 0; k < text.length - 1; k++) items.push(this.lit(text.charCodeAt(k)));
        items.push(this.parseQuant(this.lit(text.charCodeAt(text.length - 1)), start));
        continue;
      }
      const atom = this.parseAtom();
      if (atom === null) {
        // a comment or a lone \E is nothing: a quantifier after it applies to the item before
        const prev = items.pop();
        if (prev) items.push(this.parseQuant(prev, start));
        continue;
      }
      items.push(this.parseQuant(atom, start));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private parseQuant(atom: RNode, groupsBefore: number): RNode {
    let node = atom;
    for (;;) {
      const ch = this.peek();
      let min: number, max: number;
      if (ch === '*') [min, max] = [0, Infinity];
      else if (ch === '+') [min, max] = [1, Infinity];
      else if (ch === '?') [min, max] = [0, 1];
      else if (ch === '{') {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.s.slice(this.i));
        if (!m) return node; // not a quantifier: a literal '{' (handled by the caller next round)
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        this.i += m[0].length - 1;
      } else return node;
      this.i++;
      let lazy = false;
      if (this.peek() === '?') {
        lazy = true;
        this.i++;
      } else if (this.peek() === '+') throw new Unsupported('a possessive quantifier');
      if (node.t === 'assert' || (node.t === 'group' && node.kind !== 'cap' && node.kind !== 'non')) throw new Unsupported('a quantified assertion');
      if (max > 1) for (let g = groupsBefore + 1; g <= this.groups; g++) this.caveat.add(g);
      node = { t: 'rep', body: node, min, max, lazy };
    }
  }

  private lit(b: number): RNode {
    if (this.caseless && ((b >= 65 && b <= 90) || (b >= 97 && b <= 122))) {
      const lo = b | 0x20;
      return {
        t: 'set',
        neg: false,
        ranges: [
          [lo - 32, lo - 32],
          [lo, lo],
        ],
      };
    }
    return { t: 'byte', b };
  }

  private parseAtom(): RNode | null {
    const ch = this.s[this.i++]!;
    switch (ch) {
      case '^':
        return { t: 'assert', a: 'bos' };
      case '$':
        return { t: 'assert', a: 'eosnl' };
      case '.':
        return { t: 'any' };
      case '[':
        return this.parseClass();
      case '(':
        return this.parseGroup();
      case '\\':
        if (this.peek() === 'E') {
          this.i++;
          return null;
        }
        return this.parseEscape(false) as RNode;
      case '{':
        return this.lit(123);
      default:
        if (ch === '*' || ch === '+' || ch === '?') throw new Unsupported('a quantifier with nothing to repeat');
        return this.lit(ch.charCodeAt(0));
    }
  }

  private parseGroup(): RNode | null {
    if (this.peek() === '*') throw new Unsupported('a (*VERB)');
    let kind: 'cap' | 'non' | 'ahead' | 'nahead' | 'behind' | 'nbehind' = 'cap';
    if (this.peek() === '?') {
      this.i++;
      const rest = this.s.slice(this.i);
      if (rest.startsWith('#')) {
        const end = this.s.indexOf(')', this.i);
        this.i = end + 1;
        return null;
      }
      const prefix = GROUP_PREFIXES.find(([p]) => rest.startsWith(p));
      if (prefix) {
        kind = prefix[1];
        this.i += prefix[0].length;
      } else {
        const named = /^(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
        if (!named) throw new Unsupported(`the group "(?${rest.slice(0, 3)}" (options, atomic, branch reset, recursion or a condition)`);
        this.i += named[0].length;
      }
    }
    const num = kind === 'cap' ? ++this.groups : 0;
    const body = this.parseAlt();
    if (this.peek() !== ')') throw new Unsupported('an unclosed group');
    this.i++;
    return { t: 'group', kind, num, body };
  }

  /** An escape after the backslash; in a class returns ranges (or a single byte). */
  private parseEscape(inClass: boolean): RNode | [number, number][] {
    const c = this.s[this.i++];
    if (c === undefined) throw new Unsupported('a trailing backslash');
    const set = (r: [number, number][], neg = false): RNode | [number, number][] => (inClass ? (neg ? negate(r) : r) : { t: 'set', neg, ranges: r });
    const byte = (b: number): RNode | [number, number][] => (inClass ? [[b, b]] : this.lit(b));
    switch (c) {
      case 'd':
        return set(DIGIT);
      case 'D':
        return set(DIGIT, true);
      case 'w':
        return set(WORD);
      case 'W':
        return set(WORD, true);
      case 's':
        return set(SPACE);
      case 'S':
        return set(SPACE, true);
      case 'h':
        return set(HSPACE);
      case 'H':
        return set(HSPACE, true);
      case 'v':
        return set(VSPACE);
      case 'V':
        return set(VSPACE, true);
      case 't':
        return byte(9);
      case 'n':
        return byte(10);
      case 'r':
        return byte(13);
      case 'f':
        return byte(12);
      case 'e':
        return byte(27);
      case 'a':
        return byte(7);
      case 'x': {
        const m = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{0,2}))/.exec(this.s.slice(this.i))!;
        this.i += m[0].length;
        const v = parseInt(m[1] ?? (m[2] || '0'), 16);
        if (v > 255) throw new Unsupported('a character above \\xff');
        return byte(v);
      }
      case '0': {
        const m = /^[0-7]{0,2}/.exec(this.s.slice(this.i))!;
        this.i += m[0].length;
        return byte(parseInt(`0${m[0]}`, 8) & 0xff);
      }
      case 'Q': {
        const end = this.s.indexOf('\\E', this.i);
        const text = end < 0 ? this.s.slice(this.i) : this.s.slice(this.i, end);
        this.i = end < 0 ? this.s.length : end + 2;
        if (inClass) throw new Unsupported('\\Q inside a class');
        const items = [...text].map((ch) => this.lit(ch.charCodeAt(0)));
        return items.length === 1 ? items[0]! : { t: 'seq', items };
      }
      case 'E':
        if (inClass) return [];
        throw new Unsupported('a lone \\E');
    }
    if (!inClass) {
      if (c === 'b') return { t: 'assert', a: 'wb' };
      if (c === 'B') return { t: 'assert', a: 'nwb' };
      if (c === 'A') return { t: 'assert', a: 'bos' };
      if (c === 'z') return { t: 'assert', a: 'eos' };
      if (c === 'Z') return { t: 'assert', a: 'eosnl' };
    } else if (c === 'b') return [[8, 8]];
    if (/[1-9]/.test(c)) throw new Unsupported('a back reference or octal escape');
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported(`the escape \\${c}`);
    return byte(c.charCodeAt(0));
  }

  private parseClass(): RNode {
    let neg = false;
    if (this.peek() === '^') {
      neg = true;
      this.i++;
    }
    const ranges: [number, number][] = [];
    let first = true;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) throw new Unsupported('an unclosed class');
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (ch === '[') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(this.s.slice(this.i));
        if (m) {
          const r = POSIX[m[2]!];
          if (!r) throw new Unsupported(`the class [:${m[2]}:]`);
          ranges.push(...(m[1] ? negate(r) : r));
          this.i += m[0].length;
          continue;
        }
      }
      let lo: number;
      this.i++;
      if (ch === '\\') {
        const r = this.parseEscape(true) as [number, number][];
        if (r.length !== 1 || r[0]![0] !== r[0]![1]) {
          ranges.push(...r);
          continue;
        }
        lo = r[0]![0];
      } else lo = ch.charCodeAt(0);
      // a range?
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        const save = this.i;
        this.i++;
        let hi: number;
        const h = this.s[this.i++]!;
        if (h === '\\') {
          const r = this.parseEscape(true) as [number, number][];
          if (r.length !== 1 || r[0]![0] !== r[0]![1]) {
            // [a-\d]: the hyphen is literal
            this.i = save;
            ranges.push([lo, lo]);
            continue;
          }
          hi = r[0]![0];
        } else if (h === '[' && /^:[a-z]+:\]/.test(this.s.slice(this.i))) {
          this.i = save;
          ranges.push([lo, lo]);
          continue;
        } else hi = h.charCodeAt(0);
        ranges.push([lo, hi]);
        continue;
      }
      ranges.push([lo, lo]);
    }
    if (this.caseless) {
      const extra: [number, number][] = [];
      for (const [lo, hi] of ranges) {
        for (let b = Math.max(lo, 65); b <= Math.min(hi, 90); b++) extra.push([b + 32, b + 32]);
        for (let b = Math.max(lo, 97); b <= Math.min(hi, 122); b++) extra.push([b - 32, b - 32]);
      }
      ranges.push(...extra);
    }
    return { t: 'set', neg, ranges };
  }
}

// ---------------------------------------------------------------------------------------------
// JavaScript source
// ---------------------------------------------------------------------------------------------

const hex = (b: number): string => `\\x${b.toString(16).padStart(2, '0')}`;

function setSource(ranges: [number, number][], neg: boolean): string {
  if (!ranges.length) return neg ? '[\\x00-\\xff]' : '(?!)';
  return `[${neg ? '^' : ''}${ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('')}]`;
}

function emit(n: RNode, dotall: boolean): string {
  switch (n.t) {
    case 'seq':
      return n.items.map((x) => emit(x, dotall)).join('');
    case 'alt':
      return n.alts.map((x) => emit(x, dotall)).join('|');
    case 'byte':
      return hex(n.b);
    case 'set':
      return setSource(n.ranges, n.neg);
    case 'any':
      // without PCRE2_DOTALL a dot is any byte but the newline (LF, PCRE's default newline)
      return dotall ? '[\\x00-\\xff]' : '[^\\n]';
    case 'group': {
      const open = { cap: '(', non: '(?:', ahead: '(?=', nahead: '(?!', behind: '(?<=', nbehind: '(?<!' }[n.kind];
      return `${open}${emit(n.body, dotall)})`;
    }
    case 'rep': {
      const body = emit(n.body, dotall);
      const atom = n.body.t === 'byte' || n.body.t === 'set' || n.body.t === 'any' || n.body.t === 'group' ? body : `(?:${body})`;
      const q =
        n.min === 0 && n.max === Infinity
          ? '*'
          : n.min === 1 && n.max === Infinity
            ? '+'
            : n.min === 0 && n.max === 1
              ? '?'
              : n.max === Infinity
                ? `{${n.min},}`
                : n.min === n.max
                  ? `{${n.min}}`
                  : `{${n.min},${n.max}}`;
      return `${atom}${q}${n.lazy ? '?' : ''}`;
    }
    case 'assert':
      // no multiline: ^ and \A only at the start; $ and \Z at the end or before a final newline
      return { bos: '(?<![\\x00-\\xff])', eos: '(?![\\x00-\\xff])', eosnl: '(?=\\n?(?![\\x00-\\xff]))', wb: '\\b', nwb: '\\B' }[n.a];
  }
}

// ---------------------------------------------------------------------------------------------
// Writing a subject the expression accepts (exposure analysis)
// ---------------------------------------------------------------------------------------------

function pickByte(ranges: [number, number][], neg: boolean): number | undefined {
  const ok = (b: number): boolean => ranges.some(([lo, hi]) => b >= lo && b <= hi) !== neg;
  // a dialled number looks like digits: prefer 1, then any digit, then printable ASCII
  for (const b of [49, 48, 50, 51, 52, 53, 54, 55, 56, 57]) if (ok(b)) return b;
  for (let b = 33; b < 127; b++) if (ok(b)) return b;
  for (let b = 0; b < 256; b++) if (b !== 10 && ok(b)) return b;
  return undefined;
}

/** Candidate strings (bytes) for a node, a few per alternation. */
function gen(n: RNode, budget: { n: number }): string[] {
  if (--budget.n < 0) return [];
  switch (n.t) {
    case 'seq': {
      let acc = [''];
      for (const it of n.items) {
        const next: string[] = [];
        const parts = gen(it, budget);
        for (const a of acc) for (const p of parts) if (next.length < 8) next.push(a + p);
        acc = next;
        if (!acc.length) return [];
      }
      return acc;
    }
    case 'alt':
      return n.alts.flatMap((a) => gen(a, budget)).slice(0, 8);
    case 'byte':
      return [String.fromCharCode(n.b)];
    case 'set': {
      const b = pickByte(n.ranges, n.neg);
      return b === undefined ? [] : [String.fromCharCode(b)];
    }
    case 'any':
      return ['1'];
    case 'group':
      return n.kind === 'cap' || n.kind === 'non' ? gen(n.body, budget) : [''];
    case 'rep': {
      const parts = gen(n.body, budget);
      if (!parts.length) return n.min === 0 ? [''] : [];
      const times = n.min === 0 && n.max >= 1 ? [1, 0] : [n.min];
      return times.flatMap((k) => parts.slice(0, 2).map((p) => p.repeat(k)));
    }
    case 'assert':
      return [''];
  }
}

/**
 * A destination the expression accepts (checked by matching it), or undefined when fsconf cannot
 * write one. Prefers short, digit-like strings.
 */
export function exampleFor(expression: string): string | undefined {
  const c = compileExpression(expression);
  if (!c.ok) return undefined;
  for (const cand of gen(c.ast, { n: 2000 })) {
    const s = fromBytes(cand);
    const m = matchExpression(expression, s);
    if (m.decided && m.matched) return s;
  }
  return undefined;
}
