import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// an application no FreeSWITCH module registers, or whose module is not loaded
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="echo">
      <condition field="destination_number" expression="^9196$">
        <action application="anwser"/>
                             ^^^^^^ dialplan/unknown-app: no FreeSWITCH module registers the application "anwser": FreeSWITCH logs "Invalid Application anwser" and hangs up the call (did you mean "answer"?);
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

describe('dialplan/unknown-app', () => {
  it('an application no FreeSWITCH module registers, or whose module is not loaded', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['dialplan/unknown-app'] }).findings).toEqual([]);
  });
});
