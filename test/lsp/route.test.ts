// fsconf.route, the code lens on each extension and the exposure hover, through the real server over stdio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS } from '../helpers.js';
import { positionOf, TestClient, uri } from './client.js';
import type { RouteCallResult } from '../../server-lsp/src/protocol.js';

const VANILLA = path.join(CORPUS, 'vanilla');
const PUBLIC = path.join(VANILLA, 'dialplan', 'public.xml');
const EXTERNAL = path.join(VANILLA, 'sip_profiles', 'external.xml');

describe('fsconf.route over stdio', () => {
  const c = new TestClient();
  let caps: Awaited<ReturnType<TestClient['initialize']>>['capabilities'];
  beforeAll(async () => {
    caps = (await c.initialize(VANILLA)).capabilities;
    await c.waitForAnalysis(0);
  }, 60000);
  afterAll(async () => {
    await c.shutdown();
  });

  it('advertises fsconf.route and code lenses', () => {
    expect(caps.executeCommandProvider?.commands).toContain('fsconf.route');
    expect(caps.codeLensProvider).toBeTruthy();
  });

  it('simulates the vanilla call external 203.0.113.7 → 1000 with URIs and 0-based lines', async () => {
    const r = await c.command<RouteCallResult>('fsconf.route', { profile: 'external', from: '203.0.113.7', to: '1000', at: '2026-12-04T10:00' });
    expect(r.admission).toMatchObject({ verdict: 'admitted', authenticated: false });
    expect(r.contexts).toEqual(['public', 'default']);
    expect(r.outcome.kind).toBe('bridge');
    expect(r.outcome.endpoint).toMatch(/^user\/1000@/);
    expect(r.outcome.where).toBe('stays on the switch'); // the words the terminal UI and VS Code show
    const transfer = r.actions.find((a) => a.application === 'transfer')!;
    expect(transfer.uri).toBe(uri(PUBLIC));
    const text = readFileSync(PUBLIC, 'utf8').split('\n');
    expect(text[transfer.line]).toContain('application="transfer"');
    const challenged = await c.command<RouteCallResult>('fsconf.route', { profile: 'internal', from: '203.0.113.7', to: '1000' });
    expect(challenged.outcome.kind).toBe('challenged');
    expect(challenged.outcome.where).toBeUndefined();
    await expect(c.command('fsconf.route', { profile: 'nope', from: '1.2.3.4', to: '1' })).rejects.toThrow(/no sip profile "nope"/);
    await expect(c.command('fsconf.route', { profile: 'external' })).rejects.toThrow(/expects/);
  });

  it('a code lens "▶ simulate a call" on each extension runs fsconf.route', async () => {
    c.open(PUBLIC);
    const lenses = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(PUBLIC) } })) as {
      range: { start: { line: number } };
      command: { title: string; command: string; arguments: Record<string, unknown>[] };
    }[];
    const text = readFileSync(PUBLIC, 'utf8').split('\n');
    expect(lenses.length).toBe(text.filter((l) => /<extension\b/.test(l) && !/<!--/.test(l) && !/^\s*-->/.test(l)).length - 2); // two extensions are commented out
    const lens = lenses.find((l) => l.command.title.includes('1011'))!;
    expect(text[lens.range.start.line]).toContain('<extension name="public_extensions">');
    expect(lens.command.command).toBe('fsconf.route');
    const r = await c.command<RouteCallResult>('fsconf.route', { ...lens.command.arguments[0], at: '2026-12-04T10:00' });
    expect(r.outcome.endpoint).toMatch(/^user\/1011@/);
  });

  it("hover on the external profile's context param tells what strangers reach", async () => {
    const text = readFileSync(EXTERNAL, 'utf8');
    c.open(EXTERNAL, text);
    const h = await c.hover(EXTERNAL, positionOf(text, '<param name="context" value="public"/>', 30));
    expect(h?.contents.value).toMatch(/Callers without a password.*profile external land in context `public` and reach:/);
    expect(h?.contents.value).toMatch(/local user/);
  });
});
