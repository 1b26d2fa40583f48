/**
 * The shipped artefacts, built the way a release is (`npm run pack`, `npm run sea`), and small helpers to
 * run them as separate processes: an LSP round trip over stdio, and the terminal UI in tmux.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { REPO } from '../helpers.js';

export const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
export const TARBALL = path.join(REPO, 'dist', `fsconf-${VERSION}.tgz`);
export const BINARY = path.join(REPO, 'dist', `fsconf-${process.platform}-${process.arch}`);

function script(name: string, args: string[] = []): string {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', name), ...args], { cwd: REPO, encoding: 'utf8', timeout: 600000 });
  if (r.status !== 0) throw new Error(`scripts/${name} failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** `npm run pack` (the knowledge base is already built by `npm test`'s build). */
export function buildPackage(): string {
  return script('pack.mjs');
}

/** `npm run sea`: rebuilt only when the bundle or Node changed (scripts/sea.mjs keeps a content hash). */
export function buildBinary(): string {
  return script('sea.mjs');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string }): Run {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? REPO, env: opts.env, encoding: 'utf8', input: '', maxBuffer: 64 << 20, timeout: 120000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const uri = (p: string): string => 'file://' + p.split('/').map(encodeURIComponent).join('/');

/**
 * Start a language server (`cmd args`, e.g. `fsconf-lsp --stdio`), initialize it on `root` and wait for
 * the diagnostics it publishes for `file`; then shut it down.
 */
export async function lspRoundTrip(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  root: string,
  file: string,
): Promise<{ init: InitializeResult; diagnostics: Diagnostic[]; exitCode: number | null; stderr: string }> {
  const proc = spawn(cmd, args, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  const published = new Promise<Diagnostic[]>((resolve) => {
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      if (p.uri === uri(file)) resolve(p.diagnostics);
    });
  });
  conn.listen();
  try {
    const init = (await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: 'conf' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    })) as InitializeResult;
    await conn.sendNotification('initialized', {});
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics for ${file} within 60 s; stderr:\n${stderr}`)), 60000));
    const diagnostics = await Promise.race([published, timeout]);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    const exitCode = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 10000))]);
    return { init, diagnostics, exitCode, stderr };
  } finally {
    conn.dispose();
    proc.kill();
  }
}
