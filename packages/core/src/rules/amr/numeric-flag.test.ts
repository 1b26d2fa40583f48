import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('amr/numeric-flag', () => {
  it('words are read with atoi() as 0: true means off', () => {
    const r = checkFindings({
      'autoload_configs/amr.conf.xml': `<configuration name="amr.conf">
  <settings>
    <param name="volte" value="true"/>
                               ^^^^ amr/numeric-flag: volte "true" in amr.conf is read with atoi(), not as a boolean: FreeSWITCH takes it as 0, so volte is off although it says on
    <param name="adjust-bitrate" value="1"/>
    <param name="force-oa" value="yes"/>
                                  ^^^ amr/numeric-flag: force-oa is off
    <param name="mode-set-overwrite" value="true"/>
  </settings>
</configuration>
`,
      'autoload_configs/amrwb.conf.xml': `<configuration name="amrwb.conf">
  <settings>
    <param name="mode-set-overwrite" value="on"/>
                                            ^^ amr/numeric-flag: mode-set-overwrite "on" in amrwb.conf
    <param name="adjust-bitrate" value="false"/>
                                        ^^^^^ amr/numeric-flag: what it says, but only because every word reads as 0
    <param name="volte" value="0"/>
  </settings>
</configuration>
`,
    });
    expect(r.findings.find((f) => f.message.includes('"false"'))!.severity).toBe('info');
    expect(r.findings.find((f) => f.message.includes('volte'))!.severity).toBe('error');
    const fixed = r.applyFix('amr/numeric-flag');
    expect(fixed['autoload_configs/amr.conf.xml']).toContain('name="volte" value="1"');
    expect(fixed['autoload_configs/amr.conf.xml']).toContain('name="force-oa" value="1"');
    expect(fixed['autoload_configs/amrwb.conf.xml']).toContain('name="adjust-bitrate" value="0"');
    const off = r.applyFix('amr/numeric-flag', '(off)');
    expect(off['autoload_configs/amr.conf.xml']).toContain('name="volte" value="0"');
  });
});
