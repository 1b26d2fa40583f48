import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a verto profile has neither userauth nor root-password
const bad = ruleTree({
  'autoload_configs/verto.conf.xml': `<configuration name="verto.conf" description="HTML5 Verto Endpoint">
  <profiles>
    <profile name="default-v4">
                   ^^^^^^^^^^ verto/no-auth: verto profile default-v4 has neither userauth nor root-password: mod_verto accepts JSON-RPC logins without authentication
      <param name="bind-local" value="0.0.0.0:8081"/>
    </profile>
  </profiles>
</configuration>
`,
});

const fixed = ruleTree({
  'autoload_configs/verto.conf.xml': `<configuration name="verto.conf" description="HTML5 Verto Endpoint">
  <profiles>
    <profile name="default-v4">
      <param name="bind-local" value="0.0.0.0:8081"/>
      <param name="userauth" value="true"/>
    </profile>
  </profiles>
</configuration>
`,
});

describe('verto/no-auth', () => {
  it('a verto profile has neither userauth nor root-password', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['verto/no-auth'] }).findings).toEqual([]);
  });
});
