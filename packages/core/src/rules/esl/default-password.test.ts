import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// event_socket password is the stock ClueCon
const bad = ruleTree({
  'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf" description="Socket Client">
  <settings>
    <param name="listen-ip" value="127.0.0.1"/>
    <param name="password" value="ClueCon"/>
                                  ^^^^^^^ esl/default-password: event_socket password is the well-known "C***"; today only loopback may connect (ACL loopback.auto, listen-ip 127.0.0.1), but any local process or a
  </settings>
</configuration>
`,
});

const fixed = ruleTree({
  'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf" description="Socket Client">
  <settings>
    <param name="listen-ip" value="127.0.0.1"/>
    <param name="password" value="Vq7#kLw2-Rz9pX"/>
  </settings>
</configuration>
`,
});

describe('esl/default-password', () => {
  it('event_socket password is the stock ClueCon', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['esl/default-password'] }).findings).toEqual([]);
  });
});
