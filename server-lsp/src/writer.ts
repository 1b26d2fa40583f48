/**
 * Writing edits to files on disk for clients that do not edit files themselves (the terminal UI):
 * every file is checked against the text the server read before anything is written, then written
 * atomically by core's writeFileAtomic (temp file + rename, mode/owner kept, `.bak` unless told otherwise).
 * Line endings and a UTF-8 byte-order mark are kept.
 */
import * as fs from 'node:fs';
import { applyEdits, writeFileAtomic, WriteRefused } from '@fsconf/core';
import type { TextEdit } from 'vscode-languageserver/node';

export interface PlannedWrite {
  path: string;
  uri: string;
  /** The new content. */
  text: string;
  /** What the file must still hold on disk (undefined: the file does not exist yet). */
  expected: string | undefined;
}

/** The line ending a text mostly uses. */
export function dominantEol(text: string): '\r\n' | '\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Apply edits, writing any new line breaks with the text's own line ending. */
export function editText(base: string, edits: TextEdit[]): string {
  const eol = dominantEol(base);
  const fixed = eol === '\n' ? edits : edits.map((e) => ({ range: e.range, newText: e.newText.replace(/\r?\n/g, '\r\n') }));
  return applyEdits(base, fixed);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

/** The file as text the way the engine decodes it (BOM kept as U+FEFF); undefined when missing. */
export function readDisk(path: string): string | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return utf8.decode(buf);
  } catch {
    return latin1.decode(buf);
  }
}

/** An editor buffer usually lacks the BOM its file has: keep the file's BOM. */
export function keepBom(onDisk: string | undefined, text: string): string {
  return onDisk?.startsWith('\ufeff') && !text.startsWith('\ufeff') ? '\ufeff' + text : text;
}

function same(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.replace(/^\ufeff/, '') === b.replace(/^\ufeff/, '');
}

/** Refuse (throw WriteRefused) when any file no longer holds what the server read. Nothing is written. */
function checkUnchanged(plans: PlannedWrite[]): void {
  for (const p of plans) {
    const now = readDisk(p.path);
    if (p.expected === undefined) {
      if (now !== undefined) throw new WriteRefused(`${p.path} was created on disk since the edit was computed; not written`);
    } else if (now === undefined) throw new WriteRefused(`${p.path} was deleted since it was read; not written`);
    else if (!same(now, p.expected)) throw new WriteRefused(`${p.path} changed on disk since it was read; not written (re-run to recompute the fix)`);
  }
}

/** Write every planned file (after checkUnchanged). Returns the backups written. */
export function writePlanned(plans: PlannedWrite[], backup: boolean): { path: string; uri: string; backup?: string }[] {
  checkUnchanged(plans);
  const out: { path: string; uri: string; backup?: string }[] = [];
  for (const p of plans) {
    // core's check decodes without the BOM: compare like for like
    const expected = p.expected === undefined ? undefined : p.expected.replace(/^\ufeff/, '');
    const r = writeFileAtomic(p.path, p.text, { ...(expected !== undefined ? { expected } : {}), backup });
    out.push({ path: p.path, uri: p.uri, ...(r.backup ? { backup: r.backup } : {}) });
  }
  return out;
}
