import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

describe('sofia/duplicate-param', () => {
  it('a param given twice: the later wins; accumulating params (apply-inbound-acl) are not reported', () => {
    const r = checkFindings(
      {
        'sip_profiles/internal.xml': `<profile name="internal">
  <settings>
    <param name="log-auth-failures" value="true"/>
    <param name="apply-inbound-acl" value="lan"/>
    <param name="sip-ip" value="10.0.0.5"/>
    <param name="apply-inbound-acl" value="carriers"/>
    <param name="log-auth-failures" value="false"/>
                                           ^^^^^ sofia/duplicate-param: log-auth-failures is given twice in profile internal: this "false" wins, the "true" at internal.xml:3 has no effect
    <param name="SIP-IP" value="10.0.0.5"/>
                                ^^^^^^^^ sofia/duplicate-param: with the same value
  </settings>
  <gateways>
    <gateway name="gw">
      <param name="username" value="a"/>
      <param name="Username" value="b"/>
    </gateway>
  </gateways>
</profile>
`,
      },
      { only: ['sofia/duplicate-param'] },
    );
    // removing the earlier, dead line keeps what FreeSWITCH does today
    const fixed = r.applyFix('sofia/duplicate-param', 'Remove the earlier log-auth-failures');
    expect(fixed['sip_profiles/internal.xml']).not.toContain('value="true"');
    expect(fixed['sip_profiles/internal.xml']).toContain('name="log-auth-failures" value="false"');
  });
});

describe('sofia/undefined-context', () => {
  const dialplan =
    '<include>\n  <context name="public">\n    <extension name="x"><condition><action application="hangup"/></condition></extension>\n  </context>\n</include>\n';
  const root = `<document type="freeswitch/xml">
  <section name="configuration">
    <configuration name="sofia.conf"><profiles><X-PRE-PROCESS cmd="include" data="sip_profiles/*.xml"/></profiles></configuration>
  </section>
  <section name="dialplan"><X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/></section>
</document>
`;
  it("a profile's context, and an inbound ACL's pass/fail context, that the dialplan does not define", () => {
    const r = checkFindings(
      {
        'freeswitch.xml': root,
        'dialplan/public.xml': dialplan,
        'sip_profiles/ext.xml': `<profile name="ext">
  <settings>
    <param name="context" value="pubic"/>
                                 ^^^^^ sofia/undefined-context: the context of profile ext is "pubic", which the dialplan does not define: FreeSWITCH finds no extension for these calls and hangs them up with NO_ROUTE_DESTINATION (did you mean "public"?)
    <param name="apply-inbound-acl" value="lan:public:trunks"/>
                                                      ^^^^^^ sofia/undefined-context: fail context
  </settings>
</profile>
`,
      },
      { only: ['sofia/undefined-context'] },
    );
    expect(r.applyFix('sofia/undefined-context', '"public"')['sip_profiles/ext.xml']).toContain('name="context" value="public"');
  });

  it('is silent when a "global" context catches unknown contexts, or when there is no XML dialplan', () => {
    const profile = '<profile name="ext"><settings><param name="context" value="nowhere"/></settings></profile>\n';
    expect(
      runFixture(
        { 'freeswitch.xml': root, 'dialplan/public.xml': dialplan.replace('"public"', '"global"'), 'sip_profiles/ext.xml': profile },
        { only: ['sofia/undefined-context'] },
      ).findings,
    ).toEqual([]);
    expect(runFixture({ 'freeswitch.xml': root, 'sip_profiles/ext.xml': profile }, { only: ['sofia/undefined-context'] }).findings).toEqual([]);
  });
});

describe('sofia/ext-ip-any and sofia/sip-trace', () => {
  it('0.0.0.0 as ext-sip-ip/ext-rtp-ip is replaced by a guess; sip-trace on is noted, with a safe fix', () => {
    const r = checkFindings(
      {
        'sip_profiles/p.xml': `<profile name="p">
  <settings>
    <param name="ext-sip-ip" value="0.0.0.0"/>
                                    ^^^^^^^ sofia/ext-ip-any: Invalid IP 0.0.0.0 replaced with
    <param name="ext-rtp-ip" value="auto-nat"/>
    <param name="sip-trace" value="yes"/>
                                   ^^^ sofia/sip-trace: logs every SIP message
  </settings>
</profile>
`,
      },
      { only: ['sofia/ext-ip-any', 'sofia/sip-trace'] },
    );
    expect(r.applyFix('sofia/sip-trace')['sip_profiles/p.xml']).toContain('name="sip-trace" value="no"');
  });
});
