import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

describe('sofia/blind-reg, blind-auth, register-acl-skips-auth, legacy-tls, bind-conflict', () => {
  it('reports each with what FreeSWITCH does', () => {
    const r = checkFindings({
      'sip_profiles/a.xml': `<profile name="a">
  <settings>
    <param name="accept-blind-reg" value="true"/>
                                          ^^^^ sofia/blind-reg: anyone can register as any user
    <param name="accept-blind-auth" value="yes"/>
                                           ^^^ sofia/blind-auth: accepts any credentials
    <param name="apply-register-acl" value="10.0.0.0/8"/>
                                            ^^^^^^^^^^ sofia/register-acl-skips-auth: without asking for a password (and answers REGISTERs from any other address with 403, with no digest fallback)
    <param name="tls" value="true"/>
    <param name="tls-version" value="tlsv1,tlsv1.2"/>
                                     ^^^^^^^^^^^^^ sofia/legacy-tls: tlsv1
    <param name="sip-port" value="5070"/>
  </settings>
</profile>
`,
      'sip_profiles/b.xml': `<profile name="b">
  <settings>
    <param name="sip-port" value="5070"/>
                                  ^^^^ sofia/bind-conflict: profiles a and b both bind
    <param name="accept-blind-auth" value="true"/>
    <param name="enforce-blind-auth-result" value="true"/>
  </settings>
</profile>
`,
    });
    const fixed = r.applyFix('sofia/blind-reg');
    const fixed2 = runFixture(fixed).applyFix('sofia/legacy-tls');
    expect(fixed2['sip_profiles/a.xml']).toContain('name="accept-blind-reg" value="false"');
    expect(fixed2['sip_profiles/a.xml']).toContain('name="tls-version" value="tlsv1.2"');
    const again = runFixture(fixed2).findings.map((f) => f.rule);
    expect(again).not.toContain('sofia/blind-reg');
    expect(again).not.toContain('sofia/legacy-tls');
  });
});
