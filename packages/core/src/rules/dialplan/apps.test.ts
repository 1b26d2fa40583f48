import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { dialplanTree, xml } from './fixture-tree.js';

const MODULES = `<configuration name="modules.conf" description="Modules">
  <modules>
    <load module="mod_dptools"/>
    <load module="mod_dialplan_xml"/>
  </modules>
</configuration>
`;

describe('dialplan/unknown-app', () => {
  it('names no module: warning with did-you-mean; module not loaded: info', () => {
    const r = checkFindings(
      {
        ...dialplanTree({
          'autoload_configs/modules.conf.xml': MODULES,
          'dialplan/default.xml': xml`<include>
  <context name="default">
    <extension name="apps">
      <condition field="destination_number" expression="^1$">
        <action application="answer"/>
        <action application="Playback" data="ivr/hello.wav"/>
        <action application="playbak" data="ivr/hello.wav"/>
                             ^^^^^^^ dialplan/unknown-app: no FreeSWITCH module registers the application "playbak": FreeSWITCH logs "Invalid Application playbak" and hangs up the call (did you mean "playback"?)
        <action application="voicemail" data="default §{domain_name} 1000"/>
                             ^^^^^^^^^ dialplan/unknown-app: "voicemail" is registered by mod_voicemail, which modules.conf does not load
        <action application="cti_robot" data="x"/>
        <action application="§{app}" data="x"/>
        <anti-action application="hangupp"/>
                                  ^^^^^^^ dialplan/unknown-app: "hangupp"
      </condition>
    </extension>
  </context>
</include>
`,
        }),
        '.fsconf.yaml': 'known:\n  applications: [cti_robot]\n',
      },
      { only: ['dialplan/unknown-app'] },
    );
    expect(r.findings.map((f) => f.severity)).toEqual(['warning', 'info', 'warning']);
    const fixed = r.applyFix('dialplan/unknown-app');
    expect(fixed['dialplan/default.xml']).toContain('application="playback" data="ivr/hello.wav"');
    expect(fixed['dialplan/default.xml']).toContain('<anti-action application="hangup"/>');
  });

  it('python: mod_python registers it too on 1.10, so loading mod_python is enough there (not on master)', () => {
    const tree = (load: string) =>
      dialplanTree({
        'autoload_configs/modules.conf.xml': MODULES.replace('<load module="mod_dptools"/>', `<load module="mod_dptools"/>\n    <load module="${load}"/>`),
        'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="ivr">
      <condition field="destination_number" expression="^5000$">
        <action application="python" data="acme.ivr"/>
      </condition>
    </extension>
  </context>
</include>
`,
      });
    const messages = (load: string, settings?: { freeswitch: 'master' }) =>
      runFixture(tree(load), { only: ['dialplan/unknown-app'], ...(settings ? { settings } : {}) }).findings.map((f) => f.message);
    expect(messages('mod_python')).toEqual([]);
    expect(messages('mod_python3')).toEqual([]);
    expect(messages('mod_sndfile')).toEqual([
      '"python" is registered by mod_python3 or mod_python (FreeSWITCH 1.10), which modules.conf does not load: unless it is loaded by hand, FreeSWITCH logs "Invalid Application python" and hangs up the call',
    ]);
    expect(messages('mod_python', { freeswitch: 'master' })).toEqual([
      '"python" is registered by mod_python3, which modules.conf does not load: unless it is loaded by hand, FreeSWITCH logs "Invalid Application python" and hangs up the call',
    ]);
  });

  it('no modules.conf in the tree: no info; a chatplan is not a dialplan', () => {
    const r = runFixture(
      dialplanTree({
        'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="apps">
      <condition field="destination_number" expression="^1$">
        <action application="voicemail" data="default example.com 1000"/>
        <action application="skinny-process"/>
      </condition>
    </extension>
  </context>
</include>
`,
        'chatplan/default.xml': `<include>
  <context name="default">
    <extension name="demo">
      <condition field="to" expression="^(.*)$">
        <action application="reply" data="Hello"/>
      </condition>
    </extension>
  </context>
</include>
`,
      }),
      { only: ['dialplan/unknown-app', 'dialplan/unknown-field', 'dialplan/capture-ref'] },
    );
    expect(r.findings).toEqual([]);
  });
});

describe('dialplan/inline-not-routing', () => {
  it('inline="true" on an app without SAF_ROUTING_EXEC; fix removes the attribute', () => {
    const r = checkFindings(
      dialplanTree({
        'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="inline">
      <condition field="destination_number" expression="^1$">
        <action application="answer" inline="true"/>
                                     ^^^^^^^^^^^^^ dialplan/inline-not-routing: answer is not a routing-exec application
        <action application="set" data="a=b" inline="true"/>
        <action application="export" data="a=b" inline="yes"/>
        <action application="playback" data="x.wav" inline="false"/>
        <action application="nosuchapp" inline="true"/>
      </condition>
    </extension>
  </context>
</include>
`,
      }),
      { only: ['dialplan/inline-not-routing'] },
    );
    const fixed = r.applyFix('dialplan/inline-not-routing');
    expect(fixed['dialplan/default.xml']).toContain('<action application="answer"/>');
  });
});
