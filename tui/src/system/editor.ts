/**
 * `E`: run $VISUAL / $EDITOR on a file at a line, with the terminal handed over to it.
 * The command is split on spaces (no shell), so EDITOR="code -w" works.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface EditorResult {
  ok: boolean;
  message?: string;
}

export function editorCommand(env: NodeJS.ProcessEnv, file: string, line: number): { bin: string; args: string[] } {
  const spec = (env.VISUAL || env.EDITOR || 'vi').trim().split(/\s+/);
  const bin = spec[0]!;
  const name = path.basename(bin);
  const extra = spec.slice(1);
  if (name === 'code' || name === 'codium' || name === 'code-insiders') return { bin, args: [...extra, '-g', `${file}:${line}`] };
  if (name === 'subl' || name === 'hx' || name === 'helix') return { bin, args: [...extra, `${file}:${line}`] };
  return { bin, args: [...extra, `+${line}`, file] };
}

export interface TerminalControl {
  /** Leave the alternate screen and raw mode. */
  suspend(): void;
  /** Take the terminal back and redraw. */
  resume(): void;
}

export function runEditor(env: NodeJS.ProcessEnv, term: TerminalControl, file: string, line: number): EditorResult {
  const { bin, args } = editorCommand(env, file, line);
  term.suspend();
  try {
    const r = spawnSync(bin, args, { stdio: 'inherit', env });
    if (r.error) return { ok: false, message: `cannot run ${bin}: ${r.error.message} — set $EDITOR` };
    if (r.status !== 0) return { ok: false, message: `${bin} exited with status ${r.status ?? r.signal}` };
    return { ok: true };
  } finally {
    term.resume();
  }
}
