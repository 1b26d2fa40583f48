import { defineRule } from '../types.js';

/**
 * `.fsconf.yaml` that cannot be read, is not YAML, or holds a key, value or rule id fsconf does not know:
 * the part in question is ignored and defaults apply. The problems come from parseConfigYaml (config.ts).
 */
export const fsconfYaml = defineRule({
  meta: { id: 'config/fsconf-yaml', severity: 'error', description: '.fsconf.yaml is malformed; defaults apply', fixable: false },
  check() {},
  checkFiles: ({ configProblems }) =>
    configProblems.map((p) => ({
      rule: 'config/fsconf-yaml',
      severity: 'error' as const,
      file: p.file,
      range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
      message: p.message,
      fixes: [],
    })),
});
