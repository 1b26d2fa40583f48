import { describe, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('rayo/open-listener', () => {
  it('a listener on 0.0.0.0 (also from $${rayo_ip}) without acl; with an acl or on one address it is fine', () => {
    checkFindings(
      {
        'freeswitch.xml': `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="set" data="rayo_ip=0.0.0.0"/>
  <section name="configuration">
    <configuration name="rayo.conf">
      <domain name="rayo.example.com" shared-secret="x">
        <listen type="c2s" port="5222" address="$\${rayo_ip}" acl=""/>
                                                ^^^^^^^^^^^ rayo/open-listener: binds every address (0.0.0.0) with no acl
        <listen type="s2s" port="5269" address="0.0.0.0" acl="rayo-servers"/>
        <listen type="c2s" port="5223" address="10.0.0.5"/>
      </domain>
    </configuration>
  </section>
</document>
`,
      },
      { only: ['rayo/open-listener'] },
    );
  });
});
