/**
 * FreeSWITCH's fs_cli: found on PATH, always run with execFile (never a shell), one `-x` command at a time.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

export interface CommandResult {
  /** exit status; null when it could not run or was killed */
  code: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

export interface FsCli {
  /** Absolute path of fs_cli, or undefined when it is not on PATH. */
  find(): string | undefined;
  /** Runs `fs_cli -x <command>`. */
  run(command: string): Promise<CommandResult>;
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      if (!statSync(p).isFile()) continue;
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The argument vector fs_cli gets for a command — also what the UI shows. */
export function fsCliArgs(command: string): string[] {
  return ['-x', command];
}

/** How the command is shown to the user (shell-quoted for copy and paste). */
export function showCommand(command: string): string {
  return `fs_cli -x ${shellQuote(command)}`;
}

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function realFsCli(env: NodeJS.ProcessEnv = process.env, timeout = 15000): FsCli {
  return {
    find: () => findOnPath('fs_cli', env),
    run(command) {
      const bin = findOnPath('fs_cli', env);
      if (!bin) return Promise.resolve({ code: null, stdout: '', stderr: '', error: 'fs_cli is not on PATH' });
      return new Promise((resolve) => {
        execFile(bin, fsCliArgs(command), { timeout, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8', env }, (err, stdout, stderr) => {
          if (err && typeof (err as NodeJS.ErrnoException).code === 'string') {
            resolve({ code: null, stdout, stderr, error: `cannot run ${bin}: ${err.message}` });
            return;
          }
          const killed = err && (err as { killed?: boolean }).killed;
          resolve({
            code: err ? ((err as { code?: number }).code ?? null) : 0,
            stdout,
            stderr,
            ...(killed ? { error: `fs_cli did not finish within ${timeout / 1000} s` } : {}),
          });
        });
      });
    },
  };
}
