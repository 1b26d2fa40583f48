import { describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { MemoryFileSystem } from '../fs.js';
import { FsconfWorkspace } from './workspace.js';
import { documentLinks, documentSymbols, foldingRanges } from './navigation.js';
import { FREESWITCH_XML_INLINE_SOFIA } from '../testing/trees.js';

const files: Record<string, string> = {
  '/conf/freeswitch.xml': FREESWITCH_XML_INLINE_SOFIA,
  '/conf/vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="default_password=hunter2"/>
  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>
  <X-PRE-PROCESS cmd="exec-set" data="hostname=hostname"/>
</include>
`,
  '/conf/autoload_configs/acl.conf.xml': `<configuration name="acl.conf" description="Network Lists">
  <network-lists>
    <list name="lan" default="allow">
      <node type="deny" cidr="192.168.42.0/24"/>
      <node type="allow" cidr="192.168.42.42/32"/>
    </list>
  </network-lists>
</configuration>
`,
  '/conf/autoload_configs/a.conf.xml': `<configuration name="a.conf">
  <settings>
    <param name="listen-ip" value="127.0.0.1"/>
  </settings>
</configuration>
`,
  '/conf/sip_profiles/internal.xml': `<profile name="internal">
  <gateways>
    <gateway name="gw1">
      <param name="username" value="u"/>
      <param name="password" value="secret123"/>
    </gateway>
  </gateways>
  <settings>
    <param name="auth-calls" value="true"/>
    <param name="sip-port" value="5060"/>
  </settings>
</profile>
`,
  '/conf/dialplan/default.xml': `<include>
  <context name="default">
    <extension name="echo">
      <condition field="destination_number" expression="^9196$">
        <action application="echo"/>
      </condition>
    </extension>
    <extension name="tod">
      <condition wday="2-6" hour="9-18"/>
    </extension>
  </context>
</include>
`,
  '/conf/directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="1000">
            <params><param name="password" value="1234"/></params>
          </user>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
};

function ws(): FsconfWorkspace {
  return new FsconfWorkspace(new MemoryFileSystem(files), '/conf');
}

function flat(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...flat(s.children ?? [], depth + 1)]);
}

describe('documentSymbols', () => {
  it('outlines a sofia profile: settings and gateways, secrets masked', () => {
    const out = flat(documentSymbols(ws(), '/conf/sip_profiles/internal.xml'));
    expect(out).toEqual([
      'internal (sofia profile)',
      '  gateways (1 gateway)',
      '    gw1 (gateway)',
      '      username (u)',
      '      password (s***)',
      '  settings (2 params)',
      '    auth-calls (true)',
      '    sip-port (5060)',
    ]);
  });

  it('outlines ACL lists with their nodes', () => {
    const out = flat(documentSymbols(ws(), '/conf/autoload_configs/acl.conf.xml'));
    expect(out).toEqual(['acl.conf (Network Lists)', '  lan (default allow)', '    192.168.42.0/24 (deny)', '    192.168.42.42/32 (allow)']);
  });

  it('outlines contexts with extensions, the first condition as detail', () => {
    const out = flat(documentSymbols(ws(), '/conf/dialplan/default.xml'));
    expect(out).toEqual(['default (dialplan context)', '  echo (destination_number ~ ^9196$)', '  tod (wday=2-6 hour=9-18)']);
  });

  it('outlines domains with users', () => {
    const out = flat(documentSymbols(ws(), '/conf/directory/default.xml'));
    expect(out[0]).toBe('$${domain} (example.com)');
    expect(out).toContain('  1000 (in group)');
    expect(out).toContain('    password (1***)');
  });

  it('lists sections and pre-processor variables', () => {
    expect(flat(documentSymbols(ws(), '/conf/freeswitch.xml'))).toEqual([
      'configuration (section)',
      '  sofia.conf (sofia Endpoint)',
      'dialplan (section)',
      'directory (section)',
    ]);
    expect(flat(documentSymbols(ws(), '/conf/vars.xml'))).toEqual([
      'default_password (h***)',
      'domain (example.com)',
      'hostname (exec-set (computed at load time))',
    ]);
  });

  it('gives ranges that contain their selection ranges', () => {
    const check = (s: DocumentSymbol): void => {
      const le = (a: { line: number; character: number }, b: { line: number; character: number }) =>
        a.line < b.line || (a.line === b.line && a.character <= b.character);
      expect(le(s.range.start, s.selectionRange.start) && le(s.selectionRange.end, s.range.end)).toBe(true);
      expect(s.name.length).toBeGreaterThan(0);
      for (const c of s.children ?? []) check(c);
    };
    for (const f of Object.keys(files)) for (const s of documentSymbols(ws(), f)) check(s);
  });

  it('answers [] for an unknown file and still answers for a file that does not parse', () => {
    expect(documentSymbols(ws(), '/elsewhere.xml')).toEqual([]);
    const w = ws();
    w.open(
      '/conf/dialplan/default.xml',
      files['/conf/dialplan/default.xml']!.replace('</extension>\n    <extension name="tod">', '</extensio\n    <extension name="tod">'),
    );
    const out = flat(documentSymbols(w, '/conf/dialplan/default.xml'));
    expect(out[0]).toBe('default (dialplan context)');
  });
});

describe('documentLinks', () => {
  it('links each include that brings in one file; a glob of several gets none (definition offers them all)', () => {
    const links = documentLinks(ws(), '/conf/freeswitch.xml');
    expect(links.map((l) => l.target)).toEqual([
      'file:///conf/vars.xml',
      'file:///conf/sip_profiles/internal.xml',
      'file:///conf/dialplan/default.xml',
      'file:///conf/directory/default.xml',
    ]);
    expect(links[0]!.range).toEqual({ start: { line: 2, character: 37 }, end: { line: 2, character: 45 } });
  });

  it('resolves includes of a file analysed on its own', () => {
    const fs = new MemoryFileSystem({
      '/x/main.xml': '<include>\n  <X-PRE-PROCESS cmd="include" data="sub/*.xml"/>\n</include>\n',
      '/x/sub/a.xml': '<include/>\n',
    });
    const w = new FsconfWorkspace(fs, undefined);
    w.open('/x/main.xml', '<include>\n  <X-PRE-PROCESS cmd="include" data="sub/*.xml"/>\n</include>\n');
    expect(documentLinks(w, '/x/main.xml').map((l) => l.target)).toEqual(['file:///x/sub/a.xml']);
  });
});

describe('foldingRanges', () => {
  it('folds elements spanning lines, keeping the closing tag visible, and comments', () => {
    const fs = new MemoryFileSystem({ '/x/a.xml': '<root>\n  <!-- one\n  two -->\n  <a>\n    <b/>\n  </a>\n  <c x="1"\n     y="2"/>\n</root>\n' });
    const w = new FsconfWorkspace(fs, undefined);
    w.open('/x/a.xml', '<root>\n  <!-- one\n  two -->\n  <a>\n    <b/>\n  </a>\n  <c x="1"\n     y="2"/>\n</root>\n');
    expect(foldingRanges(w, '/x/a.xml')).toEqual([
      { startLine: 0, endLine: 7 },
      { startLine: 1, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 4 },
      { startLine: 6, endLine: 7 },
    ]);
  });
});
