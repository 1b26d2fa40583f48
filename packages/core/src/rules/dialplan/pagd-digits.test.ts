import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// `play_and_get_digits` digit limits, tries and timeouts that FreeSWITCH changes or rejects
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="pin">
      <condition field="destination_number" expression="^9000$">
        <action application="play_and_get_digits" data="4 6 0 5000 # ivr/ivr-please_enter_pin.wav ivr/ivr-that_was_an_invalid_entry.wav pin \\d+"/>
                                                            ^ dialplan/pagd-digits: play_and_get_digits: tries 0: play_and_get_digits never prompts and fails at once
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
        <action application="play_and_get_digits" data="4 6 3 5000 # ivr/ivr-please_enter_pin.wav ivr/ivr-that_was_an_invalid_entry.wav pin \\d+"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('dialplan/pagd-digits', () => {
  it('`play_and_get_digits` digit limits, tries and timeouts that FreeSWITCH changes or rejects', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['dialplan/pagd-digits'] }).findings).toEqual([]);
  });
});
