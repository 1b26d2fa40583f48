/** Starting fsconf-lsp needs nothing but child_process, so it can begin before the UI libraries load. */
import { spawn, type ChildProcess } from 'node:child_process';

export type ServerProcess = ChildProcess & { spawnError?: Error };

export function spawnServer(serverPath: string, root: string, env: NodeJS.ProcessEnv = process.env): ServerProcess {
  const child: ServerProcess = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  // until the client attaches: remember a failure instead of crashing on an unhandled 'error'
  child.once('error', (e) => {
    child.spawnError = e;
  });
  child.stdin!.on('error', () => undefined);
  return child;
}
