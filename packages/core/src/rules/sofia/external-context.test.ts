import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a profile open to any address (or an external profile) routes calls into context internal or default
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="carrier">
      <settings>
        <param name="auth-calls" value="false"/>
        <param name="context" value="default"/>
                                     ^^^^^^^ sofia/external-context: profile carrier takes calls from any address without a password, and they land in the "default" context, where extensions can dial out (toll fraud)
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

describe('sofia/external-context', () => {
  it('a profile open to any address (or an external profile) routes calls into context internal or default', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['sofia/external-context'] }).findings).toEqual([]);
  });
});
