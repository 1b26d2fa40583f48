/**
 * Hostile inputs through the real CLI: each costs bounded time and memory (the process runs with a 512 MB
 * heap cap and a time limit) and yields a diagnostic where one makes sense, never a crash or a hang.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, type JsonFinding } from '../helpers.js';

function lintBounded(target: string, seconds = 20) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', CLI, 'lint', target, '--format', 'json'], {
    encoding: 'utf8',
    timeout: seconds * 1000,
    maxBuffer: 256 << 20,
  });
  const ms = Date.now() - started;
  return { code: r.status, signal: r.signal, stderr: r.stderr, ms, findings: r.status === 0 || r.status === 1 ? (JSON.parse(r.stdout) as JsonFinding[]) : [] };
}

function tree(name: string, files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fsconf-hostile-${name}-`));
  for (const [f, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), data);
  }
  return dir;
}

const ok = (r: ReturnType<typeof lintBounded>) => {
  expect(r.signal, r.stderr).toBeNull();
  expect([0, 1], r.stderr).toContain(r.code);
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
};

describe('hostile inputs', () => {
  it('a 50 MB file: reported as over the size limit, not read', () => {
    const line = `  <param name="x" value="${'a'.repeat(80)}"/>\n`;
    const dir = tree('big', { 'freeswitch.xml': '<document>\n' + line.repeat(Math.ceil((50 << 20) / line.length)) + '</document>\n' });
    const r = lintBounded(dir);
    ok(r);
    expect(r.findings.map((f) => f.rule)).toEqual(['xml/unreadable']);
    expect(r.findings[0]!.message).toMatch(/larger than the 16 MiB limit/);
  });

  it('100 000 nested elements', () => {
    const dir = tree('nested', { 'freeswitch.xml': '<a>'.repeat(100000) + '</a>'.repeat(100000) });
    const r = lintBounded(dir);
    ok(r);
    expect(r.ms).toBeLessThan(10000);
  });

  it('1 000 000 attributes on one element', () => {
    const attrs = Array.from({ length: 1000000 }, (_, i) => `x${i}="1"`).join(' ');
    const r = lintBounded(tree('attrs', { 'freeswitch.xml': `<a ${attrs}/>` }));
    ok(r);
    expect(r.ms).toBeLessThan(15000);
  });

  it('two million bare ampersands in one value stay linear (findings capped)', () => {
    const r = lintBounded(tree('amps', { 'freeswitch.xml': `<a b="${'&'.repeat(2000000)}"/>` }));
    ok(r);
    expect(r.findings.length).toBeLessThanOrEqual(1000);
  });

  it('include cycles and self-includes are reported and terminate', () => {
    const dir = tree('cycle', {
      'freeswitch.xml': '<document>\n  <X-PRE-PROCESS cmd="include" data="a.xml"/>\n  <X-PRE-PROCESS cmd="include" data="freeswitch.xml"/>\n</document>\n',
      'a.xml': '<include>\n  <X-PRE-PROCESS cmd="include" data="b.xml"/>\n</include>\n',
      'b.xml': '<include>\n  <X-PRE-PROCESS cmd="include" data="a.xml"/>\n</include>\n',
    });
    const r = lintBounded(dir);
    ok(r);
    const cycles = r.findings
      .filter((f) => f.rule === 'preprocess/include-cycle')
      .map((f) => `${path.basename(f.file)}:${f.line}`)
      .sort();
    expect(cycles).toEqual(['b.xml:2', 'freeswitch.xml:3']);
  });

  it('includes of /dev/zero, a FIFO, a directory, a symlink loop and an unreadable file', () => {
    const dir = tree('special', {
      'freeswitch.xml':
        ['/dev/zero', 'fifo.xml', 'dir.xml', 'loop/*.xml', 'secret.xml'].map((d) => `<X-PRE-PROCESS cmd="include" data="${d}"/>`).join('\n') +
        '\n<document/>\n',
      'secret.xml': '<x/>\n',
    });
    spawnSync('mkfifo', [path.join(dir, 'fifo.xml')]);
    fs.mkdirSync(path.join(dir, 'dir.xml'));
    fs.symlinkSync('.', path.join(dir, 'loop'));
    fs.chmodSync(path.join(dir, 'secret.xml'), 0);
    const r = lintBounded(dir);
    ok(r);
    const msgs = r.findings.map((f) => `${f.rule}: ${f.message}`).join('\n');
    expect(msgs).toMatch(/dev\/zero: not a regular file/);
    expect(msgs).toMatch(/fifo\.xml: not a regular file/);
    expect(msgs).toMatch(/dir\.xml is a directory/);
    expect(msgs).toMatch(/include-cycle/);
    if (process.getuid?.() !== 0) expect(msgs).toMatch(/permission denied/);
  });

  it('$${a} defined through 10 000 chained variables', () => {
    const lines = ['<document>', '<X-PRE-PROCESS cmd="set" data="v0=x"/>'];
    for (let i = 1; i < 10000; i++) lines.push(`<X-PRE-PROCESS cmd="set" data="v${i}=$\${v${i - 1}}"/>`);
    lines.push('<X-PRE-PROCESS cmd="include" data="$${v9999}.xml"/>', '</document>', '');
    const dir = tree('chain', { 'freeswitch.xml': lines.join('\n'), 'x.xml': '<include>\n  <X-PRE-PROCESS cmd="inlcude" data="y"/>\n</include>\n' });
    const r = lintBounded(dir);
    ok(r);
    // the chain resolved to "x": x.xml was included and analysed
    expect(r.findings.some((f) => f.file.endsWith('x.xml') && f.rule === 'preprocess/unknown-cmd')).toBe(true);
  });

  it('billion-laughs entity declarations are never expanded', () => {
    let dtd = '<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n';
    for (let i = 1; i < 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">\n`;
    const r = lintBounded(tree('laughs', { 'freeswitch.xml': `${dtd}]>\n<lolz>&lol9;</lolz>\n` }));
    ok(r);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a binary file with an .xml name', () => {
    const bytes = Buffer.alloc(100000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const r = lintBounded(tree('binary', { 'freeswitch.xml': bytes }));
    ok(r);
    expect(r.findings.map((f) => f.rule)).toEqual(['xml/unreadable']);
  });
});
