import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { ruleTree } from '../../testing/trees.js';

// vm-password equals the user id
const bad = ruleTree({
  'directory/default.xml': `<include>
  <domain name="$\${domain}">
    <groups>
      <group name="default">
        <users>
          <user id="1000">
            <params>
              <param name="password" value="Vq7#kLw2-Rz9pX"/>
              <param name="vm-password" value="1000"/>
                                               ^^^^ directory/vm-password-is-id: user 1000's voicemail password equals the extension number: anyone can guess it and listen to (or forward) the messages
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
              <param name="vm-password" value="8351"/>
            </params>
          </user>
        </users>
      </group>
    </groups>
  </domain>
</include>
`,
});

describe('directory/vm-password-is-id', () => {
  it('vm-password equals the user id', () => {
    const r = checkFindings(bad);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the fixed config has no finding', () => {
    expect(checkFindings(fixed, { only: ['directory/vm-password-is-id'] }).findings).toEqual([]);
  });
});
