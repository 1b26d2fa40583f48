import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { miniTree } from '../../simulate/testing.js';
import { tollFraudPath } from './toll-fraud-path.js';
import { openContext } from './open-context.js';
import { analyze } from '../../analysis.js';
import { NodeFileSystem } from '../../host/node-fs.js';

const RULES = [tollFraudPath, openContext];
const dialplan = (publicExts: string) => `
<context name="public">${publicExts}</context>
<context name="default">
  <extension name="local"><condition field="destination_number" expression="^(1\\d{3})$"><action application="bridge" data="user/$1@example.org"/></condition></extension>
  <extension name="vm"><condition field="destination_number" expression="^\\*98$"><action application="answer"/><action application="voicemail" data="check default example.org"/></condition></extension>
  <extension name="intl"><condition field="destination_number" expression="^00(\\d{6,})$"><action application="bridge" data="sofia/gateway/carrier/$1"/></condition></extension>
</context>`;
const profile = (name: string, settings: string) => `<profile name="${name}"><settings>${settings}</settings>
  <gateways><gateway name="carrier"><param name="proxy" value="198.51.100.1"/></gateway></gateways></profile>`;

describe('security/toll-fraud-path and security/open-context', () => {
  it('a catch-all transfer from the public context into default reaches the gateway: error with the path', () => {
    const a = miniTree(
      {
        profile: profile('edge', `<param name="context" value="public"/><param name="auth-calls" value="false"/>`),
        dialplan: dialplan(
          `<extension name="to_default"><condition><action application="transfer" data="\${destination_number} XML default"/></condition></extension>`,
        ),
      },
      RULES,
    );
    const toll = a.findings.filter((f) => f.rule === 'security/toll-fraud-path');
    expect(toll).toHaveLength(1);
    expect(toll[0]!.severity).toBe('error');
    expect(toll[0]!.message).toMatch(/profile edge .*dialling 00\d{6} reaches gateway carrier/);
    expect(toll[0]!.message).toContain(
      'profile edge → context public → extension to_default → context default → extension intl → bridge(sofia/gateway/carrier/',
    );
    expect(toll[0]!.related?.map((r) => r.message)).toEqual(
      expect.arrayContaining(['extension to_default in context public', 'extension intl in context default', 'gateway carrier']),
    );
    const open = a.findings.filter((f) => f.rule === 'security/open-context');
    expect(open).toHaveLength(1);
    expect(open[0]!.message).toMatch(/reach local users \(1\d{3} → user\/1\d{3}@example\.org\), voicemail \(\*98 → voicemail check default example\.org\)/);
  });

  it('judged by behaviour: a profile named "internal" that lets strangers in is flagged; one that challenges is not, whatever its name', () => {
    const exts = `<extension name="to_default"><condition><action application="transfer" data="\${destination_number} XML default"/></condition></extension>`;
    const open = miniTree(
      { profile: profile('internal', `<param name="context" value="public"/><param name="auth-calls" value="false"/>`), dialplan: dialplan(exts) },
      RULES,
    );
    expect(open.findings.some((f) => f.rule === 'security/toll-fraud-path' && f.message.includes('profile internal'))).toBe(true);
    const closed = miniTree(
      { profile: profile('external', `<param name="context" value="default"/><param name="auth-calls" value="true"/>`), dialplan: dialplan(exts) },
      RULES,
    );
    expect(closed.findings.filter((f) => f.rule.startsWith('security/'))).toEqual([]);
  });

  it('only the extensions the stranger can reach count: a public context routing only to local users is a warning, not an error', () => {
    const a = miniTree(
      {
        profile: profile('edge', `<param name="context" value="public"/><param name="auth-calls" value="false"/>`),
        dialplan: dialplan(
          `<extension name="did"><condition field="destination_number" expression="^(1\\d{3})$"><action application="transfer" data="$1 XML default"/></condition></extension>`,
        ),
      },
      RULES,
    );
    expect(a.findings.filter((f) => f.rule === 'security/toll-fraud-path')).toEqual([]);
    expect(a.findings.filter((f) => f.rule === 'security/open-context')).toHaveLength(1);
  });

  it('a profile whose inbound ACL lets in every IPv6 address is judged with an IPv6 stranger', () => {
    const exts = `<extension name="to_default"><condition><action application="transfer" data="\${destination_number} XML default"/></condition></extension>`;
    const a = miniTree(
      {
        profile: profile(
          'v6edge',
          `<param name="context" value="public"/><param name="auth-calls" value="false"/><param name="apply-inbound-acl" value="any6"/>`,
        ),
        acl: `<list name="any6" default="deny"><node type="allow" cidr="::/0"/></list>`,
        dialplan: dialplan(exts),
      },
      RULES,
    );
    const toll = a.findings.filter((f) => f.rule === 'security/toll-fraud-path');
    expect(toll).toHaveLength(1);
    expect(toll[0]!.message).toMatch(/a caller from the internet \(2001:db8::7\) is let in without a password on profile v6edge/);
  });

  it("FreeSWITCH's vanilla tree: public reaches local users and conferences on both external profiles; no toll-fraud path", () => {
    const root = path.join(fileURLToPath(new URL('../../../../..', import.meta.url)), 'test', 'corpus', 'freeswitch', 'vanilla');
    const a = analyze(new NodeFileSystem(), { root, rules: RULES });
    expect(a.findings.filter((f) => f.rule === 'security/toll-fraud-path')).toEqual([]);
    const open = a.findings.filter((f) => f.rule === 'security/open-context');
    expect(open.map((f) => path.basename(f.file)).sort()).toEqual(['external-ipv6.xml', 'external.xml']);
    expect(open[0]!.message).toMatch(/local users \(10[01]\d → user\/10[01]\d@/);
    expect(open[0]!.message).toMatch(/conferences \(3[5-8][01]\d → conference /);
  });
});
