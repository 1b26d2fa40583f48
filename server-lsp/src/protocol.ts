/**
 * What fsconf-lsp's own notification and commands send, as clients receive it (URIs, 0-based lines).
 * The server's handlers are typed with these, and the clients (the terminal UI, the VS Code extension)
 * import them type-only from `@fsconf/server-lsp/protocol`, so a change here is a change everywhere.
 */

/** `fsconf/analysisDone`: sent each time the whole tree has been analysed and published. */
export interface AnalysisDone {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  ms: number;
}

/** `fsconf.treeInfo` */
export interface TreeInfo {
  /** null when no conf tree is loaded for the given file */
  root: string | null;
  files: { uri: string; errors: number; warnings: number; infos: number }[];
}

/** `fsconf.aclLists` */
export interface AclListInfo {
  name: string;
  /** where the list is defined (absent for a built-in `*.auto` list) */
  uri?: string;
  line?: number;
  builtin: boolean;
  default: 'allow' | 'deny';
}

/** `fsconf.aclTest` */
export interface AclTestResult {
  verdict: 'allow' | 'deny' | 'unknown';
  list: string;
  /** the node that decided (null: the list default); uri and line are null for a node of a built-in list */
  decidedBy: { uri: string | null; line: number | null; cidr: string; type: 'allow' | 'deny'; token?: string } | null;
  reason: string;
  /** every node that matched, with its prefix length (the longest wins; ties: the first) */
  competing: { uri: string | null; line: number | null; cidr: string; bits: number; type: 'allow' | 'deny' }[];
  inline?: true;
  unknownList?: true;
  invalidAddress?: true;
}

/** `fsconf.applyEdit`, `fsconf.saveDocument` */
export interface WriteResult {
  applied: boolean;
  /** the files written, each with its backup when one was made */
  files: { uri: string; backup?: string }[];
  /** why nothing was written */
  message?: string;
}

/** `fsconf/filesChanged`: files of the tree changed on disk (another editor, git pull); they are being re-analysed. */
export interface FilesChanged {
  uris: string[];
}

/** `fsconf.eslConnection`: where fs_cli reaches this tree's switch (null: no event_socket.conf in the tree). */
export interface EslConnectionInfo {
  host: string;
  port: number;
  /** absent when the password comes from something fsconf cannot know */
  password?: string;
}
