import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';

describe('xml/strict', () => {
  it('reports what XML 1.0 rejects but FreeSWITCH accepts, with fixes where obvious', () => {
    const r = checkFindings({
      'x.xml': `<context name="a">
  <extension "demo">
             ^^^^^^ xml/strict: is not an attribute
    <action application="park""/>
                              ^ xml/strict: stray quote
    <action application="log" data="INFO a & b"/>
                                           ^ xml/strict: bare "&"
    <action application="log" data="INFO a &amp; b &#x41;"/>
  </extension>
</context>
`,
    });
    const fixed = r.applyFix('xml/strict');
    expect(fixed['x.xml']).toContain('<action application="park"/>');
    expect(fixed['x.xml']).toContain('data="INFO a &amp; b"');
  });
});
