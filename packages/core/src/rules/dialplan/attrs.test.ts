import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { dialplanTree, xml } from './fixture-tree.js';

describe('dialplan/invalid-attr', () => {
  it('break, regex, booleans and time attributes as FreeSWITCH reads them', () => {
    const r = checkFindings(
      dialplanTree({
        'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="attrs" continue="ture">
                                      ^^^^ dialplan/invalid-attr: continue="ture" is not a boolean: FreeSWITCH reads it as false
      <condition field="destination_number" expression="^1$" break="onfalse">
                                                                    ^^^^^^^ dialplan/invalid-attr: break="onfalse" is not one of on-true, on-false, always, never: FreeSWITCH silently uses the default, on-false (did you mean "on-false"?)
        <action application="answer"/>
      </condition>
      <condition field="destination_number" expression="^1$" break="ON-TRUE" require-nested="nope">
                                                                                             ^^^^ dialplan/invalid-attr: require-nested="nope" is not a boolean
        <condition field="caller_id_number" expression="^2$"/>
      </condition>
      <condition regex="alll">
                        ^^^^ dialplan/invalid-attr: regex="alll" is not one of all, any, xor: FreeSWITCH silently treats it as any
        <regex field="destination_number" expression="^1$"/>
        <regex wday="mon-fri" hour="25"/>
                                    ^^ dialplan/invalid-attr: hour
      </condition>
      <condition wday="mon-fri" hour="9-17" minute-of-day="0-1440" time-of-day="09:00-17:00">
                                                           ^^^^^^ dialplan/invalid-attr: minute-of-day
        <action application="playback" data="x.wav" inline="1"/>
      </condition>
      <condition mon="13" dst="true"/>
                      ^^ dialplan/invalid-attr: mon="13" can never match
      <condition continue="yes" regex="xor" break="never" require-nested="false" dst="false">
                                                                                      ^^^^^ dialplan/dst-false: can never match
        <regex field="destination_number" expression="^1$"/>
      </condition>
    </extension>
    <extension name="ok" continue="true">
      <condition field="destination_number" expression="^1$" break="on-false"/>
      <condition regex="any"/>
    </extension>
  </context>
</include>
`,
      }),
      { only: ['dialplan/invalid-attr', 'dialplan/dst-false'] },
    );
    expect(r.findings.filter((f) => f.rule === 'dialplan/dst-false').map((f) => f.severity)).toEqual(['warning']);
    const fixed = r.applyFix('dialplan/invalid-attr');
    expect(fixed['dialplan/default.xml']).toContain('break="on-false"');
    expect(fixed['dialplan/default.xml']).toContain('regex="all"');
    expect(fixed['dialplan/default.xml']).toContain('continue="true"');
  });
});

describe('dialplan/unknown-field', () => {
  it('a field that is no caller-profile field matches against ""', () => {
    const r = checkFindings(
      dialplanTree({
        'dialplan/default.xml': xml`<include>
  <context name="default">
    <extension name="fields">
      <condition field="destination_numbr" expression="^1$"/>
                        ^^^^^^^^^^^^^^^^^ dialplan/unknown-field: field "destination_numbr" is not a caller-profile field: FreeSWITCH matches the expression against an empty string (did you mean "destination_number"?)
      <condition field="Caller_ID_Number" expression="^1$"/>
      <condition field="§{sip_from_user}" expression="^1$"/>
      <condition field="$§{flag}" expression="^true$"/>
                        ^^^^^^^^ dialplan/unknown-field: becomes "true" when the configuration loads
      <condition regex="any">
        <regex field="ani" expression="^1$"/>
        <regex field="anii" expression="^1$"/>
                      ^^^^ dialplan/unknown-field: field "anii"
      </condition>
    </extension>
  </context>
</include>
`,
      }),
      { only: ['dialplan/unknown-field'] },
    );
    const fixed = r.applyFix('dialplan/unknown-field');
    expect(fixed['dialplan/default.xml']).toContain('field="destination_number"');
    expect(fixed['dialplan/default.xml']).toContain('field="${flag}"');
  });
});
