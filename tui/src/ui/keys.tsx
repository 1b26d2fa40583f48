/**
 * Keyboard routing. Ink's useInput subscribes in a passive effect and calls the closure of the render
 * that subscribed it, so a key arriving right after a render (a fast typist, tmux send-keys, a paste)
 * can reach a stale handler or none. Here one root useInput dispatches to handlers registered in a
 * layout effect (synchronously at commit) and read through refs, so each key sees the latest state.
 * A burst of printable keys delivered as one chunk ("jjj", tmux send-keys, a paste) is handled one
 * key at a time, each after the render caused by the previous one.
 */
import React, { createContext, useContext, useLayoutEffect, useMemo, useRef, useState } from 'react';
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

/** One character of a multi-key chunk as Ink would have reported it on its own. */
export function keyOf(ch: string): { input: string; key: Key } {
  const code = ch.codePointAt(0)!;
  if (ch === '\r' || ch === '\n') return { input: '', key: { ...NO_KEY, return: true } };
  if (ch === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
  if (ch === '\u007f') return { input: '', key: { ...NO_KEY, delete: true } };
  if (ch === '\b') return { input: '', key: { ...NO_KEY, backspace: true } };
  if (code < 32) return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } };
  return { input: ch, key: { ...NO_KEY, shift: /[A-Z]/.test(ch) } };
}

interface Entry {
  handler: { current: KeyHandler };
  active: { current: boolean };
}

class Router {
  readonly entries = new Set<Entry>();
  private queue: { input: string; key: Key }[] = [];
  private draining = false;
  private awaiting = false;
  private fallback: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  /** Resolves once every key received so far has been handled (tests). */
  idle(): Promise<void> {
    if (!this.draining) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }
  private settle(): void {
    this.draining = false;
    for (const w of this.idleWaiters.splice(0)) w();
  }
  /** asks React for a commit (set by KeyRouter) */
  requestCommit: () => void = () => undefined;

  dispatch(input: string, key: Key): void {
    // Ink splits a chunk only at escape sequences: "/abc\r" from a fast sender arrives whole.
    if (input.length > 1 && !input.startsWith('\u001b')) for (const ch of input) this.queue.push(keyOf(ch));
    else if (key.meta && !key.escape && (key.tab || key.return || (input.length === 1 && input >= ' '))) {
      // ESC followed at once by a key (a fast sender, or packets joined over ssh) arrives as "alt+key";
      // the UI has no alt bindings, so it is the escape key and then that key
      this.queue.push({ input: '', key: { ...NO_KEY, escape: true, meta: true } });
      this.queue.push({ input, key: { ...key, meta: false } });
    } else if (input.length === 1 && input < ' ' && !key.ctrl && !key.tab && !key.return && !key.backspace && !key.escape) {
      // ESC + a control character (esc then tab) reaches us as the bare character
      this.queue.push({ input: '', key: { ...NO_KEY, escape: true, meta: true } });
      this.queue.push(keyOf(input));
    } else this.queue.push({ input, key });
    if (!this.draining) this.drain();
  }

  /**
   * One key at a time: the first at once, each next one only after React has committed what the
   * previous key changed (a "/" opens the filter, then "abc" types into it, not into the list).
   * React renders after the handler returns (a scheduler task), so the router waits for that commit
   * even when no key is queued yet: a key read in between (esc then q over a slow link) waits too,
   * instead of reaching the handlers of the screen the previous key just closed.
   */
  private drain(): void {
    clearTimeout(this.fallback);
    const next = this.queue.shift();
    if (!next) {
      this.settle();
      return;
    }
    this.draining = true;
    try {
      for (const e of [...this.entries]) if (this.entries.has(e) && e.active.current) e.handler.current(next.input, next.key);
    } finally {
      this.awaiting = true;
      this.requestCommit();
      // a commit that never comes (the app unmounted) must not hold the keys forever
      if (this.awaiting) this.fallback = setTimeout(() => this.committed(), 100).unref();
    }
  }

  /** Called from a layout effect after every commit of the router. */
  committed(): void {
    if (!this.awaiting) return;
    this.awaiting = false;
    clearTimeout(this.fallback);
    setImmediate(() => this.drain());
  }
}

const RouterContext = createContext<Router | null>(null);

export interface KeyRouterHandle {
  idle(): Promise<void>;
}

export function KeyRouter({ children, onReady }: { children: React.ReactNode; onReady?: (r: KeyRouterHandle) => void }) {
  const router = useMemo(() => new Router(), []);
  useMemo(() => onReady?.(router), [router, onReady]);
  const [, setTick] = useState(0);
  router.requestCommit = () => setTick((t) => t + 1);
  useLayoutEffect(() => router.committed());
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
