/**
 * Keyboard routing. Ink's useInput subscribes in a passive effect and calls the closure of the render
 * that subscribed it, so a key arriving right after a render (a fast typist, tmux send-keys, a paste)
 * can reach a stale handler or none. Here one root useInput dispatches to handlers registered in a
 * layout effect (synchronously at commit) and read through refs, so each key sees the latest state.
 * A burst of printable keys delivered as one chunk ("jjj", tmux send-keys, a paste) is handled one
 * key at a time, each after the render caused by the previous one.
 */
import React, { createContext, useContext, useLayoutEffect, useMemo, useRef } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

interface Entry {
  handler: { current: KeyHandler };
  active: { current: boolean };
}

class Router {
  readonly entries = new Set<Entry>();
  private queue: { input: string; key: Key }[] = [];
  private draining = false;

  dispatch(input: string, key: Key): void {
    const burst = input.length > 1 && !key.ctrl && !key.meta && [...input].every((c) => c >= ' ' && c !== '\u007f');
    if (burst) for (const ch of input) this.queue.push({ input: ch, key: { ...NO_KEY, shift: /[A-Z]/.test(ch) } });
    else this.queue.push({ input, key });
    if (!this.draining) this.drain();
  }

  /**
   * One key at a time: the first synchronously, the rest on later turns of the event loop, after
   * React has rendered what the previous key changed (a "/" opens the filter, then "abc" types in it).
   */
  private drain(): void {
    const next = this.queue.shift();
    if (!next) {
      this.draining = false;
      return;
    }
    this.draining = true;
    try {
      for (const e of [...this.entries]) if (this.entries.has(e) && e.active.current) e.handler.current(next.input, next.key);
    } finally {
      if (this.queue.length) setImmediate(() => this.drain());
      else this.draining = false;
    }
  }
}

const RouterContext = createContext<Router | null>(null);

export function KeyRouter({ children }: { children: React.ReactNode }) {
  const router = useMemo(() => new Router(), []);
  useInput((input, key) => router.dispatch(input, key));
  return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

export function useKeys(handler: KeyHandler, opts: { isActive?: boolean } = {}): void {
  const router = useContext(RouterContext);
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const active = useRef(opts.isActive ?? true);
  active.current = opts.isActive ?? true;
  useLayoutEffect(() => {
    if (!router) return;
    const e: Entry = { handler: handlerRef, active };
    router.entries.add(e);
    return () => {
      router.entries.delete(e);
    };
  }, [router]);
  // without a router (a component rendered on its own), fall back to Ink's useInput
  useInput((i, k) => handlerRef.current(i, k), { isActive: !router && (opts.isActive ?? true) });
}
