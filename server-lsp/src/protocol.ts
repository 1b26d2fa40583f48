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

/** `fsconf.assembled`: the assembled configuration (includes spliced, `$${}` expanded), as `fsconf show` prints it. */
export interface AssembledResult {
  text: string;
  /** for each element: its 0-based line in `text` and where it is written (0-based line) */
  origins: { line: number; uri: string; sourceLine: number }[];
}

/** `fsconf.route` argument: a call to simulate (as `fsconf route`). */
export interface RouteArgs {
  /** a file of the conf tree (picks the project) */
  uri?: string;
  /** sip profile; '' with `context` starts the hunt in that context (the code lens on an extension) */
  profile: string;
  context?: string;
  from: string;
  to: string;
  user?: string;
  vars?: Record<string, string>;
  headers?: Record<string, string>;
  /** the switch's local time, YYYY-MM-DDTHH:MM[:SS] */
  at?: string;
}

/** A place in the tree: URI and 0-based line. */
export interface RouteLocation {
  uri: string;
  line: number;
}

/** `fsconf.route` result: core's RouteResult with URIs and 0-based lines. */
export interface RouteCallResult {
  admission: { profile: string; from: string; verdict: 'admitted' | 'challenged' | 'rejected' | 'undecided'; authenticated: boolean; by: 'acl' | 'digest' | 'blind' | 'none'; reason: string; response?: string; user?: string };
  context: string | null;
  contexts: string[];
  actions: (RouteLocation & { application: string; data: string; expanded: string; context: string; extension: string; unknown?: string[]; when?: string })[];
  outcome: { kind: 'bridge' | 'no-route' | 'hangup' | 'rejected' | 'challenged' | 'undecided' | 'other'; endpoint: string | null; external: boolean; reason: string; targets?: { target: string; kind: string; name?: string; location?: RouteLocation }[] };
  trace: (Partial<RouteLocation> & { kind: string; text: string; depth?: number })[];
  premises: string[];
}
