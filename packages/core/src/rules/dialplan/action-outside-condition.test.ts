import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('dialplan/action-outside-condition', () => {
  it('an action or anti-action directly in an extension never runs; wrap or delete', () => {
    const r = checkFindings(
      {
        'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="moh">
      <action application="answer"/>
       ^^^^^^ dialplan/action-outside-condition: outside any <condition>: FreeSWITCH only runs actions inside conditions, so it never runs
      <condition field="destination_number" expression="^9664$">
        <action application="playback" data="$\${hold_music}"/>
      </condition>
      <anti-action application="hangup"/>
       ^^^^^^^^^^^ dialplan/action-outside-condition: never runs
    </extension>
  </context>
</include>
`,
      },
      { only: ['dialplan/action-outside-condition'] },
    );
    const wrapped = r.applyFix('dialplan/action-outside-condition', 'Wrap in <condition>')['dialplan/default.xml']!;
    expect(wrapped).toContain('<condition>\n        <action application="answer"/>\n      </condition>');
  });
});
