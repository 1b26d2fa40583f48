/**
 * The conf tree's structure as FreeSWITCH assembles it, and the structural edits clients may ask for.
 * Locations are URIs and 0-based LSP positions (the language server hands these to clients as they are;
 * server-lsp/src/protocol.ts declares the same shapes for its clients).
 */
import type { Range } from 'vscode-languageserver-types';

/** Where an element starts (its `<`): how an edit names the element it acts on. */
export interface ElementRef {
  uri: string;
  line: number;
  character: number;
}

export interface Located {
  uri: string;
  /** The whole element. */
  range: Range;
  /** Where it starts (= range.start): pass it back as an edit's target. */
  at: ElementRef;
}

export interface SParam extends Located {
  name: string;
  /** As written (may hold `$${var}`). */
  value: string;
  /** After `$${}` expansion; null when FreeSWITCH computes it at run time. */
  expanded: string | null;
  /** Where a directory user's param or variable comes from (inheritance). */
  from?: 'user' | 'group' | 'domain';
  secret?: true;
}

interface SGateway extends Located {
  name: string;
  params: SParam[];
}

interface SProfile extends Located {
  name: string;
  params: SParam[];
  gateways: SGateway[];
  domains: { name: string; alias?: string; parse?: string }[];
}

export interface SAction extends Located {
  kind: 'action' | 'anti-action';
  application: string;
  data: string;
  /** data sets a secret variable: its value is masked here (an editor starts from empty). */
  secret?: true;
  /** One line in FreeSWITCH's words: the `read` args by name, `$N` resolved, the target of a transfer. */
  meaning: string;
}

export interface SCondition extends Located {
  field?: string;
  expression?: string;
  /** Every attribute as written (break, regex, wday, hour, …). */
  attrs: Record<string, string>;
  /** One line: what the condition tests. */
  meaning: string;
  actions: SAction[];
  antiActions: SAction[];
  conditions: SCondition[];
}

interface SExtension extends Located {
  name: string;
  continue?: string;
  conditions: SCondition[];
}

interface SContext extends Located {
  name: string;
  /** In hunt order: the order FreeSWITCH tries them, across included files. */
  extensions: SExtension[];
}

export interface SUser extends Located {
  id: string;
  group?: string;
  params: SParam[];
  variables: SParam[];
  /** Own, group and domain params/variables merged as FreeSWITCH resolves them (the user's own wins). */
  effective: { params: SParam[]; variables: SParam[] };
}

interface SDomain extends Located {
  name: string;
  params: SParam[];
  variables: SParam[];
  groups: string[];
  users: SUser[];
}

interface SAclList extends Located {
  name: string;
  default: string;
  nodes: (Located & { type: string; cidr?: string; domain?: string })[];
}

interface SVariable {
  name: string;
  value: string | null;
  uri: string;
  line: number;
}

export interface Structure {
  root: string | null;
  profiles: SProfile[];
  contexts: SContext[];
  domains: SDomain[];
  aclLists: SAclList[];
  variables: SVariable[];
}

/** An element to create; attribute values are plain text (escaping is the server's job). */
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
  | { op: 'setParam'; target: ElementRef; name: string; value: string; kind?: 'param' | 'variable'; generate?: 'password' | 'pin' }
  | { op: 'removeParam'; target: ElementRef; name: string; kind?: 'param' | 'variable' }
  | { op: 'addUser'; domain?: string; template?: string; values?: Record<string, string>; element?: NewElement }
  | { op: 'addGateway'; profile: string; template?: string; values?: Record<string, string>; element?: NewElement }
  | { op: 'addAclNode'; list: string; type: 'allow' | 'deny'; cidr?: string; domain?: string };

export interface TextEditLike {
  range: Range;
  newText: string;
}

export interface StructuralEditResult {
  /** uri → edits (a new file: one insertion at 0:0 into a URI that does not exist yet). */
  changes: Record<string, TextEditLike[]>;
  /** One line: what the edit does. */
  summary: string;
  /** Files the edit creates. */
  created: string[];
  /** Values generated for the edit that a person must see once (a new user's password, PIN). */
  generated?: Record<string, string>;
  /** What FreeSWITCH must be told to pick the change up. */
  reload: string[];
}
