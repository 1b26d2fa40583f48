import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// two profiles resolve to the same sip-ip:sip-port
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="sip-ip" value="192.0.2.10"/>
        <param name="sip-port" value="5060"/>
      </settings>
    </profile>
    <profile name="internal2">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="sip-ip" value="192.0.2.10"/>
                                    ^^^^^^^^^^ sofia/bind-conflict: profiles internal and internal2 both bind 192.0.2.10:5060: the second one fails to start
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
        <param name="sip-ip" value="192.0.2.10"/>
        <param name="sip-port" value="5060"/>
      </settings>
    </profile>
    <profile name="internal2">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="sip-ip" value="192.0.2.10"/>
        <param name="sip-port" value="5070"/>
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

describe('sofia/bind-conflict', () => {
  it('two profiles resolve to the same sip-ip:sip-port', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['sofia/bind-conflict'] }).findings).toEqual([]);
  });
});
