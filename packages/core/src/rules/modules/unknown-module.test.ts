import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

describe('modules/unknown-module', () => {
  it('mod_acl does not exist; typos get a did-you-mean; known.modules and explicit paths are accepted', () => {
    const r = checkFindings(
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
    const fixed = r.applyFix('modules/unknown-module');
    expect(fixed['autoload_configs/modules.conf.xml']).not.toContain('mod_acl');
    expect(fixed['autoload_configs/modules.conf.xml']).toContain('<load module="mod_dptools"/>');
    expect(r.applyFix('modules/unknown-module', '"mod_xml_rpc"')['autoload_configs/post_load_modules.conf.xml']).toContain('<load module="mod_xml_rpc"/>');
  });
});

describe('modules/unknown-module never offers a module that is not what was meant (a call-center image, a PBX build)', () => {
  it("mod_g722 → no mod_g729 (G.722 is mod_spandsp's); mod_bcg729, a real third-party transcoder → no mod_g729", () => {
    const r = checkFindings({
      'autoload_configs/modules.conf.xml': `<configuration name="modules.conf" description="Modules">
  <modules>
    <!-- Codec Interfaces (mod_g729 is the paid one: not loaded) -->
    <load module="mod_g722"/>
                  ^^^^^^^^ modules/unknown-module: there is no mod_g722: G.722 is provided by mod_spandsp
    <load module="mod_bcg729"/>
                  ^^^^^^^^^^ modules/unknown-module: a third-party G.729 codec module (bcg729), not part of FreeSWITCH
    <load module="mod_spandsp"/>
  </modules>
</configuration>
`,
    });
    for (const f of r.findings) {
      expect(f.message).not.toContain('mod_g729"?');
      expect(f.fixes).toEqual([]);
    }
  });

  it('a did-you-mean is a choice: offered, never applied by --fix', () => {
    const r = runFixture({
      'autoload_configs/modules.conf.xml': `<configuration name="modules.conf"><modules>
    <load module="mod_dptool"/>
                 ^^^^^^^^^^ modules/unknown-module: (did you mean "mod_dptools"?)
</modules></configuration>
`,
    });
    expect(r.findings[0]!.fixes.map((f) => f.kind)).toEqual(['choice']);
  });
});
