import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a transfer/execute_extension target names a context the dialplan does not define
const bad = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="to-public">
      <condition field="destination_number" expression="^9196$">
        <action application="transfer" data="9196 XML pubic"/>
                                                      ^^^^^ dialplan/unknown-context: transfer names the context "pubic", which no <context name> in the dialplan defines: FreeSWITCH logs "Context pubic not found" and the call has no
      </condition>
    </extension>
  </context>
</include>
`,
});

const fixed = ruleTree({
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="to-public">
      <condition field="destination_number" expression="^9196$">
        <action application="transfer" data="9196 XML public"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

describe('dialplan/unknown-context', () => {
  it('a transfer/execute_extension target names a context the dialplan does not define', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['dialplan/unknown-context'] }).findings).toEqual([]);
  });
});
