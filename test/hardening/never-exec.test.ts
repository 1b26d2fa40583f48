/** Nothing a configuration names is ever executed: exec / exec-set / stun-set / env-set are read, never run. */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsconf } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';

export function execTree(): { dir: string; marker: string } {
  const dir = writeTree({ 'freeswitch.xml': '' });
  const marker = path.join(dir, 'PWNED');
  const script = path.join(dir, 'evil.sh');
  fs.writeFileSync(script, `#!/bin/sh\ntouch ${marker}\necho 1.2.3.4\n`);
  fs.chmodSync(script, 0o755);
  fs.writeFileSync(
    path.join(dir, 'freeswitch.xml'),
    `<document>
  <X-PRE-PROCESS cmd="exec-set" data="ip=${script}"/>
  <X-PRE-PROCESS cmd="exec" data="${script}"/>
  <!--#exec-set ip2=${script}-->
  <X-PRE-PROCESS cmd="include" data="$\${ip}.xml"/>
</document>
`,
  );
  return { dir, marker };
}

describe('the CLI never runs exec / exec-set', () => {
  it('lints (and notes the directives) without creating the marker file', () => {
    const { dir, marker } = execTree();
    const r = fsconf(['lint', dir, '--format', 'json'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('preprocess/exec');
    const r2 = fsconf(['lint', dir, '--fix'], { cwd: dir });
    expect([0, 1]).toContain(r2.code);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
