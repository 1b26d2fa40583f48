import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a sofia/gateway/<name> dial string names a gateway no profile defines
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="out">
      <condition field="destination_number" expression="^9(\\d+)$">
        <action application="bridge" data="sofia/gateway/carier1/$1"/>
                                                         ^^^^^^^ dialplan/unknown-gateway: no sofia profile defines the gateway "carier1": mod_sofia logs "Invalid Gateway 'carier1'" and the call leg fails (INVALID_GATEWAY) (did you mean
      </condition>
    </extension>
  </context>
</include>
`,
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="external">
      <gateways>
        <gateway name="carrier1">
          <param name="proxy" value="sip.example.net"/>
        </gateway>
      </gateways>
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="public"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`,
});

const fixed = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="out">
      <condition field="destination_number" expression="^9(\\d+)$">
        <action application="bridge" data="sofia/gateway/carrier1/$1"/>
      </condition>
    </extension>
  </context>
</include>
`,
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="external">
      <gateways>
        <gateway name="carrier1">
          <param name="proxy" value="sip.example.net"/>
        </gateway>
      </gateways>
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="public"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`,
});

describe('dialplan/unknown-gateway', () => {
  it('a sofia/gateway/<name> dial string names a gateway no profile defines', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['dialplan/unknown-gateway'] }).findings).toEqual([]);
  });
});
