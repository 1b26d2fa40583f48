// The import boundaries of README's Layout (eslint.config.js): they catch a violation, and main has none.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message);
}

describe('import boundaries', () => {
  it('core imports nothing of ours', async () => {
    expect(await boundaryErrors("import { x } from '@fsconf/server-lsp/protocol';\nexport const y = x;\n", 'packages/core/src/probe.ts')).toHaveLength(1);
    expect(await boundaryErrors("import { x } from '../../../server-lsp/src/state.js';\nexport const y = x;\n", 'packages/core/src/probe.ts')).toHaveLength(1);
  });
  it('a service uses rules through rules/index and rules/types only', async () => {
    const bad = "import { x } from '../rules/sofia/behaviour.js';\nexport const y = x;\n";
    const good = "import { x } from '../rules/index.js';\nimport type { T } from '../rules/types.js';\nexport const y: T = x;\n";
    expect(await boundaryErrors(bad, 'packages/core/src/service/probe.ts')).toHaveLength(1);
    expect(await boundaryErrors(good, 'packages/core/src/service/probe.ts')).toHaveLength(0);
  });
  it('rules do not import services', async () => {
    expect(await boundaryErrors("import { x } from '../../service/hover.js';\nexport const y = x;\n", 'packages/core/src/rules/sofia/probe.ts')).toHaveLength(
      1,
    );
  });
  it('the clients import only the server protocol', async () => {
    for (const file of ['tui/src/probe.ts', 'client-vscode/src/probe.ts']) {
      expect(await boundaryErrors("import { x } from '@fsconf/core';\nexport const y = x;\n", file)).toHaveLength(1);
      expect(await boundaryErrors("import { x } from '../../server-lsp/src/state.js';\nexport const y = x;\n", file)).toHaveLength(1);
      expect(await boundaryErrors("import type { X } from '@fsconf/server-lsp/protocol';\nexport type Y = X;\n", file)).toHaveLength(0);
    }
  });
  it('main has no boundary errors', async () => {
    const results = await eslint.lintFiles(['packages', 'server-lsp', 'tui', 'client-vscode']);
    const errors = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(errors).toEqual([]);
  }, 120_000);
});
