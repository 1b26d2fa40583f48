import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { dialplanTree, xml } from './fixture-tree.js';

describe('dialplan/read-digits', () => {
  it('reports what mod_dptools does with the numbers, on the argument', () => {
    const r = checkFindings(
      dialplanTree({
        'dialplan/default.xml': xml`<include>
  <context name="default">
    <extension name="digits">
      <condition field="destination_number" expression="^1$">
        <action application="read" data="5 3 ivr/enter.wav digits 5000 #"/>
                                           ^ dialplan/read-digits: min 5 > max 3: FreeSWITCH raises max to 5
        <action application="read" data="11 11 ivr/enter.wav digits 5000 #"/>
        <action application="READ" data="1 200 ivr/enter.wav digits 5000 #"/>
                                           ^^^ dialplan/read-digits: max 200 > 128
        <action application="read" data="0 4 ivr/enter.wav digits 500 #"/>
                                         ^ dialplan/read-digits: min 0 is raised to 1
                                                                  ^^^ dialplan/read-digits: timeout 500 ms is raised to 1000 ms
        <action application="read" data="$§{min_digits} 3 ivr/enter.wav digits 5000 #"/>
                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dialplan/read-digits: min 5 > max 3
        <action application="read" data="§{min} 3 ivr/enter.wav digits 5000 #"/>
        <action application="read">2 1 ivr/enter.wav digits 5000 #</action>
                                     ^ dialplan/read-digits: min 2 > max 1
        <anti-action application="read" data="4 2 ivr/enter.wav digits 5000 #"/>
                                                ^ dialplan/read-digits: min 4 > max 2
      </condition>
    </extension>
  </context>
</include>
`,
      }),
      { only: ['dialplan/read-digits'] },
    );
    const sev = r.findings.map((f) => f.severity);
    expect(sev.filter((s) => s === 'error')).toHaveLength(5);
    // swap is the preferred fix; the clamp is offered too
    const first = r.findings.find((f) => f.range.start.line === 4)!;
    expect(first.fixes.map((f) => f.title)).toEqual(['Swap min and max (3 5)', 'Set max to 5']);
    expect(first.fixes[0]!.preferred).toBe(true);
    // a value built from $${} has no fix (the text is not what FreeSWITCH sees)
    expect(r.findings.find((f) => f.message.includes('min 5 > max 3') && f.range.start.line === 8)!.fixes).toEqual([]);
    const fixed = r.applyFix('dialplan/read-digits');
    expect(fixed['dialplan/default.xml']).toContain('data="3 5 ivr/enter.wav digits 5000 #"');
    expect(fixed['dialplan/default.xml']).toContain('<action application="read">1 2 ivr/enter.wav digits 5000 #</action>');
    expect(fixed['dialplan/default.xml']).toContain('data="1 128 ivr/enter.wav');
    const again = runFixture(fixed, { only: ['dialplan/read-digits'] });
    expect(again.findings.filter((f) => f.message.includes('> max') && f.range.start.line !== 8)).toEqual([]);
  });
});

describe('dialplan/pagd-digits', () => {
  it('tries 0, min > max, timeouts', () => {
    const r = checkFindings(
      dialplanTree({
        'dialplan/default.xml': xml`<include>
  <context name="default">
    <extension name="pagd">
      <condition field="destination_number" expression="^2$">
        <action application="play_and_get_digits" data="1 4 0 5000 # ivr/enter.wav ivr/bad.wav digits \d+"/>
                                                            ^ dialplan/pagd-digits: tries 0: play_and_get_digits never prompts and fails at once
        <action application="play_and_get_digits" data="6 4 3 5000 # ivr/enter.wav ivr/bad.wav digits \d+"/>
                                                          ^ dialplan/pagd-digits: min 6 > max 4: FreeSWITCH raises max to 6
        <action application="play_and_get_digits" data="1 4 3 5 # ivr/enter.wav ivr/bad.wav digits \d+"/>
                                                              ^ dialplan/pagd-digits: timeout 5 ms is raised to 1000 ms
        <action application="play_and_get_digits" data="0 4 3 5000 # ivr/enter.wav ivr/bad.wav digits \d+ 2000 '9999 XML default'"/>
        <action application="play_and_get_digits" data="1 4 $§{tries} 5000 # ivr/enter.wav ivr/bad.wav digits \d+"/>
                                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dialplan/pagd-digits: tries 0
      </condition>
    </extension>
  </context>
</include>
`,
      }),
      { only: ['dialplan/pagd-digits'] },
    );
    const fixed = r.applyFix('dialplan/pagd-digits', 'Set tries to 3');
    expect(fixed['dialplan/default.xml']).toContain('data="1 4 3 5000 #');
  });
});
