import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a condition field is not a caller-profile field (always "")
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="echo">
      <condition field="destination_numbr" expression="^9196$">
                        ^^^^^^^^^^^^^^^^^ dialplan/unknown-field: field "destination_numbr" is not a caller-profile field: FreeSWITCH matches the expression against an empty string (did you mean
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
        <action application="echo"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('dialplan/unknown-field', () => {
  it('a condition field is not a caller-profile field (always "")', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['dialplan/unknown-field'] }).findings).toEqual([]);
  });
});
