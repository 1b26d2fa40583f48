/**
 * Safe writes for fixes — the one write path every command uses (CLI --fix, the server's
 * fsconf.applyEdit / fsconf.saveDocument, and anything that edits files through them):
 * - atomic: write a temp file in the same folder, fsync, rename over the original;
 * - a symbolic link is written through to its target (the link stays a link, the shared file gets
 *   the change: a vars.xml linked into several trees never drifts apart);
 * - refuse a file the user may not write (checked on the file itself, not only its folder);
 * - keep the original's mode and owner; when the owner cannot be kept (not root, someone else's
 *   group-writable file) the file is rewritten in place, after its backup, so it keeps its owner;
 * - keep a backup of the original unless told otherwise, never overwriting an earlier one:
 *   `<file>.bak`, then `<file>.bak.1`, `<file>.bak.2`, …;
 * - refuse when the file changed on disk since it was read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

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

/** The first free backup name: `<file>.bak`, `<file>.bak.1`, … (an existing backup is never replaced). */
function backupPath(file: string): string {
  for (let i = 0; ; i++) {
    const p = i === 0 ? `${file}.bak` : `${file}.bak.${i}`;
    if (!fs.existsSync(p)) return p;
  }
}

function copyBackup(file: string, mode: number): string {
  for (;;) {
    const p = backupPath(file);
    try {
      fs.copyFileSync(file, p, fs.constants.COPYFILE_EXCL);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue; // taken meanwhile: the next number
      throw e;
    }
    fs.chmodSync(p, mode);
    return p;
  }
}

/** Where a write to `file` really goes: a symbolic link's final target (a missing file: itself). */
function writeTarget(file: string): string {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.realpathSync(file) : file;
  } catch {
    return file;
  }
}

export function writeFileAtomic(given: string, text: string, options: WriteOptions = {}): { backup?: string; target?: string } {
  const file = writeTarget(given);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file);
  } catch {
    st = undefined;
  }
  if (st) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      throw new WriteRefused(
        `${given}${file !== given ? ` (→ ${file})` : ''}: you may not write this file (owner uid ${st.uid}, mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}); not written`,
      );
    }
  }
  // the file keeps its encoding: a Latin-1 file stays Latin-1, a UTF-8 BOM stays
  const current = st ? readFile(file) : undefined;
  if (options.expected !== undefined) {
    if (!st || !current) throw new WriteRefused(`${file} was deleted since it was read; not written`);
    if (current.text !== options.expected.replace(/^\ufeff/, ''))
      throw new WriteRefused(`${file} changed on disk since it was read; not written (re-run to recompute the fix)`);
  }
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const bom = !!current?.bom || text.startsWith('\ufeff');
  const bytes = current?.latin1
    ? Buffer.from(body, 'latin1')
    : Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, 'utf8')]);
  const dir = path.dirname(file);
  // Web Crypto, started on first use: a module-level node:crypto import cost every cold `fsconf lint` ~2 ms
  const tmp = path.join(dir, `.${path.basename(file)}.fsconf-${Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(4))).toString('hex')}.tmp`);
  let backup: string | undefined;
  const fd = fs.openSync(tmp, 'wx', st ? st.mode & 0o7777 : 0o644);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  let inPlace = false;
  try {
    if (st) {
      fs.chmodSync(tmp, st.mode & 0o7777);
      try {
        fs.chownSync(tmp, st.uid, st.gid);
      } catch {
        // not permitted for non-root: a rename would hand the file to us; rewrite it in place instead
        inPlace = fs.statSync(tmp).uid !== st.uid || fs.statSync(tmp).gid !== st.gid;
      }
      if (options.backup !== false) backup = copyBackup(file, st.mode & 0o7777);
    }
    if (options.failBeforeRename) throw new Error('simulated failure before rename');
    if (inPlace) {
      const out = fs.openSync(file, 'r+');
      try {
        fs.ftruncateSync(out, 0);
        fs.writeSync(out, bytes, 0, bytes.length, 0);
        fs.fsyncSync(out);
      } finally {
        fs.closeSync(out);
      }
      fs.unlinkSync(tmp);
    } else fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  return { ...(backup ? { backup } : {}), ...(file !== given ? { target: file } : {}) };
}
