/** The status line and the busy spinner: every action runs through guard, its errors become a status. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../lsp/errors.js';
import type { Status } from '../ui/components.js';

export type SetStatus = (level: Status['level'], message: string) => void;
export type Guard = (label: string | undefined, fn: () => Promise<void>) => Promise<void>;

export function useStatus(root: string, notice: Status | undefined) {
  const [status, setStatusState] = useState<Status | undefined>(notice);
  const [busy, setBusy] = useState<string | undefined>();
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  // paths inside the tree are shown relative to it: the status line is one row
  const setStatus: SetStatus = useCallback((level, message) => setStatusState({ level, message: message.split(`${root}/`).join('') }), [root]);

  /** Runs an async action with a status-line spinner; errors become a status message. */
  const guard: Guard = useCallback(
    async (label, fn) => {
      if (label) setBusy(label);
      try {
        await fn();
      } catch (e) {
        setStatus('error', errorText(e));
      } finally {
        if (label && mounted.current) setBusy(undefined);
      }
    },
    [setStatus],
  );
  return { status, setStatus, busy, guard, mounted };
}
