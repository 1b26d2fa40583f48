import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// apply-register-acl accepts REGISTERs from matching addresses without a password
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="apply-register-acl" value="office"/>
                                                ^^^^^^ sofia/register-acl-skips-auth: apply-register-acl "office" on profile internal: FreeSWITCH accepts REGISTERs from addresses this list allows without asking for a password (and
      </settings>
    </profile>
  </profiles>
</configuration>
`,
  'dialplan/default.xml': `<include>
  <context name="default">
  </context>
</include>
`,
  'autoload_configs/acl.conf.xml': `<configuration name="acl.conf">
  <network-lists>
    <list name="office" default="deny"><node type="allow" cidr="192.168.1.0/24"/></list>
  </network-lists>
</configuration>
`,
});

const fixed = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`,
  'dialplan/default.xml': `<include>
  <context name="default">
  </context>
</include>
`,
  'autoload_configs/acl.conf.xml': `<configuration name="acl.conf">
  <network-lists>
    <list name="office" default="deny"><node type="allow" cidr="192.168.1.0/24"/></list>
  </network-lists>
</configuration>
`,
});

describe('sofia/register-acl-skips-auth', () => {
  it('apply-register-acl accepts REGISTERs from matching addresses without a password', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['sofia/register-acl-skips-auth'] }).findings).toEqual([]);
  });
});
