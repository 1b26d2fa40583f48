import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a profile or gateway param is given twice: the later one wins
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="rtp-timeout-sec" value="300"/>
        <param name="rtp-timeout-sec" value="120"/>
                                             ^^^ sofia/duplicate-param: rtp-timeout-sec is given twice in profile internal: this "120" wins, the "300" at sofia.conf.xml:7 has no effect
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
        <param name="rtp-timeout-sec" value="120"/>
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

describe('sofia/duplicate-param', () => {
  it('a profile or gateway param is given twice: the later one wins', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['sofia/duplicate-param'] }).findings).toEqual([]);
  });
});
