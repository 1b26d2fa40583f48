import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { runFixture } from '../../testing/fixture.js';
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

  it('field="" expression="" (the always-true idiom FusionPBX writes) is no finding; an empty field with another expression is, without a ${} hint', () => {
    const tree = ruleTree({
      'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="user_exists" continue="true">
      <condition field="" expression="">
        <action application="set" data="user_exists=\${user_exists id \${destination_number} \${domain_name}}" inline="true"/>
      </condition>
    </extension>
    <extension name="never">
      <condition field="" expression="^1000$">
        <action application="echo"/>
      </condition>
    </extension>
  </context>
</include>
`,
    });
    const r = runFixture(tree, { only: ['dialplan/unknown-field'] });
    expect(r.findings.map((f) => [f.range.start.line, f.message])).toEqual([
      [
        8,
        'field is empty: FreeSWITCH matches the expression against an empty string on every call; write the field to test (destination_number, ${var}), or expression="" for a condition that always matches',
      ],
    ]);
  });
});
