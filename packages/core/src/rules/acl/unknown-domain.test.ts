import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { aclConf, aclTree } from './acl-fixture.js';

const directory = `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="brian" cidr="192.0.2.0/24"/>
        </users>
      </group>
    </groups>
  </domain>
  <domain name="Example.org"/>
</include>
`;

describe('acl/unknown-domain', () => {
  it('resolves $${domain} against the directory, by value or by raw text; reports the rest', () => {
    const vars = (domainCmd: string) => `<include>\n  <X-PRE-PROCESS cmd="${domainCmd}" data="domain=example.com"/>\n</include>\n`;
    const files = aclTree(
      {
        'autoload_configs/acl.conf.xml': aclConf(`    <list name="domains" default="deny">
      <node type="allow" domain="$\${domain}"/>
      <node type="allow" domain="example.ORG"/>
      <node type="allow" domain="exmaple.org"/>
                                 ^^^^^^^^^^^ acl/unknown-domain: domain "exmaple.org" is no directory domain: FreeSWITCH logs "Cannot locate domain" and skips this node (did you mean "Example.org"?)
    </list>`),
        'directory/default.xml': directory,
      },
      vars('set'),
    );
    checkFindings(files, { only: ['acl/unknown-domain'] });
    // vanilla style: domain=$${local_ip_v4} is unknown to fsconf: $${domain} is matched by raw text, and a
    // literal name might be the unknown domain, so it is skipped too
    const unknown = runFixture(
      { ...files, 'vars.xml': '<include>\n  <X-PRE-PROCESS cmd="set" data="domain=$${local_ip_v4}"/>\n</include>\n' },
      { only: ['acl/unknown-domain'] },
    );
    expect(unknown.findings).toEqual([]);
    const noDir = runFixture(
      { ...files, 'directory/default.xml': '<include>\n  <domain name="other.example"/>\n</include>\n' },
      { only: ['acl/unknown-domain'] },
    );
    expect(noDir.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('"example.com"'),
      expect.stringContaining('"example.ORG"'),
      expect.stringContaining('"exmaple.org"'),
    ]);
    expect(runFixture(files).applyFix('acl/unknown-domain')['autoload_configs/acl.conf.xml']).toContain('domain="Example.org"');
  });
});
