import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests run on TypeScript sources; workspace packages resolve to their src so no build is needed for unit tests.
export default defineConfig({
  resolve: {
    alias: {
      '@fsconf/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      // clients import the command descriptors (runtime values) from here: the source, not a possibly stale dist
      '@fsconf/server-lsp/protocol': fileURLToPath(new URL('./server-lsp/src/protocol.ts', import.meta.url)),
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'server-lsp/src/**/*.test.ts',
      'tui/src/**/*.test.{ts,tsx}',
      'client-vscode/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
  },
});
