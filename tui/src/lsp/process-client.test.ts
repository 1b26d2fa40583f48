import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ProcessClient } from './process-client.js';
import type { ClientEvent } from './types.js';

const protocol = import.meta.resolve('vscode-languageserver-protocol/node');

/** A minimal stand-in for fsconf-lsp: publishes one diagnostic, answers commands, dies on request. */
function fakeServer(): { script: string; root: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-fake-lsp-'));
  dirs.push(dir);
  const script = path.join(dir, 'server.mjs');
  writeFileSync(
    script,
    `import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from ${JSON.stringify(protocol)};
const conn = createProtocolConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
let root = '';
conn.onRequest('initialize', (p) => {
  root = p.rootUri;
  if (p.initializationOptions?.readonly !== true) process.stderr.write('expected readonly\\n');
  return { capabilities: { executeCommandProvider: { commands: ['fsconf.treeInfo', 'crash'] } } };
});
conn.onNotification('initialized', async () => {
  const config = await conn.sendRequest('workspace/configuration', { items: [{ section: 'fsconf' }] });
  conn.sendNotification('textDocument/publishDiagnostics', { uri: root + '/vars.xml', diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1, code: 'x/y', source: 'fsconf', message: 'config=' + JSON.stringify(config) }] });
  conn.sendNotification('fsconf/analysisDone', { files: 1, errors: 1, warnings: 0, infos: 0, ms: 1 });
});
conn.onRequest('workspace/executeCommand', (p) => {
  if (p.command === 'crash') { process.stderr.write('boom: simulated crash\\n'); process.exit(3); }
  return { root, files: [] };
});
conn.onRequest('shutdown', () => null);
conn.onNotification('exit', () => process.exit(0));
conn.listen();
`,
  );
  return { script, root: dir };
}

let clients: ProcessClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients) await c.stop();
  clients = [];
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function waitFor(events: ClientEvent[], pred: (e: ClientEvent) => boolean, ms = 10000): Promise<ClientEvent> {
  return new Promise((resolve, reject) => {
    const end = Date.now() + ms;
    const poll = () => {
      const hit = events.find(pred);
      if (hit) return resolve(hit);
      if (Date.now() > end) return reject(new Error(`no such event in ${JSON.stringify(events.map((e) => e.type))}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

describe('ProcessClient', () => {
  it('initializes with the root and readonly, answers workspace/configuration with {}, and receives diagnostics', async () => {
    const { script, root } = fakeServer();
    const c = new ProcessClient({ serverPath: script, root, readonly: true });
    clients.push(c);
    const events: ClientEvent[] = [];
    await c.start();
    c.subscribe((e) => events.push(e)); // events before the first subscriber are replayed
    const d = (await waitFor(events, (e) => e.type === 'diagnostics')) as Extract<ClientEvent, { type: 'diagnostics' }>;
    expect(d.uri).toBe(`file://${root}/vars.xml`);
    expect(d.diagnostics[0]!.message).toBe('config=[{}]');
    await waitFor(events, (e) => e.type === 'analysisDone');
    expect(await c.executeCommand('fsconf.treeInfo', [])).toEqual({ root: `file://${root}`, files: [] });
  });

  it('restarts a crashed server once, then reports the second crash without a stack trace', async () => {
    const { script, root } = fakeServer();
    const c = new ProcessClient({ serverPath: script, root, readonly: true });
    clients.push(c);
    const events: ClientEvent[] = [];
    c.subscribe((e) => events.push(e));
    await c.start();
    await waitFor(events, (e) => e.type === 'analysisDone');
    await expect(c.executeCommand('crash', [])).rejects.toThrow();
    const restarted = (await waitFor(events, (e) => e.type === 'status')) as Extract<ClientEvent, { type: 'status' }>;
    expect(restarted.message).toMatch(/stopped \(exit code 3\) — boom: simulated crash; restarted it/);
    expect(events.some((e) => e.type === 'reset')).toBe(true);
    // the new server publishes again
    await waitFor(events, (e) => e.type === 'analysisDone' && events.indexOf(e) > events.indexOf(restarted));
    expect(await c.executeCommand('fsconf.treeInfo', [])).toMatchObject({ files: [] });
    await expect(c.executeCommand('crash', [])).rejects.toThrow();
    const gaveUp = (await waitFor(events, (e) => e.type === 'status' && e.level === 'error')) as Extract<ClientEvent, { type: 'status' }>;
    expect(gaveUp.message).toMatch(/stopped again .* quit with q and run fsconf again/);
    expect(gaveUp.message).not.toMatch(/\n\s+at /);
    await expect(c.hover('file:///x', { line: 0, character: 0 })).rejects.toThrow('not running');
  });

  it('reports a server that cannot start', async () => {
    const c = new ProcessClient({ serverPath: '/nonexistent/fsconf-lsp.js', root: tmpdir(), readonly: false, restarts: 0 });
    clients.push(c);
    await expect(c.start()).rejects.toThrow();
  });
});
