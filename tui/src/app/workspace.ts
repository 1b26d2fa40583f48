/**
 * Everything the server told us about the tree: diagnostics per file (canonical URIs), whether the
 * first analysis is still running, and the file list. Diagnostics arrive one notification per file;
 * they are applied in batches so a 500-file tree does not cause 500 redraws.
 */
import { useEffect, useRef, useState } from 'react';
import type { AnalysisDone, Diagnostic, FsconfClient } from '../lsp/types.js';
import { treeInfo } from '../lsp/commands.js';
import { canonicalUri } from '../lsp/uri.js';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export interface Workspace {
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  /** every file the server knows (diagnostics for clean files are empty) */
  files: readonly string[];
  version: number;
  analysing: boolean;
  summary?: AnalysisDone;
  counts: Counts;
}

export function countOf(diags: Iterable<Diagnostic[]>): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const list of diags)
    for (const d of list) {
      if (d.severity === 2) c.warnings++;
      else if (d.severity === 3) c.infos++;
      else if (d.severity === 4) c.hints++;
      else c.errors++;
    }
  return c;
}

export function useWorkspace(client: FsconfClient, onStatus: (level: 'info' | 'warning' | 'error', message: string) => void): Workspace {
  const map = useRef(new Map<string, Diagnostic[]>());
  const extraFiles = useRef(new Set<string>());
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  const [state, setState] = useState<Workspace>(() => ({
    diagnostics: new Map(),
    files: [],
    version: 0,
    analysing: true,
    counts: { errors: 0, warnings: 0, infos: 0, hints: 0 },
  }));
  const statusRef = useRef(onStatus);
  statusRef.current = onStatus;

  useEffect(() => {
    let analysing = true;
    let summary: AnalysisDone | undefined;
    const flush = () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      const diagnostics = new Map(map.current);
      const files = [...new Set([...diagnostics.keys(), ...extraFiles.current])].sort();
      setState((s) => ({ diagnostics, files, version: s.version + 1, analysing, ...(summary ? { summary } : {}), counts: countOf(diagnostics.values()) }));
    };
    const schedule = () => {
      if (!timer.current) timer.current = setTimeout(flush, analysing ? 40 : 15);
    };
    const off = client.subscribe((e) => {
      if (e.type === 'diagnostics') {
        map.current.set(e.uri, e.diagnostics);
        schedule();
      } else if (e.type === 'analysisDone') {
        analysing = false;
        summary = e.summary;
        flush();
        treeInfo(client)
          .then((info) => {
            for (const f of info.files ?? []) extraFiles.current.add(canonicalUri(f.uri));
            flush();
          })
          .catch(() => undefined);
      } else if (e.type === 'reset') {
        map.current.clear();
        analysing = true;
        flush();
      } else if (e.type === 'status') {
        statusRef.current(e.level, e.message);
      }
    });
    client.start().catch((err: unknown) => {
      analysing = false;
      flush();
      statusRef.current('error', `${err instanceof Error ? err.message : String(err)} — check that fsconf is built (npm run build)`);
    });
    return () => {
      off();
      clearTimeout(timer.current);
    };
  }, [client]);
  return state;
}
