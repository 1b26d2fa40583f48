import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

const tree = (profile: string, vars = '<include>\n  <X-PRE-PROCESS cmd="set" data="internal_auth_calls=false"/>\n</include>\n') => ({
  'freeswitch.xml': `<document>
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration">
    <configuration name="sofia.conf">
      <profiles>
        <X-PRE-PROCESS cmd="include" data="sip_profiles/*.xml"/>
      </profiles>
    </configuration>
  </section>
</document>
`,
  'vars.xml': vars,
  'sip_profiles/internal.xml': profile,
});

describe('sofia/internal-auth-calls', () => {
  it('judges the value after $${} expansion and offers to fix the variable', () => {
    const r = checkFindings(
      tree(`<profile name="internal">
  <settings>
    <param name="auth-calls" value="$\${internal_auth_calls}"/>
                                    ^^^^^^^^^^^^^^^^^^^^^^^ sofia/internal-auth-calls: auth-calls is "false" (from $\${internal_auth_calls}), which FreeSWITCH reads as false: FreeSWITCH takes INVITEs on profile internal without a password from any address; they land in context "default"
  </settings>
</profile>
`),
    );
    const f = r.findings[0]!;
    expect(f.message).toContain('"false" (from $${internal_auth_calls})');
    expect(f.related?.[0]?.file).toBe('/conf/vars.xml');
    const fixed = r.applyFix('sofia/internal-auth-calls');
    expect(fixed['vars.xml']).toContain('data="internal_auth_calls=true"');
    expect(runFixture(fixed).findings).toEqual([]);
  });

  it('a missing auth-calls is reported and inserted', () => {
    const r = checkFindings(
      tree(`<profile name="internal-v4">
  <settings>
   ^^^^^^^^ sofia/internal-auth-calls: auth-calls is not set
    <param name="sip-port" value="5060"/>
  </settings>
</profile>
`),
    );
    const fixed = r.applyFix('sofia/internal-auth-calls');
    expect(fixed['sip_profiles/internal.xml']).toContain('    <param name="sip-port" value="5060"/>\n    <param name="auth-calls" value="true"/>\n');
    expect(runFixture(fixed).findings).toEqual([]);
  });

  it('true words, unknown values and non-internal profiles are silent', () => {
    for (const v of ['true', 'yes', 'on', '1', '$${from_exec}']) {
      const r = runFixture(
        tree(
          `<profile name="internal"><settings><param name="auth-calls" value="${v}"/></settings></profile>\n`,
          '<include>\n  <X-PRE-PROCESS cmd="exec-set" data="from_exec=/bin/x"/>\n</include>\n',
        ),
        { only: ['sofia/internal-auth-calls'] },
      );
      expect(r.actual, v).toEqual([]);
    }
    const ext = runFixture(tree('<profile name="branch-office"><settings><param name="auth-calls" value="false"/></settings></profile>\n'), {
      only: ['sofia/internal-auth-calls'],
    });
    expect(ext.actual).toEqual([]);
  });

  it('profile roles follow .fsconf.yaml patterns', () => {
    const r = runFixture(tree('<profile name="lan"><settings><param name="auth-calls" value="false"/></settings></profile>\n'), {
      only: ['sofia/internal-auth-calls'],
      settings: { profiles: { internal: ['lan'] } },
    });
    expect(r.actual.length).toBe(1);
  });
});
