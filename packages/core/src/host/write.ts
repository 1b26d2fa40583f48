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

function readText(file: string): string {
  const buf = fs.readFileSync(file);
  try {
    return utf8.decode(buf);
  } catch {
    return new TextDecoder('latin1').decode(buf);
  }
}

export function writeFileAtomic(file: string, text: string, options: WriteOptions = {}): { backup?: string } {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file);
  } catch {
    st = undefined;
  }
  if (options.expected !== undefined) {
    if (!st) throw new WriteRefused(`${file} was deleted since it was read; not written`);
    const now = readText(file);
    if (now !== options.expected) throw new WriteRefused(`${file} changed on disk since it was read; not written (re-run to recompute the fix)`);
  }
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.fsconf-${randomBytes(4).toString('hex')}.tmp`);
  let backup: string | undefined;
  const fd = fs.openSync(tmp, 'wx', st ? st.mode & 0o7777 : 0o644);
  try {
    fs.writeSync(fd, text);
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
