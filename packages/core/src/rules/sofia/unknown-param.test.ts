import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('sofia/unknown-param', () => {
  it('profile names are case-insensitive, gateway names case-sensitive; use-rtp-timer is unknown', () => {
    const r = checkFindings({
      'sip_profiles/internal.xml': `<profile name="internal">
  <gateways>
    <gateway name="carrier">
      <param name="username" value="u"/>
      <param name="Password" value="p"/>
                   ^^^^^^^^ sofia/unknown-param: gateway params are case-sensitive: "password"
      <param name="expire-secondz" value="60"/>
                   ^^^^^^^^^^^^^^ sofia/unknown-param: did you mean "expire-seconds"
    </gateway>
  </gateways>
  <settings>
    <param name="Auth-Calls" value="true"/>
    <param name="use-rtp-timer" value="true"/>
                 ^^^^^^^^^^^^^ sofia/unknown-param: silently ignores it
    <param name="apply-inbound-acll" value="domains"/>
                 ^^^^^^^^^^^^^^^^^^ sofia/unknown-param: (did you mean "apply-inbound-acl"?)
  </settings>
</profile>
`,
    });
    const fixed = r.applyFix('sofia/unknown-param');
    expect(fixed['sip_profiles/internal.xml']).toContain('name="password"');
    expect(fixed['sip_profiles/internal.xml']).toContain('name="apply-inbound-acl"');
  });
});
