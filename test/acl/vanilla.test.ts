/**
 * The ACL engine on FreeSWITCH's shipped configuration, through the real CLI process and the language
 * service: vanilla's `lan` example (.42 allowed because /32 beats /24), its `domains` list resolved
 * against the directory, and no false acl/* findings anywhere in the corpus.
 */
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { FsconfWorkspace, hover, NodeFileSystem } from '@fsconf/core';
import { CORPUS, fsconf, type JsonFinding } from '../helpers.js';

const VANILLA = path.join(CORPUS, 'vanilla');

describe('fsconf acl on vanilla', () => {
  it('192.168.42.42 against lan: allow, decided by the /32 node, and the reason says /32 beat /24', () => {
    const r = fsconf(['acl', '192.168.42.42', 'lan', '--conf', VANILLA]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^allow: 192\.168\.42\.42 against list "lan"/);
    expect(r.stdout).toContain('autoload_configs/acl.conf.xml:14  allow 192.168.42.42/32');
    expect(r.stdout).toContain('/32 beats /24');
    const j = JSON.parse(fsconf(['acl', '192.168.42.42', 'lan', '--conf', VANILLA, '--format', 'json']).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ verdict: 'allow', list: 'lan', decidedBy: { line: 14, cidr: '192.168.42.42/32', type: 'allow' } });
    expect((j.decidedBy as { file: string }).file.endsWith('vanilla/autoload_configs/acl.conf.xml')).toBe(true);
    expect(j.reason).toMatch(/\/32 beats \/24/);
  });

  it('the rest of 192.168.42.0/24 is denied, everything else gets the default (allow)', () => {
    const deny = fsconf(['acl', '192.168.42.41', 'lan', '--conf', VANILLA, '--format', 'json']);
    expect(deny.code).toBe(1);
    expect(JSON.parse(deny.stdout)).toMatchObject({ verdict: 'deny', decidedBy: { line: 13, cidr: '192.168.42.0/24', type: 'deny' } });
    const dflt = fsconf(['acl', '8.8.8.8', 'lan', '--conf', VANILLA, '--format', 'json']);
    expect(dflt.code).toBe(0);
    expect(JSON.parse(dflt.stdout)).toMatchObject({ verdict: 'allow', decidedBy: null });
  });

  it('domains: domain="$${domain}" resolves against the directory (brian cidr="192.0.2.0/24")', () => {
    const r = fsconf(['acl', '192.0.2.9', 'domains', '--conf', VANILLA, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { decidedBy: { file: string; line: number; token: string } };
    expect(j.decidedBy.file.endsWith('vanilla/directory/default/brian.xml')).toBe(true);
    expect(j.decidedBy.line).toBe(6);
    expect(j.decidedBy.token).toMatch(/^brian@/);
    expect(fsconf(['acl', '203.0.113.1', 'domains', '--conf', VANILLA]).code).toBe(1);
  });

  it('finds the conf root from the current folder; lists built-ins without a tree override', () => {
    const r = fsconf(['acl', '::1', 'loopback.auto'], { cwd: path.join(VANILLA, 'sip_profiles') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('built-in list loopback.auto');
    expect(fsconf(['acl', '10.0.0.1', 'nat.auto', '--conf', VANILLA, '--local-net', '10.0.0.5/8']).code).toBe(1);
    expect(fsconf(['acl', '10.0.0.1', 'nat.auto', '--conf', VANILLA, '--local-net', '192.168.1.10/255.255.255.0']).code).toBe(0);
  });

  it('usage errors and unknowable answers exit 2 with one line and no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['acl', '192.168.42.42'], /expected an address and a list name/],
      [['acl', 'not-an-ip', 'lan', '--conf', VANILLA], /"not-an-ip" is not an IPv4 or IPv6 address/],
      [['acl', '10.0.0.1', 'lan', '--conf', VANILLA, '--port', 'x'], /--port must be a number/],
      [['acl', '10.0.0.1', 'lan', '--conf', VANILLA, '--format', 'xml'], /--format must be text or json/],
      [['acl', '10.0.0.1', 'lan', '--conf', VANILLA, '--local-net', '10.0.0.1'], /--local-net must be/],
      [['acl', '10.0.0.1', 'lan', '--conf', '/nonexistent/conf'], /no such file or directory/],
      [['acl', '10.0.0.1', 'lan', '--bogus'], /Unknown option/],
      [['acl', '10.0.0.1', 'nat.auto', '--conf', VANILLA], /cannot decide: .*local network.*--local-net/],
    ];
    for (const [args, re] of cases) {
      const r = fsconf(args, { cwd: '/' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n').length).toBe(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('acl/* findings on the shipped corpus', () => {
  const run = fsconf(['lint', CORPUS, '--format', 'json'], { cwd: CORPUS });
  const acl = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.rule.startsWith('acl/'));

  it('vanilla: none (its domains list resolves against the directory: no acl/unknown-domain)', () => {
    expect(acl.filter((f) => f.file.startsWith('vanilla/'))).toEqual([]);
  });

  it('reports exactly the two true problems of the corpus', () => {
    expect(acl.map((f) => `${f.rule} ${f.file}:${f.line}`).sort()).toEqual([
      'acl/empty-list minimal/autoload_configs/acl.conf.xml:12',
      'acl/unknown-list softphone/freeswitch.xml:152',
    ]);
    // minimal's "domains" list really has no <node>: it denies everything
    const minimal = readFileSync(path.join(CORPUS, 'minimal/autoload_configs/acl.conf.xml'), 'utf8');
    expect(minimal).toMatch(/<list name="domains" default="deny">\s*<\/list>/);
    expect(acl.find((f) => f.rule === 'acl/empty-list')!.message).toContain('denies everything');
    // softphone's apply-nat-acl names "rfc1918": no such list in that tree (the built-in is rfc1918.auto)
    const softphone = readFileSync(path.join(CORPUS, 'softphone/freeswitch.xml'), 'utf8');
    expect(softphone.split('\n')[151]).toContain('<param name="apply-nat-acl" value="rfc1918"/>');
    expect(softphone).not.toMatch(/<list name="rfc1918"/);
    expect(acl.find((f) => f.rule === 'acl/unknown-list')!.message).toContain('did you mean "rfc1918.auto"?');
  });
});

describe('hover on vanilla lan says why .42 is allowed', () => {
  it('shows the /32 node first and explains /32 beats /24', () => {
    const ws = new FsconfWorkspace(new NodeFileSystem(), VANILLA);
    const file = path.join(VANILLA, 'autoload_configs/acl.conf.xml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('<list name="lan"'));
    const h = hover(ws, file, { line, character: lines[line]!.indexOf('lan') + 1 });
    const text = (h!.contents as MarkupContent).value;
    expect(text).toContain('network list `lan`');
    expect(text).toMatch(/`192\.168\.42\.42` → \*\*allow\*\*.*\/32 beats \/24/);
    expect(text.indexOf('192.168.42.42/32')).toBeLessThan(text.indexOf('192.168.42.0/24'));
  });
});
