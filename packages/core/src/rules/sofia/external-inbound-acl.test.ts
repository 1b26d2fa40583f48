import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a profile takes calls from any address without a password (no apply-inbound-acl, auth-calls off)
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="carrier">
      <settings>
       ^^^^^^^^ sofia/external-inbound-acl: no apply-inbound-acl: profile carrier takes calls without a password (auth-calls is off) from any address; they land in context "public"
        <param name="auth-calls" value="false"/>
        <param name="context" value="public"/>
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
});

const fixed = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="carrier">
      <settings>
        <param name="auth-calls" value="false"/>
        <param name="context" value="public"/>
        <param name="apply-inbound-acl" value="carriers"/>
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
    <list name="carriers" default="deny"><node type="allow" cidr="203.0.113.0/24"/></list>
  </network-lists>
</configuration>
`,
});

describe('sofia/external-inbound-acl', () => {
  it('a profile takes calls from any address without a password (no apply-inbound-acl, auth-calls off)', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['sofia/external-inbound-acl'] }).findings).toEqual([]);
  });
});
