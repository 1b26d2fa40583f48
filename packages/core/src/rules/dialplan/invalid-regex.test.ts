import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a condition/regex expression does not compile under PCRE2
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="local">
      <condition field="destination_number" expression="^(10[01][0-9]$">
                                                         ^ dialplan/invalid-regex: PCRE2 cannot compile "^(10[01][0-9]$": missing closing parenthesis at offset 14; FreeSWITCH logs COMPILE ERROR and the condition never matches
        <action application="bridge" data="user/$1"/>
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

describe('dialplan/invalid-regex', () => {
  it('a condition/regex expression does not compile under PCRE2', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['dialplan/invalid-regex'] }).findings).toEqual([]);
  });
});
