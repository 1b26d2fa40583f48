/**
 * Start the terminal UI (the @fsconf/tui package), an LSP client of fsconf-lsp. It is loaded
 * dynamically so `fsconf lint` never pays for Ink and React, and the CLI builds without it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface TuiModule {
  run(argv: string[]): Promise<number>;
}

async function loadTui(): Promise<TuiModule> {
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

export async function launchTui(argv: string[]): Promise<number> {
  // In CI (CI or CONTINUOUS_INTEGRATION set) Ink draws nothing interactive and chalk drops every colour
  // and attribute; an interactive terminal wins, so forget them before those modules load.
  if (process.stdout.isTTY && process.stdin.isTTY) {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
  }
  // React's development build is several times slower per render; the UI is not a development session
  process.env.NODE_ENV ??= 'production';
  let tui: TuiModule;
  try {
    tui = await loadTui();
  } catch (e) {
    process.stderr.write(`fsconf: the terminal UI (@fsconf/tui) is not available: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n  run \`npm run build\`, or use \`fsconf lint <path>\`\n`);
    return 2;
  }
  return tui.run(argv);
}
