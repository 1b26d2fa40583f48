import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { dialplanTree, xml } from './fixture-tree.js';

describe('dialplan/invalid-regex', () => {
  it('judges expressions as PCRE2 does, where FreeSWITCH compiles them', () => {
    const r = checkFindings(
      dialplanTree(
        {
          'dialplan/default.xml': xml`<include>
  <context name="default">
    <extension name="bad">
      <condition field="destination_number" expression="^(1000$">
                                                         ^ dialplan/invalid-regex: missing closing parenthesis
        <action application="answer"/>
      </condition>
      <condition field="destination_number" expression="^[a-$"/>
                                                            ^ dialplan/invalid-regex: range out of order in character class
      <condition field="destination_number">
        <expression><![CDATA[^x{3,2}$]]></expression>
                                   ^ dialplan/invalid-regex: numbers out of order in {} quantifier
      </condition>
      <condition field="destination_number" expression="/^abc$"/>
                                                             ^ dialplan/invalid-regex: missing ending '/'
      <condition field="destination_number" expression="$§{bad_re}"/>
                                                        ^^^^^^^^^^ dialplan/invalid-regex: "^(x$"
      <condition field="destination_number" expression="^(a&amp;b$"/>
                                                        ^^^^^^^^^^ dialplan/invalid-regex: missing closing parenthesis
      <condition regex="any">
        <regex field="caller_id_number" expression="^\d+)$"/>
                                                        ^ dialplan/invalid-regex: unmatched closing parenthesis
      </condition>
    </extension>
    <extension name="good">
      <condition field="destination_number" expression="^\d++$"/>
      <condition field="destination_number" expression="^(?>\d+)(?<ext>\d{4})\Q.*\E$"/>
      <condition field="destination_number" expression="/^ABC$/i"/>
      <condition field="destination_number" expression="_1NXX."/>
      <condition field="destination_number" expression="^(?|(a)|(b))\1$"/>
      <condition field="destination_number" expression="^(§{unknown}$"/>
      <condition expression="^(never compiled: no field$"/>
      <condition field="destination_number" expression="^(ignored in a regex block$" regex="all">
        <regex field="destination_number" expression="^\p{Greek}+$"/>
      </condition>
      <condition field="destination_number" expression="^(1|2)$">
        <regex field="destination_number" expression="^(not a regex block$"/>
      </condition>
    </extension>
  </context>
</include>
`,
        },
        { bad_re: '^(x$' },
      ),
      { only: ['dialplan/invalid-regex'] },
    );
    for (const f of r.findings) expect(f.message).toMatch(/FreeSWITCH logs COMPILE ERROR/);
  });
});

describe('PCRE2, not JavaScript', () => {
  const fixture = (expr: string) =>
    runFixture(
      dialplanTree({
        'dialplan/default.xml': `<include>\n<context name="default"><extension name="x"><condition field="destination_number" expression="${expr}"/></extension></context>\n</include>\n`,
      }),
      { only: ['dialplan/invalid-regex'] },
    ).findings.length;

  it('accepts PCRE2-only syntax that JavaScript rejects', () => {
    for (const p of ['^\\d++$', '^(?>\\d+)$', '^(?|(a)|(b))\\1$', '^(?P<ext>\\d+)$', '^a(?#note)b$', '(?i)^abc$']) {
      expect(() => new RegExp(p), p).toThrow();
      expect(fixture(p), p).toBe(0);
    }
  });

  it('a sanity check: the fixture does judge', () => {
    expect(fixture('^(')).toBe(1);
  });

  it('rejects what PCRE2 rejects even where JavaScript accepts it', () => {
    for (const p of ['^\\k$', '^a\\8$', '^a\\c']) {
      expect(() => new RegExp(p), p).not.toThrow();
      expect(fixture(p), p).toBe(1);
    }
  });
});

describe('dialplan/capture-ref', () => {
  it('checks $N and ${N} against the groups of the condition that substitutes them', () => {
    const r = checkFindings(
      dialplanTree({
        'dialplan/default.xml': xml`<include>
  <context name="default">
    <extension name="one-group">
      <condition field="destination_number" expression="^(\d+)$">
        <action application="transfer" data="$2 XML default"/>
                                             ^^ dialplan/capture-ref: "^(\d+)$" has 1 capture group, so FreeSWITCH replaces $2 with an empty string
        <action application="set" data="x=§{2}§{1}$0$1§{caller_id_number}"/>
                                          ^^^^ dialplan/capture-ref: §{2}
        <action application="log" data="INFO $10"/>
                                             ^^^ dialplan/capture-ref: $10
        <anti-action application="log" data="INFO $5"/>
      </condition>
    </extension>
    <extension name="no-paren">
      <condition field="destination_number" expression="^6070-moderator$">
        <action application="conference" data="$1-§{domain_name}@default"/>
                                               ^^ dialplan/capture-ref: its expression "^6070-moderator$" has no '('
      </condition>
    </extension>
    <extension name="time-only">
      <condition field="destination_number" expression="^(\d+)$"/>
      <condition wday="2-6">
        <action application="bridge" data="user/$1"/>
                                                ^^ dialplan/capture-ref: the condition has no field (only time attributes)
      </condition>
    </extension>
    <extension name="nested">
      <condition field="destination_number" expression="^(\d)(\d)$">
        <action application="log" data="INFO $2"/>
        <condition field="caller_id_number" expression="^(\d+)$">
          <action application="log" data="INFO $1 $2"/>
                                                  ^^ dialplan/capture-ref: "^(\d+)$" has 1 capture group
        </condition>
      </condition>
    </extension>
    <extension name="regex-all">
      <condition regex="all">
        <regex field="destination_number" expression="^(\d)(\d)(\d)$"/>
        <regex field="caller_id_number" expression="^(\d+)$"/>
        <regex field="network_addr" expression="^10\."/>
        <action application="log" data="INFO $1 $3"/>
                                                ^^ dialplan/capture-ref: "^(\d+)$" has 1 capture group
      </condition>
      <condition regex="any">
        <regex field="destination_number" expression="^(\d)(\d)(\d)$"/>
        <regex field="caller_id_number" expression="^(\d+)$"/>
        <action application="log" data="INFO $3 $4"/>
                                                ^^ dialplan/capture-ref: none of the <regex> expressions has more than 3 capture groups
      </condition>
    </extension>
    <extension name="runtime">
      <condition field="destination_number" expression="^§{prefix}(\d+)$">
        <action application="log" data="INFO $7"/>
      </condition>
      <condition field="destination_number" expression="_1NXX">
        <action application="log" data="INFO $1"/>
                                             ^^ dialplan/capture-ref: has no '('
      </condition>
    </extension>
  </context>
</include>
`,
      }),
      { only: ['dialplan/capture-ref'] },
    );
    const sev = Object.fromEntries(r.findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.character}`, f.severity]));
    expect(Object.values(sev).filter((s) => s === 'warning')).toHaveLength(3);
  });
});
