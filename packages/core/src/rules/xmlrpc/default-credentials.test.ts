import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// mod_xml_rpc auth-pass is the stock "works"
const bad = ruleTree({
  'autoload_configs/xml_rpc.conf.xml': `<configuration name="xml_rpc.conf" description="XML RPC">
  <settings>
    <param name="auth-realm" value="freeswitch"/>
    <param name="auth-user" value="freeswitch"/>
    <param name="auth-pass" value="works"/>
                                   ^^^^^ xmlrpc/default-credentials: xml_rpc auth-pass is the stock "w***" that ships with FreeSWITCH: anyone who knows it can run API commands over HTTP (mod_xml_rpc is not loaded in
  </settings>
</configuration>
`,
});

const fixed = ruleTree({
  'autoload_configs/xml_rpc.conf.xml': `<configuration name="xml_rpc.conf" description="XML RPC">
  <settings>
    <param name="auth-realm" value="freeswitch"/>
    <param name="auth-user" value="freeswitch"/>
    <param name="auth-pass" value="Vq7#kLw2-Rz9pX"/>
  </settings>
</configuration>
`,
});

describe('xmlrpc/default-credentials', () => {
  it('mod_xml_rpc auth-pass is the stock "works"', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['xmlrpc/default-credentials'] }).findings).toEqual([]);
  });
});
