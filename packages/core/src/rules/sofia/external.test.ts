import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';

const acl = `<configuration name="acl.conf">
  <network-lists>
    <list name="carriers" default="deny">
      <node type="allow" cidr="203.0.113.0/24"/>
    </list>
  </network-lists>
</configuration>
`;

describe('sofia/external-inbound-acl, sofia/external-context, sofia/auth-failures-not-logged', () => {
  it('reports the mod_cti refusals with their messages and fixes', () => {
    const r = runFixture({
      'autoload_configs/acl.conf.xml': acl,
      'dialplan/public.xml': '<include>\n  <context name="public"/>\n</include>\n',
      'sip_profiles/external.xml': `<profile name="external">
  <settings>
    <param name="context" value="default"/>
                                 ^^^^^^^ sofia/external-context: sofia_profile:external context:default refuse load
    <param name="apply-inbound-acl" value=""/>
                                           ^ sofia/external-inbound-acl: sofia_profile:external apply-inbound-acl is empty refuse load
    <param name="log-auth-failures" value="false"/>
                                           ^^^^^ sofia/auth-failures-not-logged: fail2ban
  </settings>
</profile>
`,
    });
    // the empty value's squiggle is zero-width at the quotes: compare positions only
    expect(r.actual.map((x) => x.replace(/-\d+ /, ' '))).toEqual(r.expected.map((x) => x.replace(/-\d+ /, ' ')));
    const fixed = { ...r.files };
    Object.assign(fixed, r.applyFix('sofia/external-context'));
    const fixed2 = runFixture(fixed).applyFix('sofia/external-inbound-acl', 'carriers');
    const fixed3 = runFixture(fixed2).applyFix('sofia/auth-failures-not-logged');
    expect(fixed3['sip_profiles/external.xml']).toContain('value="public"');
    expect(fixed3['sip_profiles/external.xml']).toContain('name="apply-inbound-acl" value="carriers"');
    expect(runFixture(fixed3).findings.filter((f) => f.rule.startsWith('sofia/'))).toEqual([]);
  });

  it('missing context means default; missing apply-inbound-acl offers one insertion per ACL list', () => {
    const r = runFixture({
      'autoload_configs/acl.conf.xml': acl.replace('</network-lists>', '  <list name="office" default="deny"/>\n  </network-lists>'),
      'sip_profiles/external.xml': '<profile name="external">\n  <settings>\n    <param name="log-auth-failures" value="true"/>\n  </settings>\n</profile>\n',
    });
    const rules = r.findings
      .map((f) => f.rule)
      .filter((x) => x.startsWith('sofia/'))
      .sort();
    expect(rules).toEqual(['sofia/external-context', 'sofia/external-inbound-acl']);
    const inbound = r.findings.find((f) => f.rule === 'sofia/external-inbound-acl')!;
    expect(inbound.fixes.map((f) => f.title)).toEqual([
      'Insert apply-inbound-acl="carriers" (admits 203.0.113.0/24)',
      'Insert apply-inbound-acl="office" (denies everything)',
    ]);
  });

  it('offers only contexts the dialplan defines: a call-center image whose dialplan has only "default" gets no context fix', () => {
    const tree = (dialplan: string) => ({
      'autoload_configs/acl.conf.xml': acl,
      'dialplan/default.xml': dialplan,
      // no inbound ACL: the profile takes calls from any address (without mod_cti, that is what the rule judges)
      'sip_profiles/external.xml':
        '<profile name="external">\n  <settings>\n    <param name="context" value="default"/>\n    <param name="log-auth-failures" value="true"/>\n  </settings>\n</profile>\n',
    });
    const only = runFixture(tree('<include>\n  <context name="default"/>\n</include>\n'));
    const f = only.findings.find((x) => x.rule === 'sofia/external-context')!;
    expect(f).toBeDefined();
    expect(f.fixes).toEqual([]);
    const two = runFixture(tree('<include>\n  <context name="default"/>\n  <context name="from-carrier"/>\n  <context name="public"/>\n</include>\n'));
    const g = two.findings.find((x) => x.rule === 'sofia/external-context')!;
    expect(g.fixes.map((x) => [x.title, x.kind, !!x.preferred])).toEqual([
      ['Set context=public (a context the dialplan defines) here', 'choice', true],
      ['Set context=from-carrier (a context the dialplan defines) here', 'choice', false],
    ]);
  });
});
