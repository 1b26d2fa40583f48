/**
 * Editor settings go through the same validateConfig as .fsconf.yaml (issue 18): a misspelled rule id in
 * the client's `fsconf.rules` is named in the server's log with a did-you-mean instead of doing nothing,
 * while the rule the user meant keeps publishing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TestClient, uri } from './client.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-lsp-ruleids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rule ids in editor settings', () => {
  it('a misspelled id is logged with a did-you-mean; the rule it meant still reports', async () => {
    writeFileSync(path.join(dir, 'freeswitch.xml'), '<document type="freeswitch/xml">\n  <X-PRE-PROCESS cmd="inlcude" data="vars.xml"/>\n</document>\n');
    const c = new TestClient();
    try {
      await c.initialize(dir, { initializationOptions: { settings: { rules: { 'preprocess/unknown-cdm': 'off' } } } });
      await c.waitForAnalysis(0);
      expect(
        c.logs.filter((l) => l.includes('rules.preprocess/unknown-cdm: unknown rule id "preprocess/unknown-cdm": did you mean preprocess/unknown-cmd?')),
      ).toHaveLength(1);
      expect(c.diagnostics.get(uri(path.join(dir, 'freeswitch.xml')))!.map((d) => d.code)).toContain('preprocess/unknown-cmd');
    } finally {
      await c.shutdown();
    }
  });
});
