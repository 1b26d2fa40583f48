/**
 * A stream of random edits to an open document: every edit gets its publishDiagnostics and the server
 * stays up. Fixed seed in CI; FSCONF_FUZZ_RUNS raises the count (npm run fuzz).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';
import { TestClient, uri } from './client.js';

const EDITS = Math.max(40, Math.floor(Number(process.env.FSCONF_FUZZ_RUNS ?? 60)));
const SEED = Number(process.env.FSCONF_FUZZ_SEED ?? 20261123);
const SNIPPETS = [
  '<',
  '>',
  '"',
  '&',
  '$${',
  '}',
  '<!--',
  '-->',
  '</extension>',
  '<condition field="x" expression="(">',
  '<X-PRE-PROCESS cmd="set" data="a=b"/>',
  '\n',
  '\u0000',
  'ü',
  '😀',
];

describe('language server under a stream of random edits', () => {
  const source = path.join(CORPUS, 'vanilla/dialplan/default.xml');
  const dir = writeTree({
    'freeswitch.xml': '<document>\n  <section name="dialplan">\n    <X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/>\n  </section>\n</document>\n',
    'dialplan/default.xml': fs.readFileSync(source, 'utf8'),
  });
  const file = path.join(dir, 'dialplan/default.xml');
  let c: TestClient;
  beforeAll(async () => {
    c = new TestClient();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
  });
  afterAll(async () => {
    await c.shutdown();
  });

  it(
    `${EDITS} random edits each get diagnostics (seed ${SEED})`,
    async () => {
      let text = fs.readFileSync(file, 'utf8');
      c.open(file, text);
      const edits = fc.sample(
        fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 40 }), ins: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 12 })) }),
        { seed: SEED, numRuns: EDITS },
      );
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        const since = c.published.length;
        c.change(file, [{ text }]);
        const diags = await c.nextDiagnostics(uri(file), since);
        expect(Array.isArray(diags)).toBe(true);
        expect(c.proc.exitCode).toBeNull();
      }
    },
    Math.max(180_000, EDITS * 150),
  ); // each edit waits for its diagnostics (debounce included)
});
