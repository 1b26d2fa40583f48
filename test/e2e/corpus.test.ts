import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { CORPUS, fsconf, type JsonFinding } from '../helpers.js';

/** The whole shipped corpus through the real CLI process: no crash, and what it reports is true. */
describe("fsconf lint over FreeSWITCH's own configuration corpus", () => {
  const run = fsconf(['lint', CORPUS, '--format', 'json'], { cwd: CORPUS });
  const findings = (): JsonFinding[] => JSON.parse(run.stdout) as JsonFinding[];

  it('lints every tree (600 files) without a crash or a usage/I/O exit', () => {
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    expect(Array.isArray(findings())).toBe(true);
  });

  it('xml/not-well-formed: nowhere in the conf trees, and at mod_sofia sofia.conf.xml line 222', () => {
    const nwf = findings().filter((f) => f.rule === 'xml/not-well-formed');
    expect(nwf.map((f) => `${f.file}:${f.line}`)).toEqual(['modules/mod_sofia/conf/sofia.conf.xml:222']);
  });

  it('xml/strict at the three known typos', () => {
    const strict = findings()
      .filter((f) => f.rule === 'xml/strict')
      .map((f) => `${f.file}:${f.line}`);
    for (const where of [
      'modules/mod_http_cache/conf/dialplan/http_cache.xml:2',
      'modules/mod_sofia/test/conf-nuafail/freeswitch.xml:97',
      'tests-unit/conf_eavesdrop/freeswitch.xml:150',
    ]) {
      expect(strict).toContain(where);
    }
  });

  it('every finding points inside its file', async () => {
    const { readFileSync } = await import('node:fs');
    for (const f of findings()) {
      const lines = readFileSync(path.join(CORPUS, f.file), 'latin1').split('\n');
      expect(f.line, `${f.file}:${f.line}`).toBeLessThanOrEqual(lines.length);
      expect(f.column).toBeGreaterThanOrEqual(1);
    }
  });
});
