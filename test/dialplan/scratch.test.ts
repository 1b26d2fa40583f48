import { it } from 'vitest';
import * as path from 'node:path';
import { analyze, NodeFileSystem } from '@fsconf/core';
import { CORPUS } from '../helpers.js';

it('dump', () => {
  for (const t of ['vanilla', 'minimal', 'sbc', 'insideout']) {
    const root = path.join(CORPUS, t);
    const a = analyze(new NodeFileSystem(), { root });
    for (const f of a.findings.filter((x) => x.rule.startsWith('dialplan/'))) {
      console.log(`${t} ${path.relative(root, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} [${f.severity}] ${f.message}`);
    }
  }
});
