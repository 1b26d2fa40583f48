import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

const amr = (body: string, name = 'amr.conf') => `<configuration name="${name}">\n  <settings>\n${body}\n  </settings>\n</configuration>\n`;

describe('amr/mode-range', () => {
  it('a bitrate instead of a mode: fix maps it to its mode', () => {
    const r = checkFindings({
      'autoload_configs/amr.conf.xml': amr(`    <param name="default-bitrate" value="12200"/>
                                         ^^^^^ amr/mode-range: "12200" is a bitrate, not a mode index: FreeSWITCH reads it with atoi() as mode 168`),
      'autoload_configs/amrwb.conf.xml': amr(
        `    <param name="default-bitrate" value="23.85"/>
                                         ^^^^^ amr/mode-range: 23.85 kbit/s is mode 8`,
        'amrwb.conf',
      ),
    });
    const fixed = r.applyFix('amr/mode-range');
    expect(fixed['autoload_configs/amr.conf.xml']).toContain('value="7"');
    expect(fixed['autoload_configs/amrwb.conf.xml']).toContain('value="8"');
  });

  it('mode indexes in range pass; amr stops at 7, amrwb at 8; words read as mode 0', () => {
    const r = checkFindings({
      'autoload_configs/amr.conf.xml': amr(`    <param name="default-bitrate" value="8"/>
                                         ^ amr/mode-range: is not an AMR mode index 0-7: FreeSWITCH reads it with atoi() as mode 8 (no range check), which is no AMR mode`),
      'autoload_configs/amrwb.conf.xml': amr(
        `    <param name="default-bitrate" value="8"/>
    <param name="DEFAULT-BITRATE" value="high"/>
                                         ^^^^ amr/mode-range: as mode 0 and encodes at 6.60 kbit/s`,
        'amrwb.conf',
      ),
    });
    const f = r.findings.find((x) => x.message.includes('"8"'))!;
    expect(f.fixes.map((x) => x.title)).toEqual(['Set default-bitrate to mode 7, the highest (12.20 kbit/s) here']);
    expect(f.fixes[0]!.preferred).toBeFalsy();
  });

  it('follows $${} and fixes the variable; skips unknown values', () => {
    const r = checkFindings(
      {
        'freeswitch.xml': `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="set" data="amr_rate=12.2"/>
  <X-PRE-PROCESS cmd="exec-set" data="wb_rate=cat /etc/rate"/>
  <section name="configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
  </section>
</document>
`,
        'autoload_configs/amr.conf.xml': amr(`    <param name="default-bitrate" value="$\${amr_rate}"/>
                                         ^^^^^^^^^^^^ amr/mode-range: "12.2" is a bitrate`),
        'autoload_configs/amrwb.conf.xml': amr(`    <param name="default-bitrate" value="$\${wb_rate}"/>`, 'amrwb.conf'),
      },
      { root: true },
    );
    expect(r.applyFix('amr/mode-range', 'definition')['freeswitch.xml']).toContain('amr_rate=7');
  });
});
