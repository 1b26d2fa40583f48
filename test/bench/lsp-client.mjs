// A minimal LSP client over stdio for the benchmarks (the tests use test/lsp/client.ts).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const server = path.join(repo, 'server-lsp/dist/main.js');

export const uri = (p) => 'file://' + p.split('/').map(encodeURIComponent).join('/');
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
export const line = (name, value, unit, target) => console.log(`${name}: ${value} ${unit}${target ? ` (target ${target})` : ''}`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function start() {
  // LSP_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server
  const nodeArgs = (process.env.LSP_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const listeners = new Set();
  const emit = (method, params) => {
    for (const l of [...listeners]) l(method, params);
  };
  conn.onNotification((method, params) => emit(method, params));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const next = (pred, timeoutMs = 60000) =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        listeners.delete(l);
        reject(new Error('timeout'));
      }, timeoutMs);
      const l = (method, params) => {
        if (!pred(method, params)) return;
        clearTimeout(t);
        listeners.delete(l);
        resolve({ method, params, at: performance.now() });
      };
      listeners.add(l);
    });
  const initialize = async (root) => {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: 'conf' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
    });
    await conn.sendNotification('initialized', {});
  };
  const stop = async () => {
    try {
      await Promise.race([conn.sendRequest('shutdown'), sleep(3000)]);
      await conn.sendNotification('exit');
    } catch {
      // gone
    }
    await Promise.race([new Promise((r) => proc.once('exit', r)), sleep(3000)]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
    conn.dispose();
  };
  const rssMB = () => {
    const s = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(s);
    return m ? Number(m[1]) / 1024 : NaN;
  };
  return { proc, conn, next, initialize, stop, rssMB };
}

export const isDone = (m) => m === 'fsconf/analysisDone';
