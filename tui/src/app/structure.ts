/** The tree's structure, templates and completion vocabulary from the server, re-read after every analysis. */
import { useEffect, useRef, useState } from 'react';
import type { FsconfClient } from '../lsp/types.js';
import { getStructure, getTemplates, getVocabulary, type Structure, type TemplateInfo, type Vocabulary } from '../lsp/structure.js';
import { errorText } from '../lsp/errors.js';

export interface StructureState {
  structure?: Structure;
  templates: TemplateInfo[];
  vocabulary?: Vocabulary;
  error?: string;
}

/** `analysis` changes whenever the server finished an analysis (fsconf/analysisDone). */
export function useStructure(client: FsconfClient, analysis: unknown, active: boolean): StructureState {
  const [state, setState] = useState<StructureState>({ templates: [] });
  const seq = useRef(0);
  useEffect(() => {
    if (!active) return;
    const n = ++seq.current;
    getStructure(client)
      .then((structure) => n === seq.current && setState((s) => ({ ...s, structure, error: undefined } as StructureState)))
      .catch((e: unknown) => n === seq.current && setState((s) => ({ ...s, error: errorText(e) })));
  }, [client, analysis, active]);
  useEffect(() => {
    if (!active || state.vocabulary) return;
    Promise.all([getTemplates(client), getVocabulary(client)])
      .then(([templates, vocabulary]) => setState((s) => ({ ...s, templates, vocabulary })))
      .catch(() => undefined);
  }, [client, active, state.vocabulary]);
  return state;
}
