/**
 * The Node implementation of FileSystem, for the CLI and the language server (core never calls it itself).
 * Reads are bounded: a FIFO, /dev/zero or a huge file cannot hang or exhaust memory.
 */
import * as fs from 'node:fs';
import type { FileStat, FileSystem } from '../fs.js';

export class NodeFileSystem implements FileSystem {
  readFile(path: string, maxBytes: number): Uint8Array {
    // O_NONBLOCK: opening a FIFO must not hang; the fstat below then refuses it
    const fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) throw new Error(st.isDirectory() ? 'is a directory' : 'not a regular file (device, FIFO or socket): not read');
      if (st.size > maxBytes) throw new Error(`larger than the ${Math.round(maxBytes / 1048576)} MiB limit (${st.size} bytes)`);
      const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
      let n = 0;
      for (;;) {
        const r = fs.readSync(fd, buf, n, buf.length - n, null);
        if (r <= 0) break;
        n += r;
        if (n >= buf.length) throw new Error(`grew past the ${Math.round(maxBytes / 1048576)} MiB limit while reading`);
      }
      return buf.subarray(0, n);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EACCES') throw new Error('permission denied');
      throw e;
    } finally {
      fs.closeSync(fd);
    }
  }
  stat(path: string): FileStat | undefined {
    try {
      // a missing file answers undefined without an exception (building one, with its stack, costs more than the stat)
      const st = fs.statSync(path, { throwIfNoEntry: false });
      if (!st) return undefined;
      return { isFile: st.isFile(), isDirectory: st.isDirectory(), size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      return undefined;
    }
  }
  readDir(path: string): string[] | undefined {
    try {
      return fs.readdirSync(path).sort();
    } catch {
      return undefined;
    }
  }
  realPath(path: string): string {
    // realpath(3): Node's JS realpathSync lstat()s every component of every path in interpreted code (a cold
    // `fsconf lint` of the vanilla tree spent ~3–8 ms there for its 41 folders; the native call ~0.6 ms)
    return fs.realpathSync.native(path);
  }
}
