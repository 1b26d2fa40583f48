// Thin wrapper around Debian's `pcre2test` (package pcre2-utils), used as the oracle for
// packages/core/src/dialplan/regex.ts. Patterns are passed with the `hex` modifier, so no delimiter
// or escaping issue can change what PCRE2 sees, and any byte (UTF-8 of the JS string) is allowed.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The pcre2test binary; override with the PCRE2TEST environment variable. */
const BIN = process.env['PCRE2TEST'] ?? 'pcre2test';

export interface OracleInput {
  pattern: string;
  caseless?: boolean;
  dotall?: boolean;
}

export interface OracleResult {
  ok: boolean;
  captureCount?: number;
  code?: number;
  /** Byte offset reported by PCRE2. */
  offset?: number;
  message?: string;
}

/** The version line of `pcre2test -C`, or undefined when pcre2test cannot be run. */
export function pcre2testVersion(): string | undefined {
  const r = spawnSync(BIN, ['-C'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const m = /PCRE2 version (\S+)/.exec(r.stdout);
  return m ? m[1] : 'unknown';
}

export const PCRE2TEST_MISSING =
  'pcre2test not found: install Debian package pcre2-utils (apt-get install -y pcre2-utils); ' + 'the differential regex tests need it and must not be skipped';

/** Compile every pattern with pcre2test (8-bit, no UTF, like FreeSWITCH) and report the outcome. */
export function runPcre2test(inputs: readonly OracleInput[]): OracleResult[] {
  if (inputs.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'fsconf-pcre2-'));
  try {
    const inFile = join(dir, 'in.txt');
    const outFile = join(dir, 'out.txt');
    const lines: string[] = [];
    for (const inp of inputs) {
      const hex = Buffer.from(inp.pattern, 'utf8').toString('hex');
      // pcre2test lowers the nesting limit to 220 for its own stack; FreeSWITCH passes no compile
      // context, so PCRE2's default of 250 applies.
      const mods = ['hex', 'info', 'parens_nest_limit=250'];
      if (inp.caseless) mods.push('caseless');
      if (inp.dotall) mods.push('dotall');
      lines.push(`/${hex}/${mods.join(',')}`, '');
    }
    writeFileSync(inFile, lines.join('\n') + '\n');
    const r = spawnSync(BIN, ['-q', inFile, outFile], { encoding: 'utf8' });
    if (r.error) throw new Error(`${PCRE2TEST_MISSING} (${r.error.message})`);
    const out = readFileSync(outFile, 'latin1').split('\n');
    const results: Array<OracleResult | undefined> = inputs.map(() => undefined);
    let k = -1;
    const echo = /^\/[0-9a-f]*\/hex,info/;
    for (const line of out) {
      if (echo.test(line)) {
        k++;
        continue;
      }
      if (k < 0 || k >= inputs.length || results[k] !== undefined) continue;
      const fail = /^Failed: error (\d+) at offset (\d+): (.*)$/.exec(line);
      if (fail) {
        results[k] = { ok: false, code: Number(fail[1]), offset: Number(fail[2]), message: fail[3] };
        continue;
      }
      const cap = /^Capture group count = (\d+)/.exec(line);
      if (cap) results[k] = { ok: true, captureCount: Number(cap[1]) };
    }
    return results.map((x, i) => {
      if (!x) throw new Error(`pcre2test gave no verdict for pattern #${i}: ${JSON.stringify(inputs[i]!.pattern)}`);
      return x;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface MatchOracleInput extends OracleInput {
  subjects: string[];
}

/** One subject's result: null = no match, else the groups as pcre2test prints them (undefined = unset). */
export type MatchOracle = (string | undefined)[] | null;

/** pcre2test's way of printing a captured byte string (non-UTF mode): printable ASCII as is, else \xhh. */
export function pcre2Printable(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 32 && b <= 126 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}

/** Match every subject (non-empty; each byte written as \xhh) against its pattern with pcre2test. */
export function runPcre2Match(inputs: readonly MatchOracleInput[]): MatchOracle[][] {
  const dir = mkdtempSync(join(tmpdir(), 'fsconf-pcre2m-'));
  try {
    const inFile = join(dir, 'in.txt');
    const outFile = join(dir, 'out.txt');
    const lines: string[] = [];
    for (const inp of inputs) {
      const mods = ['hex', 'parens_nest_limit=250'];
      if (inp.caseless) mods.push('caseless');
      if (inp.dotall) mods.push('dotall');
      lines.push(`/${Buffer.from(inp.pattern, 'utf8').toString('hex')}/${mods.join(',')}`);
      for (const s of inp.subjects) lines.push([...Buffer.from(s, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''));
      lines.push('');
    }
    writeFileSync(inFile, lines.join('\n') + '\n');
    const r = spawnSync(BIN, ['-q', inFile, outFile], { encoding: 'utf8' });
    if (r.error) throw new Error(`${PCRE2TEST_MISSING} (${r.error.message})`);
    const out = readFileSync(outFile, 'latin1').split('\n');
    const results: MatchOracle[][] = inputs.map(() => []);
    let k = -1;
    let cur: MatchOracle | undefined;
    const flush = (): void => {
      if (cur !== undefined && k >= 0) results[k]!.push(cur);
      cur = undefined;
    };
    for (const line of out) {
      if (/^\/[0-9a-f]*\/hex/.test(line)) {
        flush();
        k++;
        continue;
      }
      if (/^(\\x[0-9a-f]{2})+$/.test(line)) {
        flush();
        continue;
      }
      if (line === 'No match') {
        cur = null;
        continue;
      }
      const g = /^ ?(\d+): (.*)$/.exec(line);
      if (g && cur !== null) {
        cur ??= [];
        (cur as (string | undefined)[])[Number(g[1])] = g[2] === '<unset>' ? undefined : g[2];
      }
    }
    flush();
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
