import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a user's password is shorter than the policy minimum
const bad = ruleTree({
  'directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="1000">
            <params>
              <param name="password" value="Ab1.x"/>
                                            ^^^^^ directory/password-too-short: user 1000's password is too short: "A***" has 5 characters; the default policy: at least 6 characters and 3 of the 4 classes digit / lower-case /
            </params>
          </user>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
});

const fixed = ruleTree({
  'directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="1000">
            <params>
              <param name="password" value="Vq7#kLw2-Rz9pX"/>
            </params>
          </user>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
});

describe('directory/password-too-short', () => {
  it("a user's password is shorter than the policy minimum", () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['directory/password-too-short'] }).findings).toEqual([]);
  });
});
