import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// inline="true" on an application that cannot run during routing
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="echo">
      <condition field="destination_number" expression="^9196$">
        <action application="answer" inline="true"/>
                                     ^^^^^^^^^^^^^ dialplan/inline-not-routing: inline="true": answer is not a routing-exec application, so FreeSWITCH refuses to run it while hunting ("This application cannot be executed inline")
        <action application="echo"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

const fixed = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="echo">
      <condition field="destination_number" expression="^9196$">
        <action application="answer"/>
        <action application="echo"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('dialplan/inline-not-routing', () => {
  it('inline="true" on an application that cannot run during routing', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['dialplan/inline-not-routing'] }).findings).toEqual([]);
  });
});
