import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// event_socket listens beyond loopback and its ACL allows public addresses
const bad = ruleTree({
  'autoload_configs/acl.conf.xml': `<configuration name="acl.conf">
  <network-lists>
    <list name="open" default="allow"/>
  </network-lists>
</configuration>
`,
  'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf" description="Socket Client">
  <settings>
    <param name="listen-ip" value="0.0.0.0"/>
    <param name="password" value="Vq7#kLw2-Rz9pX"/>
    <param name="apply-inbound-acl" value="open"/>
                                           ^^^^ esl/open-acl: event_socket listens on 0.0.0.0 and its ACL "open" allows public addresses: anyone on the internet who guesses the password controls the switch
  </settings>
</configuration>
`,
});

const fixed = ruleTree({
  'autoload_configs/acl.conf.xml': `<configuration name="acl.conf">
  <network-lists>
    <list name="open" default="allow"/>
  </network-lists>
</configuration>
`,
  'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf" description="Socket Client">
  <settings>
    <param name="listen-ip" value="0.0.0.0"/>
    <param name="password" value="Vq7#kLw2-Rz9pX"/>
    <param name="apply-inbound-acl" value="loopback.auto"/>
  </settings>
</configuration>
`,
});

describe('esl/open-acl', () => {
  it('event_socket listens beyond loopback and its ACL allows public addresses', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('its fix gives the fixed config, which has no finding', () => {
    checkFix(bad, fixed);
    expect(checkFindings(fixed, { only: ['esl/open-acl'] }).findings).toEqual([]);
  });
});
