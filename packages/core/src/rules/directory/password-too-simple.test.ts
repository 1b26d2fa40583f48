import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a user's password uses fewer character classes than the policy strength
const bad = ruleTree({
  'directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="1000">
            <params>
              <param name="password" value="abcdefghijklmnop"/>
                                            ^^^^^^^^^^^^^^^^ directory/password-too-simple: user 1000's password is too simple: "a***" uses 1 of the 4 character classes; the default policy: at least 6 characters and 3 of the 4 classes digit
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

describe('directory/password-too-simple', () => {
  it("a user's password uses fewer character classes than the policy strength", () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['directory/password-too-simple'] }).findings).toEqual([]);
  });
});
