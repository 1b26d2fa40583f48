/** The editing views (Dialplan, Profiles, Directory): one structure, one edit flow, shared by the three. */
import React, { useEffect, useState } from 'react';
import { Box } from 'ink';
import type { Diagnostic, FsconfClient } from '../lsp/types.js';
import { useStructure } from '../app/structure.js';
import { EditFlowPane, useEditFlow, type EditDeps } from './edit-flow.js';
import { DIALPLAN_KEYS, DialplanView } from './dialplan.js';
import { PROFILES_KEYS, ProfilesView } from './profiles.js';
import { DIRECTORY_KEYS, DirectoryView } from './directory.js';
import { hintsOf } from '../app/keymap.js';

export type StructureViewName = 'dialplan' | 'profiles' | 'directory';
export const STRUCTURE_VIEWS: readonly string[] = ['dialplan', 'profiles', 'directory'];

/**
 * The views' own keys (their tables), then R: the app-wide reload (keymap.ts), named for what it offers
 * here; App appends the other app-wide keys.
 */
export const STRUCTURE_HINTS: Record<StructureViewName, [string, string][]> = {
  dialplan: [...hintsOf(DIALPLAN_KEYS), ['R', 'reload']],
  profiles: [...hintsOf(PROFILES_KEYS), ['R', 'rescan']],
  directory: [...hintsOf(DIRECTORY_KEYS), ['R', 'reload']],
};

export interface StructureViewsProps extends Omit<EditDeps, 'diagnostics'> {
  view: StructureViewName;
  width: number;
  height: number;
  active: boolean;
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  client: FsconfClient;
  /** Changes after every analysis: the structure is read again. */
  analysis: unknown;
  /** The views own the keyboard (a form, a filter, a move): the app's global keys wait. */
  onCapture(capturing: boolean): void;
}

export function StructureViews(p: StructureViewsProps) {
  const s = useStructure(p.client, p.analysis, true);
  const flow = useEditFlow(p);
  const [viewCapture, setViewCapture] = useState(false);
  const capturing = flow.capturing || viewCapture;
  useEffect(() => p.onCapture(capturing), [capturing]); // eslint-disable-line react-hooks/exhaustive-deps -- only when capturing changes: p is new on every render
  useEffect(() => () => p.onCapture(false), []); // eslint-disable-line react-hooks/exhaustive-deps -- on unmount only
  const active = p.active && !flow.capturing;
  const common = { width: p.width, height: p.height, structure: s.structure, error: s.error, flow };
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      {flow.mode ? <EditFlowPane flow={flow} width={p.width} height={p.height} readonly={p.readonly} diagnostics={p.diagnostics} /> : null}
      <Box display={flow.mode ? 'none' : 'flex'} flexDirection="column" width={p.width} height={p.height}>
        {p.view === 'dialplan' ? (
          <DialplanView
            {...common}
            active={active}
            root={p.root}
            templates={s.templates}
            vocabulary={s.vocabulary}
            diagnostics={p.diagnostics}
            readonly={p.readonly}
            onCapture={setViewCapture}
          />
        ) : p.view === 'profiles' ? (
          <ProfilesView {...common} active={active} client={p.client} templates={s.templates} vocabulary={s.vocabulary} diagnostics={p.diagnostics} />
        ) : (
          <DirectoryView {...common} active={active} root={p.root} />
        )}
      </Box>
    </Box>
  );
}
