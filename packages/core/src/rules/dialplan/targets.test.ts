import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { dialplanTree, xml } from './fixture-tree.js';

const SOFIA = `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <profile name="external">
      <gateways>
        <gateway name="carrier1">
          <param name="proxy" value="sip.example.net"/>
        </gateway>
      </gateways>
      <settings>
        <param name="context" value="public"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`;

const PUBLIC = `<include>
  <context name="public">
    <extension name="in">
      <condition field="destination_number" expression="^(\\d+)$">
        <action application="transfer" data="$1 XML default"/>
      </condition>
    </extension>
  </context>
</include>
`;

describe('dialplan/unknown-context', () => {
  it('a literal transfer/execute_extension target context that no <context> defines', () => {
    const r = checkFindings(
      dialplanTree({
        'autoload_configs/sofia.conf.xml': SOFIA,
        'dialplan/public.xml': PUBLIC,
        'dialplan/default.xml': xml`<include>
  <context name="default">
    <extension name="targets">
      <condition field="destination_number" expression="^(\d+)$">
        <action application="transfer" data="1000 XML featurez"/>
                                                      ^^^^^^^^ dialplan/unknown-context: transfer names the context "featurez", which no <context name> in the dialplan defines: FreeSWITCH logs "Context featurez not found" and the call has no route (did you mean "features"?)
        <action application="transfer" data="-bleg 1000 XML Public"/>
        <action application="execute_extension" data="is_secure XML nowhere"/>
                                                                    ^^^^^^^ dialplan/unknown-context: execute_extension names the context "nowhere"
        <action application="transfer" data="1000 XML §{ctx}"/>
        <action application="transfer" data="1000 enum nowhere"/>
        <action application="transfer" data="1000"/>
        <action application="transfer" data="1000 XML"/>
        <action application="play_and_get_digits" data="1 4 3 5000 # a.wav b.wav d \d+ 2000 '9999 XML voicemial'"/>
                                                                                                      ^^^^^^^^^ dialplan/unknown-context: play_and_get_digits names the context "voicemial"
      </condition>
    </extension>
  </context>
  <context name="features"/>
</include>
`,
      }),
      { only: ['dialplan/unknown-context'] },
    );
    const fixed = r.applyFix('dialplan/unknown-context');
    expect(fixed['dialplan/default.xml']).toContain('data="1000 XML features"');
  });

  it('falls back to "global"; a file on its own is not judged', () => {
    const withGlobal = runFixture(
      dialplanTree({
        'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="t">
      <condition field="destination_number" expression="^1$">
        <action application="transfer" data="1000 XML nowhere"/>
      </condition>
    </extension>
  </context>
  <context name="global"/>
</include>
`,
      }),
      { only: ['dialplan/unknown-context'] },
    );
    expect(withGlobal.findings.map((f) => f.message)).toEqual([
      'transfer names the context "nowhere", which no <context name> in the dialplan defines: FreeSWITCH falls back to the "global" context',
    ]);
    const alone = runFixture({ 'dialplan/default.xml': PUBLIC.replace('XML default', 'XML other') }, { only: ['dialplan/unknown-context'] });
    expect(alone.findings).toEqual([]);
  });
});

describe('dialplan/unknown-gateway', () => {
  it('a literal sofia/gateway/<name> that no profile defines', () => {
    const r = checkFindings(
      dialplanTree({
        'autoload_configs/sofia.conf.xml': SOFIA,
        'dialplan/default.xml': xml`<include>
  <context name="default">
    <extension name="out">
      <condition field="destination_number" expression="^9(\d+)$">
        <action application="bridge" data="sofia/gateway/carrier2/$1"/>
                                                         ^^^^^^^^ dialplan/unknown-gateway: no sofia profile defines the gateway "carrier2": mod_sofia logs "Invalid Gateway 'carrier2'" and the call leg fails (INVALID_GATEWAY) (did you mean "carrier1"?)
        <action application="bridge" data="{ignore_early_media=true}sofia/gateway/carrier1/$1|[leg_timeout=5]sofia/gateway/backup/$1"/>
                                                                                                                           ^^^^^^ dialplan/unknown-gateway: "backup"
        <action application="bridge" data="sofia/gateway/external::carrier1/$1,sofia/gateway/$§{provider}/$1"/>
        <action application="bridge" data="sofia/gateway/§{gw}/$1"/>
        <action application="bridge" data="sofia/internal/1000@example.com"/>
        <anti-action application="bridge" data="sofia/gateway/carrierX/$1"/>
                                                              ^^^^^^^^ dialplan/unknown-gateway: "carrierX"
      </condition>
    </extension>
  </context>
</include>
`,
      }),
      { only: ['dialplan/unknown-gateway'] },
    );
    const fixed = r.applyFix('dialplan/unknown-gateway', 'carrier1');
    expect(fixed['dialplan/default.xml']).toContain('data="sofia/gateway/carrier1/$1"');
  });
});
