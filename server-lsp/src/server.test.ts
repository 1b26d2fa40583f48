/**
 * The server in-process (over in-memory streams), for what needs access to core's internals:
 * a rule that throws is logged once and the other rules still publish; a hover provider that throws is
 * logged with its name and document and the hover still answers.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PassThrough } from 'node:stream';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { hoverProviders, ruleById } from '@fsconf/core';
import { startServer } from './server.js';
import { pathToUri } from './paths.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-inproc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server in-process', () => {
  it('logs a throwing rule once and still publishes the other rules', async () => {
    const root = path.join(dir, 'conf');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'freeswitch.xml'), '<document>\n  <X-PRE-PROCESS cmd="inlcude" data="vars.xml"/>\n</document>\n');
    // the rule list is read-only: make one rule of it throw for this test
    const broken = vi.spyOn(ruleById('xml/strict')!, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConn = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConn, { version: 'test' });
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const logs: string[] = [];
    const diags = new Map<string, { code?: unknown }[]>();
    let analyses = 0;
    client.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
    });
    client.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code?: unknown }[] }) => {
      diags.set(p.uri, p.diagnostics);
    });
    client.onNotification('fsconf/analysisDone', () => {
      analyses++;
    });
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: pathToUri(root), capabilities: {} });
      await client.sendNotification('initialized', {});
      const until = async (pred: () => boolean) => {
        for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 25));
        expect(pred()).toBe(true);
      };
      await until(() => analyses >= 1);
      expect(diags.get(pathToUri(path.join(root, 'freeswitch.xml')))!.map((d) => d.code)).toContain('preprocess/unknown-cmd');
      await client.sendRequest('workspace/executeCommand', { command: 'fsconf.lintTree', arguments: [] });
      await until(() => analyses >= 2);
      expect(logs.filter((l) => l.includes('xml/strict') && l.includes('boom'))).toHaveLength(1);
    } finally {
      broken.mockRestore();
      client.dispose();
      serverConn.dispose();
    }
  });

  it('logs a throwing hover provider with its name and the document; the request still answers', async () => {
    const root = path.join(dir, 'hover');
    mkdirSync(root, { recursive: true });
    const file = path.join(root, 'freeswitch.xml');
    const text = '<document>\n  <X-PRE-PROCESS cmd="set" data="a=b"/>\n</document>\n';
    writeFileSync(file, text);
    const brokenHover = () => {
      throw new Error('hover boom');
    };
    hoverProviders.unshift(brokenHover);
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConn = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConn, { version: 'test' });
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const logs: string[] = [];
    client.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
    });
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: pathToUri(root), capabilities: {} });
      await client.sendNotification('initialized', {});
      const uri = pathToUri(file);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text } });
      // on "set": the pre-processor's hover answers after the broken provider was skipped
      const h = await client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 1, character: 22 },
      });
      expect(h?.contents.value).toBeTruthy();
      await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 22 } });
      const logged = logs.filter((l) => l.includes('hover boom'));
      expect(logged).toHaveLength(1); // once per provider and document
      expect(logged[0]).toContain(`hover provider brokenHover failed on ${file}`);
    } finally {
      hoverProviders.splice(hoverProviders.indexOf(brokenHover), 1);
      client.dispose();
      serverConn.dispose();
    }
  });
});
