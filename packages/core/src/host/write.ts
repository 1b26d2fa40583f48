/**
 * Safe writes for fixes: never lose or half-write a file.
 * - atomic: write a temp file in the same folder, fsync, rename over the original;
 * - keep the original's mode (and owner when we may);
 * - keep a `.bak` of the original unless told otherwise;
 * - refuse when the file changed on disk since it was read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export class WriteRefused extends Error {}

export interface WriteOptions {
  /** The text the edit was computed from; the write is refused if the file no longer holds it. */
  expected?: string;
  backup?: boolean;
  /** Test hook: fail after the temp file is written, before the rename. */
  failBeforeRename?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file as the engine read it: UTF-8 without its BOM, else Latin-1. */
function readFile(file: string): { text: string; latin1: boolean; bom: boolean } {
  const buf = fs.readFileSync(file);
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  try {
    return { text: utf8.decode(buf), latin1: false, bom };
  } catch {
    return { text: new TextDecoder('latin1').decode(buf), latin1: true, bom: false };
  }
}

export function writeFileAtomic(file: string, text: string, options: WriteOptions = {}): { backup?: string } {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file);
  } catch {
    st = undefined;
  }
  // the file keeps its encoding: a Latin-1 file stays Latin-1, a UTF-8 BOM stays
  const current = st ? readFile(file) : undefined;
  if (options.expected !== undefined) {
    if (!st || !current) throw new WriteRefused(`${file} was deleted since it was read; not written`);
    if (current.text !== options.expected.replace(/^\ufeff/, '')) throw new WriteRefused(`${file} changed on disk since it was read; not written (re-run to recompute the fix)`);
  }
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const bom = !!current?.bom || text.startsWith('\ufeff');
  const bytes = current?.latin1 ? Buffer.from(body, 'latin1') : Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, 'utf8')]);
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.fsconf-${randomBytes(4).toString('hex')}.tmp`);
  let backup: string | undefined;
  const fd = fs.openSync(tmp, 'wx', st ? st.mode & 0o7777 : 0o644);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    if (st) {
      fs.chmodSync(tmp, st.mode & 0o7777);
      try {
        fs.chownSync(tmp, st.uid, st.gid);
      } catch {
        // not permitted for non-root: the mode is still kept
      }
      if (options.backup !== false) {
        backup = `${file}.bak`;
        fs.copyFileSync(file, backup);
        fs.chmodSync(backup, st.mode & 0o7777);
      }
    }
    if (options.failBeforeRename) throw new Error('simulated failure before rename');
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  return backup ? { backup } : {};
}
