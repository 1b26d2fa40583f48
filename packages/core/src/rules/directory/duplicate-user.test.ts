import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// two users with the same id or number-alias in one domain
const bad = ruleTree({
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
          <user id="1000">
                    ^^^^ directory/duplicate-user: "1000" already names user 1000 in domain example.com: FreeSWITCH finds only one of them
            <params>
              <param name="password" value="Mz4!tRe8-Wq2yB"/>
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
          <user id="1001">
            <params>
              <param name="password" value="Mz4!tRe8-Wq2yB"/>
            </params>
          </user>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
});

describe('directory/duplicate-user', () => {
  it('two users with the same id or number-alias in one domain', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['directory/duplicate-user'] }).findings).toEqual([]);
  });
});
