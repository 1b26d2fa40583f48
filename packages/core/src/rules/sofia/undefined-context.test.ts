import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a profile's context names no context the dialplan defines
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="defualt"/>
                                     ^^^^^^^ sofia/undefined-context: the context of profile internal is "defualt", which the dialplan does not define: FreeSWITCH finds no extension for these calls and hangs them up
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

describe('sofia/undefined-context', () => {
  it("a profile's context names no context the dialplan defines", () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['sofia/undefined-context'] }).findings).toEqual([]);
  });
});
