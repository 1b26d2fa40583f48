import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// an external profile does not log authentication failures
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="external">
      <settings>
       ^^^^^^^^ sofia/auth-failures-not-logged: profile external does not log authentication failures (log-auth-failures=true), so fail2ban and similar tools see no failed attempts
        <param name="auth-calls" value="true"/>
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
    <profile name="external">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="public"/>
        <param name="log-auth-failures" value="true"/>
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

describe('sofia/auth-failures-not-logged', () => {
  it('an external profile does not log authentication failures', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['sofia/auth-failures-not-logged'] }).findings).toEqual([]);
  });
});
