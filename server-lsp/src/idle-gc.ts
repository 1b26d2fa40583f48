/**
 * Give memory back while the user is idle. Each analysis of a big tree leaves a lot of garbage (a re-parsed
 * multi-megabyte file, its model); V8 collects it lazily and keeps the heap — and the process RSS — grown.
 * One full collection a moment after the last analysis returns it, at no cost to typing latency.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const IDLE_MS = 1500;
let gc: (() => void) | undefined | null;
let timer: NodeJS.Timeout | undefined;

function collector(): (() => void) | undefined {
  if (gc === undefined) {
    try {
      // expose gc() for this process only; a fresh context picks the flag up
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  return gc ?? undefined;
}

export function scheduleIdleGc(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    collector()?.();
  }, IDLE_MS);
  timer.unref();
}
