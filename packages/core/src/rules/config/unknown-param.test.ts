import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

describe('config/unknown-param', () => {
  it('matches each module its own way: case-insensitive, case-sensitive, prefix, _ as -', () => {
    const r = checkFindings({
      'autoload_configs/amr.conf.xml': `<configuration name="amr.conf">
  <settings>
    <param name="DEFAULT-BITRATE" value="7"/>
    <param name="mode-set-overwrite" value="1"/>
                 ^^^^^^^^^^^^^^^^^^ config/unknown-param: "mode-set-overwrite" is not a param mod_amr reads in amr.conf <settings>: FreeSWITCH silently ignores it
    <param name="volt" value="1"/>
                 ^^^^ config/unknown-param: (did you mean "volte"?)
  </settings>
</configuration>
`,
      'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf">
  <settings>
    <param name="Listen-IP" value="127.0.0.1"/>
                 ^^^^^^^^^ config/unknown-param: compares names case-sensitively: "listen-ip"
    <param name="Apply-Inbound-ACL" value="loopback.auto"/>
  </settings>
</configuration>
`,
      'autoload_configs/amqp.conf.xml': `<configuration name="amqp.conf">
  <producers>
    <profile name="default">
      <connections>
        <connection name="primary">
          <param name="hostname" value="localhost"/>
          <param name="ssl_verify_peer" value="false"/>
          <param name="host" value="x"/>
                       ^^^^ config/unknown-param: mod_amqp reads in amqp.conf <producers><profile><connections><connection>
        </connection>
      </connections>
      <params>
        <param name="event_filter_x" value="ALL"/>
        <param name="exchange-nme" value="TAP"/>
                     ^^^^^^^^^^^^ config/unknown-param: mod_amqp only logs an error for it and ignores the value (did you mean "exchange-name"?)
        <param name="Format_fields" value="a"/>
                     ^^^^^^^^^^^^^ config/unknown-param: case-sensitively: "format_fields"
      </params>
    </profile>
  </producers>
</configuration>
`,
      'autoload_configs/conference.conf.xml': `<configuration name="conference.conf">
  <profiles>
    <profile name="default">
      <param name="energy_level" value="100"/>
      <param name="comfort-noise-level" value="1400"/>
                   ^^^^^^^^^^^^^^^^^^^ config/unknown-param: (did you mean "comfort-noise"?)
    </profile>
  </profiles>
</configuration>
`,
      'autoload_configs/voicemail.conf.xml': `<configuration name="voicemail.conf">
  <profiles>
    <profile name="default">
      <param name="file-extnesion" value="wav"/>
                   ^^^^^^^^^^^^^^ config/unknown-param: FreeSWITCH logs a warning and ignores it (did you mean "file-extension"?)
    </profile>
  </profiles>
</configuration>
`,
    });
    const fixed = r.applyFix('config/unknown-param');
    expect(fixed['autoload_configs/amr.conf.xml']).toContain('name="volte"');
    expect(fixed['autoload_configs/event_socket.conf.xml']).toContain('name="listen-ip"');
  });

  it('leaves sofia.conf, the directory, $${} names and configs the KB does not describe alone', () => {
    const r = runFixture(
      {
        'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf">
  <global_settings>
    <param name="no-such-global" value="1"/>
  </global_settings>
  <profiles>
    <profile name="internal">
      <settings>
        <param name="no-such-setting" value="1"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`,
        'autoload_configs/opus.conf.xml': `<configuration name="opus.conf">
  <settings>
    <param name="whatever" value="1"/>
  </settings>
</configuration>
`,
        'autoload_configs/switch.conf.xml': `<configuration name="switch.conf">
  <settings>
    <param name="$\${dynamic}" value="1"/>
    <param name="max-sessions" value="1000"/>
  </settings>
  <cli-keybindings>
    <key name="1" value="help"/>
  </cli-keybindings>
</configuration>
`,
        'directory/1000.xml': `<user id="1000">
  <params>
    <param name="no-such-param" value="x"/>
  </params>
</user>
`,
      },
      { only: ['config/unknown-param'] },
    );
    expect(r.actual).toEqual([]);
  });
});
