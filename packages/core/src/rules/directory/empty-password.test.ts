import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// a user has neither password nor a1-hash: any credentials are accepted
const bad = ruleTree({
  'directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="1000">
                    ^^^^ directory/empty-password: user 1000 has no password and no a1-hash, and allow-empty-password is not false: FreeSWITCH accepts any credentials for this user
            <params>
              <param name="vm-password" value="4711"/>
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
              <param name="vm-password" value="4711"/>
            </params>
          </user>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
});

describe('directory/empty-password', () => {
  it('a user has neither password nor a1-hash: any credentials are accepted', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['directory/empty-password'] }).findings).toEqual([]);
  });
});
