#!/usr/bin/env node
/**
 * fsconf-lsp: the fsconf language server.
 *   fsconf-lsp --stdio        talk LSP over stdin/stdout (Neovim, Helix, the terminal UI…)
 *   fsconf-lsp --node-ipc     over Node IPC (VS Code)
 *   fsconf-lsp --socket=PORT  over a TCP socket
 *   fsconf-lsp --version
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { VERSION } from './version.js';

const version = () => VERSION;

const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write(`fsconf-lsp ${version()}\n`);
  process.exit(0);
}
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(
    'Usage: fsconf-lsp [--stdio | --node-ipc | --socket=PORT]\n\n' +
      'The fsconf language server for FreeSWITCH XML configuration. Without a transport option it talks over stdio.\n',
  );
  process.exit(0);
}

const transport = argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));
const connection = transport ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);

// a bug must never take the server down: log it and carry on
process.on('uncaughtException', (e) => {
  try {
    connection.console.error(`uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  } catch {
    // the connection is gone
  }
});
process.on('unhandledRejection', (e) => {
  try {
    connection.console.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  } catch {
    // the connection is gone
  }
});

startServer(connection, { version: version() });
