/**
 * Entry point. Wires the real `vscode` API and vscode-languageclient into the controller; the bundled
 * server (`bundle/server.js`, built by esbuild from server-lsp) runs as a Node child process over IPC.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { FsconfController } from './controller.js';

let controller: FsconfController | undefined;

export function serverOptions(serverModule: string): ServerOptions {
  return {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
}

function fileExists(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function activate(context: vscode.ExtensionContext): { controller: FsconfController } {
  const serverModule = context.asAbsolutePath('bundle/server.js');
  controller = new FsconfController(vscode, {
    fsExists: fileExists,
    createClient: (options: LanguageClientOptions) => new LanguageClient('fsconf', 'fsconf', serverOptions(serverModule), options),
  });
  controller.activate(context);
  return { controller };
}

export async function deactivate(): Promise<void> {
  await controller?.dispose();
  controller = undefined;
}
