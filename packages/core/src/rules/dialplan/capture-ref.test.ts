import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// action data uses $N beyond the capture groups of its condition
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="local">
      <condition field="destination_number" expression="^(10[01][0-9])$">
        <action application="bridge" data="user/$2"/>
                                                ^^ dialplan/capture-ref: $2: "^(10[01][0-9])$" has 1 capture group, so FreeSWITCH replaces $2 with an empty string
      </condition>
    </extension>
  </context>
</include>
`,
});

const fixed = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="local">
      <condition field="destination_number" expression="^(10[01][0-9])$">
        <action application="bridge" data="user/$1"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('dialplan/capture-ref', () => {
  it('action data uses $N beyond the capture groups of its condition', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['dialplan/capture-ref'] }).findings).toEqual([]);
  });
});
