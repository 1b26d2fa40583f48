import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// dst="false" can never match
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="night">
      <condition wday="1-5" dst="false">
                                 ^^^^^ dialplan/dst-false: dst="false" can never match: FreeSWITCH only tests "daylight saving time is in effect" (dst="true"); there is no way to require standard time with
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
    <extension name="night">
      <condition wday="1-5">
        <action application="echo"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('dialplan/dst-false', () => {
  it('dst="false" can never match', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['dialplan/dst-false'] }).findings).toEqual([]);
  });
});
