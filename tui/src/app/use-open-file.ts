/**
 * The File view's file: open it at a line, its text and where its secrets are, re-read when it changes on disk
 * or after a write, and E (the terminal handed to $EDITOR at the line, the file re-read after).
 */
import { useCallback, useEffect, useState } from 'react';
import type { FsconfClient, Range } from '../lsp/types.js';
import { secretRangesOrNone } from '../lsp/commands.js';
import { relPath, uriToPath } from '../lsp/uri.js';
import { errorText } from '../lsp/errors.js';
import type { ViewName } from '../ui/components.js';
import type { Guard, SetStatus } from './use-status.js';
import type { Writes } from './use-writes.js';
import type { SystemDeps } from './types.js';

/**
 * How long the File view waits for the server to say where a file's secrets are before it shows the text
 * unmasked (a server that does not answer); masks that arrive later are still applied.
 */
const SECRETS_WAIT_MS = 5000;

export interface OpenFileDeps {
  client: FsconfClient;
  system: SystemDeps;
  root: string;
  readonly: boolean;
  /** The document the edit pane holds: a change on disk does not overwrite what is being typed. */
  editingUri: string | undefined;
  guard: Guard;
  setStatus: SetStatus;
  setView(v: ViewName): void;
  writes: Pick<Writes, 'noteChanged' | 'fsCliHint'>;
  mounted: { readonly current: boolean };
}

export function useOpenFile({ client, system, root, readonly, editingUri, guard, setStatus, setView, writes, mounted }: OpenFileDeps) {
  const [file, setFile] = useState<{ uri: string; line: number } | undefined>();
  const [fileText, setFileText] = useState<{ uri: string; text?: string; error?: string; secrets?: Range[] } | undefined>();
  /** `v` in the File view: secrets shown as they are (off again for every other file). */
  const [reveal, setReveal] = useState(false);
  const [reloadToken, setReloadToken] = useState(0);
  /** The views re-read what they show. */
  const reread = useCallback(() => setReloadToken((t) => t + 1), []);

  // the text is shown once the server said where its secrets are (or did not answer in time)
  useEffect(() => {
    if (!file) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const uri = file.uri;
    system
      .readFile(uriToPath(uri))
      .then(async (text) => {
        const secrets = secretRangesOrNone(client, uri, text);
        const first = await Promise.race([secrets, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), SECRETS_WAIT_MS)))]);
        if (timer) clearTimeout(timer);
        if (!live) return;
        setFileText({ uri, text, secrets: first ?? [] });
        if (!first) void secrets.then((late) => live && setFileText((ft) => (ft?.uri === uri && ft.text === text ? { ...ft, secrets: late } : ft)));
      })
      .catch((e: unknown) => live && setFileText({ uri, error: `cannot read ${relPath(root, uri)}: ${errorText(e)}` }));
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reread when the file's uri changes, not on every new `file` object
  }, [file?.uri, reloadToken, system, root, client]);

  useEffect(() => setReveal(false), [file?.uri]);

  // files changed on disk: the server re-analyses; the view and open documents follow
  useEffect(
    () =>
      client.subscribe((e) => {
        if (e.type !== 'filesChanged') return;
        void (async () => {
          for (const uri of e.uris) {
            // a document the TUI holds open is re-synced from disk (not the one being edited with e)
            if (client.isOpen(uri) && uri !== editingUri) {
              const text = await system.readFile(uriToPath(uri)).catch(() => undefined);
              if (text !== undefined) {
                client.didChange(uri, text);
                client.didSave(uri, text);
              }
            }
          }
          if (mounted.current) reread();
        })();
      }),
    [client, editingUri, system, mounted, reread],
  );

  const openFile = useCallback(
    (uri: string, line: number) => {
      setFile({ uri, line });
      setView('file');
    },
    [setView],
  );
  const moveTo = useCallback((line: number) => setFile((f) => (f ? { ...f, line } : f)), []);

  const { noteChanged, fsCliHint } = writes;
  const openEditor = useCallback(
    (uri: string, line: number) =>
      guard(undefined, async () => {
        if (readonly) {
          setStatus('warning', 'read-only (--readonly): $EDITOR is disabled');
          return;
        }
        const p = uriToPath(uri);
        const before = await system.readFile(p);
        const wasOpen = client.isOpen(uri);
        if (!wasOpen) client.didOpen(uri, before);
        const r = await system.editor(p, line + 1);
        const after = await system.readFile(p).catch(() => before);
        if (after !== before) {
          client.didChange(uri, after);
          client.didSave(uri, after);
          noteChanged(p, before, after);
        }
        if (!wasOpen) client.didClose(uri);
        openFile(uri, line);
        reread();
        if (!r.ok) setStatus('error', r.message ?? 'the editor failed');
        else
          setStatus(
            after !== before ? 'ok' : 'info',
            after !== before ? `re-read ${relPath(root, uri)} after $EDITOR${fsCliHint()}` : `${relPath(root, uri)} unchanged`,
          );
      }),
    [client, guard, readonly, root, setStatus, openFile, reread, system, noteChanged, fsCliHint],
  );

  /** v: secrets shown as they are, or masked again. */
  const toggleReveal = useCallback(() => {
    setReveal((r) => !r);
    setStatus('info', reveal ? 'secrets masked again' : `secrets of ${file ? relPath(root, file.uri) : ''} shown as they are · v masks them again`);
  }, [reveal, file, root, setStatus]);

  return { file, fileText, reveal, toggleReveal, openFile, moveTo, openEditor, reread };
}

export type OpenFile = ReturnType<typeof useOpenFile>;
