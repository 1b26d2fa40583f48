import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsconf, type JsonFinding } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';

/**
 * Issue 5's "must show" dialplan, end to end through the real CLI: every mistake reported once, on its
 * line, and `fsconf lint --fix` applies the single-choice fixes RULES.md names.
 */
const TREE: Record<string, string> = {
  'freeswitch.xml': `<?xml version="1.0"?>
<document type="freeswitch/xml">
  <section name="configuration" description="Various Configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
  </section>
  <section name="dialplan" description="Regex/XML Dialplan">
    <X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/>
  </section>
</document>
`,
  'autoload_configs/modules.conf.xml': `<configuration name="modules.conf" description="Modules">
  <modules>
    <load module="mod_dptools"/>
    <load module="mod_dialplan_xml"/>
  </modules>
</configuration>
`,
  'dialplan/features.xml': `<include>
  <context name="features">
    <extension name="echo">
      <condition field="destination_number" expression="^echo$">
        <action application="echo"/>
      </condition>
    </extension>
  </context>
</include>
`,
  // line numbers matter: see LINES below
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="ivr">
      <condition field="destination_number" expression="^(\\d+)$">
        <action application="read" data="5 3 ivr/enter.wav digits 5000 #"/>
        <action application="play_and_get_digits" data="1 4 0 5000 # ivr/enter.wav ivr/bad.wav pin \\d+"/>
        <action application="transfer" data="$2 XML default"/>
      </condition>
    </extension>
    <extension name="broken-regex">
      <condition field="destination_number" expression="^(9\\d+$">
        <action application="hangup"/>
      </condition>
    </extension>
    <extension name="typos" continue="true">
      <condition field="destination_numbr" expression="^1000$" break="onfalse">
        <action application="playbak" data="ivr/welcome.wav"/>
        <action application="answer" inline="true"/>
        <action application="transfer" data="1000 XML featurez"/>
      </condition>
    </extension>
  </context>
</include>
`,
};

const LINES: Record<string, number> = {
  'dialplan/read-digits': 5,
  'dialplan/pagd-digits': 6,
  'dialplan/capture-ref': 7,
  'dialplan/invalid-regex': 11,
  'dialplan/unknown-field': 16,
  'dialplan/invalid-attr': 16,
  'dialplan/unknown-app': 17,
  'dialplan/inline-not-routing': 18,
  'dialplan/unknown-context': 19,
};

function dialplanFindings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as JsonFinding[]).filter((f) => f.rule.startsWith('dialplan/'));
}

describe('issue 5 must-show dialplan through `fsconf lint`', () => {
  it('reports each mistake once, on the right line, saying what FreeSWITCH does', () => {
    const dir = writeTree(TREE, 'fsconf-dialplan-');
    const r = fsconf(['lint', dir, '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const found = dialplanFindings(r.stdout);
    expect(found.map((f) => `${f.rule}:${f.line}`).sort()).toEqual(
      Object.entries(LINES)
        .map(([rule, line]) => `${rule}:${line}`)
        .sort(),
    );
    for (const f of found) expect(f.file).toBe('dialplan/default.xml');
    const by = (rule: string) => found.find((f) => f.rule === rule)!;
    expect(by('dialplan/read-digits').message).toContain('min 5 > max 3: FreeSWITCH raises max to 5');
    expect(by('dialplan/read-digits').column).toBe(44); // on the "3"
    expect(by('dialplan/pagd-digits').message).toContain('tries 0: play_and_get_digits never prompts and fails at once');
    expect(by('dialplan/capture-ref').message).toContain('has 1 capture group, so FreeSWITCH replaces $2 with an empty string');
    expect(by('dialplan/invalid-regex').message).toContain('missing closing parenthesis');
    expect(by('dialplan/invalid-regex').column).toBe(58); // on the unclosed "("
    expect(by('dialplan/unknown-field').message).toContain('(did you mean "destination_number"?)');
    expect(by('dialplan/unknown-app').message).toContain('(did you mean "playback"?)');
    expect(by('dialplan/invalid-attr').message).toContain('break="onfalse"');
    expect(by('dialplan/inline-not-routing').message).toContain('answer is not a routing-exec application');
    expect(by('dialplan/unknown-context').message).toContain('"featurez"');
    expect(by('dialplan/unknown-context').message).toContain('(did you mean "features"?)');
  });

  it('--fix applies only the safe fixes (swap min/max, drop inline); did-you-means and new values wait for a person', () => {
    const dir = writeTree(TREE, 'fsconf-dialplan-');
    const r = fsconf(['lint', dir, '--fix', '--no-backup', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const text = fs.readFileSync(path.join(dir, 'dialplan/default.xml'), 'utf8');
    expect(text).toContain('data="3 5 ivr/enter.wav digits 5000 #"');
    expect(text).toContain('<action application="answer"/>');
    // choices: untouched
    expect(text).toContain('data="1 4 0 5000 #');
    expect(text).toContain('field="destination_numbr" expression="^1000$" break="onfalse"');
    expect(text).toContain('<action application="playbak" data="ivr/welcome.wav"/>');
    expect(text).toContain('data="1000 XML featurez"');
    expect(r.stderr).toMatch(/findings? left with fixes a person must pick/);
    // nothing else changed
    expect(text.split('\n')).toHaveLength(TREE['dialplan/default.xml']!.split('\n').length);
    const again = fsconf(['lint', dir, '--format', 'json'], { cwd: dir });
    const left = dialplanFindings(again.stdout)
      .map((f) => `${f.rule}:${f.line}`)
      .sort();
    expect(left).toEqual([
      'dialplan/capture-ref:7',
      'dialplan/invalid-attr:16',
      'dialplan/invalid-regex:11',
      'dialplan/pagd-digits:6',
      'dialplan/unknown-app:17',
      'dialplan/unknown-context:19',
      'dialplan/unknown-field:16',
    ]);
    expect(fs.existsSync(path.join(dir, 'dialplan/default.xml.bak'))).toBe(false);
  });
});
