// A fresh clone with nothing beside it must pass `npm test`: no tracked file may read outside the
// repository (a sibling `shared/` folder, or an absolute path of one machine), and no test may skip
// because a data file is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, REFERENCE, REPO } from '../helpers.js';

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && !f.startsWith('test/corpus/') && f !== 'package-lock.json' && existsSync(path.join(REPO, f)));

// Built from pieces so that this file does not match itself.
// (Made-up paths in tests, such as /home/me/project, name no machine and are fine.)
const OUTSIDE = new RegExp(['\\.\\./' + 'shared\\b', '/' + 'work/(shared|main|steering)\\b', '/' + 'root/'].join('|'));

describe('the repository stands alone', () => {
  it('no tracked file names a path outside the repository', () => {
    const leaks: string[] = [];
    for (const f of tracked) {
      const text = readFileSync(path.join(REPO, f), 'latin1');
      if (text.includes('\0')) continue;
      text.split('\n').forEach((line, i) => {
        if (OUTSIDE.test(line)) leaks.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(leaks).toEqual([]);
  });

  it('no test is skipped because a file might be missing', () => {
    const skips = tracked
      .filter((f) => /\.test\.tsx?$/.test(f))
      .filter((f) => /\.skipIf\(\s*!\s*(existsSync|fs\.existsSync)/.test(readFileSync(path.join(REPO, f), 'utf8')));
    expect(skips).toEqual([]);
  });

  it('holds the corpus with its licence notice and the reference data', () => {
    const source = readFileSync(path.join(CORPUS, 'SOURCE.md'), 'utf8');
    expect(source).toMatch(/MPL-1\.1/);
    expect(source).toMatch(/Commit: [0-9a-f]{40}/);
    expect(existsSync(path.join(CORPUS, 'vanilla', 'freeswitch.xml'))).toBe(true);
    expect(existsSync(path.join(REFERENCE, 'acl-vectors.tsv'))).toBe(true);
  });
});
