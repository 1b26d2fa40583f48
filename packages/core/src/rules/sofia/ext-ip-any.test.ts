import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// ext-sip-ip or ext-rtp-ip is 0.0.0.0: sofia replaces it with a guessed local address
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="ext-rtp-ip" value="0.0.0.0"/>
                                        ^^^^^^^ sofia/ext-ip-any: ext-rtp-ip of profile internal is 0.0.0.0: sofia logs "Invalid IP 0.0.0.0 replaced with …" and advertises its guessed local address instead — behind
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
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="ext-rtp-ip" value="auto-nat"/>
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

describe('sofia/ext-ip-any', () => {
  it('ext-sip-ip or ext-rtp-ip is 0.0.0.0: sofia replaces it with a guessed local address', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['sofia/ext-ip-any'] }).findings).toEqual([]);
  });
});
