/**
 * fsconf's terminal UI. `run(argv)` is what `fsconf [confdir] [--readonly] [--no-backup]` calls:
 * it finds the conf tree, starts fsconf-lsp, renders the app full screen and returns an exit code.
 * The server is spawned first and the UI libraries are loaded while it analyses.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveServerPath, serverCandidates } from './lsp/server-path.js';
import { spawnServer } from './lsp/spawn.js';
import { exampleDir, loadRender } from './host.js';
import type { FsconfClient } from './lsp/types.js';
import type { Status } from './ui/components.js';

export type { FsconfClient } from './lsp/types.js';

export const DEFAULT_CONF_DIRS = ['/etc/freeswitch', '/usr/local/freeswitch/conf'];

const USAGE = 'usage: fsconf [confdir] [--readonly] [--no-backup]';

export interface ConfChoice {
  dir: string;
  notice?: Status;
  example: boolean;
}

function isConfDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && existsSync(path.join(dir, 'freeswitch.xml'));
  } catch {
    return false;
  }
}

/** `fsconf` with no folder: the first of /etc/freeswitch, /usr/local/freeswitch/conf, else the example. */
export function findConfDir(candidates: string[] = DEFAULT_CONF_DIRS, example = exampleDir()): ConfChoice {
  for (const c of candidates) if (isConfDir(c)) return { dir: c, example: false };
  // The bundled example is opened from a scratch copy so that trying a fix never alters the package.
  let dir = example;
  let where = `${path.relative(process.cwd(), example) || example}`;
  try {
    dir = mkdtempSync(path.join(tmpdir(), 'fsconf-example-'));
    cpSync(example, dir, { recursive: true });
    where = `a scratch copy in ${dir}`;
  } catch {
    dir = example;
  }
  return {
    dir,
    example: true,
    notice: {
      level: 'info',
      message: `showing the bundled example (${where}): no FreeSWITCH configuration in ${candidates.join(' or ')}; run fsconf <confdir> for yours`,
    },
  };
}

export { renderModule } from './host.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  /** for tests and benchmarks: use this client instead of spawning fsconf-lsp */
  client?: FsconfClient;
  candidates?: string[];
}

export async function run(argv: string[], opts: RunOptions = {}): Promise<number> {
  const env = opts.env ?? process.env;
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  const fail = (msg: string) => {
    stderr.write(`fsconf: ${msg}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { readonly: { type: 'boolean', default: false }, 'no-backup': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  if (parsed.values.help) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length > 1) return fail(`one conf folder at most\n${USAGE}`);
  let choice: ConfChoice | undefined;
  if (parsed.positionals[0] !== undefined) {
    const dir = path.resolve(parsed.positionals[0]);
    let st;
    try {
      st = statSync(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return fail(
        code === 'EACCES' ? `${dir}: permission denied — run as a user who may read it (e.g. sudo -u freeswitch fsconf ${dir})` : `${dir}: no such folder`,
      );
    }
    if (!st.isDirectory()) return fail(`${dir} is not a folder: give the conf folder (the one holding freeswitch.xml)`);
    choice = { dir, example: false };
    try {
      readFileSync(path.join(dir, 'freeswitch.xml'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES')
        choice.notice = {
          level: 'error',
          message: `cannot read ${dir}/freeswitch.xml: permission denied — run as a user who may read the configuration (e.g. sudo -u freeswitch)`,
        };
      else choice.notice = { level: 'info', message: `no freeswitch.xml in ${dir}: each file is checked on its own` };
    }
  }
  if (!stdin.isTTY || !stdout.isTTY) return fail('the terminal UI needs a terminal; for scripts and CI use `fsconf lint <dir>`');
  choice ??= findConfDir(opts.candidates ?? DEFAULT_CONF_DIRS);

  const readonly = !!parsed.values.readonly;
  let client = opts.client;
  if (!client) {
    const serverPath = resolveServerPath(env);
    if (!serverPath) return fail(`cannot find the language server (looked at ${serverCandidates(env).join(', ')}); run \`npm run build\``);
    const child = spawnServer(serverPath, choice.dir, env);
    const { ProcessClient } = await import('./lsp/process-client.js');
    client = new ProcessClient({ serverPath, root: choice.dir, readonly, env, child });
    client.start().catch(() => undefined); // failures are reported by the app
  }
  // React's development build is several times slower per render
  process.env.NODE_ENV ??= 'production';
  try {
    const { renderApp } = await loadRender();
    return await renderApp({ client, root: choice.dir, readonly, backup: !parsed.values['no-backup'], notice: choice.notice, env, stdin, stdout, stderr });
  } finally {
    await client.stop().catch(() => undefined);
  }
}
