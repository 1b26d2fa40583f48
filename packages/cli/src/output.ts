/**
 * Output of the one-shot commands (lint, acl, show, route, exposure, --help, --version), written straight to
 * file descriptors 1 and 2.
 *
 * Why not process.stdout: the first touch of process.stdout or process.stderr builds a stream. For a pipe
 * that is a net.Socket (Node loads `net` and the stream stack); for a terminal, a tty.WriteStream (the
 * same). A cold `fsconf lint … | jq` spent 3–5 ms on that before printing one line. A command that
 * prints its answer once and exits needs none of it.
 */
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const tty = (): typeof import('node:tty') => createRequire(import.meta.url)('node:tty') as typeof import('node:tty');

let pause: Int32Array | undefined;
/** Descriptors whose reader has gone (EPIPE): what is left to print is dropped. */
const gone = new Set<number>();

function writeAll(fd: 1 | 2, text: string): void {
  if (gone.has(fd)) return;
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // a non-blocking pipe whose reader is slower than us: wait a little and go on
      if (code === 'EAGAIN') {
        Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 2);
        continue;
      }
      // `fsconf lint … | head`: a reader that stops early is not an error; the command still ends with its
      // own exit code (1 when it found errors), which `set -o pipefail` in CI relies on
      if (code === 'EPIPE') {
        gone.add(fd);
        return;
      }
      throw e;
    }
  }
}

/** Print to standard output (all of it, before returning). */
export function writeOut(text: string): void {
  writeAll(1, text);
}

/** Print to standard error (all of it, before returning). */
export function writeErr(text: string): void {
  writeAll(2, text);
}

/**
 * isatty(fd), without loading `tty` (and `net`) for what is plainly no terminal: a pipe or a file is no
 * character device. /dev/null is one, so a character device is still asked.
 */
export function isTerminal(fd: 1 | 2): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return tty().isatty(fd);
}
