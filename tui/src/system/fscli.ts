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

/** Where the switch's event socket listens, as the tree's event_socket.conf.xml says (fsconf.eslConnection). */
export interface EslTarget {
  host: string;
  port: number;
  /** undefined: the tree's password is not known (a variable fsconf cannot read): fs_cli's own default */
  password?: string;
}

export interface FsCli {
  /** Absolute path of fs_cli, or undefined when it is not on PATH. */
  find(): string | undefined;
  /** Runs `fs_cli [-H host -P port -p password] -x <command>`. */
  run(command: string, target?: EslTarget): Promise<CommandResult>;
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
function fsCliArgs(command: string, target?: EslTarget): string[] {
  // the tree's own host, port and password: fs_cli keeps working after the ESL password was changed
  const conn = target ? ['-H', target.host, '-P', String(target.port), ...(target.password !== undefined ? ['-p', target.password] : [])] : [];
  return [...conn, '-x', command];
}

/** How the command is shown to the user (shell-quoted for copy and paste; the password masked). */
export function showCommand(command: string, target?: EslTarget): string {
  const conn = target ? `-H ${shellQuote(target.host)} -P ${target.port}${target.password !== undefined ? ' -p ********' : ''} ` : '';
  return `fs_cli ${conn}-x ${shellQuote(command)}`;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function realFsCli(env: NodeJS.ProcessEnv = process.env, timeout = 15000): FsCli {
  return {
    find: () => findOnPath('fs_cli', env),
    run(command, target) {
      const bin = findOnPath('fs_cli', env);
      if (!bin) return Promise.resolve({ code: null, stdout: '', stderr: '', error: 'fs_cli is not on PATH' });
      return new Promise((resolve) => {
        execFile(bin, fsCliArgs(command, target), { timeout, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8', env }, (err, stdout, stderr) => {
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
