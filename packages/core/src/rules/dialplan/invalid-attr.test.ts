import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a dialplan attribute value FreeSWITCH does not understand (it silently falls back)
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="echo">
      <condition field="destination_number" expression="^9196$" break="onfalse">
                                                                       ^^^^^^^ dialplan/invalid-attr: break="onfalse" is not one of on-true, on-false, always, never: FreeSWITCH silently uses the default, on-false (did you mean "on-false"?)
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
      <condition field="destination_number" expression="^9196$" break="on-false">
        <action application="echo"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('dialplan/invalid-attr', () => {
  it('a dialplan attribute value FreeSWITCH does not understand (it silently falls back)', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['dialplan/invalid-attr'] }).findings).toEqual([]);
  });
});
