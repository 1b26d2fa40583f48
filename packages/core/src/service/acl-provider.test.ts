import { describe, expect, it } from 'vitest';
import type { Position } from 'vscode-languageserver-types';
import { MemoryFileSystem } from '../fs.js';
import { FsconfWorkspace } from './workspace.js';
import { hoverText, positionIn } from '../testing/positions.js';
import { completion, definition, references } from './features.js';
import { aclListNames, networkListsFor, testAddress } from '../semantics/network-lists.js';
import { FREESWITCH_XML_INLINE_SOFIA } from '../testing/trees.js';

const files: Record<string, string> = {
  '/conf/freeswitch.xml': FREESWITCH_XML_INLINE_SOFIA,
  '/conf/vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="domain=$\${local_ip_v4}"/>
</include>
`,
  '/conf/autoload_configs/acl.conf.xml': `<configuration name="acl.conf" description="Network Lists">
  <network-lists>
    <list name="lan" default="allow">
      <node type="deny" cidr="192.168.42.0/24"/>
      <node type="allow" cidr="192.168.42.42/32"/>
    </list>
    <list name="domains" default="deny">
      <node type="allow" domain="$\${domain}"/>
      <node type="allow" cidr="10.0.0.0/8, 172.16.0.0/12"/>
      <node type="allow" host="192.168.5.0" mask="255.255.255.0"/>
    </list>
  </network-lists>
</configuration>
`,
  '/conf/sip_profiles/internal.xml': `<profile name="internal">
  <settings>
    <param name="apply-inbound-acl" value="domains:ctx"/>
    <param name="apply-nat-acl" value="nat.auto"/>
    <param name="apply-register-acl" value="lan"/>
    <param name="apply-proxy-acl" value="nope"/>
    <param name="apply-candidate-acl" value="192.0.2.0/24"/>
  </settings>
</profile>
`,
  '/conf/dialplan/default.xml': `<include>
  <context name="default">
    <extension name="acl">
      <condition field="destination_number" expression="^1$">
        <action application="check_acl" data="\${network_addr} lan"/>
      </condition>
    </extension>
  </context>
</include>
`,
  '/conf/directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="brian" cidr="192.0.2.0/24"/>
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

/** Position of the n-th occurrence of `needle` in a file, plus `delta` characters. */
function pos(path: string, needle: string, delta = 1, nth = 0): Position {
  return positionIn(files[path]!, needle, delta, nth);
}

const ACL = '/conf/autoload_configs/acl.conf.xml';
const SIP = '/conf/sip_profiles/internal.xml';
const DP = '/conf/dialplan/default.xml';

describe('acl hover', () => {
  it('on a list definition: default, nodes in evaluation order, why .42 is allowed, who uses it, summary', () => {
    const t = hoverText(ws(), ACL, pos(ACL, '"lan"', 2));
    expect(t).toContain('network list `lan`');
    expect(t).toContain('default **allow**');
    // evaluation order: /32 first
    expect(t.indexOf('192.168.42.42/32')).toBeLessThan(t.indexOf('192.168.42.0/24'));
    expect(t).toMatch(/`192\.168\.42\.42` → \*\*allow\*\*.*\/32 beats \/24/);
    expect(t).toContain('sofia profile "internal" apply-register-acl (sip_profiles/internal.xml:5)');
    expect(t).toContain('check_acl in extension "acl" (dialplan/default.xml:5)');
    expect(t).toContain('**Summary:** allows everything except');
  });

  it('on a reference: the same list hover, including the domain users', () => {
    const t = hoverText(ws(), SIP, pos(SIP, 'domains:ctx', 2));
    expect(t).toContain('network list `domains`');
    expect(t).toContain('192.0.2.0/24 (user brian@');
    expect(t).toContain('sofia profile "internal" apply-inbound-acl');
    expect(t).toMatch(/Summary:\*\* allows .*denies everything else/);
  });

  it('on a built-in name: its contents', () => {
    const t = hoverText(ws(), SIP, pos(SIP, 'nat.auto', 1));
    expect(t).toContain('built-in network list `nat.auto`');
    expect(t).toContain('10.0.0.0/8');
    expect(t).toContain('100.64.0.0/10');
    expect(t).toContain("host's local network");
  });

  it('on an unknown name and an inline CIDR', () => {
    expect(hoverText(ws(), SIP, pos(SIP, 'nope', 1))).toContain('FreeSWITCH silently denies everything');
    expect(hoverText(ws(), SIP, pos(SIP, '192.0.2.0/24', 1))).toContain('inline CIDR list');
  });

  it('on a cidr (and one item of a comma list): first/last address and count', () => {
    const t = hoverText(ws(), ACL, pos(ACL, '192.168.42.0/24', 3));
    expect(t).toContain('first address `192.168.42.0`, last address `192.168.42.255`, 256 addresses');
    expect(t).toContain('denies');
    const item = hoverText(ws(), ACL, pos(ACL, '172.16.0.0/12', 3));
    expect(item).toContain('**CIDR** `172.16.0.0/12`');
    expect(item).toContain('1,048,576 addresses');
    const hm = hoverText(ws(), ACL, pos(ACL, '192.168.5.0', 3));
    expect(hm).toContain('last address `192.168.5.255`, 256 addresses');
  });
});

describe('acl definition, references, completion', () => {
  it('goes from a reference to the <list>', () => {
    const w = ws();
    const d = definition(w, SIP, pos(SIP, 'lan"', 1));
    expect(d).toEqual([{ uri: 'file:///conf/autoload_configs/acl.conf.xml', range: { start: { line: 2, character: 16 }, end: { line: 2, character: 19 } } }]);
    expect(definition(w, DP, pos(DP, ' lan"', 2))[0]!.range.start.line).toBe(2);
    expect(definition(w, SIP, pos(SIP, 'nat.auto', 1))).toEqual([]);
  });

  it('lists the references of a list (definition and uses)', () => {
    const refs = references(ws(), ACL, pos(ACL, '"lan"', 2));
    expect(refs.map((r) => `${r.uri.replace('file:///conf/', '')}:${r.range.start.line + 1}`)).toEqual([
      'autoload_configs/acl.conf.xml:3',
      'sip_profiles/internal.xml:5',
      'dialplan/default.xml:5',
    ]);
  });

  it('completes list names (defined and built-in) inside reference values only', () => {
    const w = ws();
    const items = completion(w, SIP, pos(SIP, 'domains:ctx', 0));
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['lan', 'domains', 'loopback.auto', 'rfc1918.auto', 'localnet.auto']));
    // other providers may add their own items; the ACL provider offers exactly the 10 built-ins and 2 lists
    expect(items.filter((i) => /^(built-in|acl\.conf)/.test(i.detail ?? '')).length).toBe(12);
    const lan = items.find((i) => i.label === 'lan')!;
    expect(lan.textEdit).toEqual({ range: { start: { line: 2, character: 43 }, end: { line: 2, character: 50 } }, newText: 'lan' });
    // after the ':' of apply-inbound-acl is a context, not a list
    expect(completion(w, SIP, pos(SIP, 'ctx"', 1)).some((i) => i.label === 'lan')).toBe(false);
    // check_acl: the second word
    expect(completion(w, DP, pos(DP, ' lan"', 2)).some((i) => i.label === 'loopback.auto')).toBe(true);
    expect(completion(w, DP, pos(DP, 'network_addr', 2)).some((i) => i.label === 'lan')).toBe(false);
  });
});

describe('language-server API', () => {
  it('testAddress explains the verdict; aclListNames lists built-ins and acl.conf lists', () => {
    const a = ws().analysis();
    const r = testAddress(a, '192.168.42.42', 'lan');
    expect(r.verdict).toBe('allow');
    expect(r.decidedBy).toEqual({ file: ACL, line: 5, cidr: '192.168.42.42/32', type: 'allow' });
    expect(r.reason).toContain('/32 beats /24');
    expect(testAddress(a, '192.168.42.7', 'lan').decidedBy?.line).toBe(4);
    expect(testAddress(a, '8.8.8.8', 'lan')).toMatchObject({ verdict: 'allow', decidedBy: null });
    expect(testAddress(a, '192.0.2.9', 'domains').decidedBy).toMatchObject({ file: '/conf/directory/default.xml', line: 6, type: 'allow' });
    expect(testAddress(a, '192.168.1.20', 'nat.auto').verdict).toBe('unknown');
    expect(testAddress(a, '192.168.1.20', 'nat.auto', { localNet: '192.168.1.10/24' }).verdict).toBe('deny');
    expect(testAddress(a, '127.0.0.1', 'loopback.auto').decidedBy).toEqual({ file: null, line: null, cidr: '127.0.0.0/8', type: 'allow' });
    const names = aclListNames(a);
    expect(names.filter((n) => n.builtin).length).toBe(10);
    expect(names.find((n) => n.name === 'lan')).toEqual({ name: 'lan', file: ACL, line: 3, builtin: false, default: 'allow' });
    expect(networkListsFor(a)).toBe(networkListsFor(a));
  });

  it('values fsconf cannot know make the verdict unknown only when they could change it', () => {
    const fs = new MemoryFileSystem({
      ...files,
      '/conf/vars.xml': '<include>\n  <X-PRE-PROCESS cmd="exec-set" data="office=echo 198.51.100.0/24"/>\n</include>\n',
      [ACL]: `<configuration name="acl.conf">
  <network-lists>
    <list name="x" default="deny">
      <node type="allow" cidr="$\${office}"/>
      <node type="deny" cidr="203.0.113.0/24"/>
    </list>
    <list name="y" default="deny">
      <node type="deny" cidr="$\${office}"/>
      <node type="allow" cidr="203.0.113.0/24"/>
    </list>
  </network-lists>
</configuration>
`,
    });
    const a = new FsconfWorkspace(fs, '/conf').analysis();
    expect(testAddress(a, '203.0.113.5', 'x').verdict).toBe('unknown');
    expect(testAddress(a, '192.0.2.1', 'x').reason).toContain('$${office}');
    // an unknown deny node cannot turn a deny into anything else
    expect(testAddress(a, '192.0.2.1', 'y').verdict).toBe('deny');
    expect(testAddress(a, '203.0.113.5', 'y').verdict).toBe('unknown');
  });
});
