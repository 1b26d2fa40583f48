import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// mod_xml_rpc without auth-realm/auth-user authorises every request
const bad = ruleTree({
  'autoload_configs/modules.conf.xml': `<configuration name="modules.conf" description="Modules">
  <modules>
    <load module="mod_xml_rpc"/>
  </modules>
</configuration>
`,
  'autoload_configs/xml_rpc.conf.xml': `<configuration name="xml_rpc.conf" description="XML RPC">
  <settings>
   ^^^^^^^^ xmlrpc/no-auth: xml_rpc has neither auth-realm nor auth-user: every HTTP request may run API commands (mod_xml_rpc is loaded)
    <param name="http-port" value="8080"/>
  </settings>
</configuration>
`,
});

const fixed = ruleTree({
  'autoload_configs/modules.conf.xml': `<configuration name="modules.conf" description="Modules">
  <modules>
    <load module="mod_xml_rpc"/>
  </modules>
</configuration>
`,
  'autoload_configs/xml_rpc.conf.xml': `<configuration name="xml_rpc.conf" description="XML RPC">
  <settings>
    <param name="http-port" value="8080"/>
    <param name="auth-realm" value="freeswitch"/>
    <param name="auth-user" value="rpc"/>
    <param name="auth-pass" value="Vq7#kLw2-Rz9pX"/>
  </settings>
</configuration>
`,
});

describe('xmlrpc/no-auth', () => {
  it('mod_xml_rpc without auth-realm/auth-user authorises every request', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['xmlrpc/no-auth'] }).findings).toEqual([]);
  });
});
