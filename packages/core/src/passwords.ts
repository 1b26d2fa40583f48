/**
 * Password policy exactly as mod_cti applies it: a minimum length, and a strength = how many of the four
 * character classes (digit, lower-case, upper-case, other) must appear (0 = none, 4 = all four).
 */
import type { PasswordPolicy } from './cti.js';
import type { Doc } from './tree.js';

/**
 * A generated password, made the first time it is read and the same ever after. A finding's fix carries
 * one, but `fsconf lint` only prints the fix's title: generating it would start node:crypto's random
 * source (about 3 ms of a cold run) for nothing.
 */
export function lazyPassword(policy: PasswordPolicy): () => string {
  let pw: string | undefined;
  return () => (pw ??= generatePassword(policy));
}

/** An edit whose text is made when first read (see lazyPassword); copies keep it lazy (copyEdit). */
export function lazyEdit(doc: Doc, start: number, end: number, text: () => string): { doc: Doc; start: number; end: number; newText: string } {
  let made: string | undefined;
  return {
    doc,
    start,
    end,
    get newText() {
      return (made ??= text());
    },
  };
}

/** `to` with the newText of `from`, still lazy when `from`'s is (a spread would make it). */
export function withNewText<T extends object>(to: T, from: { newText: string }): T & { newText: string } {
  if (Object.getOwnPropertyDescriptor(from, 'newText')?.get) {
    return Object.defineProperty(to, 'newText', { get: () => from.newText, enumerable: true, configurable: true }) as T & { newText: string };
  }
  return Object.assign(to, { newText: from.newText });
}

export function passwordClasses(pw: string): number {
  let digit = 0;
  let lower = 0;
  let upper = 0;
  let other = 0;
  for (const ch of pw) {
    if (ch >= '0' && ch <= '9') digit = 1;
    else if (ch >= 'a' && ch <= 'z') lower = 1;
    else if (ch >= 'A' && ch <= 'Z') upper = 1;
    else other = 1;
  }
  return digit + lower + upper + other;
}

export type PasswordVerdict = { ok: true } | { ok: false; reason: 'too-short' | 'too-simple'; classes: number };

/** mod_cti checks the length first, then the classes. */
export function judgePassword(pw: string, policy: PasswordPolicy): PasswordVerdict {
  if (pw.length < policy.minimum) return { ok: false, reason: 'too-short', classes: passwordClasses(pw) };
  const classes = passwordClasses(pw);
  if (classes < policy.strength) return { ok: false, reason: 'too-simple', classes };
  return { ok: true };
}

/** Symbols that need no escaping in XML attributes and do not start a `$${}` or `${}` expansion. */
export const SAFE_SYMBOLS = '-_.!#%+=@~';
const SETS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', SAFE_SYMBOLS];
const ALL = SETS.join('');

// crypto-random words, fetched 256 at a time (one getRandomValues call per character was a hot spot
// when every analysis offers generated passwords as fixes)
const pool = new Uint32Array(256);
let poolAt = pool.length;

function randomWord(): number {
  if (poolAt >= pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  return pool[poolAt++]!;
}

function randomIndex(n: number): number {
  // rejection sampling: no modulo bias
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) {
    const w = randomWord();
    if (w < limit) return w % n;
  }
}

/** A cryptographically random password that satisfies the policy (at least 16 characters, all four classes). */
export function generatePassword(policy: PasswordPolicy): string {
  const length = Math.max(16, policy.minimum);
  const chars: string[] = SETS.map((s) => s[randomIndex(s.length)]!);
  while (chars.length < length) chars.push(ALL[randomIndex(ALL.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
