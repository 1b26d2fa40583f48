/** One source line as display segments: tabs expanded, control characters replaced, marks kept. */
export interface Mark {
  start: number;
  end: number;
  severity: number;
}

export interface Segment {
  text: string;
  severity?: number;
}

const TAB = 4;

function expandLine(text: string): { shown: string; col: number[] } {
  let shown = '';
  const col: number[] = [];
  for (let i = 0; i < text.length; i++) {
    col.push(shown.length);
    const ch = text[i]!;
    if (ch === '\t') shown += ' '.repeat(TAB - (shown.length % TAB));
    else if (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127) shown += '?';
    else shown += ch;
  }
  col.push(shown.length);
  return { shown, col };
}

/** Splits `text` into plain and marked pieces, scrolled by `hscroll` columns and cut at `width`. */
export function lineSegments(text: string, marks: Mark[], hscroll: number, width: number): Segment[] {
  const { shown, col } = expandLine(text);
  const sevAt = new Array<number>(shown.length + 1).fill(0);
  for (const m of marks) {
    const s = col[Math.min(Math.max(0, m.start), text.length)]!;
    let e = col[Math.min(Math.max(0, m.end), text.length)]!;
    if (e <= s) e = Math.min(shown.length + 1, s + 1);
    for (let c = s; c < e && c < sevAt.length; c++) if (!sevAt[c] || m.severity < sevAt[c]!) sevAt[c] = m.severity;
  }
  const visible = (shown + ' ').slice(hscroll, hscroll + width);
  const segs: Segment[] = [];
  for (let i = 0; i < visible.length; i++) {
    const sev = sevAt[hscroll + i] || 0;
    const last = segs[segs.length - 1];
    if (last && (last.severity ?? 0) === sev) last.text += visible[i];
    else segs.push(sev ? { text: visible[i]!, severity: sev } : { text: visible[i]! });
  }
  // drop the trailing pad space unless it carries a mark (an empty range at end of line)
  const tail = segs[segs.length - 1];
  if (tail && !tail.severity && tail.text.endsWith(' ') && hscroll + visible.length > shown.length) tail.text = tail.text.slice(0, -1);
  return segs.filter((s) => s.text.length);
}

/** Where hovers are worth asking on a line: the param's name, then each `$${var}` (at most 3). */
export function hoverColumns(text: string): number[] {
  const out = [hoverColumn(text)];
  for (const m of text.matchAll(/\$\$\{/g)) if (out.length < 4) out.push(m.index! + 3);
  return out;
}

/** The column on a line where a hover is most useful: a param's name, else the first tag. */
export function hoverColumn(text: string): number {
  const m = /\b(name|cmd|application|field|module)\s*=\s*["']/.exec(text);
  if (m) return m.index + m[0].length;
  const first = text.search(/\S/);
  return first < 0 ? 0 : Math.min(text.length, first + 1);
}

/** The value="…" on a line, for in-place editing. */
export function valueAttribute(text: string): { name?: string; start: number; end: number; value: string; quote: '"' | "'" } | undefined {
  const m = /\b(value|data|cidr|expression)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(text);
  if (!m) return undefined;
  const raw = m[2] ?? m[3]!;
  const start = m.index + m[0].length - 1 - raw.length;
  const nameM = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(text);
  return { ...(nameM ? { name: nameM[1] ?? nameM[2]! } : { name: m[1]! }), start, end: start + raw.length, value: raw, quote: m[2] !== undefined ? '"' : "'" };
}

/** An attribute value as FreeSWITCH's parser reads it: the five XML entities and character references decoded. */
export function decodeAttr(raw: string): string {
  return raw.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (all, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const n = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });
}

/** A typed value written into an attribute: "&", "<" and the enclosing quote escaped, so the element stays well-formed. */
export function encodeAttr(value: string, quote: '"' | "'" = '"'): string {
  const out = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? out.replace(/"/g, '&quot;') : out.replace(/'/g, '&apos;');
}
