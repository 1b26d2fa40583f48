import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';

describe('modules/unknown-module', () => {
  it('mod_acl does not exist; typos get a did-you-mean; known.modules and explicit paths are accepted', () => {
    const r = runFixture(
      {
        'autoload_configs/modules.conf.xml': `<configuration name="modules.conf" description="Modules">
  <modules>
    <load module="mod_sofia"/>
    <load module="mod_acl"/>
                  ^^^^^^^ modules/unknown-module: "mod_acl" is no FreeSWITCH module - There is no mod_acl: ACLs are built into the FreeSWITCH core: FreeSWITCH fails to load it and starts without it
    <load module="mod_dptool"/>
                  ^^^^^^^^^^ modules/unknown-module: (did you mean "mod_dptools"?)
    <load module="mod_cti"/>
    <load module="mod_vendor" path="/opt/vendor/lib"/>
    <load module="mod_commands.so"/>
    <load module="mod_nosuch" critical="true"/>
                  ^^^^^^^^^^ modules/unknown-module: because it is critical, refuses to start
  </modules>
</configuration>
`,
        'autoload_configs/post_load_modules.conf.xml': `<configuration name="post_load_modules.conf">
  <modules>
    <load module="mod_xml_rcp"/>
                  ^^^^^^^^^^^ modules/unknown-module: did you mean "mod_xml_rpc"
  </modules>
</configuration>
`,
      },
      { settings: { known: { modules: ['mod_cti'] } } },
    );
    expect(r.actual).toEqual(r.expected);
    expect(r.messageMismatches).toEqual([]);
    const fixed = r.applyFix('modules/unknown-module');
    expect(fixed['autoload_configs/modules.conf.xml']).not.toContain('mod_acl');
    expect(fixed['autoload_configs/modules.conf.xml']).toContain('<load module="mod_dptools"/>');
    expect(r.applyFix('modules/unknown-module', '"mod_xml_rpc"')['autoload_configs/post_load_modules.conf.xml']).toContain('<load module="mod_xml_rpc"/>');
  });
});
