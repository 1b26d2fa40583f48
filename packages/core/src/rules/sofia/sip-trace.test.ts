import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// sip-trace is on: every SIP message is logged
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="sip-trace" value="yes"/>
                                       ^^^ sofia/sip-trace: sip-trace is on for profile internal: FreeSWITCH logs every SIP message it sends and receives (headers included), which fills logs on a busy switch;
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
        <param name="sip-trace" value="no"/>
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

describe('sofia/sip-trace', () => {
  it('sip-trace is on: every SIP message is logged', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['sofia/sip-trace'] }).findings).toEqual([]);
  });
});
