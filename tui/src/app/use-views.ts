/** Which view is shown, the one esc goes back to, and each view's cursor and filter (kept while away). */
import { useCallback, useRef, useState } from 'react';
import { VIEWS, type ViewName } from '../ui/components.js';
import type { ProblemFilter } from '../views/problems.js';

export function useViews() {
  const [view, setViewState] = useState<ViewName>('problems');
  const prevView = useRef<ViewName>('problems');
  const setView = useCallback((v: ViewName) => {
    setViewState((cur) => {
      if (cur !== v) prevView.current = cur;
      return v;
    });
  }, []);
  // from the view as it is now (keys typed fast may arrive before a render)
  const cycleView = useCallback(
    (backwards: boolean) =>
      setViewState((cur) => {
        const next = VIEWS[(VIEWS.indexOf(cur) + (backwards ? VIEWS.length - 1 : 1)) % VIEWS.length]!;
        if (next !== cur) prevView.current = cur;
        return next;
      }),
    [],
  );
  /** esc: the view before, or Problems when that is this one. */
  const back = useCallback((from: ViewName) => setView(prevView.current === from ? 'problems' : prevView.current), [setView]);
  const toggleHelp = useCallback((from: ViewName) => setView(from === 'help' ? prevView.current : 'help'), [setView]);

  const [problemsIndex, setProblemsIndex] = useState(0);
  const [filesIndex, setFilesIndex] = useState(0);
  const [bansIndex, setBansIndex] = useState(0);
  const [helpIndex, setHelpIndex] = useState(0);
  const [filter, setFilter] = useState<ProblemFilter>({ text: '', hidden: new Set() });
  const [filterEditing, setFilterEditing] = useState(false);
  const [filesFilter, setFilesFilter] = useState('');
  const [filesFilterEditing, setFilesFilterEditing] = useState(false);
  /** An editing view (Dialplan, Profiles, Directory) is typing or reviewing: global keys wait. */
  const [structureCapture, setStructureCapture] = useState(false);
  const toggleSeverity = useCallback(
    (s: number) =>
      setFilter((f) => {
        const hidden = new Set(f.hidden);
        if (hidden.has(s)) hidden.delete(s);
        else hidden.add(s);
        return { ...f, hidden };
      }),
    [],
  );

  return {
    view,
    setView,
    cycleView,
    back,
    toggleHelp,
    problemsIndex,
    setProblemsIndex,
    filesIndex,
    setFilesIndex,
    bansIndex,
    setBansIndex,
    helpIndex,
    setHelpIndex,
    filter,
    setFilter,
    filterEditing,
    setFilterEditing,
    toggleSeverity,
    filesFilter,
    setFilesFilter,
    filesFilterEditing,
    setFilesFilterEditing,
    structureCapture,
    setStructureCapture,
  };
}

export type Views = ReturnType<typeof useViews>;
