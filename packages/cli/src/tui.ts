/**
 * Start the terminal UI (the @fsconf/tui package), an LSP client of fsconf-lsp. It is loaded
 * dynamically so `fsconf lint` never pays for Ink and React, and the CLI builds without it.
 */
import { loadTui, type TuiModule } from './linked.js';

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
    process.stderr.write(
      `fsconf: the terminal UI (@fsconf/tui) is not available: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n  run \`npm run build\`, or use \`fsconf lint <path>\`\n`,
    );
    return 2;
  }
  return tui.run(argv);
}
