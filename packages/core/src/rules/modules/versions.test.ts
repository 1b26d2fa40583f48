import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { KNOWLEDGE_VERSIONS, application, module as kbModule, renderAppHover, renderModuleHover } from '../../kb/index.js';
import { validateConfig } from '../../config.js';

const modules = `<configuration name="modules.conf">
  <modules>
    <load module="mod_dptools"/>
    <load module="mod_rayo"/>
    <load module="mod_ssml"/>
  </modules>
</configuration>
`;
const dialplan = `<include>
  <context name="default">
    <extension name="rayo">
      <condition field="destination_number" expression="^rayo$">
        <action application="rayo"/>
      </condition>
    </extension>
  </context>
</include>
`;

describe('version-aware knowledge (1.10.12 and master)', () => {
  it('without a version said, a 1.10-only module and its application are real (no finding)', () => {
    const r = runFixture(
      { 'autoload_configs/modules.conf.xml': modules, 'dialplan/default.xml': dialplan },
      { only: ['modules/unknown-module', 'dialplan/unknown-app'] },
    );
    expect(r.actual).toEqual([]);
  });

  it('freeswitch: "1.10" accepts them; "master" reports them as removed in 1.11', () => {
    const on110 = runFixture(
      { 'autoload_configs/modules.conf.xml': modules, 'dialplan/default.xml': dialplan },
      { only: ['modules/unknown-module', 'dialplan/unknown-app'], settings: { freeswitch: '1.10' } },
    );
    expect(on110.actual).toEqual([]);
    const onMaster = runFixture(
      {
        'autoload_configs/modules.conf.xml': modules.replace(
          '"mod_rayo"/>',
          '"mod_rayo"/>\n                  ^^^^^^^^ modules/unknown-module: "mod_rayo" was removed in FreeSWITCH 1.11',
        ),
        'dialplan/default.xml': dialplan.replace('"rayo"/>', '"rayo"/>\n                                ^^^^ dialplan/unknown-app: removed'),
      },
      { only: ['modules/unknown-module', 'dialplan/unknown-app'], settings: { freeswitch: 'master' } },
    );
    expect(onMaster.actual.length).toBe(3); // mod_rayo, mod_ssml, rayo
    expect(onMaster.messageMismatches).toEqual([]);
    expect(onMaster.findings.find((f) => f.message.includes('mod_ssml'))?.message).toContain('removed in FreeSWITCH 1.11');
  });

  it('.fsconf.yaml freeswitch: accepts 1.10, 1.10.12, 1.11, master (and an unquoted 1.10) and rejects others', () => {
    expect(validateConfig({ freeswitch: '1.10.12' }).config.freeswitch).toBe('1.10');
    expect(validateConfig({ freeswitch: 1.1 }).config.freeswitch).toBe('1.10');
    expect(validateConfig({ freeswitch: 'master' }).config.freeswitch).toBe('master');
    expect(validateConfig({ freeswitch: '1.11' }).config.freeswitch).toBe('1.11');
    expect(validateConfig({ freeswitch: '1.8' }).problems[0]?.message).toContain('freeswitch must be one of 1.10, 1.11, master');
  });

  it('hovers say which versions have a module or application', () => {
    expect(KNOWLEDGE_VERSIONS).toEqual(['1.10', '1.11', 'master']);
    expect(renderModuleHover(kbModule('mod_rayo')!)).toContain('removed in 1.11');
    expect(renderAppHover(application('ladspa_run')!)).toContain('FreeSWITCH 1.10.12 has it');
    expect(renderModuleHover(kbModule('mod_sofia')!)).toContain('In FreeSWITCH 1.10.12 and master');
    // python: mod_python3, and on 1.10 mod_python too
    expect(renderAppHover(application('python')!)).toContain('module `mod_python3` or `mod_python` (1.10)');
  });
});
