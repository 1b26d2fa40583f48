import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('preprocess/exec', () => {
  it('notes exec/exec-set and treats their values as unknown', () => {
    const r = checkFindings({
      'freeswitch.xml': `<document>
  <X-PRE-PROCESS cmd="exec-set" data="ip=/usr/bin/get-ip"/>
                      ^^^^^^^^ preprocess/exec: fsconf never runs it
  <X-PRE-PROCESS cmd="stun-set" data="ext=stun:stun.example.org"/>
  <param name="a" value="$\${ip}"/>
</document>
`,
    });
    expect(r.analysis.tree.vars.defs.get('ip')?.[0]?.value).toBeUndefined();
    expect(r.analysis.tree.vars.defs.get('ext')?.[0]?.cmd).toBe('stun-set');
  });
});
