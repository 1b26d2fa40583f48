/**
 * What was written in this session: the server is told, R reloads what the files configure, and the status
 * line says where the backup is.
 */
import { useCallback, useRef } from 'react';
import * as path from 'node:path';
import type { FsconfClient } from '../lsp/types.js';
import { relPath, uriToPath } from '../lsp/uri.js';
import type { ChangedFile } from '../system/reload.js';
import type { SystemDeps } from './types.js';

export function useWrites(client: FsconfClient, system: SystemDeps, root: string, backup: boolean) {
  const changed = useRef(new Map<string, ChangedFile>());

  /** A file changed from `before` to `after` (the first `before` of the session is kept). */
  const noteChanged = useCallback((p: string, before: string | undefined, after: string | undefined) => {
    const prev = changed.current.get(p);
    const first = prev?.before ?? before;
    changed.current.set(p, { path: p, ...(first !== undefined ? { before: first } : {}), ...(after !== undefined ? { after } : {}) });
  }, []);

  /** After the server wrote: tell it the new text and re-read. */
  const noteWritten = useCallback(
    async (uri: string, before: string | undefined) => {
      const p = uriToPath(uri);
      let after: string | undefined;
      try {
        after = await system.readFile(p);
      } catch {
        after = undefined;
      }
      if (after !== undefined) {
        if (client.isOpen(uri)) {
          client.didChange(uri, after);
          client.didSave(uri, after);
        } else {
          client.didOpen(uri, after);
          client.didSave(uri, after);
          client.didClose(uri);
        }
      }
      noteChanged(p, before, after);
    },
    [client, system, noteChanged],
  );

  const fsCliHint = useCallback(() => (system.fsCli.find() ? ' · R reloads FreeSWITCH' : ''), [system]);
  const writtenMessage = useCallback(
    (files: { uri: string; backup?: string }[], verb: string) => {
      const names = files.map((f) => relPath(root, f.uri)).join(', ');
      const backups = files.filter((f) => f.backup).map((f) => path.basename(uriToPath(f.backup!)));
      return `${verb} ${names || 'nothing'}${backups.length ? ` (backup ${backups.join(', ')})` : backup ? '' : ' (no backup)'}${fsCliHint()}`;
    },
    [root, backup, fsCliHint],
  );

  return { changed, noteChanged, noteWritten, writtenMessage, fsCliHint };
}

export type Writes = ReturnType<typeof useWrites>;
