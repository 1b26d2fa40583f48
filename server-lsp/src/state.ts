/** The server's state: one Project per conf root, and the documents the client holds open. */
import type { FsconfWorkspace } from '@fsconf/core';

export interface Project {
  key: string;
  root: string | undefined;
  ws: FsconfWorkspace;
  /** path → JSON of the diagnostics last published. */
  published: Map<string, string>;
  /** path → the text the last analysis read from disk (files not open in the editor). */
  readTexts: Map<string, string>;
  notUtf8: Set<string>;
  /** Files of the tree at the last analysis. */
  files: Set<string>;
  timer: NodeJS.Timeout | undefined;
  firstPendingAt: number;
  lastChangeAt: number;
  /** Set once the whole tree has been published. */
  started: boolean;
}

export interface OpenDoc {
  uri: string;
  path: string;
  project: Project;
  /** What the file held on disk when opened (or last saved): the expected text for writes. */
  baseline: string;
  /** Kept in the engine as an XML document (false: a .fsconf.yaml / cti.json overlay only). */
  xml: boolean;
}
