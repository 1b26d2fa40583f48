/**
 * What the CLI loads from the other workspace packages at run time: the terminal UI and the language
 * server. Loaded by name, dynamically, so `fsconf lint` never pays for Ink, React or the server, and the
 * CLI builds without them. The single-file builds (scripts/bundle.mjs: the npm package and the
 * single binary) replace this file with scripts/bundle/linked.ts, which imports both statically.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface TuiModule {
  run(argv: string[]): Promise<number>;
}

export async function loadTui(): Promise<TuiModule> {
  const spec = '@fsconf/tui';
  try {
    return (await import(spec)) as TuiModule;
  } catch (e) {
    // the repository layout, when the workspace link is missing: packages/cli/dist → tui/dist
    const local = fileURLToPath(new URL('../../../tui/dist/main.js', import.meta.url));
    if (existsSync(local)) return (await import(pathToFileURL(local).href)) as TuiModule;
    throw e;
  }
}

/** `fsconf lsp --stdio`: the language server in this process (it reads its transport from process.argv). */
export async function startLanguageServer(): Promise<void> {
  const spec = '@fsconf/server-lsp/dist/main.js';
  try {
    await import(spec);
  } catch (e) {
    const local = fileURLToPath(new URL('../../../server-lsp/dist/main.js', import.meta.url));
    if (!existsSync(local)) throw e;
    await import(pathToFileURL(local).href);
  }
}
