/** Test harness: the App on ink-testing-library with a FakeClient and a fake system. */
import React from 'react';
import { render } from 'ink-testing-library';
import { App, type SystemDeps } from '../app/App.js';
import { FakeClient } from '../lsp/fake-client.js';
import { COMMAND } from '@fsconf/server-lsp/protocol';
import { makeTheme, ThemeContext, type Theme } from '../ui/theme.js';
import { KeyRouter, type KeyRouterHandle } from '../ui/keys.js';
import type { CommandResult } from '../system/fscli.js';
import type { Status } from '../ui/components.js';

export const ROOT = '/conf';
export const uri = (rel: string) => `file://${ROOT}/${rel}`;

export const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  backspace: '\u007f',
  ctrlC: '\u0003',
};

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

export interface Harness {
  client: FakeClient;
  files: Map<string, string>;
  fsCliLog: string[];
  fsCliReplies: Map<string, CommandResult>;
  editorCalls: { file: string; line: number }[];
  exits: number[];
  frame(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  /** Each chunk its own read, the next as soon as Ink passed the previous one on: before React renders (a fast typist, a slow link). */
  burst(...chunks: string[]): Promise<void>;
  waitFor(pred: (frame: string) => boolean, what?: string, ms?: number): Promise<string>;
  unmount(): void;
  rerender(size: { columns: number; rows: number }): void;
}

export function setup(
  opts: {
    files?: Record<string, string>;
    readonly?: boolean;
    backup?: boolean;
    fsCli?: boolean;
    theme?: Theme;
    size?: { columns: number; rows: number };
    notice?: Status;
    editor?: (file: string, line: number, files: Map<string, string>) => void;
  } = {},
): Harness {
  const client = new FakeClient();
  const files = new Map(Object.entries(opts.files ?? {}).map(([k, v]) => [`${ROOT}/${k}`, v]));
  const fsCliLog: string[] = [];
  const fsCliReplies = new Map<string, CommandResult>();
  const editorCalls: { file: string; line: number }[] = [];
  const exits: number[] = [];
  // the screen the user is left with when the app quits: under CI=true Ink's unmount
  // writes one more, empty, frame (its lastOutput is unset in debug mode)
  let exitFrame: string | undefined;
  const system: SystemDeps = {
    async readFile(f) {
      const t = files.get(f);
      if (t === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${f}'`), { code: 'ENOENT' });
      return t;
    },
    fsCli: {
      find: () => (opts.fsCli ? '/usr/bin/fs_cli' : undefined),
      async run(command) {
        fsCliLog.push(command);
        return fsCliReplies.get(command) ?? { code: 0, stdout: '+OK\n', stderr: '' };
      },
    },
    async editor(file, line) {
      editorCalls.push({ file, line });
      opts.editor?.(file, line, files);
      return { ok: true };
    },
  };
  const theme = opts.theme ?? makeTheme({ unicode: true, color: false });
  let size = opts.size ?? { columns: 80, rows: 24 };
  let router: KeyRouterHandle | undefined;
  const tree = () => (
    <ThemeContext.Provider value={theme}>
      <KeyRouter onReady={(r) => (router = r)}>
        <App
          client={client}
          root={ROOT}
          readonly={!!opts.readonly}
          backup={opts.backup ?? true}
          system={system}
          size={size}
          notice={opts.notice}
          onExit={(c) => {
            exits.push(c);
            exitFrame ??= inst.lastFrame();
          }}
        />
      </KeyRouter>
    </ThemeContext.Provider>
  );
  const inst = render(tree());
  const frame = () => exitFrame ?? inst.lastFrame() ?? '';
  return {
    client,
    files,
    fsCliLog,
    fsCliReplies,
    editorCalls,
    exits,
    frame,
    async press(...keys) {
      for (const k of keys) {
        inst.stdin.write(k);
        await tick(5);
        await router?.idle();
      }
      await tick(20);
    },
    async burst(...chunks) {
      for (const c of chunks) {
        inst.stdin.write(c);
        // after Ink's own setImmediate (a lone esc waits for one), before the render it scheduled
        await new Promise((r) => setImmediate(r));
      }
      await router?.idle();
      await tick(20);
    },
    async type(text) {
      for (const ch of text) {
        inst.stdin.write(ch);
        await tick(2);
        await router?.idle();
      }
      await tick(20);
    },
    async waitFor(pred, what = 'condition', ms = 8000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (pred(frame())) return frame();
        await tick(10);
      }
      throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
    },
    unmount: () => inst.unmount(),
    rerender(s) {
      size = s;
      inst.rerender(tree());
    },
  };
}

export const INTERNAL = `<profile name="internal">
  <settings>
    <param name="context" value="default"/>
    <param name="sip-port" value="5060"/>
    <param name="auth-calls" value="false"/>
  </settings>
</profile>
`;

export const VARS = `<include>
  <X-PRE-PROCESS cmd="sett" data="hold_music=local_stream://moh"/>
</include>
`;

export const ACL = `<configuration name="acl.conf" description="Network Lists">
  <network-lists>
    <list name="lan" default="deny">
      <node type="allow" cidr="192.168.10.0/24"/>
    </list>
  </network-lists>
</configuration>
`;

export function diag(line: number, character: number, endCharacter: number, severity: 1 | 2 | 3, code: string, message: string) {
  return { range: { start: { line, character }, end: { line, character: endCharacter } }, severity, code, source: 'fsconf', message };
}

/** The small tree most tests use: 2 errors, 1 warning, 1 info over three files plus one clean file. */
export async function loadedTree(h: Harness) {
  await tick(10);
  h.client.publish(uri('sip_profiles/internal.xml'), [
    diag(4, 36, 41, 1, 'sofia/internal-auth-calls', 'sofia_profile:internal auth-calls not true refuse load'),
    diag(2, 4, 10, 3, 'sofia/auth-failures-not-logged', 'profile internal does not log authentication failures'),
  ]);
  h.client.publish(uri('vars.xml'), [diag(1, 21, 25, 1, 'preprocess/unknown-cmd', '"sett" is not a pre-processor command (did you mean "set"?)')]);
  h.client.publish(uri('autoload_configs/acl.conf.xml'), [diag(3, 6, 40, 2, 'acl/host-bits', 'the address has host bits set')]);
  h.client.publish(uri('freeswitch.xml'), []);
  h.client.done({ files: 4, errors: 2, warnings: 1, infos: 1 });
  h.client.commands[COMMAND.treeInfo.name] = () => ({ root: ROOT, files: [] });
  await h.waitFor((f) => f.includes('2 errors') && !f.includes('analysing'), 'analysis');
}
