import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

const acl = `<configuration name="acl.conf">
  <network-lists>
    <list name="carriers" default="deny">
      <node type="allow" cidr="203.0.113.0/24"/>
    </list>
  </network-lists>
</configuration>
`;
const modules = (extra = '') => `<configuration name="modules.conf">
  <modules>
    <load module="mod_sofia"/>${extra}
  </modules>
</configuration>
`;

describe('sofia profiles judged by what they do, not by their names', () => {
  it('a profile named "public" with auth-calls=false, context=public and no inbound ACL is found', () => {
    const r = checkFindings(
      {
        'autoload_configs/acl.conf.xml': acl,
        'sip_profiles/public.xml': `<profile name="public">
  <settings>
   ^^^^^^^^ sofia/external-inbound-acl: no apply-inbound-acl: profile public takes calls without a password (auth-calls is off) from any address; they land in context "public"
    <param name="auth-calls" value="false"/>
    <param name="context" value="public"/>
  </settings>
</profile>
`,
      },
      { only: ['sofia/external-inbound-acl', 'sofia/external-context', 'sofia/internal-auth-calls'] },
    );
    expect(r.findings[0]!.severity).toBe('warning'); // no mod_cti: nothing refuses to load
    expect(r.findings[0]!.message).not.toContain('refuse');
  });

  it('an open profile of any name routing into "default" is a toll-fraud error', () => {
    checkFindings(
      {
        'sip_profiles/trunk.xml': `<profile name="trunk">
  <settings>
    <param name="context" value="default"/>
                                 ^^^^^^^ sofia/external-context: profile trunk takes calls from any address without a password, and they land in the "default" context
  </settings>
</profile>
`,
      },
      { only: ['sofia/external-context'] },
    );
  });

  it('an inbound ACL limits who gets in: auth-calls=true with a carriers ACL is not open', () => {
    const r = runFixture(
      {
        'autoload_configs/acl.conf.xml': acl,
        'sip_profiles/public.xml': `<profile name="public">
  <settings>
    <param name="apply-inbound-acl" value="carriers"/>
    <param name="context" value="public"/>
  </settings>
</profile>
`,
      },
      { only: ['sofia/external-inbound-acl', 'sofia/external-context'] },
    );
    expect(r.findings).toEqual([]);
  });

  it("mod_cti's refusal wording only where mod_cti is loaded; elsewhere what FreeSWITCH does", () => {
    const profile = `<profile name="external">
  <settings>
    <param name="context" value="public"/>
  </settings>
</profile>
`;
    const without = runFixture(
      { 'autoload_configs/modules.conf.xml': modules(), 'sip_profiles/external.xml': profile },
      { only: ['sofia/external-inbound-acl'] },
    );
    expect(without.findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'no apply-inbound-acl: profile external takes calls without a password (auth-calls is off) from any address; they land in context "public"'],
    ]);
    const withCti = runFixture(
      { 'autoload_configs/modules.conf.xml': modules('\n    <load module="mod_cti"/>'), 'sip_profiles/external.xml': profile },
      { only: ['sofia/external-inbound-acl'] },
    );
    expect(withCti.findings.map((f) => f.severity)).toEqual(['error']);
    expect(withCti.findings[0]!.message).toContain('mod_cti refuses to load this profile ("sofia_profile:external apply-inbound-acl is empty refuse load")');
  });

  it('acl/unknown-list says what an unknown inbound or register ACL does on this profile', () => {
    const r = checkFindings(
      {
        'autoload_configs/acl.conf.xml': acl,
        'sip_profiles/internal.xml': `<profile name="internal">
  <settings>
    <param name="auth-calls" value="true"/>
    <param name="apply-inbound-acl" value="lan"/>
                                           ^^^ acl/unknown-list: no address passes it; with auth-calls=true every call falls back to digest authentication
    <param name="apply-register-acl" value="phones"/>
                                            ^^^^^^ acl/unknown-list: FreeSWITCH answers every REGISTER on this profile with 403 Forbidden (no digest fallback)
  </settings>
</profile>
`,
      },
      { only: ['acl/unknown-list', 'sofia/register-acl-skips-auth'] },
    );
    expect(r.findings.every((f) => !f.message.includes('silently denies everything'))).toBe(true);
  });

  it('acl/allows-internet and sofia/register-acl-skips-auth are not both reported at one register ACL', () => {
    checkFindings(
      {
        'autoload_configs/acl.conf.xml': acl.replace('</network-lists>', '  <list name="anyone" default="allow"/>\n  </network-lists>'),
        'sip_profiles/internal.xml': `<profile name="internal">
  <settings>
    <param name="auth-calls" value="true"/>
    <param name="apply-register-acl" value="anyone"/>
                                            ^^^^^^ acl/allows-internet: FreeSWITCH accepts REGISTERs from all of them without asking for a password
  </settings>
</profile>
`,
      },
      { only: ['acl/allows-internet', 'sofia/register-acl-skips-auth'] },
    );
  });

  it('a FusionPBX enabled="false" is explained in the message (FreeSWITCH never reads it)', () => {
    checkFindings(
      {
        'sip_profiles/internal.xml': `<profile name="internal">
  <settings>
    <param name="auth-calls" value="true"/>
    <param name="accept-blind-reg" value="true" enabled="false"/>
                                          ^^^^ sofia/blind-reg: a FusionPBX attribute FreeSWITCH never reads: it is active here
  </settings>
</profile>
`,
      },
      { only: ['sofia/blind-reg'] },
    );
  });
});

describe('findings that contradicted each other or named the wrong users', () => {
  it('a directive split over two lines in a comment: malformed says "join the lines", commented-directive is silent', () => {
    const r = checkFindings(
      {
        'vars.xml': `<include>
  <!-- <X-PRE-PROCESS cmd="set"
       ^^^^^^^^^^^^^^^^^^^^^^^^ preprocess/malformed: FreeSWITCH reads one line at a time and ignores this directive: it continues on the next line
       data="hold_music=local_stream://moh"/> -->
</include>
`,
      },
      { only: ['preprocess/malformed', 'preprocess/commented-directive'] },
    );
    expect(r.findings[0]!.message).toContain('join the lines');
    expect(r.findings[0]!.severity).toBe('info');
  });

  it("mod_rayo's <users> in rayo.conf are no SIP users: no directory/empty-password", () => {
    const r = runFixture(
      {
        'freeswitch.xml': `<document type="freeswitch/xml">
  <section name="configuration">
    <configuration name="rayo.conf">
      <domain name="rayo.example.com" shared-secret="s3cr3t">
        <users>
          <user name="usera" password="1"/>
        </users>
      </domain>
    </configuration>
  </section>
</document>
`,
      },
      { only: ['directory/empty-password', 'directory/password-too-short'] },
    );
    expect(r.findings).toEqual([]);
  });
});
