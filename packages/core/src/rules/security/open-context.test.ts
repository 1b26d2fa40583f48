import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a caller without a password from an internet address reaches local users, voicemail or conferences
const bad = ruleTree({
  'dialplan/public.xml': `<include>
  <context name="public">
    <extension name="did">
      <condition field="destination_number" expression="^(1\\d{3})$">
        <action application="transfer" data="$1 XML default"/>
      </condition>
    </extension>
  </context>
</include>
`,
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="edge">
      <gateways>
        <gateway name="carrier">
          <param name="proxy" value="198.51.100.1"/>
        </gateway>
      </gateways>
      <settings>
        <param name="context" value="public"/>
                                     ^^^^^^ security/open-context: callers without a password from the internet (203.0.113.7) on profile edge reach local users (1111 → user/1111@example.com) through context public:
        <param name="auth-calls" value="false"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`,
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="local">
      <condition field="destination_number" expression="^(1\\d{3})$">
        <action application="bridge" data="user/$1@example.com"/>
      </condition>
    </extension>
    <extension name="intl">
      <condition field="destination_number" expression="^00(\\d{6,})$">
        <action application="bridge" data="sofia/gateway/carrier/$1"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

const fixed = ruleTree({
  'dialplan/public.xml': `<include>
  <context name="public">
    <extension name="did">
      <condition field="destination_number" expression="^(1\\d{3})$">
        <action application="transfer" data="$1 XML default"/>
      </condition>
    </extension>
  </context>
</include>
`,
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="edge">
      <gateways>
        <gateway name="carrier">
          <param name="proxy" value="198.51.100.1"/>
        </gateway>
      </gateways>
      <settings>
        <param name="context" value="public"/>
        <param name="auth-calls" value="true"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`,
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="local">
      <condition field="destination_number" expression="^(1\\d{3})$">
        <action application="bridge" data="user/$1@example.com"/>
      </condition>
    </extension>
    <extension name="intl">
      <condition field="destination_number" expression="^00(\\d{6,})$">
        <action application="bridge" data="sofia/gateway/carrier/$1"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('security/open-context', () => {
  it('a caller without a password from an internet address reaches local users, voicemail or conferences', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['security/open-context'] }).findings).toEqual([]);
  });
});
