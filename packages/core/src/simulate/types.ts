// What a simulated call reports (the shape `fsconf route --format json` prints).

export interface RouteInput {
  /** sip profile name */
  profile: string;
  /** the caller's address (network_ip) */
  from: string;
  /** destination_number */
  to: string;
  /** the caller's port (only read with use-port-for-acl-check / apply-proxy-acl); default 5060 */
  port?: number;
  /** authenticate as this directory user (`id` or `id@domain`): the caller answers the digest challenge */
  user?: string;
  /** channel variables (and caller-profile fields such as caller_id_number) the caller brings */
  vars?: Record<string, string>;
  /** SIP headers of the INVITE (X-AUTH-IP, an x-token header, ...) */
  headers?: Record<string, string>;
  /** the switch's local wall-clock time of the call, "YYYY-MM-DDTHH:MM[:SS]"; default: now */
  at?: string;
  /** with no profile: start the hunt in this context (no sofia admission; `user`'s variables apply) */
  context?: string;
}

export interface Location {
  file: string;
  /** 1-based */
  line: number;
}

export interface TraceStep extends Partial<Location> {
  kind: 'admission' | 'context' | 'extension' | 'condition' | 'action' | 'transfer' | 'outcome' | 'note';
  text: string;
  /** indentation level for a readable trace */
  depth?: number;
}

export interface Admission {
  profile: string;
  from: string;
  verdict: 'admitted' | 'challenged' | 'rejected' | 'undecided';
  authenticated: boolean;
  by: 'acl' | 'digest' | 'blind' | 'none';
  reason: string;
  /** the SIP answer when the call is not admitted */
  response?: string;
  /** the directory user the call is identified as (acl token, digest or blind auth) */
  user?: string;
}

export interface RouteAction extends Location {
  application: string;
  /** as FreeSWITCH hands it to the application, after `$N` substitution */
  data: string;
  /** after `${var}` expansion; unknown parts stay as written (see `unknown`) */
  expanded: string;
  context: string;
  extension: string;
  /** the parts of `expanded` fsconf cannot know */
  unknown?: string[];
  /** queued only when an undecided condition went this way */
  when?: string;
}

type EndpointKind = 'local-user' | 'gateway' | 'external-uri' | 'loopback' | 'group' | 'unknown' | 'other';

export interface BridgeTarget {
  target: string;
  kind: EndpointKind;
  /** gateway name, user, group */
  name?: string;
  /** where the gateway is defined */
  location?: Location;
  /** a gateway no sofia profile defines: mod_sofia fails this leg (INVALID_GATEWAY) */
  missing?: boolean;
}

export interface Outcome {
  kind: 'bridge' | 'no-route' | 'hangup' | 'rejected' | 'challenged' | 'undecided' | 'other';
  /** bridge data, hangup cause, respond code or the application that took the call */
  endpoint: string | null;
  /** the call leaves the switch (a gateway or an external SIP URI) */
  external: boolean;
  reason: string;
  targets?: BridgeTarget[];
  /** the action that decided */
  action?: RouteAction;
  /** when undecided: the outcomes under each assumption */
  alternatives?: {
    assumptions: string[];
    kind: Outcome['kind'];
    endpoint: string | null;
    external: boolean;
    path: RouteResult['path'];
    action?: RouteAction;
    targets?: BridgeTarget[];
  }[];
}

export interface RouteResult {
  admission: Admission;
  /** the context the call lands in first (null when not admitted) */
  context: string | null;
  /** every context hunted, in order (transfers) */
  contexts: string[];
  actions: RouteAction[];
  outcome: Outcome;
  trace: TraceStep[];
  /** what the simulation took as given (evaluation time, variables nobody sets, ...) */
  premises: string[];
  /** the path: extensions that matched, in order, with their context */
  path: { context: string; extension: string; file: string; line: number }[];
}

export class RouteInputError extends Error {}
