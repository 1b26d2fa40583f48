/** Starting fsconf-lsp needs nothing but child_process, so it can begin before the UI libraries load. */
import { spawn, type ChildProcess } from 'node:child_process';

export type ServerProcess = ChildProcess & { spawnError?: Error };

/**
 * The server is a script run by this Node (`node <serverPath> --stdio`), or, when it is this very program
 * (the fsconf single binary, which has no separate server file), `<binary> lsp --stdio`.
 */
function serverCommand(serverPath: string): { command: string; args: string[] } {
  if (serverPath === process.execPath) return { command: serverPath, args: ['lsp', '--stdio'] };
  return { command: process.execPath, args: [serverPath, '--stdio'] };
}

export function spawnServer(serverPath: string, root: string, env: NodeJS.ProcessEnv = process.env): ServerProcess {
  const { command, args } = serverCommand(serverPath);
  const child: ServerProcess = spawn(command, args, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  // until the client attaches: remember a failure instead of crashing on an unhandled 'error'
  child.once('error', (e) => {
    child.spawnError = e;
  });
  child.stdin!.on('error', () => undefined);
  return child;
}
