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
  admission: {
    profile: string;
    from: string;
    verdict: 'admitted' | 'challenged' | 'rejected' | 'undecided';
    authenticated: boolean;
    by: 'acl' | 'digest' | 'blind' | 'none';
    reason: string;
    response?: string;
    user?: string;
  };
  context: string | null;
  contexts: string[];
  actions: (RouteLocation & { application: string; data: string; expanded: string; context: string; extension: string; unknown?: string[]; when?: string })[];
  outcome: {
    kind: 'bridge' | 'no-route' | 'hangup' | 'rejected' | 'challenged' | 'undecided' | 'other';
    endpoint: string | null;
    external: boolean;
    reason: string;
    /** For a bridge, where it takes the call in words: "leaves the switch", "stays on the switch", "fails: …". */
    where?: string;
    /** `missing`: a gateway no sofia profile defines (the leg fails with INVALID_GATEWAY) */
    targets?: { target: string; kind: string; name?: string; location?: RouteLocation; missing?: boolean }[];
  };
  trace: (Partial<RouteLocation> & { kind: string; text: string; depth?: number })[];
  premises: string[];
}

// ── structure and structural edits (fsconf.structure, fsconf.structuralEdit, fsconf.templates) ──
// Positions are 0-based; an element is named by where it starts (`at`), which the structure gives.

/** Where an element starts: pass it back as an edit's target. */
export interface ElementRef {
  uri: string;
  line: number;
  character: number;
}

export interface Located {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  at: ElementRef;
}

export interface SParam extends Located {
  name: string;
  /** As written (a secret is masked: first character and `***`). */
  value: string;
  /** After `$${}` expansion; null when FreeSWITCH computes it at run time. */
  expanded: string | null;
  from?: 'user' | 'group' | 'domain';
  secret?: true;
}

export interface SAction extends Located {
  kind: 'action' | 'anti-action';
  application: string;
  data: string;
  /** data sets a secret variable: its value is masked here (an editor starts from empty). */
  secret?: true;
  /** One line: `read` args by name, `$N` resolved against the expression, a transfer's target. */
  meaning: string;
}

export interface SCondition extends Located {
  field?: string;
  expression?: string;
  attrs: Record<string, string>;
  meaning: string;
  actions: SAction[];
  antiActions: SAction[];
  conditions: SCondition[];
}

export interface SExtension extends Located {
  name: string;
  continue?: string;
  conditions: SCondition[];
}

export interface SContext extends Located {
  name: string;
  /** Hunt order, across included files. */
  extensions: SExtension[];
}

export interface SUser extends Located {
  id: string;
  group?: string;
  params: SParam[];
  variables: SParam[];
  effective: { params: SParam[]; variables: SParam[] };
}

export interface Structure {
  root: string | null;
  profiles: (Located & {
    name: string;
    params: SParam[];
    gateways: (Located & { name: string; params: SParam[] })[];
    domains: { name: string; alias?: string; parse?: string }[];
  })[];
  contexts: SContext[];
  domains: (Located & { name: string; params: SParam[]; variables: SParam[]; groups: string[]; users: SUser[] })[];
  aclLists: (Located & { name: string; default: string; nodes: (Located & { type: string; cidr?: string; domain?: string })[] })[];
  variables: { name: string; value: string | null; uri: string; line: number }[];
}

/** An element to create; attribute values are plain text (the server escapes them). */
export interface NewElement {
  name: string;
  attrs?: [string, string][];
  children?: NewElement[];
}

export type StructuralEdit =
  | { op: 'insert'; parent: ElementRef; element: NewElement; before?: ElementRef; after?: ElementRef; first?: boolean }
  | {
      op: 'addExtension';
      context: string;
      element?: NewElement;
      template?: string;
      values?: Record<string, string>;
      placement?: 'file' | 'top' | 'bottom';
      before?: ElementRef;
    }
  | { op: 'delete'; target: ElementRef }
  | { op: 'duplicate'; target: ElementRef; name?: string }
  | { op: 'move'; target: ElementRef; before?: ElementRef; after?: ElementRef; direction?: 'up' | 'down' }
  | { op: 'setAttribute'; target: ElementRef; name: string; value: string }
  | { op: 'removeAttribute'; target: ElementRef; name: string }
  /** generate: the server makes a new secret (password meeting the policy, or a PIN ≠ the user id) in place of value */
  | { op: 'setParam'; target: ElementRef; name: string; value: string; kind?: 'param' | 'variable'; generate?: 'password' | 'pin' }
  | { op: 'removeParam'; target: ElementRef; name: string; kind?: 'param' | 'variable' }
  | { op: 'addUser'; domain?: string; template?: string; values?: Record<string, string>; element?: NewElement }
  | { op: 'addGateway'; profile: string; template?: string; values?: Record<string, string>; element?: NewElement }
  | { op: 'addAclNode'; list: string; type: 'allow' | 'deny'; cidr?: string; domain?: string };

/** `fsconf.structuralEdit` [{ edit: StructuralEdit, uri?, apply?, backup? }] */
export interface StructuralEditResult {
  /** A WorkspaceEdit (`changes`; a new file is an insertion at 0:0 into a URI that does not exist yet). */
  edit: { changes: Record<string, { range: Located['range']; newText: string }[]> };
  summary: string;
  /** URIs of the files the edit creates. */
  created: string[];
  /** Secrets generated for the edit (a new user's password and PIN): show once, on request. */
  generated?: Record<string, string>;
  /** fs_cli commands that make FreeSWITCH pick the change up. */
  reload: string[];
  /** With `apply: true`: what fsconf.applyEdit wrote (or why not). */
  written?: WriteResult;
}

/** `fsconf.templates` */
export interface TemplateInfo {
  id: string;
  kind: 'extension' | 'user' | 'gateway';
  title: string;
  description: string;
  fields: { name: string; label: string; default: string; complete?: 'contexts' | 'gateways' | 'ivrs' | 'users'; secret?: boolean }[];
}

/** `fsconf.vocabulary`: what structure editors complete from. */
export interface Vocabulary {
  applications: { name: string; syntax: string; doc: string }[];
  fields: string[];
  codecs: string[];
  profileParams: { name: string; type: string; default?: string; values?: string[] }[];
  gatewayParams: { name: string; type: string; default?: string; values?: string[] }[];
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

export * from './protocol/commands.js';
