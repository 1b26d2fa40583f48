import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('preprocess/undefined-var', () => {
  it('reports a var never set (with did-you-mean) and one used before it is set', () => {
    const r = checkFindings({
      'freeswitch.xml': `<document>
  <X-PRE-PROCESS cmd="set" data="hold_music=local_stream://moh"/>
  <param name="a" value="$\${hold_musik}"/>
                         ^^^^^^^^^^^^^^ preprocess/undefined-var: never set: FreeSWITCH expands it to "" (did you mean "hold_music"?)
  <param name="b" value="$\${later}"/>
                         ^^^^^^^^^ preprocess/undefined-var: used before it is set
  <X-PRE-PROCESS cmd="set" data="later=1"/>
  <param name="c" value="$\${local_ip_v4}"/>
  <!-- <param name="d" value="$\${not_in_comments}"/> -->
</document>
`,
    });
    const fixed = r.applyFix('preprocess/undefined-var');
    expect(fixed['freeswitch.xml']).toContain('value="$${hold_music}"');
  });
});
