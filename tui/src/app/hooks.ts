/** Small state hooks shared by the views. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStdout, type Key } from 'ink';
import { MOVING_KEYS, type Nav } from './keymap.js';

export interface Size {
  columns: number;
  rows: number;
}

/** Terminal size, redrawn on resize. `override` pins it (tests). */
export function useTerminalSize(override?: Size): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ columns: Math.max(40, stdout.columns || 80), rows: Math.max(12, stdout.rows || 24) });
  const [size, setSize] = useState<Size>(override ?? read());
  useEffect(() => {
    if (override) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read() reads only stdout, which is listed
  }, [stdout, override]);
  return override ?? size;
}

export function useSpinner(active: boolean, frames: string[], ms = 90): string {
  const [i, setI] = useState(0);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setI((x) => (x + 1) % frames.length), ms);
    return () => clearInterval(t);
  }, [active, frames.length, ms]);
  return frames[i % frames.length]!;
}

export type { Nav };

/** Which way a key moves the cursor (MOVING_KEYS), if it is a moving key. */
export function navOf(input: string, key: Key): Nav | undefined {
  return MOVING_KEYS.find((m) => m.match(input, key))?.nav;
}

export function moveIndex(index: number, count: number, nav: Nav, page: number): number {
  if (count <= 0) return 0;
  const p = Math.max(1, page - 1);
  const next =
    nav === 'up' ? index - 1 : nav === 'down' ? index + 1 : nav === 'pageUp' ? index - p : nav === 'pageDown' ? index + p : nav === 'top' ? 0 : count - 1;
  return Math.max(0, Math.min(count - 1, next));
}

/**
 * The latest value of a cursor, also between key events that arrive before the next render
 * (a burst of keys in one read must move the cursor once per key).
 */
export function useLatest<T>(value: T): { current: T } {
  const r = useRef(value);
  r.current = value;
  return r;
}

/**
 * State with its latest value readable before the next render: `latest.current` changes when the state is
 * set, not when the component renders, so a handler of the previous render (a key read before React
 * committed: esc then q) sees that the edit pane was closed and does not open it again.
 */
export function useLatestState<T>(initial: T): [T, (v: T) => void, { readonly current: T }] {
  const [state, setState] = useState(initial);
  const latest = useRef(initial);
  const set = useCallback((v: T) => {
    latest.current = v;
    setState(v);
  }, []);
  return [state, set, latest];
}

/** First visible row so that `index` stays inside a window of `height` rows. */
export function useScrollTop(index: number, height: number, count: number): number {
  const top = useRef(0);
  let t = top.current;
  if (index < t) t = index;
  if (index >= t + height) t = index - height + 1;
  t = Math.max(0, Math.min(t, Math.max(0, count - height)));
  top.current = t;
  return t;
}
