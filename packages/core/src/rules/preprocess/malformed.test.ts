import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

describe('preprocess/malformed', () => {
  it('reports data before cmd and single quotes, and rewrites them canonically', () => {
    const r = checkFindings({
      'freeswitch.xml': `<document>
  <X-PRE-PROCESS data="a=1" cmd="set"/>
  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ preprocess/malformed: data comes before cmd
  <X-PRE-PROCESS cmd='set' data='b=2'/>
  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ preprocess/malformed: single quotes
  <X-PRE-PROCESS cmd="set" data="novalue"/>
                                 ^^^^^^^ preprocess/malformed: without "="
  <X-PRE-PROCESS cmd="env-set" data="home=HOME"/>
                                          ^^^^ preprocess/malformed: must start with "$"
</document>
`,
    });
    // the ignored directives really define nothing
    expect(r.analysis.tree.vars.defs.has('a')).toBe(false);
    expect(r.analysis.tree.vars.defs.has('b')).toBe(false);
    const fixed = r.applyFix('preprocess/malformed');
    expect(fixed['freeswitch.xml']).toContain('<X-PRE-PROCESS cmd="set" data="a=1"/>');
    expect(fixed['freeswitch.xml']).toContain('<X-PRE-PROCESS cmd="set" data="b=2"/>');
    expect(fixed['freeswitch.xml']).toContain('data="home=$HOME"');
    const again = runFixture(fixed);
    expect(again.analysis.tree.vars.defs.get('a')?.[0]?.value).toBe('1');
    expect(again.analysis.tree.vars.defs.get('home')?.[0]?.value).toBeUndefined(); // env-set: unknown, never read
  });

  it('a dialer\'s env-set data="sip_tls_enable=true" is offered cmd="set" (the intent), not "=$true"', () => {
    const r = checkFindings({
      'freeswitch.xml': `<document>
  <X-PRE-PROCESS cmd="env-set" data="sip_tls_enable=true"/>
                                                    ^^^^ preprocess/malformed: must start with "$"
</document>
`,
    });
    expect(r.findings[0]!.fixes.map((f) => [f.title, f.kind])).toEqual([['Change cmd to "set" (sip_tls_enable = true)', 'choice']]);
    const fixed = r.applyFix('preprocess/malformed');
    expect(fixed['freeswitch.xml']).toContain('<X-PRE-PROCESS cmd="set" data="sip_tls_enable=true"/>');
    expect(runFixture(fixed).analysis.tree.vars.defs.get('sip_tls_enable')?.[0]?.value).toBe('true');
  });
});
