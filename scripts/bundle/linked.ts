// Single-file builds: replaces packages/cli/src/linked.ts (scripts/bundle.mjs). The terminal UI and the
// language server are part of the same file, initialised only when their command runs.
import type { TuiModule } from '../../packages/cli/src/linked.js';

export type { TuiModule };

export async function loadTui(): Promise<TuiModule> {
  return import('../../tui/src/main.js');
}

export async function startLanguageServer(): Promise<void> {
  await import('../../server-lsp/src/main.js');
}
