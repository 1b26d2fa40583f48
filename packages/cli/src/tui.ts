/** Start the terminal UI (the @fsconf/tui package), an LSP client of fsconf-lsp. */
export async function launchTui(_argv: string[]): Promise<number> {
  process.stderr.write('fsconf: the terminal UI is not built yet; use `fsconf lint <path>`\n');
  return 2;
}
