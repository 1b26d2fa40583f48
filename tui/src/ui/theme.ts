/**
 * Symbols and colours. Non-UTF-8 terminals get ASCII (checked from LC_ALL, LC_CTYPE, LANG — the
 * first one set wins, as in setlocale); NO_COLOR (any non-empty value) turns colours off and leaves
 * only bold/inverse/underline.
 */
import { createContext, useContext } from 'react';

interface Symbols {
  error: string;
  warning: string;
  info: string;
  hint: string;
  pointer: string;
  hline: string;
  vline: string;
  dirOpen: string;
  file: string;
  ellipsis: string;
  check: string;
  cross: string;
  spinner: string[];
  arrow: string;
}

const UNICODE: Symbols = {
  error: '✖',
  warning: '⚠',
  info: 'ℹ',
  hint: '·',
  pointer: '❯',
  hline: '─',
  vline: '│',
  dirOpen: '▾',
  file: ' ',
  ellipsis: '…',
  check: '✔',
  cross: '✘',
  spinner: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
  arrow: '→',
};

const ASCII: Symbols = {
  error: 'E',
  warning: 'W',
  info: 'I',
  hint: '.',
  pointer: '>',
  hline: '-',
  vline: '|',
  dirOpen: '-',
  file: ' ',
  ellipsis: '~',
  check: '+',
  cross: 'x',
  spinner: ['|', '/', '-', '\\'],
  arrow: '->',
};

export type ColorName = 'error' | 'warning' | 'info' | 'hint' | 'accent' | 'muted' | 'added' | 'removed' | 'ok' | 'title';

const COLORS: Record<ColorName, string> = {
  error: 'red',
  warning: 'yellow',
  info: 'cyan',
  hint: 'gray',
  accent: 'blue',
  muted: 'gray',
  added: 'green',
  removed: 'red',
  ok: 'green',
  title: 'magenta',
};

export interface Theme {
  unicode: boolean;
  color: boolean;
  sym: Symbols;
  /** the colour for a role, or undefined when colours are off */
  c(name: ColorName): string | undefined;
}

export function isUtf8Locale(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

export function makeTheme(opts: { unicode: boolean; color: boolean }): Theme {
  return {
    unicode: opts.unicode,
    color: opts.color,
    sym: opts.unicode ? UNICODE : ASCII,
    c: (name) => (opts.color ? COLORS[name] : undefined),
  };
}

export function themeFromEnv(env: NodeJS.ProcessEnv = process.env): Theme {
  return makeTheme({ unicode: isUtf8Locale(env), color: !env.NO_COLOR });
}

export const ThemeContext = createContext<Theme>(makeTheme({ unicode: true, color: true }));
export const useTheme = (): Theme => useContext(ThemeContext);

export function severityName(s: number | undefined): 'error' | 'warning' | 'info' | 'hint' {
  return s === 1 || s === undefined ? 'error' : s === 2 ? 'warning' : s === 3 ? 'info' : 'hint';
}

export function severityIcon(theme: Theme, s: number | undefined): string {
  return theme.sym[severityName(s)];
}

const ASCII_MAP: Record<string, string> = {
  '·': '.',
  '…': '...',
  '—': '-',
  '–': '-',
  '→': '->',
  '←': '<-',
  '↑': '^',
  '↓': 'v',
  '✖': 'E',
  '⚠': 'W',
  ℹ: 'I',
  '❯': '>',
  '─': '-',
  '│': '|',
  '▾': '-',
  '▸': '+',
  '✔': '+',
  '✘': 'x',
  '•': '*',
  '×': 'x',
};

/** For terminals without UTF-8: known symbols get ASCII stand-ins, anything else becomes "?". */
export function toAscii(s: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII is every code unit from NUL to DEL
  return s.replace(/[^\x00-\x7f]/gu, (c) => ASCII_MAP[c] ?? '?');
}

/** Replace tabs and control characters so a line has a predictable width. */
export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters would make a line's width unpredictable
  return s.replace(/\t/g, '  ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
}

/** Cut to at most `width` columns (ASCII-ish; wide characters are rare in conf files). */
export function fit(s: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (s.length <= width) return s;
  return s.slice(0, Math.max(0, width - ellipsis.length)) + ellipsis;
}
