import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// `read` digit limits and timeouts that FreeSWITCH changes or rejects
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="pin">
      <condition field="destination_number" expression="^9000$">
        <action application="read" data="6 4 ivr/ivr-please_enter_pin.wav pin 5000 #"/>
                                           ^ dialplan/read-digits: read: min 6 > max 4: FreeSWITCH raises max to 6
      </condition>
    </extension>
  </context>
</include>
`,
});

const fixed = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="pin">
      <condition field="destination_number" expression="^9000$">
        <action application="read" data="4 6 ivr/ivr-please_enter_pin.wav pin 5000 #"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('dialplan/read-digits', () => {
  it('`read` digit limits and timeouts that FreeSWITCH changes or rejects', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['dialplan/read-digits'] }).findings).toEqual([]);
  });
});
