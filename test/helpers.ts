import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
/** FreeSWITCH's shipped configuration trees, copied in (MPL-1.1, see corpus/freeswitch/SOURCE.md). */
export const CORPUS = path.join(REPO, 'test', 'corpus', 'freeswitch');
/** Facts read from FreeSWITCH's source (ACL vectors, params, apps). */
export const REFERENCE = path.join(REPO, 'test', 'reference');
export const CLI = path.join(REPO, 'packages', 'cli', 'dist', 'main.js');
export const LSP = path.join(REPO, 'server-lsp', 'dist', 'main.js');

export function fsconf(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    input: opts.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
