import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';

describe('xml/not-well-formed (as switch_xml_parse_str judges it)', () => {
  it('a "--" inside a comment that is not followed by ">" cannot be closed', () => {
    checkFindings({
      'x.xml': `<settings>
  <!-- Can be 'true' or 'udp-only
  <!--<param name="nat-options-ping" value="true"/>-->
    ^^ xml/not-well-formed: unclosed <!--
</settings>
`,
    });
  });

  it('mismatched and unclosed tags, missing quote, unexpected <', () => {
    expect(runFixture({ 'a.xml': '<a>\n  <b>\n</a>\n   ^ xml/not-well-formed: unexpected closing tag </a>\n' }).actual).toEqual([
      'a.xml:3:2-3 xml/not-well-formed',
    ]);
    expect(runFixture({ 'a.xml': '<a>\n  <b/>\n' }).actual).toEqual(['a.xml:1:1-2 xml/not-well-formed']);
    expect(runFixture({ 'a.xml': '<a x="1/>\n</a>\n' }).actual).toEqual(['a.xml:1:5-6 xml/not-well-formed']);
    expect(runFixture({ 'a.xml': '<a>\n  < b/>\n</a>\n' }).actual).toEqual(['a.xml:2:2-3 xml/not-well-formed']);
  });

  it('accepts what FreeSWITCH accepts: fragments, bare &, attribute without value', () => {
    const r = runFixture({ 'a.xml': '<context name="a"/>\n<context name="b">&</context>\n<extension "x"/>\n' });
    expect(r.findings.filter((f) => f.rule === 'xml/not-well-formed')).toEqual([]);
  });
});
