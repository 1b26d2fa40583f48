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
  const extras = useRef<{ templates: TemplateInfo[]; vocabulary: Vocabulary } | undefined>(undefined);
  useEffect(() => {
    if (!active) return;
    const n = ++seq.current;
    // the first time, templates and vocabulary come with the structure: the view is complete at once
    const more = extras.current
      ? Promise.resolve(extras.current)
      : Promise.all([getTemplates(client), getVocabulary(client)])
          .then(([templates, vocabulary]) => (extras.current = { templates, vocabulary }))
          .catch(() => ({ templates: [], vocabulary: undefined }));
    Promise.all([getStructure(client), more])
      .then(([structure, x]) => n === seq.current && setState({ structure, templates: x.templates, ...(x.vocabulary ? { vocabulary: x.vocabulary } : {}) }))
      .catch(
        (e: unknown) => n === seq.current && setState((s) => ({ ...s, error: `the server did not give the structure (fsconf.structure): ${errorText(e)}` })),
      );
  }, [client, analysis, active]);
  return state;
}
