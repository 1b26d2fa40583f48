/**
 * FreeSWITCH's line-based pre-processor (src/switch_xml.c preprocess()), read without running anything.
 * For one file this finds every directive, every `$${var}` use and every line (or part of a line) the
 * pre-processor drops, and produces the text the XML parser sees: dropped parts are blanked with spaces of
 * the same length so offsets never shift.
 */

type DirectiveForm = 'tag' | 'hash-comment';

export interface Directive {
  form: DirectiveForm;
  /** 0-based line. */
  line: number;
  /** Offsets of the whole directive text (`<X-PRE-PROCESS … />` or `<!--#… -->`). */
  start: number;
  end: number;
  /** cmd as written (undefined when FreeSWITCH cannot find one: the line is dropped and nothing runs). */
  cmd: string | undefined;
  cmdStart: number;
  cmdEnd: number;
  /** data as written, before `$${}` expansion. */
  data: string | undefined;
  dataStart: number;
  dataEnd: number;
  /** Why FreeSWITCH ignores this directive although it looks like one (data before cmd, single quotes, …). */
  malformed?: string;
  /** Text after `/>` on the same line that FreeSWITCH throws away. */
  trailing?: { start: number; end: number };
  /** Text before the directive on the same line that FreeSWITCH throws away. */
  leading?: { start: number; end: number };
}

interface DroppedLine {
  line: number;
  start: number;
  end: number;
  reason: 'include-tag' | 'processing-instruction' | 'mentions-directive' | 'hash-comment';
  /** Markup on the line that is lost with it (other than the reason itself). */
  lostMarkup: boolean;
}

interface VarUse {
  name: string;
  /** Offsets of `$${name}` in the file. */
  start: number;
  end: number;
  line: number;
}

export interface ScannedFile {
  /** The text as the XML parser should see it: same length, dropped parts blanked. */
  blanked: string;
  directives: Directive[];
  dropped: DroppedLine[];
  varUses: VarUse[];
  /** `$${` without a closing `}`. */
  unterminated: { start: number; line: number }[];
}

const INCLUDE_OPEN = '<include>';
const INCLUDE_CLOSE = '</include>';

const DIRECTIVE_RE = /x-pre-process/i;

/** Replace each [start, end) range (pairs in `marks`, ascending) with spaces, keeping \r and \n. */
function blankRanges(text: string, marks: number[]): string {
  // pieces joined once: a flat string (concatenation builds a rope the parser would flatten on first search)
  const out: string[] = [];
  let pos = 0;
  for (let i = 0; i < marks.length; i += 2) {
    const start = Math.max(marks[i]!, pos);
    const end = marks[i + 1]!;
    if (end <= start) continue;
    out.push(text.slice(pos, start));
    const seg = text.slice(start, end);
    out.push(seg.indexOf('\r') < 0 && seg.indexOf('\n') < 0 ? ' '.repeat(seg.length) : seg.replace(/[^\r\n]/g, ' '));
    pos = end;
  }
  out.push(text.slice(pos));
  return out.join('');
}

/**
 * Everything that makes a line matter to the scan (a superset: the per-line checks decide). A line without
 * any of these, outside a multi-line `<!--#` comment, yields nothing and is skipped without being sliced.
 */
const LINE_MARKER_RE = /<include>|<\/include>|<\?|x-pre-process|<!--#|\$\$\{/gi;

export function scanFile(text: string): ScannedFile {
  const directives: Directive[] = [];
  const dropped: DroppedLine[] = [];
  const varUses: VarUse[] = [];
  const unterminated: ScannedFile['unterminated'] = [];
  // Ranges to blank (never spanning a newline); most lines need nothing.
  const marks: number[] = [];
  const mark = (start: number, end: number): void => {
    if (end > start) marks.push(start, end);
  };

  let ml = false; // inside a multi-line <!--# … --> comment of the pre-processor
  let lineStart = 0;
  let line = 0;
  const len = text.length;
  let next = -1; // offset of the next line marker at or after lineStart (stale when < lineStart)
  while (lineStart <= len) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = len;
    if (!ml) {
      if (next < lineStart) {
        LINE_MARKER_RE.lastIndex = lineStart;
        const m = LINE_MARKER_RE.exec(text);
        if (!m) break; // no marker left and no open comment: the remaining lines yield nothing
        next = m.index;
      }
      // markers hold no \r or \n, so one at or past lineEnd is on a later line
      if (next >= lineEnd) {
        lineStart = lineEnd + 1;
        line++;
        continue;
      }
    }
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const raw = text.slice(lineStart, contentEnd);

    // $${var} uses (expansion happens before anything else on the line)
    lineVarUses(raw, lineStart, line, varUses, unterminated);

    const hasInclude = raw.includes(INCLUDE_OPEN) || raw.includes(INCLUDE_CLOSE);
    const hasPI = raw.includes('<?');
    if (hasInclude || hasPI) {
      // a comment opened and closed on the same line is lost harmlessly; anything else is real loss
      const rest = raw
        .replace(INCLUDE_OPEN, '')
        .replace(INCLUDE_CLOSE, '')
        .replace(/<\?.*?(\?>|$)/, '')
        .replace(/<!--.*?-->/g, '');
      dropped.push({
        line,
        start: lineStart,
        end: contentEnd,
        reason: hasInclude ? 'include-tag' : 'processing-instruction',
        lostMarkup: /<[A-Za-z/!?]/.test(rest),
      });
      mark(lineStart, contentEnd);
    } else {
      let bp = 0; // offset within raw where the emitted text starts
      let skip = false;
      if (ml) {
        const e = raw.indexOf('-->');
        if (e >= 0) {
          ml = false;
          mark(lineStart, lineStart + e + 3);
          bp = e + 3;
        } else {
          mark(lineStart, contentEnd);
          skip = true;
        }
      }
      if (!skip) {
        const x = raw.length > 12 ? DIRECTIVE_RE.exec(bp ? raw.slice(bp) : raw) : null;
        if (x) {
          const at = bp + x.index;
          if (at === 0 || raw[at - 1] !== '<') {
            dropped.push({ line, start: lineStart, end: contentEnd, reason: 'mentions-directive', lostMarkup: /<[A-Za-z/!]/.test(raw) });
            mark(lineStart, contentEnd);
          } else {
            directives.push(parseTagDirective(raw, at - 1, lineStart, line));
            mark(lineStart, contentEnd);
          }
        } else {
          const h = raw.indexOf('<!--#', bp) - bp;
          if (h >= 0) {
            const at = bp + h;
            const close = raw.indexOf('-->', at);
            if (close >= 0) mark(lineStart + at, lineStart + close + 3);
            else {
              ml = true;
              mark(lineStart + at, contentEnd);
            }
            directives.push(parseHashDirective(raw, at, close, lineStart, line));
          }
        }
      }
    }
    if (lineEnd >= len) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return { blanked: marks.length ? blankRanges(text, marks) : text, directives, dropped, varUses, unterminated };
}

/** The `$${name}` uses of one line (raw: the line without its end), and a `$${` never closed on it. */
function lineVarUses(raw: string, lineStart: number, line: number, uses: VarUse[], unterminated: ScannedFile['unterminated']): void {
  let v = raw.indexOf('$${');
  while (v >= 0) {
    const close = raw.indexOf('}', v + 3);
    if (close < 0) {
      unterminated.push({ start: lineStart + v, line });
      break;
    }
    uses.push({ name: raw.slice(v + 3, close), start: lineStart + v, end: lineStart + close + 1, line });
    v = raw.indexOf('$${', close + 1);
  }
}

/** `<X-PRE-PROCESS cmd="…" data="…"/>`, parsed as naively as FreeSWITCH does. */
function parseTagDirective(raw: string, lt: number, base: number, line: number): Directive {
  const closeTag = raw.indexOf('/>', lt);
  const end = closeTag >= 0 ? closeTag + 2 : raw.length;
  const d: Directive = {
    form: 'tag',
    line,
    start: base + lt,
    end: base + end,
    cmd: undefined,
    cmdStart: base + lt,
    cmdEnd: base + lt,
    data: undefined,
    dataStart: base + lt,
    dataEnd: base + lt,
  };
  if (closeTag >= 0 && raw.slice(end).trim().length > 0) d.trailing = { start: base + end, end: base + raw.length };
  if (raw.slice(0, lt).trim().length > 0) d.leading = { start: base, end: base + lt };
  const afterName = raw.charCodeAt(lt + 14);
  if (!(afterName === 32 || afterName === 9)) {
    // `<X-PRE-PROCESS>` in prose (e.g. a comment explaining directives): FreeSWITCH drops the line, nothing runs
    d.malformed = 'mention';
    return d;
  }
  const lower = raw.toLowerCase();
  const c = lower.indexOf('cmd', lt);
  const dataIdx = lower.indexOf('data', lt);
  if (c < 0) {
    d.malformed = 'no cmd attribute';
    return d;
  }
  const eq = raw.indexOf('=', c);
  const q = eq < 0 ? -1 : raw.indexOf('"', eq);
  if (q < 0) {
    d.malformed = raw.indexOf("'", c) >= 0 ? 'single quotes: FreeSWITCH only reads double-quoted cmd and data' : 'cmd has no double-quoted value';
    return d;
  }
  const qe = raw.indexOf('"', q + 1);
  const cmdEnd = qe < 0 ? raw.length : qe;
  d.cmd = raw.slice(q + 1, cmdEnd);
  d.cmdStart = base + q + 1;
  d.cmdEnd = base + cmdEnd;
  if (dataIdx >= 0 && dataIdx < c) {
    // FreeSWITCH looks for data only after cmd's closing quote
    d.malformed = 'data comes before cmd: FreeSWITCH only looks for data after cmd';
  }
  const after = qe < 0 ? raw.length : qe + 1;
  const dd = lower.indexOf('data', after);
  if (dd < 0) {
    d.malformed ??= 'no data attribute after cmd';
    return d;
  }
  const deq = raw.indexOf('=', dd);
  const dq = deq < 0 ? -1 : raw.indexOf('"', deq);
  if (dq < 0) {
    d.malformed ??= raw.indexOf("'", dd) >= 0 ? 'single quotes: FreeSWITCH only reads double-quoted cmd and data' : 'data has no double-quoted value';
    return d;
  }
  const dqe = raw.indexOf('"', dq + 1);
  const dataEnd = dqe < 0 ? raw.length : dqe;
  d.data = raw.slice(dq + 1, dataEnd);
  d.dataStart = base + dq + 1;
  d.dataEnd = base + dataEnd;
  return d;
}

/** `<!--#cmd arg-->`: cmd up to the first space, arg optionally in double quotes. */
function parseHashDirective(raw: string, at: number, close: number, base: number, line: number): Directive {
  const bodyStart = at + 5;
  const bodyEnd = close >= 0 ? close : raw.length;
  const body = raw.slice(bodyStart, bodyEnd);
  const sp = body.indexOf(' ');
  const d: Directive = {
    form: 'hash-comment',
    line,
    start: base + at,
    end: base + (close >= 0 ? close + 3 : raw.length),
    cmd: sp < 0 ? body : body.slice(0, sp),
    cmdStart: base + bodyStart,
    cmdEnd: base + bodyStart + (sp < 0 ? body.length : sp),
    data: undefined,
    dataStart: base + bodyEnd,
    dataEnd: base + bodyEnd,
  };
  if (sp < 0) {
    d.malformed = 'no argument';
    return d;
  }
  let argStart = sp + 1;
  let argEnd = body.length;
  const q = body.indexOf('"', argStart);
  if (q >= 0) {
    const qq = body.indexOf('"', q + 1);
    if (qq >= 0) {
      argStart = q + 1;
      argEnd = qq;
    }
  }
  d.data = body.slice(argStart, argEnd);
  d.dataStart = base + bodyStart + argStart;
  d.dataEnd = base + bodyStart + argEnd;
  return d;
}

export const PREPROCESS_COMMANDS = ['set', 'exec-set', 'stun-set', 'env-set', 'include', 'exec'] as const;

/** Commands the `<!--#…-->` form understands (no env-set there). */
export const HASH_COMMANDS = ['set', 'exec-set', 'stun-set', 'include', 'exec'] as const;

/** Split a set-like `name=value` the way FreeSWITCH does (spaces around '=' trimmed). */
export function splitAssignment(data: string): { name: string; value: string; valueOffset: number; nameEnd: number } | undefined {
  const eq = data.indexOf('=');
  if (eq < 0) return undefined;
  let nameEnd = eq;
  while (nameEnd > 0 && data[nameEnd - 1] === ' ') nameEnd--;
  let vs = eq + 1;
  while (vs < data.length && data[vs] === ' ') vs++;
  return { name: data.slice(0, nameEnd), value: data.slice(vs), valueOffset: vs, nameEnd };
}

const MARKER_RE = /<include>|<\/include>|<\?|x-pre-process|<!--#/i;

/**
 * The scan of `text` (= oldText with change applied) from the old scan, when the edited lines hold no
 * pre-processor markup before or after the edit and nothing on them was blanked: the lines around are
 * then scanned exactly as before (the only state carried across lines is the multi-line `<!--#` form,
 * which such an edit can neither open nor close), so their results are only moved. Undefined otherwise.
 * `firstLine` is the 0-based line of the edit's start in the old text. The old scan stays valid until
 * `commit()` moves the `$${}` uses it shares with the new one (call it once the new scan is adopted).
 */
export function rescanFile(
  old: ScannedFile,
  oldText: string,
  text: string,
  change: { start: number; oldEnd: number; newEnd: number },
  firstLine: number,
): { scan: ScannedFile; commit(): void } | undefined {
  // (lastIndexOf treats a negative position as 0, which would find a newline at offset 0)
  const ls = change.start === 0 ? 0 : oldText.lastIndexOf('\n', change.start - 1) + 1;
  let le = oldText.indexOf('\n', change.oldEnd);
  if (le < 0) le = oldText.length;
  const delta = change.newEnd - change.oldEnd;
  const newLe = le + delta;
  const oldSeg = oldText.slice(ls, le);
  const newSeg = text.slice(ls, newLe);
  if (MARKER_RE.test(oldSeg) || MARKER_RE.test(newSeg)) return undefined;
  const unblanked = old.blanked === oldText;
  if (!unblanked && old.blanked.slice(ls, le) !== oldSeg) return undefined;
  let lineDelta = 0;
  for (let i = oldSeg.indexOf('\n'); i >= 0; i = oldSeg.indexOf('\n', i + 1)) lineDelta--;
  for (let i = newSeg.indexOf('\n'); i >= 0; i = newSeg.indexOf('\n', i + 1)) lineDelta++;

  // $${} uses of the edited lines, found as scanFile finds them (line by line)
  const uses: VarUse[] = [];
  const unterminated: ScannedFile['unterminated'] = [];
  let lineStart = ls;
  let line = firstLine;
  for (;;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > newLe) lineEnd = newLe;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    lineVarUses(text.slice(lineStart, contentEnd), lineStart, line, uses, unterminated);
    if (lineEnd >= newLe) break;
    lineStart = lineEnd + 1;
    line++;
  }
  const moved = <T extends { start: number; line: number }>(xs: T[], fresh: T[], move: (x: T) => T): T[] => {
    const out: T[] = [];
    for (const x of xs) if (x.start < ls) out.push(x);
    out.push(...fresh);
    for (const x of xs) if (x.start >= le) out.push(move(x));
    return out;
  };
  const span = (r: { start: number; end: number } | undefined) => (r ? { start: r.start + delta, end: r.end + delta } : undefined);
  const movedUses: VarUse[] = [];
  const scan: ScannedFile = {
    blanked: unblanked ? text : old.blanked.slice(0, ls) + newSeg + old.blanked.slice(le),
    directives: moved(old.directives, [], (d) => {
      const m: Directive = {
        ...d,
        line: d.line + lineDelta,
        start: d.start + delta,
        end: d.end + delta,
        cmdStart: d.cmdStart + delta,
        cmdEnd: d.cmdEnd + delta,
        dataStart: d.dataStart + delta,
        dataEnd: d.dataEnd + delta,
      };
      if (d.trailing) m.trailing = span(d.trailing)!;
      if (d.leading) m.leading = span(d.leading)!;
      return m;
    }),
    dropped: moved(old.dropped, [], (d) => ({ ...d, line: d.line + lineDelta, start: d.start + delta, end: d.end + delta })),
    // uses are many (one per $${} of the file) and owned by this scan alone: moved in place by commit()
    varUses: moved(old.varUses, uses, (u) => {
      movedUses.push(u);
      return u;
    }),
    unterminated: moved(old.unterminated, unterminated, (u) => ({ start: u.start + delta, line: u.line + lineDelta })),
  };
  const commit = (): void => {
    for (const u of movedUses) {
      u.line += lineDelta;
      u.start += delta;
      u.end += delta;
    }
  };
  return { scan, commit };
}
