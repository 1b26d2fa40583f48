import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('modules/duplicate-load', () => {
  it('a module loaded twice (also as mod_x.so): the second line does nothing; the safe fix removes it', () => {
    const r = checkFindings(
      {
        'autoload_configs/modules.conf.xml': `<configuration name="modules.conf">
  <modules>
    <load module="mod_sofia"/>
    <load module="mod_commands"/>
    <load module="mod_sofia.so"/>
                  ^^^^^^^^^^^^ modules/duplicate-load: mod_sofia is already loaded at modules.conf.xml:3
  </modules>
</configuration>
`,
      },
      { only: ['modules/duplicate-load'] },
    );
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.applyFix('modules/duplicate-load')['autoload_configs/modules.conf.xml']).not.toContain('mod_sofia.so');
  });
});
