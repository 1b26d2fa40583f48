import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// TLS is on and tls-version allows SSLv2/SSLv3/TLSv1/TLSv1.1
const bad = ruleTree({
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="internal">
      <settings>
        <param name="auth-calls" value="true"/>
        <param name="context" value="default"/>
        <param name="tls" value="true"/>
        <param name="tls-version" value="tlsv1,tlsv1.2"/>
                                         ^^^^^^^^^^^^^ sofia/legacy-tls: tls-version allows tlsv1 on profile internal: these protocol versions are broken or deprecated
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
        <param name="tls" value="true"/>
        <param name="tls-version" value="tlsv1.2"/>
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

describe('sofia/legacy-tls', () => {
  it('TLS is on and tls-version allows SSLv2/SSLv3/TLSv1/TLSv1.1', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['sofia/legacy-tls'] }).findings).toEqual([]);
  });
});
