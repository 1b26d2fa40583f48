/** Debounce: a change after a quiet spell is analysed at once; changes in a burst wait (never more than TIMING.maxWaitMs). */
import type { Project } from './state.js';
import { analyse } from './publishing.js';
import type { FsconfServer } from './server.js';

/** Timings: a burst of changes is analysed at most maxWaitMs after its first; disk reads are cached for diskTtlMs (watchedDiskTtlMs when the client watches). */
export const TIMING = { quietMs: 100, burstMs: 100, maxWaitMs: 150, diskTtlMs: 2000, watchedDiskTtlMs: 30000 };

/** Debounced analysis after a change. */
export function schedule(s: FsconfServer, p: Project, immediate = false): void {
  const now = Date.now();
  const quiet = now - p.lastChangeAt > TIMING.quietMs;
  p.lastChangeAt = now;
  if (!p.firstPendingAt) p.firstPendingAt = now;
  let delay = immediate || quiet ? 0 : TIMING.burstMs;
  delay = Math.max(0, Math.min(delay, p.firstPendingAt + TIMING.maxWaitMs - now));
  if (p.timer) clearTimeout(p.timer);
  p.timer = setTimeout(() => {
    p.timer = undefined;
    try {
      analyse(s, p);
    } catch (e) {
      s.error(`analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }, delay);
}
