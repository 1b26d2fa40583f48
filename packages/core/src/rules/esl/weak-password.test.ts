import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

const root = (settings: string, vars = '') => ({
  'freeswitch.xml': `<document type="freeswitch/xml">${vars}
  <section name="configuration">
    <configuration name="acl.conf"><network-lists><list name="lan" default="allow"/></network-lists></configuration>
    <configuration name="event_socket.conf">
      <settings>
${settings}
      </settings>
    </configuration>
  </section>
</document>
`,
});

describe('esl/weak-password', () => {
  it('$${env(X)} expands to "" (no env() in $${}): mod_event_socket then uses ClueCon — an error where other hosts may connect', () => {
    const r = checkFindings(
      root(`        <param name="listen-ip" value="0.0.0.0"/>
        <param name="apply-inbound-acl" value="lan"/>
        <param name="password" value="$\${env(ESL_PASSWORD)}"/>
                                      ^^^^^^^^^^^^^^^^^^^^^ esl/weak-password: the event_socket password is empty ($\${env(ESL_PASSWORD)} is not defined — there is no env() or other function inside $\${}, so it expands to ""): mod_event_socket then uses the well-known "C***"`),
      { only: ['esl/weak-password', 'esl/default-password'] },
    );
    expect(r.findings[0]!.severity).toBe('error');
  });

  it('a password failing the policy is reported (warning on loopback); ClueCon stays esl/default-password; a strong one passes', () => {
    const weak = runFixture(root('        <param name="password" value="secret"/>'), { only: ['esl/weak-password'] });
    expect(weak.findings.map((f) => [f.severity, f.message.slice(0, 60)])).toEqual([
      ['warning', 'the event_socket password "s***" is too simple (1 of the 4 c'],
    ]);
    expect(weak.findings[0]!.message).not.toContain('secret');
    const cluecon = runFixture(root('        <param name="password" value="ClueCon"/>'), { only: ['esl/weak-password', 'esl/default-password'] });
    expect(cluecon.findings.map((f) => f.rule)).toEqual(['esl/default-password']);
    expect(runFixture(root('        <param name="password" value="Vq7#kL2p!x9Z"/>'), { only: ['esl/weak-password'] }).findings).toEqual([]);
  });
});
