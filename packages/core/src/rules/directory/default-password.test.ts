import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { runFixture } from '../../testing/fixture.js';
import { ruleTree } from '../../testing/trees.js';

// default_password is still the stock 1234
const bad = ruleTree({
  'vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>
  <X-PRE-PROCESS cmd="set" data="default_password=1234"/>
                                                  ^^^^ directory/default-password: default_password is the stock "1***": every stock directory user shares it, and the stock dialplan delays every call by 10 s until it is changed
</include>
`,
  'directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="1000">
            <params>
              <param name="password" value="$\${default_password}"/>
            </params>
          </user>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
  // the stock default.xml's check that delays every call while the password is 1234
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="global" continue="true">
      <condition field="\${default_password}" expression="^1234$" break="never">
        <action application="log" data="CRIT Open $\${conf_dir}/vars.xml and change the default_password."/>
        <action application="sleep" data="10000"/>
      </condition>
    </extension>
  </context>
</include>
`,
});

const fixed = ruleTree({
  'vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>
  <X-PRE-PROCESS cmd="set" data="default_password=Vq7#kLw2-Rz9pX"/>
</include>
`,
  'directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="1000">
            <params>
              <param name="password" value="$\${default_password}"/>
            </params>
          </user>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
});

describe('directory/default-password', () => {
  it('default_password is still the stock 1234', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['directory/default-password'] }).findings).toEqual([]);
  });

  it('without the stock dialplan check, no claim that calls are delayed', () => {
    const r = runFixture(
      ruleTree({
        'vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="default_password=1234"/>
</include>
`,
      }),
      { only: ['directory/default-password'] },
    );
    expect(r.findings.map((f) => f.message)).toEqual([
      'default_password is the stock "1***": every stock directory user shares it, and it is the first password anyone tries',
    ]);
  });
});
