import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { checkFindings } from '../../testing/check.js';
import { generatePassword, judgePassword, passwordClasses, SAFE_SYMBOLS } from '../../passwords.js';

const tree = (users: string, extra: Record<string, string> = {}) => ({
  'freeswitch.xml': `<document>
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="directory">
    <X-PRE-PROCESS cmd="include" data="directory/*.xml"/>
  </section>
</document>
`,
  'vars.xml':
    '<include>\n  <X-PRE-PROCESS cmd="set" data="default_password=1234"/>\n                                                  ^^^^ directory/default-password: stock\n</include>\n',
  'directory/default.xml': `<domain name="example.org">
  <users>
${users}
  </users>
</domain>
`,
  ...extra,
});

describe('directory password rules (mod_cti policy)', () => {
  it('too short, too simple, empty, default, vm-password, duplicate — each reported once', () => {
    const r = checkFindings(
      tree(`    <user id="1000">
      <params>
        <param name="password" value="$\${default_password}"/>
                                      ^^^^^^^^^^^^^^^^^^^^ directory/password-too-short: user 1000's password is too short: "1***" (from $\${default_password})
        <param name="vm-password" value="1000"/>
                                         ^^^^ directory/vm-password-is-id
      </params>
    </user>
    <user id="1001">
      <params>
        <param name="password" value="abcdefgh"/>
                                      ^^^^^^^^ directory/password-too-simple: user 1001's password is too simple: "a***"
      </params>
    </user>
    <user id="1002">
              ^^^^ directory/empty-password: accepts any credentials
      <params>
        <param name="vm-password" value="4711"/>
      </params>
    </user>
    <user id="1003">
      <params><param name="allow-empty-password" value="false"/></params>
    </user>
    <user id="1001" number-alias="99"/>
              ^^^^ directory/duplicate-user
              ^^^^ directory/empty-password
    <user id="1004" type="pointer"/>`),
    );
    // secrets never appear in full
    for (const f of r.findings) {
      expect(f.message).not.toContain('1234');
      expect(f.message).not.toContain('abcdefgh');
    }
  });

  it('the password from $${default_password} links both places, and the fix changes the variable', () => {
    const r = runFixture(tree('    <user id="1000"><params><param name="password" value="$${default_password}"/></params></user>'), {
      only: ['directory/password-too-short', 'directory/password-too-simple', 'directory/empty-password'],
    });
    const f = r.findings.find((x) => x.rule === 'directory/password-too-short')!;
    expect(f.related?.map((x) => `${x.file}:${x.range.start.line + 1}`)).toEqual(['/conf/vars.xml:2']);
    expect(f.fixes.map((x) => x.title)).toEqual([
      'Generate a strong password for $${default_password} in vars.xml (line 2; every user of the variable gets it)',
      'Generate a strong password for this user only',
    ]);
    const fixed = r.applyFix('directory/password-too-short');
    const again = runFixture(fixed);
    expect(again.findings.filter((x) => x.rule.startsWith('directory/'))).toEqual([]);
    const newPw = /default_password=([^"]+)"/.exec(fixed['vars.xml']!)![1]!;
    expect(judgePassword(newPw, { minimum: 6, strength: 3 }).ok).toBe(true);
  });

  it('cti.json wins over the defaults: minimum 8', () => {
    const r = runFixture(
      tree(
        '    <user id="1001"><params><param name="password" value="Abc12345"/></params></user>\n    <user id="1002"><params><param name="password" value="Abc1234"/></params></user>',
        {
          'cti.json': '{\n  // mod_cti\n  "password_minimum": 8, /* longer */\n  "password_strength": 3\n}\n',
        },
      ),
      { only: ['directory/password-too-short'] },
    );
    expect(r.analysis.config.passwords).toMatchObject({ minimum: 8, strength: 3, source: 'cti.json' });
    expect(r.actual).toEqual(['directory/default.xml:4:58-65 directory/password-too-short']);
  });

  it('unknown values (exec-set, undefined var) are not judged', () => {
    const r = runFixture(
      tree('    <user id="1000"><params><param name="password" value="$${secret_from_script}"/></params></user>', {
        'vars.xml': '<include>\n  <X-PRE-PROCESS cmd="exec-set" data="secret_from_script=/usr/local/bin/pw"/>\n</include>\n',
      }),
    );
    expect(r.findings.filter((x) => x.rule.startsWith('directory/'))).toEqual([]);
  });
});

describe('password generation', () => {
  it("a fix's generated password is one password, however often it is read and copied", () => {
    const r = runFixture(
      tree(`    <user id="1000">
      <params>
        <param name="password" value="abc"/>
      </params>
    </user>`),
    );
    const fix = r.analysis.findings.find((f) => f.rule === 'directory/password-too-short')!.fixes.find((x) => x.title.startsWith('Replace with a generated'))!;
    const first = fix.edits[0]!.newText;
    expect(judgePassword(first, { minimum: 12, strength: 4 }).ok).toBe(true);
    expect(fix.edits[0]!.newText).toBe(first);
    expect(JSON.parse(JSON.stringify(fix)).edits[0].newText).toBe(first);
    expect({ ...fix.edits[0]! }.newText).toBe(first);
  });
  it('is random, meets strength 4 and any minimum, and needs no XML escaping', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword({ minimum: 20, strength: 4 });
      expect(pw.length).toBeGreaterThanOrEqual(20);
      expect(passwordClasses(pw)).toBe(4);
      expect(pw).toMatch(new RegExp(`^[A-Za-z0-9${SAFE_SYMBOLS.replace(/[-\\^\]]/g, '\\$&')}]+$`));
      expect(pw).not.toMatch(/[&<>"'$]/);
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
  });
  it('classes and verdicts follow mod_cti', () => {
    expect(judgePassword('1234', { minimum: 6, strength: 3 })).toMatchObject({ ok: false, reason: 'too-short' });
    expect(judgePassword('abcdefgh', { minimum: 6, strength: 3 })).toMatchObject({ ok: false, reason: 'too-simple', classes: 1 });
    expect(judgePassword('abcDEF12', { minimum: 6, strength: 3 }).ok).toBe(true);
    expect(judgePassword('abcdefgh', { minimum: 6, strength: 0 }).ok).toBe(true);
  });
});

describe('group and domain params are inherited as FreeSWITCH merges users', () => {
  it('a group password is judged for its users; a user without one inherits it (no empty-password)', () => {
    const r = runFixture(
      {
        'directory/default.xml': `<domain name="example.org">
  <groups>
    <group name="sales">
      <params>
        <param name="password" value="abc"/>
      </params>
      <users>
        <user id="2000"/>
        <user id="2001"><params><param name="password" value="Own-Str0ng.pw"/></params></user>
      </users>
    </group>
  </groups>
</domain>
`,
      },
      { only: ['directory/password-too-short', 'directory/empty-password'] },
    );
    expect(r.findings.map((f) => `${f.rule} ${f.message.split(':')[0]}`)).toEqual(["directory/password-too-short user 2000's password is too short"]);
    expect(r.findings[0]!.range.start.line).toBe(4);
  });
});
