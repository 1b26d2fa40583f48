import { describe, expect, it } from 'vitest';
import { isUtf8Locale, toAscii, themeFromEnv } from './theme.js';
import { parseAddress } from '../dialogs/acl.js';
import { findConfDir } from '../main.js';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serverCandidates } from '../lsp/server-path.js';

describe('terminal capabilities', () => {
  it('reads UTF-8 from LC_ALL, then LC_CTYPE, then LANG', () => {
    expect(isUtf8Locale({ LANG: 'en_US.UTF-8' })).toBe(true);
    expect(isUtf8Locale({ LANG: 'C.utf8' })).toBe(true);
    expect(isUtf8Locale({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(isUtf8Locale({ LC_CTYPE: 'en_US.UTF-8', LANG: 'C' })).toBe(true);
    expect(isUtf8Locale({})).toBe(false);
  });
  it('NO_COLOR turns colours off', () => {
    expect(themeFromEnv({ NO_COLOR: '1', LANG: 'C.UTF-8' }).c('error')).toBeUndefined();
    expect(themeFromEnv({ LANG: 'C.UTF-8' }).c('error')).toBe('red');
    expect(themeFromEnv({ NO_COLOR: '' }).color).toBe(true);
  });
  it('falls back to ASCII', () => {
    expect(toAscii('✖ 2 · ⚠ 1 … é')).toBe('E 2 . W 1 ... ?');
  });
});

describe('ACL address input', () => {
  it('accepts IPv4, IPv4:port, [IPv6]:port and IPv6', () => {
    expect(parseAddress(' 192.0.2.7 ')).toEqual({ ip: '192.0.2.7' });
    expect(parseAddress('192.0.2.7:5060')).toEqual({ ip: '192.0.2.7', port: 5060 });
    expect(parseAddress('[2001:db8::1]:5061')).toEqual({ ip: '2001:db8::1', port: 5061 });
    expect(parseAddress('2001:db8::1')).toEqual({ ip: '2001:db8::1' });
    expect(parseAddress('example.com')).toBeUndefined();
  });
});

describe('start', () => {
  it('opens the first conf folder that has freeswitch.xml, else a scratch copy of the example', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'fsconf-start-'));
    const empty = path.join(base, 'etc-freeswitch');
    const conf = path.join(base, 'usr-local');
    mkdirSync(empty);
    mkdirSync(conf);
    writeFileSync(path.join(conf, 'freeswitch.xml'), '<document/>');
    expect(findConfDir([empty, conf])).toEqual({ dir: conf, example: false });
    const ex = findConfDir([empty, path.join(base, 'missing')]);
    expect(ex.example).toBe(true);
    expect(ex.notice?.message).toContain('bundled example');
    expect(ex.dir).not.toBe(path.resolve('tui/example'));
    expect(readFileSync(path.join(ex.dir, 'freeswitch.xml'), 'utf8')).toContain('<document type="freeswitch/xml">');
    expect(existsSync(path.join(ex.dir, 'sip_profiles', 'internal.xml'))).toBe(true);
    rmSync(ex.dir, { recursive: true, force: true });
    rmSync(base, { recursive: true, force: true });
  });
  it('finds the language server from the repository and honours FSCONF_LSP', () => {
    const c = serverCandidates({ FSCONF_LSP: '/opt/x/main.js' });
    expect(c[0]).toBe('/opt/x/main.js');
    expect(c.some((p) => p.endsWith(path.join('server-lsp', 'dist', 'main.js')))).toBe(true);
  });
});

describe('run() arguments', () => {
  const capture = () => {
    const out: string[] = [];
    return { out, stream: { write: (s: string) => (out.push(s), true), isTTY: false } as unknown as NodeJS.WriteStream };
  };
  it('refuses bad usage, missing folders and non-terminals with exit 2 and one line', async () => {
    const { run } = await import('../main.js');
    const stdin = { isTTY: false } as unknown as NodeJS.ReadStream;
    let e = capture();
    expect(await run(['--bogus'], { stderr: e.stream, stdout: e.stream, stdin })).toBe(2);
    expect(e.out.join('')).toContain("Unknown option '--bogus'");
    e = capture();
    expect(await run(['/nonexistent/conf'], { stderr: e.stream, stdout: e.stream, stdin })).toBe(2);
    expect(e.out.join('')).toBe('fsconf: /nonexistent/conf: no such folder\n');
    e = capture();
    expect(await run([path.resolve('package.json')], { stderr: e.stream, stdout: e.stream, stdin })).toBe(2);
    expect(e.out.join('')).toContain('is not a folder');
    e = capture();
    expect(await run([tmpdir()], { stderr: e.stream, stdout: e.stream, stdin })).toBe(2);
    expect(e.out.join('')).toContain('needs a terminal');
  });
});
