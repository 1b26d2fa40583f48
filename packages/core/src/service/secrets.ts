/**
 * Where the secrets are in a file: the range of every secret VALUE, so clients that show file text (the
 * terminal UI's File view and fix previews) can mask it — "secrets are masked everywhere".
 *
 * A value is secret when the name it is assigned to is (see isSecretName):
 * - `<param>` / `<variable>` (any element with a `name` and a `value` attribute) — in comments too;
 * - `<X-PRE-PROCESS cmd="set" data="default_password=…"/>` (and `<!--#set "…"-->`);
 * - dialplan `set`/`export` data and `{var=value}` blocks in action data (`sip_auth_password=…`).
 * Any value also has its embedded secrets masked: the password of a `scheme://user:password@host` URL, of a
 * `password=…` / `pwd=…` connection string, and the third part of an ODBC `dsn:user:password`.
 * A `$${var}` reference is not a secret (its definition is); only the literal text around it is masked.
 * cti.json holds no secrets (it sets the password *policy*).
 */
import type { Range } from 'vscode-languageserver-types';
import type { FsconfWorkspace } from './workspace.js';
import { LineIndex } from '../text.js';
import { decodeBytes, DEFAULT_LIMITS, normalize } from '../fs.js';
import { attr, parseXml, walk, type XmlElement } from '../xml/parser.js';
import { scanFile, splitAssignment } from '../preprocess/scan.js';
import type { Doc } from '../tree.js';
import type { Param } from '../model.js';
import { isSecretName } from '../semantics/secret-names.js';

/** [start, end) offsets in the file text. */
type Span = [number, number];

/** Literal runs of a raw value, skipping `$${var}` references (the variable is masked where it is set). */
function literalRuns(raw: string, base: number, out: Span[]): void {
  let at = 0;
  for (const m of raw.matchAll(/\$\$\{[^}]*\}?/g)) {
    if (m.index > at) out.push([base + at, base + m.index]);
    at = m.index + m[0].length;
  }
  if (at < raw.length) out.push([base + at, base + raw.length]);
}

function unquoted(v: string, start: number): Span {
  if (v.length >= 2 && (v[0] === "'" || v[0] === '"') && v[v.length - 1] === v[0]) return [start + 1, start + v.length - 1];
  return [start, start + v.length];
}

/** The password of every `scheme://user:password@host` in a text (values, comments, anywhere). */
function urlPasswordSpans(raw: string, base: number, out: Span[]): void {
  if (!raw.includes('://')) return;
  for (const m of raw.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s:@/'"<>]*:([^\s@/'"<>]+)@/gi)) {
    const pw = m[1]!;
    literalRuns(pw, base + m.index + m[0].length - 1 - pw.length, out);
  }
}

/** Secrets inside a value whose name is not itself secret: URL user-info, connection-string passwords, ODBC DSNs. */
function embeddedSpans(name: string, raw: string, base: number, out: Span[]): void {
  if (!raw) return;
  urlPasswordSpans(raw, base, out);
  for (const m of raw.matchAll(/(^|[\s;,])(password|passwd|pwd)\s*=\s*('[^']*'|"[^"]*"|[^\s;,'"]+)/gi)) {
    const v = m[3]!;
    const [s, e] = unquoted(v, m.index + m[0].length - v.length);
    literalRuns(raw.slice(s, e), base + s, out);
  }
  if (/dsn$/i.test(name.trim())) {
    // mod_odbc-style "dsn:user:password" (optionally odbc://…); other schemes were handled above
    const m = /^(odbc:\/\/)?([^:=\s/]+):([^:=\s]*):(.+)$/i.exec(raw);
    if (m && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.slice((m[1] ?? '').length))) {
      const s = raw.length - m[4]!.length;
      literalRuns(m[4]!, base + s, out);
    }
  }
}

/** The spans of a value assigned to `name`, given its raw text at `base`. */
function valueSpans(name: string, raw: string, base: number, out: Span[]): void {
  if (isSecretName(name)) literalRuns(raw, base, out);
  else embeddedSpans(name, raw, base, out);
}

/** Dialplan applications whose data is `name=value` (export: `[nolocal:]name=value`). */
const SET_APPS = new Set(['set', 'export', 'set_global', 'set_profile_var', 'set_user']);

/** Secrets in action data: `set`-like `name=value`, and `{name=value,…}` / `[…]` / `<…>` variable blocks. */
function actionDataSpans(app: string, raw: string, base: number, out: Span[]): void {
  if (SET_APPS.has(app.toLowerCase())) {
    const m = /^(\s*(?:nolocal:)?)([^=\s]+)\s*=\s*/.exec(raw);
    if (m) {
      let value = raw.slice(m[0].length);
      value = value.replace(/\s+$/, '');
      valueSpans(m[2]!, value, base + m[0].length, out);
    }
  }
  for (const m of raw.matchAll(/([{[<,^:]\s*)([\w.-]+)\s*=\s*('[^']*'|[^,}\]>]*)/g)) {
    if (!isSecretName(m[2]!)) continue;
    const v = m[3]!.replace(/\s+$/, '');
    const [s, e] = unquoted(v, m.index + m[0].length - m[3]!.length);
    literalRuns(raw.slice(s, e), base + s, out);
  }
}

function elementSpans(text: string, roots: XmlElement[], base: number, out: Span[]): void {
  for (const el of walk(roots)) {
    const nameA = attr(el, 'name');
    const valueA = attr(el, 'value');
    if (nameA && valueA && valueA.quote) valueSpans(nameA.value, text.slice(valueA.valueStart, valueA.valueEnd), base + valueA.valueStart, out);
    // a secret carried by an attribute of its own: mod_hash `<remote … password="…"/>`
    for (const a of el.attrs)
      if (a.quote && a.name !== 'name' && a.name !== 'value' && isSecretName(a.name))
        literalRuns(text.slice(a.valueStart, a.valueEnd), base + a.valueStart, out);
    if (el.name === 'action' || el.name === 'anti-action') {
      const app = attr(el, 'application')?.value ?? '';
      const data = attr(el, 'data');
      if (data && data.quote) actionDataSpans(app, text.slice(data.valueStart, data.valueEnd), base + data.valueStart, out);
      for (const part of el.textParts) actionDataSpans(app, text.slice(part.start, part.end), base + part.start, out);
    }
  }
}

function directiveSpans(text: string, out: Span[]): void {
  for (const d of scanFile(text).directives) {
    if (d.cmd?.toLowerCase() !== 'set' || d.data === undefined) continue;
    const a = splitAssignment(d.data);
    if (!a) continue;
    valueSpans(a.name, a.value.replace(/\s+$/, ''), d.dataStart + a.valueOffset, out);
  }
}

/** Spans found by reading the text alone (no tree): elements, elements inside comments, directives. */
function textSpans(text: string, out: Span[]): void {
  const xml = parseXml(text);
  elementSpans(text, xml.roots, 0, out);
  for (const c of xml.comments) {
    const open = c.start + 4;
    const close = text.startsWith('-->', c.end - 3) ? c.end - 3 : c.end;
    if (close <= open || text[open] === '#') continue; // `<!--#set …-->` is a directive
    const inner = text.slice(open, close);
    if (!inner.includes('=')) continue;
    elementSpans(inner, parseXml(inner).roots, open, out);
  }
  directiveSpans(text, out);
  urlPasswordSpans(text, 0, out);
}

function toRanges(lines: LineIndex, spans: Span[]): Range[] {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged.map(([s, e]) => lines.range(s, e));
}

/** Secret ranges of a text read on its own (a file outside the tree, or a text that is not the workspace's). */
export function secretRangesInText(text: string, path?: string): Range[] {
  if (path && /\.json$/i.test(path)) return [];
  const spans: Span[] = [];
  textSpans(text, spans);
  return toRanges(new LineIndex(text), spans);
}

function modelSpans(ws: FsconfWorkspace, doc: Doc, out: Span[]): void {
  const a = ws.analysis();
  const m = a.model;
  const mine = (p: Param) => p.node.doc === doc && p.valueAttr?.quote;
  const params: Param[] = [...m.params, ...m.users.flatMap((u) => u.variables), ...m.domains.flatMap((d) => d.variables)];
  for (const p of params) if (mine(p)) valueSpans(p.name, doc.text.slice(p.valueAttr!.valueStart, p.valueAttr!.valueEnd), p.valueAttr!.valueStart, out);
  for (const defs of a.tree.vars.defs.values())
    for (const d of defs)
      if (d.doc === doc && d.cmd === 'set') valueSpans(d.name, doc.text.slice(d.valueStart, d.valueEnd).replace(/\s+$/, ''), d.valueStart, out);
  for (const act of m.actions) {
    if (act.node.doc !== doc) continue;
    if (act.dataAttr?.quote) actionDataSpans(act.application, doc.text.slice(act.dataAttr.valueStart, act.dataAttr.valueEnd), act.dataAttr.valueStart, out);
  }
}

/**
 * LSP ranges of every secret value in a file of the workspace. Uses the engine's model (params,
 * variables, pre-processor `set`s, dialplan actions) and reads the file's own text for what the model
 * does not hold (commented-out params, elements of unmodelled configs, files outside the tree).
 * With `text`, the ranges are for that text (when it is not the text the workspace holds, it is read on its own).
 */
export function secretRanges(ws: FsconfWorkspace, path: string, text?: string): Range[] {
  const p = normalize(path);
  if (/\.json$/i.test(p)) return [];
  const doc = ws.doc(p);
  if (!doc || doc.readError || (text !== undefined && text !== doc.text)) {
    if (text !== undefined) return secretRangesInText(text, p);
    let own: string;
    try {
      const d = decodeBytes(ws.fs.readFile(p, DEFAULT_LIMITS.maxFileBytes));
      if (d.binary) return [];
      own = d.text;
    } catch {
      return [];
    }
    return secretRangesInText(own, p);
  }
  const spans: Span[] = [];
  modelSpans(ws, doc, spans);
  textSpans(doc.text, spans);
  return toRanges(doc.lines, spans);
}
