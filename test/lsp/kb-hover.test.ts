/**
 * The knowledge base through the real language server: hover on amrwb `default-bitrate`, on amr `volte`,
 * completion of profile params inside a sofia `<settings>` (also in a file being typed), application
 * completion and cti.json hover - all over the protocol, as an editor sees them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS, LSP } from '../helpers.js';
import { positionOf, TestClient } from './client.js';

const VANILLA = path.join(CORPUS, 'vanilla');

function items(r: Awaited<ReturnType<TestClient['completion']>>): { label: string; detail?: string }[] {
  return Array.isArray(r) ? r : (r?.items ?? []);
}

beforeAll(() => {
  if (!existsSync(LSP)) throw new Error(`${LSP} is missing: build first (npx tsc -b server-lsp)`);
});

describe('knowledge base over LSP (vanilla tree)', () => {
  const amrwb = path.join(VANILLA, 'autoload_configs/amrwb.conf.xml');
  const amr = path.join(VANILLA, 'autoload_configs/amr.conf.xml');
  const internal = path.join(VANILLA, 'sip_profiles/internal.xml');
  let c: TestClient;

  beforeAll(async () => {
    c = new TestClient();
    await c.initialize(VANILLA);
    await c.waitForAnalysis(0);
  });
  afterAll(async () => {
    await c.shutdown();
  });

  it('hover on amrwb default-bitrate value 8 names 23.85 kbit/s and the full mode table', async () => {
    const text = readFileSync(amrwb, 'utf8');
    c.open(amrwb, text);
    const h = await c.hover(amrwb, positionOf(text, '<param name="default-bitrate" value="8"', '<param name="default-bitrate" value="'.length));
    const md = h?.contents.value ?? '';
    expect(h?.contents.kind).toBe('markdown');
    expect(md.split('\n')[0]).toMatch(/^\*\*default-bitrate\*\* — /);
    expect(md).toContain('Mode 8 = **23.85 kbit/s**');
    for (const rate of ['6.60', '8.85', '12.65', '14.25', '15.85', '18.25', '19.85', '23.05']) expect(md).toContain(`| ${rate} |`);
    expect(md).toContain('| **8** | **23.85** |');
    expect(md).toContain('| 0 | 6.60 |');
  });

  it('hover on amr volte says words are read as 0', async () => {
    const text = readFileSync(amr, 'utf8');
    c.open(amr, text);
    const h = await c.hover(amr, positionOf(text, 'name="volte"', 'name="v'.length));
    expect(h?.contents.value).toMatch(/^\*\*volte\*\* — /);
    expect(h?.contents.value).toMatch(/words are read as 0/);
  });

  it('completion inside a sofia <settings> offers apply-inbound-acl and not params already set', async () => {
    const text = readFileSync(internal, 'utf8');
    // a new, still empty param right after <settings>
    const edited = text.replace('<settings>', '<settings>\n    <param name=""/>');
    c.open(internal, edited);
    const r = items(await c.completion(internal, positionOf(edited, '<param name=""/>', '<param name="'.length)));
    const labels = r.map((i) => i.label);
    expect(labels).toContain('apply-inbound-acl');
    expect(text).toContain('name="auth-calls"');
    expect(labels).not.toContain('auth-calls');
    expect(labels).not.toContain('sip-port');
  });
});

describe('knowledge base over LSP (files being typed)', () => {
  const dirs: string[] = [];
  let c: TestClient;
  let dir: string;
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fsconf-kb-'));
    dirs.push(dir);
    write(
      'freeswitch.xml',
      `<?xml version="1.0"?>\n<document type="freeswitch/xml">\n  <section name="configuration">\n    <configuration name="sofia.conf">\n      <profiles>\n        <X-PRE-PROCESS cmd="include" data="sip_profiles/*.xml"/>\n      </profiles>\n    </configuration>\n  </section>\n  <section name="dialplan">\n    <X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/>\n  </section>\n</document>\n`,
    );
    write('sip_profiles/internal.xml', `<profile name="internal">\n  <settings>\n    <param name="auth-calls" value="true"/>\n  </settings>\n</profile>\n`);
    write('dialplan/default.xml', `<include>\n  <context name="default">\n  </context>\n</include>\n`);
    write('cti.json', `{\n  "password_minimum": 8,\n  "register_failure": { "findtime": 600, "maxretry": 5, "banmode": 0, "bantime": 3600 }\n}\n`);
    c = new TestClient();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
  });
  afterAll(async () => {
    await c.shutdown();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('completes an unclosed <param name="auth- at the end of the file', async () => {
    const prof = path.join(dir, 'sip_profiles/internal.xml');
    const typing = `<profile name="internal">\n  <settings>\n    <param name="auth-calls" value="true"/>\n    <param name="auth-`;
    c.open(prof, typing);
    const labels = items(await c.completion(prof, { line: 3, character: 22 })).map((i) => i.label);
    expect(labels).toContain('auth-calls-acl-only');
    expect(labels).not.toContain('auth-calls');
  });

  it('completes true/false for a boolean value and application names with their syntax', async () => {
    const prof = path.join(dir, 'sip_profiles/internal.xml');
    const typing = `<profile name="internal">\n  <settings>\n    <param name="accept-blind-reg" value="`;
    c.change(prof, [{ text: typing }]);
    const values = items(await c.completion(prof, { line: 2, character: typing.split('\n')[2]!.length })).map((i) => i.label);
    expect(values).toEqual(expect.arrayContaining(['true', 'false']));

    const dp = path.join(dir, 'dialplan/default.xml');
    const text = `<include>\n  <context name="default">\n    <extension name="x">\n      <condition field="destination_number" expression="^1$">\n        <action application="play`;
    c.open(dp, text);
    const apps = items(await c.completion(dp, { line: 4, character: text.split('\n')[4]!.length }));
    const pb = apps.find((i) => i.label === 'playback');
    expect(pb?.detail).toMatch(/^playback /);
  });

  it('hovers cti.json keys', async () => {
    const cti = path.join(dir, 'cti.json');
    const text = readFileSync(cti, 'utf8');
    c.open(cti, text);
    const h = await c.hover(cti, positionOf(text, '"banmode"', 2));
    expect(h?.contents.value).toMatch(/^\*\*register_failure\.banmode\*\* — /);
    expect(h?.contents.value).toContain('Value `0`: ban the source IP address');
  });
});
