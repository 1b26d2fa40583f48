/** The heavy half of the start: Ink, React and the app, loaded while the server is already analysing. */
import React from 'react';
import { render } from 'ink';
import { readFile } from 'node:fs/promises';
import { App, type SystemDeps } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import type { FsconfClient } from './lsp/types.js';
import { realFsCli } from './system/fscli.js';
import { runEditor, type TerminalControl } from './system/editor.js';
import { ThemeContext, themeFromEnv } from './ui/theme.js';
import { KeyRouter } from './ui/keys.js';
import type { Status } from './ui/components.js';

const ALT_ON = '\u001b[?1049h\u001b[H';
const ALT_OFF = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

export interface RenderOptions {
  client: FsconfClient;
  root: string;
  readonly: boolean;
  backup: boolean;
  notice?: Status | undefined;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Renders full screen (alternate screen buffer) until the user quits; returns the exit code. */
export async function renderApp(o: RenderOptions): Promise<number> {
  const { stdin, stdout, stderr, env, client } = o;
  const theme = themeFromEnv(env);
  let code = 0;
  let inAlt = true;
  stdout.write(ALT_ON);
  const term: TerminalControl = {
    suspend() {
      stdout.write(SHOW_CURSOR + ALT_OFF);
      if (stdin.isTTY) stdin.setRawMode(false);
      inAlt = false;
    },
    resume() {
      stdout.write(ALT_ON);
      if (stdin.isTTY) stdin.setRawMode(true);
      inAlt = true;
      // make Ink repaint everything on the next frame
      stdout.emit('resize');
    },
  };
  const system: SystemDeps = {
    readFile: (f) => readFile(f, 'utf8'),
    fsCli: realFsCli(env),
    editor: async (file, line) => runEditor(env, term, file, line),
  };
  const instance = render(
    <ThemeContext.Provider value={theme}>
      <KeyRouter>
        <ErrorBoundary onQuit={() => instance.unmount()}>
          <App
            client={client}
            root={o.root}
            readonly={o.readonly}
            backup={o.backup}
            notice={o.notice}
            system={system}
            onExit={(c) => {
              code = c;
            }}
          />
        </ErrorBoundary>
      </KeyRouter>
    </ThemeContext.Provider>,
    { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: true, maxFps: 60 },
  );
  const onSignal = (sig: NodeJS.Signals) => {
    code = sig === 'SIGHUP' ? 129 : 143;
    instance.unmount();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  try {
    await instance.waitUntilExit();
  } catch {
    code = code || 1;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    if (inAlt) stdout.write(ALT_OFF);
    stdout.write(SHOW_CURSOR);
  }
  return code;
}
