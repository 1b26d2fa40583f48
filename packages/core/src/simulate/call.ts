// A call through the switch, as FreeSWITCH 1.10.12 handles it, without a running switch:
//  - admission by mod_sofia (src/mod/endpoints/mod_sofia/sofia.c, sofia_handle_sip_i_invite
//    10545-10760 and the context choice at 11186-11198),
//  - the hunt by mod_dialplan_xml (src/mod/dialplans/mod_dialplan_xml/mod_dialplan_xml.c,
//    parse_exten 98-575 and dialplan_hunt 620-715),
//  - the execution of the applications it queued, through transfer / execute_extension, until a
//    bridge, hangup, respond, an application that takes the call over, or the end of the list.
// Where a value is not in the conf tree (a variable only the running switch knows, an API call) the
// condition that reads it is undecided: the simulation follows both ways and says whether the outcome
// depends on it. Nothing is guessed.
import { attr, elementText } from '../xml/parser.js';
import {
  expandAttr,
  findParam,
  findParams,
  type Action,
  type Condition,
  type DialplanContext,
  type Extension,
  type Model,
  type Node,
  type SofiaProfile,
} from '../model.js';
import type { Tree } from '../tree.js';
import { CORE_GLOBALS } from '../preprocess/globals.js';
import { aclModelFor, testAddressIn, type AclModel, type LocalNet } from '../semantics/network-lists.js';
import { isCallerProfileField } from '../dialplan/fields.js';
import { switchTrue } from '../dialplan/time.js';
import { isIpAddress } from '../acl/index.js';
import { matchExpression } from './regex-match.js';
import { display, expandVars, hasUnknown, preprocessed, substitute, unknownPart, unknownParts, type Lookup } from './values.js';
import { domainName, findUser, mergeUser, type MergedUser } from './directory.js';
import { datetimeCheck, hasTimeAttr, parseAt, type TimeCheck, type WallClock } from './time-check.js';
import { classifyBridge } from './bridge.js';
import {
  RouteInputError,
  type Admission,
  type BridgeTarget,
  type Location,
  type Outcome,
  type RouteAction,
  type RouteInput,
  type RouteResult,
  type TraceStep,
} from './types.js';

const MAX_WORLDS = 64;
const MAX_TRANSFERS = 30;
const MAX_RECUR = 100; // mod_dialplan_xml.c:80

export interface SimulateOptions {
  localNet?: LocalNet;
  /** The call's time when `input.at` is not given (tests); default: this machine's clock. */
  now?: Date;
  /**
   * Set to true when the simulation looks at the call's time (a time condition, `${strftime()}`): when it
   * stays false, the same call at another time takes the same route (exposure.ts asks once, not per moment).
   */
  clockRead?: { read: boolean };
}

function loc(node: Node): Location {
  return { file: node.doc.path, line: node.doc.lines.lineOf(node.el.start) + 1 };
}

/**
 * Applications that run a script in the call's thread. When the script returns with the call still up,
 * FreeSWITCH goes on with the next queued application (switch_core_session_execute_application returns to
 * the dialplan's list): FusionPBX runs `lua app.lua call_block` on every inbound call before routing it.
 * What the script does is not simulated: with applications after it, both are followed (it takes the call;
 * it returns).
 */
const SCRIPT = new Set(['lua', 'javascript', 'python', 'perl']);

/** Applications that take the call over: the simulation stops there (outcome "other"). */
const TAKEOVER = new Set([
  'voicemail',
  'conference',
  'ivr',
  'lua',
  'javascript',
  'python',
  'perl',
  'socket',
  'fifo',
  'park',
  'valet_park',
  'echo',
  'delay_echo',
  'eavesdrop',
  'intercept',
  'deflect',
  'redirect',
  'callcenter',
  'play_and_get_digits',
  'bind_digit_action_loop',
  'pickup',
  'fax',
  'rxfax',
  'txfax',
  'spandsp_start_fax_detect',
  'detect_speech',
  'httapi',
  'curl_sendfile',
  'enum',
  'sched_transfer',
]);

/** mod_dptools applications flagged SAF_ROUTING_EXEC (mod_dptools.c:6523-6576, 6644): the only ones `inline="true"` runs. */
const ROUTING_EXEC = new Set([
  'check_acl',
  'verbose_events',
  'novideo',
  'cng_plc',
  'early_hangup',
  'eval',
  'set_media_stats',
  'stop',
  'set_zombie_exec',
  'presence',
  'log',
  'info',
  'event',
  'export',
  'bridge_export',
  'set',
  'multiset',
  'push',
  'unshift',
  'set_global',
  'set_profile_var',
  'unset',
  'multiunset',
  'set_user',
]);

/** Variables sofia or the media layer set from the live call: unknown unless the caller gives them (--var). */
const RUNTIME =
  /^(sip_|rtp_|switch_[rm]_sdp$|endpoint_disposition$|uuid$|call_uuid$|channel_name$|remote_media_|read_codec$|write_codec$|originate_|bridge_|last_bridge|hangup_cause|current_application|answer|ep_codec|verto_)/;

interface QueuedApp {
  application: string;
  data: string;
  action: Action;
  context: string;
  extension: string;
  when?: string;
  /** queued from both branches of an undecided condition: runs only on its branch */
  branch?: { label: string; value: boolean };
}

/** Applications whose running or not changes where the call goes. */
const ROUTING = new Set(['transfer', 'execute_extension', 'bridge', 'hangup', 'respond', ...TAKEOVER]);

class WorldLimit extends Error {}

/** One run of the call under a fixed series of decisions for the undecided conditions. */
class World {
  vars = new Map<string, string>();
  fields: Record<string, string> = {};
  trace: TraceStep[] = [];
  actions: RouteAction[] = [];
  contexts: string[] = [];
  path: RouteResult['path'] = [];
  assumptions: string[] = [];
  taken: boolean[] = [];
  premises = new Set<string>();
  outcome: Outcome | undefined;
  /** did the last hunt end at an extension without continue="true"? */
  routed = false;
  private pos = 0;
  /** how a variable nobody sets expands: the set of runtime names consulted, for premises */
  constructor(
    readonly sim: Simulation,
    private readonly decisions: boolean[],
  ) {}

  private byLabel = new Map<string, boolean>();
  /** One decision per undecided condition, however many of its applications ask. */
  decideLabel(label: string): boolean {
    let v = this.byLabel.get(label);
    if (v === undefined) this.byLabel.set(label, (v = this.decide(label, 'assumed to match', 'assumed not to match')));
    return v;
  }

  decide(label: string, whenTrue: string, whenFalse: string): boolean {
    let v: boolean;
    if (this.pos < this.decisions.length) v = this.decisions[this.pos]!;
    else v = false;
    this.taken.push(v);
    this.pos++;
    this.assumptions.push(`${label}: ${v ? whenTrue : whenFalse}`);
    return v;
  }

  step(s: TraceStep): void {
    this.trace.push(s);
  }

  lookup(): Lookup {
    return {
      get: (name) => this.getVar(name),
      api: (name, args) => this.api(name, args),
    };
  }

  getVar(name: string): string | undefined {
    const v = this.vars.get(name);
    if (v !== undefined) return v;
    if (isCallerProfileField(name)) {
      const f = this.fields[name.toLowerCase()];
      if (f !== undefined) return f;
    }
    const g = this.sim.globalVar(name);
    if (g !== undefined) return g;
    // premise: the caller is not the switch itself, so sofia leaves sip_looped_call unset (sofia.c:10804)
    if (name === 'sip_looped_call') return undefined;
    if (RUNTIME.test(name)) return unknownPart(`\${${name}}`);
    return undefined;
  }

  api(name: string, args: string): string | undefined {
    // mod_dptools' strftime API formats the call's time (the switch's local time: --at)
    if (name === 'strftime' && !hasUnknown(args)) return strftime(args.trim() || '%Y-%m-%d %T', this.sim.clock);
    if (name === 'domain_exists') {
      const a = args.trim();
      for (const d of this.sim.model.domains) {
        const n = domainName(d);
        if (n === a) return 'true';
      }
      if (hasUnknown(a) || this.sim.model.domains.some((d) => hasUnknown(domainName(d)))) return undefined;
      return 'false';
    }
    if (name === 'user_exists') return this.userExists(args);
    return undefined;
  }

  /**
   * mod_commands' user_exists `<key> <user> <domain>` (mod_commands.c:1369-1418 at v1.10.12): "true" when
   * the directory has the user, else "false" (also for fewer than 3 arguments). Names compare ignoring case
   * (switch_xml_find_child*); key `id` also matches number-alias; pointer users are skipped
   * (find_user_in_tag). Undefined when the answer depends on a value fsconf cannot know.
   */
  userExists(args: string): string | undefined {
    const [key, user, domain] = args.split(' ').filter((w) => w !== '');
    if (!key || !user || !domain) return 'false';
    if (hasUnknown(args) || key.toLowerCase() !== 'id') return undefined;
    const doms = this.sim.model.domains;
    if (doms.some((d) => hasUnknown(domainName(d)))) return undefined;
    const d = doms.find((x) => domainName(x).toLowerCase() === domain.toLowerCase());
    if (!d) return 'false';
    if (d.users.some((u) => u.id.includes('$') || u.numberAlias?.includes('$'))) return undefined;
    const same = (v: string | undefined) => v !== undefined && v.toLowerCase() === user.toLowerCase();
    return d.users.some((u) => u.type?.toLowerCase() !== 'pointer' && (same(u.id) || same(u.numberAlias))) ? 'true' : 'false';
  }

  expand(s: string): string {
    return expandVars(s, this.lookup());
  }

  field(name: string): string {
    const n = name.toLowerCase();
    if (isCallerProfileField(n)) return this.fields[n] ?? '';
    return ''; // switch_caller_get_field_by_name: an unknown field name yields nothing ("")
  }
}

class Simulation {
  readonly am: AclModel;
  /** The call's time, for the premises line; what decides the route reads `clock` (which is noted). */
  readonly wallClock: WallClock;
  constructor(
    readonly tree: Tree,
    readonly model: Model,
    readonly input: RouteInput,
    readonly opts: SimulateOptions,
  ) {
    this.am = aclModelFor(model, opts.localNet);
    const c = input.at !== undefined ? parseAt(input.at) : undefined;
    if (input.at !== undefined && !c) throw new RouteInputError(`--at ${input.at}: not a time (use YYYY-MM-DDTHH:MM[:SS], the switch's local time)`);
    this.wallClock = c ?? parseAt(localIso(opts.now ?? new Date()))!;
  }

  get clock(): WallClock {
    if (this.opts.clockRead) this.opts.clockRead.read = true;
    return this.wallClock;
  }

  private globals = new Map<string, string | undefined>();
  globalVar(name: string): string | undefined {
    if (this.globals.has(name)) return this.globals.get(name);
    const defs = this.tree.vars.defs.get(name);
    let v: string | undefined;
    if (defs?.length) {
      const d = defs[defs.length - 1]!;
      v = d.value ?? unknownPart(`\${${name}}`);
    } else if (CORE_GLOBALS.has(name)) v = unknownPart(`\${${name}}`);
    this.globals.set(name, v);
    return v;
  }

  findProfile(): SofiaProfile {
    const p = this.model.profiles.find((x) => x.name === this.input.profile);
    if (!p) throw new RouteInputError(`no sip profile "${this.input.profile}" (profiles: ${this.model.profiles.map((x) => x.name).join(', ') || 'none'})`);
    return p;
  }

  findContext(name: string): DialplanContext | undefined {
    // switch_xml_find_child(cfg, "context", "name", ...): the first context of that name
    return this.model.contexts.find((c) => c.name === name);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime(3) for the conversions that need no time zone; undefined (unknown) for any other. */
function strftime(fmt: string, c: WallClock): string | undefined {
  const p2 = (n: number) => String(n).padStart(2, '0');
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const k = fmt[++i];
    const v: Record<string, string> = {
      Y: String(c.year),
      y: p2(c.year % 100),
      m: p2(c.mon),
      d: p2(c.mday),
      e: String(c.mday).padStart(2, ' '),
      H: p2(c.hour),
      M: p2(c.min),
      S: p2(c.sec),
      w: String(c.wday - 1),
      u: String(c.wday === 1 ? 7 : c.wday - 1),
      j: String(c.yday).padStart(3, '0'),
      a: DAYS[c.wday - 1]!,
      b: MONTHS[c.mon - 1]!,
      T: `${p2(c.hour)}:${p2(c.min)}:${p2(c.sec)}`,
      R: `${p2(c.hour)}:${p2(c.min)}`,
      F: `${c.year}-${p2(c.mon)}-${p2(c.mday)}`,
      '%': '%',
    };
    const r = k === undefined ? undefined : v[k];
    if (r === undefined) return undefined;
    out += r;
  }
  return out;
}

function localIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

// ---------------------------------------------------------------------------------------------
// Admission (sofia.c)
// ---------------------------------------------------------------------------------------------

interface AdmissionResult {
  admission: Admission;
  context?: string;
  /** channel variables set at admission */
  vars: Map<string, string>;
  user?: MergedUser;
  trace: TraceStep[];
  premises: string[];
}

function settingValue(p: SofiaProfile, name: string): { value: string | undefined; param?: Location; raw?: string } {
  const prm = findParam(p.settings, name);
  if (!prm) return { value: undefined };
  const v = preprocessed(prm.value);
  return { value: hasUnknown(v) ? unknownPart(display(v)) : v, param: loc(prm.node), raw: prm.value.raw };
}

function flag(p: SofiaProfile, name: string): boolean | 'unknown' {
  const s = settingValue(p, name);
  if (s.value === undefined) return false;
  if (hasUnknown(s.value)) return 'unknown';
  return switchTrue(s.value);
}

interface AclSpec {
  list: string;
  pass?: string;
  fail?: string;
  where: Location;
}

/** apply-inbound-acl as sofia.c:5729-5752 reads it: in order, "none" clears, `list:pass:fail`. */
function inboundAcls(p: SofiaProfile): AclSpec[] | string {
  let out: AclSpec[] = [];
  for (const prm of findParams(p.settings, 'apply-inbound-acl')) {
    const v = preprocessed(prm.value);
    if (!v) continue;
    if (hasUnknown(v)) return `apply-inbound-acl="${prm.value.raw}" depends on ${unknownParts(v).join(', ')}, whose value fsconf cannot know`;
    if (v.toLowerCase() === 'none') {
      out = [];
      continue;
    }
    if (out.length >= 100) continue; // SOFIA_MAX_ACL
    const [list, pass, fail] = splitAcl(v);
    const spec: AclSpec = { list, where: loc(prm.node) };
    if (pass) spec.pass = pass;
    if (fail) spec.fail = fail;
    out.push(spec);
  }
  return out;
}

function splitAcl(v: string): [string, string | undefined, string | undefined] {
  const i = v.indexOf(':');
  if (i < 0) return [v, undefined, undefined];
  const rest = v.slice(i + 1);
  const j = rest.indexOf(':');
  const pass = j < 0 ? rest : rest.slice(0, j);
  const fail = j < 0 ? undefined : rest.slice(j + 1);
  return [v.slice(0, i), pass || undefined, fail || undefined];
}

function proxyAcls(p: SofiaProfile): string[] | string {
  let out: string[] = [];
  for (const prm of findParams(p.settings, 'apply-proxy-acl')) {
    const v = preprocessed(prm.value);
    if (!v) continue;
    if (hasUnknown(v)) return `apply-proxy-acl="${prm.value.raw}" depends on ${unknownParts(v).join(', ')}, whose value fsconf cannot know`;
    if (v.toLowerCase() === 'none') out = [];
    else out.push(v);
  }
  return out;
}

function header(input: RouteInput, name: string): string | undefined {
  const h = input.headers ?? {};
  for (const [k, v] of Object.entries(h)) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}

function admit(sim: Simulation): AdmissionResult {
  const { input } = sim;
  if (!input.profile && input.context) return admitToContext(sim, input.context);
  const profile = sim.findProfile();
  const trace: TraceStep[] = [];
  const premises: string[] = [];
  const vars = new Map<string, string>();
  const ploc = loc(profile.node);
  const base = { profile: profile.name, from: input.from };
  const out = (a: Omit<Admission, 'profile' | 'from'>, extra: Partial<AdmissionResult> = {}): AdmissionResult => ({
    admission: { ...base, ...a },
    vars,
    trace,
    premises,
    ...extra,
  });
  const undecided = (reason: string): AdmissionResult => {
    trace.push({ kind: 'admission', text: `undecided: ${reason}`, ...ploc });
    return out({ verdict: 'undecided', authenticated: false, by: 'none', reason });
  };
  const reject = (reason: string, response: string, where?: Location): AdmissionResult => {
    trace.push({ kind: 'admission', text: `rejected with ${response}: ${reason}`, ...(where ?? ploc) });
    return out({ verdict: 'rejected', authenticated: false, by: 'none', reason, response });
  };

  const authCalls = flag(profile, 'auth-calls');
  if (authCalls === 'unknown') return undecided(`auth-calls="${settingValue(profile, 'auth-calls').raw}" has a value fsconf cannot know`);
  const acls = inboundAcls(profile);
  if (typeof acls === 'string') return undecided(acls);
  const proxies = proxyAcls(profile);
  if (typeof proxies === 'string') return undecided(proxies);
  const usePort = flag(profile, 'use-port-for-acl-check') === true;
  const port = input.port ?? 5060;
  const inboundTokenHeader = settingValue(profile, 'apply-inbound-acl-x-token').value;
  const proxyTokenHeader = settingValue(profile, 'apply-proxy-acl-x-token').value;
  trace.push({
    kind: 'admission',
    text: `INVITE from ${input.from} to ${input.to} on profile ${profile.name}; auth-calls ${authCalls ? 'on' : 'off'}`,
    ...ploc,
  });

  let isAuth = false;
  let by: Admission['by'] = 'none';
  let aclContext: string | undefined;
  let token: string | undefined;
  let authedBy: string | undefined;
  let reason = '';

  const check = (ip: string, list: string, p: number): 'allow' | 'deny' | string => {
    const r = testAddressIn(sim.am, ip, list, p);
    if (r.verdict === 'unknown') return `the network list "${list}" gives no certain answer for ${ip}: ${r.reason}`;
    if (r.verdict === 'allow' && r.decidedBy?.token) token ??= r.decidedBy.token;
    trace.push({
      kind: 'admission',
      text: `apply-inbound-acl "${list}": ${ip} ${r.verdict === 'allow' ? 'passes' : 'fails'} (${r.reason})`,
      ...(r.decidedBy?.file ? { file: r.decidedBy.file, line: r.decidedBy.line ?? 1 } : {}),
    });
    return r.verdict;
  };

  if (acls.length) {
    // sofia.c:10545-10577: the lists are tried in order; the first pass wins
    let ok = false;
    let lastList = '';
    for (const a of acls) {
      lastList = a.list;
      const v = check(input.from, a.list, usePort ? port : 0);
      if (v !== 'allow' && v !== 'deny') return undecided(v);
      if (v === 'allow') {
        ok = true;
        if (a.pass) aclContext = a.pass;
        if (!token && inboundTokenHeader) {
          const t = header(input, inboundTokenHeader);
          if (t) {
            token = t;
            trace.push({ kind: 'admission', text: `the caller's ${inboundTokenHeader} header names the token ${t} (apply-inbound-acl-x-token)` });
          }
        }
        break;
      }
      aclContext = a.fail;
    }
    let shownIp = input.from;
    if (!ok && proxies.length) {
      // sofia.c:10590-10652: a proxy may assert the caller's address (X-AUTH-IP) or a token
      let isProxy = false;
      for (const list of proxies) {
        const r = testAddressIn(sim.am, input.from, list, port);
        if (r.verdict === 'unknown') return undecided(`the proxy list "${list}" gives no certain answer for ${input.from}: ${r.reason}`);
        if (r.verdict === 'allow') {
          isProxy = true;
          if (r.decidedBy?.token) token ??= r.decidedBy.token;
          trace.push({ kind: 'admission', text: `${input.from} is a proxy according to apply-proxy-acl "${list}"` });
          break;
        }
      }
      if (isProxy) {
        const t = proxyTokenHeader ? header(input, proxyTokenHeader) : undefined;
        if (t) {
          token = t;
          ok = true;
          trace.push({ kind: 'admission', text: `the proxy asserts the token ${t} in ${proxyTokenHeader} (apply-proxy-acl-x-token)` });
        }
        const xip = header(input, 'X-AUTH-IP');
        if (!ok && xip) {
          shownIp = xip;
          const xport = usePort ? Number(header(input, 'X-AUTH-PORT') ?? 0) || 0 : 0;
          for (const a of acls) {
            lastList = a.list;
            const v = check(xip, a.list, xport);
            if (v !== 'allow' && v !== 'deny') return undecided(v);
            if (v === 'allow') {
              ok = true;
              if (a.pass) aclContext = a.pass;
              break;
            }
            aclContext = a.fail;
          }
        }
      }
    }
    if (ok) {
      if (authCalls) {
        isAuth = true;
        by = 'acl';
        authedBy = lastList;
        reason = `${shownIp} passes the inbound ACL "${lastList}"; with auth-calls on that counts as authenticated`;
      } else reason = `${shownIp} passes the inbound ACL "${lastList}"`;
    } else if (!authCalls) {
      if (!aclContext)
        return reject(
          `${shownIp} fails every inbound ACL (${acls.map((a) => a.list).join(', ')}) and auth-calls is off, so sofia answers 403 (sofia.c:10665-10671)`,
          '403 Forbidden',
          acls[acls.length - 1]!.where,
        );
      reason = `${shownIp} fails the inbound ACL "${lastList}"; its fail context ${aclContext} takes the call`;
    } else reason = `${shownIp} fails the inbound ACLs`;
  }

  if (!isAuth && authCalls && flag(profile, 'auth-calls-acl-only') === true) {
    return reject(
      `${input.from} is not admitted by an inbound ACL and auth-calls-acl-only is set (sofia.c:10682-10688)`,
      '403 Forbidden',
      settingValue(profile, 'auth-calls-acl-only').param,
    );
  }

  let merged: MergedUser | undefined;
  if (!isAuth && authCalls && flag(profile, 'accept-blind-auth') === true) {
    // sofia.c:10690-10708: the From user is looked up; unless enforce-blind-auth-result, any caller passes
    const enforce = flag(profile, 'enforce-blind-auth-result') === true;
    if (!enforce) {
      isAuth = true;
      by = 'blind';
      reason = 'accept-blind-auth: the call is taken as authenticated without checking a password';
    } else if (input.user) {
      const f = findUser(sim.model, input.user);
      if (f.ok) {
        isAuth = true;
        by = 'blind';
        merged = mergeUser(sim.tree, f.user);
        reason = `accept-blind-auth with enforce-blind-auth-result: the From user ${input.user} exists`;
      } else if (flag(profile, 'blind-auth-reply-403') === true)
        return reject(`accept-blind-auth: the From user ${input.user} is not in the directory and blind-auth-reply-403 is set`, '403 Forbidden');
    } else if (flag(profile, 'blind-auth-reply-403') === true) {
      return undecided('accept-blind-auth with enforce-blind-auth-result: whether the call passes depends on the From user the caller sends (give --user)');
    }
  }

  if (!isAuth && authCalls) {
    // sofia.c:10717-10741: the digest challenge (sofia_reg_handle_register with REG_INVITE)
    if (!input.user) {
      trace.push({ kind: 'admission', text: 'challenged: sofia answers 407 Proxy Authentication Required and waits for credentials (sofia.c:10725)' });
      return out({
        verdict: 'challenged',
        authenticated: false,
        by: 'none',
        reason: `${reason ? `${reason}; ` : ''}auth-calls is on: the caller must answer a digest challenge (give --user to simulate a caller that does)`,
        response: '407 Proxy Authentication Required',
      });
    }
    const f = findUser(sim.model, input.user);
    if (!f.ok) throw new RouteInputError(`--user ${input.user}: ${f.message}`);
    merged = mergeUser(sim.tree, f.user);
    const authAcl = merged.params.get('auth-acl');
    if (authAcl) {
      // sofia_reg.c:3247 and after: the user's auth-acl must allow the caller's address
      const r = testAddressIn(sim.am, input.from, authAcl.value, 0);
      if (r.verdict === 'unknown') return undecided(`the user's auth-acl "${authAcl.value}" gives no certain answer for ${input.from}`);
      if (r.verdict === 'deny')
        return reject(`${input.from} is not in the auth-acl "${authAcl.value}" of user ${f.user.id}`, '403 Forbidden', loc(authAcl.param.node));
    }
    isAuth = true;
    by = 'digest';
    reason = `${reason ? `${reason}; ` : ''}the caller answers the digest challenge as ${f.user.id}@${display(merged.domain)}`;
    trace.push({ kind: 'admission', text: `authenticated by digest as ${f.user.id}@${display(merged.domain)}`, ...loc(f.user.node) });
    setUserVars(vars, merged, true);
  } else if (merged) setUserVars(vars, merged, true);

  // channel variables sofia sets for every INVITE (sofia.c:10744-10800)
  vars.set('sip_network_ip', input.from);
  vars.set('sip_network_port', String(port));
  vars.set('sip_received_ip', input.from);
  vars.set('sip_received_port', String(port));
  if (token) {
    vars.set('acl_token', token);
    // sofia.c:10750-10765: the token names a directory user (a cidr= user) whose variables apply
    const f = findUser(sim.model, token);
    if (f.ok) {
      merged = mergeUser(sim.tree, f.user);
      trace.push({ kind: 'admission', text: `the ACL token ${token} identifies directory user ${f.user.id}`, ...loc(f.user.node) });
      setUserVars(vars, merged, false);
    } else {
      trace.push({ kind: 'admission', text: `the ACL token ${token} names no directory user` });
      if (flag(profile, 'auth-require-user') === true)
        return reject(`the ACL token ${token} names no directory user and auth-require-user is set`, '480 Temporarily Unavailable');
    }
  }
  if (isAuth) {
    vars.set('sip_authorized', 'true');
    if (authedBy) vars.set('sip_acl_authed_by', authedBy);
    if (token && by === 'acl') vars.set('sip_acl_token', token);
  }
  if (merged) {
    // premise: the caller dials the domain it belongs to
    for (const n of ['sip_req_host', 'sip_to_host', 'sip_from_host']) if (!(input.vars && n in input.vars)) vars.set(n, merged.domain);
    premises.push(`the caller addresses its own domain ${display(merged.domain)} (sip_req_host, sip_to_host, sip_from_host); override with --var`);
  }
  for (const [k, v] of Object.entries(input.vars ?? {})) vars.set(k, v);
  for (const [k, v] of Object.entries(input.headers ?? {})) if (/^x-/i.test(k)) vars.set(`sip_h_${k}`, v);

  // the context: the ACL's, the user's user_context, the profile's (sofia.c:11186-11198)
  let context: string | undefined = aclContext;
  let ctxWhy = aclContext ? 'the inbound ACL' : '';
  if (!context && vars.get('user_context') !== undefined) {
    context = vars.get('user_context');
    ctxWhy = "the user's user_context";
  }
  if (!context) {
    const c = settingValue(profile, 'context');
    if (c.value !== undefined && c.value.toLowerCase() === '_domain_') {
      context = vars.get('sip_from_host') ?? unknownPart('${sip_from_host}');
      ctxWhy = 'the From host (context _domain_)';
    } else if (c.value !== undefined) {
      context = c.value;
      ctxWhy = "the profile's context";
    }
  }
  if (!context) {
    context = 'default';
    ctxWhy = 'the profile sets no context: sofia uses "default" (sofia.c:6210)';
  }
  const dialplan = vars.get('inbound_dialplan') ?? settingValue(profile, 'dialplan').value ?? 'XML';
  if (dialplan.split(',')[0]!.trim().split(':')[0] !== 'XML') {
    return undecided(`the profile's dialplan is "${display(dialplan)}": fsconf simulates the XML dialplan only`);
  }
  const user = merged ? `${merged.user.id}@${display(merged.domain)}` : undefined;
  trace.push({
    kind: 'admission',
    text: `admitted${isAuth ? ` (authenticated by ${by})` : ' without authentication'}; context ${display(context)} from ${ctxWhy}`,
  });
  return out(
    {
      verdict: 'admitted',
      authenticated: isAuth,
      by,
      reason: reason || (acls.length ? '' : 'no inbound ACL and auth-calls off: every address is let in'),
      ...(user ? { user } : {}),
    },
    { context, ...(merged ? { user: merged } : {}) },
  );
}

/** No profile: the call starts in a given context (a code lens on an extension); a --user's variables apply. */
function admitToContext(sim: Simulation, context: string): AdmissionResult {
  const { input } = sim;
  const vars = new Map<string, string>();
  let user: string | undefined;
  if (input.user) {
    const f = findUser(sim.model, input.user);
    if (!f.ok) throw new RouteInputError(`--user ${input.user}: ${f.message}`);
    const m = mergeUser(sim.tree, f.user);
    setUserVars(vars, m, true);
    vars.set('sip_authorized', 'true');
    user = `${f.user.id}@${display(m.domain)}`;
  }
  vars.set('sip_network_ip', input.from);
  vars.set('sip_received_ip', input.from);
  for (const [k, v] of Object.entries(input.vars ?? {})) vars.set(k, v);
  const reason = `the hunt starts in context ${context}; no sip profile admission is simulated`;
  return {
    admission: { profile: '', from: input.from, verdict: 'admitted', authenticated: !!user, by: user ? 'digest' : 'none', reason, ...(user ? { user } : {}) },
    context,
    vars,
    trace: [{ kind: 'admission', text: reason }],
    premises: [],
  };
}

/** Variables of a directory user as set on the channel (sofia_reg.c:3440-3480, switch_ivr.c:3921-3966). */
function setUserVars(vars: Map<string, string>, u: MergedUser, digest: boolean): void {
  if (digest) {
    for (const [k, { value, param }] of u.params) if (k.startsWith('sip-') || k === 'register-gateway') vars.set(param.name, value);
    vars.set('sip_auth_username', u.user.id);
    vars.set('sip_auth_realm', u.domain);
    if (u.user.numberAlias) vars.set('sip_number_alias', u.user.numberAlias);
  }
  for (const { value, param } of u.variables.values()) if (value) vars.set(param.name, value);
  if (u.user.numberAlias) vars.set('number_alias', u.user.numberAlias);
  vars.set('user_name', u.user.id);
  vars.set('domain_name', u.domain);
}

// ---------------------------------------------------------------------------------------------
// Hunt (mod_dialplan_xml.c)
// ---------------------------------------------------------------------------------------------

function condAttr(sim: Simulation, node: Node, name: string): string | undefined {
  const a = attr(node.el, name);
  return a ? preprocessed(expandAttr(sim.tree, node.doc, a)) : undefined;
}

function conditionExpression(sim: Simulation, node: Node): string {
  const child = node.el.children.find((c) => c.name === 'expression');
  if (child) return elementText(node.doc.xml, child);
  return condAttr(sim, node, 'expression') ?? '';
}

function describeCond(field: string | undefined, fieldData: string, expression: string): string {
  return `${field ?? '(no field)'}${field && field.includes('$') ? '' : ''}="${display(fieldData)}" =~ /${display(expression)}/`;
}

interface MatchState {
  groups: (string | undefined)[];
  unknown: Set<number>;
  fieldData: string;
  expression: string;
}

function hunt(world: World, ctxName: string, depth: number): QueuedApp[] {
  const sim = world.sim;
  const queued: QueuedApp[] = [];
  let ctx = sim.findContext(ctxName);
  if (!ctx) {
    const g = sim.findContext('global');
    world.step({
      kind: 'context',
      text: `context "${ctxName}" not found${g ? ': FreeSWITCH hunts in "global" instead (mod_dialplan_xml.c:684-690)' : ' (FreeSWITCH logs "Context not found")'}`,
      depth,
    });
    if (!g) return queued;
    ctx = g;
  }
  world.contexts.push(ctx.name);
  world.step({ kind: 'context', text: `hunting in context ${ctx.name} for ${display(world.fields.destination_number ?? '')}`, ...loc(ctx.node), depth });
  if (switchTrue(display(world.getVar('auto_hunt') ?? '')))
    world.step({ kind: 'note', text: 'auto_hunt is set: FreeSWITCH starts at the extension named like the destination (not simulated)', depth });
  for (const ext of ctx.extensions) {
    const cont = attr(ext.node.el, 'continue')?.value;
    const before = queued.length;
    const proceed = parseExten(world, ext, ext.node, ext.conditions, queued, 0, depth + 1, ctx.name);
    const l = loc(ext.node);
    world.step({
      kind: 'extension',
      text: `${ext.name || '(unnamed)'}: ${proceed ? 'matched' : 'did not match'}${queued.length > before ? `, queued ${queued.length - before} action${queued.length - before === 1 ? '' : 's'}` : ''}${proceed && cont && switchTrue(cont) ? ', continue="true": the hunt goes on' : ''}`,
      ...l,
      depth: depth + 1,
    });
    if (proceed || queued.length > before) world.path.push({ context: ctx.name, extension: ext.name, ...l });
    if (proceed && !(cont !== undefined && switchTrue(cont))) {
      world.routed = true;
      return queued;
    }
  }
  world.routed = false;
  return queued;
}

function parseExten(world: World, ext: Extension, holder: Node, conds: Condition[], queued: QueuedApp[], recur: number, depth: number, ctx: string): boolean {
  const sim = world.sim;
  if (recur > MAX_RECUR) return false;
  let proceed = false;
  let reqNest = true;
  if (recur) {
    const rn = attr(holder.el, 'require-nested')?.value;
    if (rn !== undefined) reqNest = switchTrue(rn);
  }
  for (const cond of conds) {
    const node = cond.node;
    const l = loc(node);
    const assumedBefore = world.assumptions.length;
    let anti = true;
    let breakMode: 'on-true' | 'on-false' | 'always' | 'never' = 'on-false';
    const b = attr(node.el, 'break')?.value.toLowerCase();
    if (b === 'on-true' || b === 'on-false' || b === 'always' || b === 'never') breakMode = b;
    // without a time attribute, no closure and no variable lookups for datetimeCheck to say so
    let timeMatch: TimeCheck = hasTimeAttr(node.el)
      ? datetimeCheck(node.el, (n) => condAttr(sim, node, n), sim.clock, world.getVar('tod_tz_offset'), world.getVar('timezone'))
      : { result: -1, text: '' };
    if (timeMatch.result === 'undecided') {
      timeMatch = {
        result: world.decide(`time condition at line ${l.line} (${timeMatch.reason})`, 'in range', 'out of range') ? 1 : 0,
        text: timeMatch.reason,
      };
    }
    if (timeMatch.result === 1) {
      anti = false;
      proceed = true;
    } else if (timeMatch.result === 0) proceed = false;
    if (timeMatch.result !== -1) world.step({ kind: 'condition', text: `time ${timeMatch.text}: ${timeMatch.result === 1 ? 'pass' : 'fail'}`, ...l, depth });
    let match: MatchState | undefined;
    let fieldName: string | undefined;
    const regexRule = attr(node.el, 'regex')?.value;
    if (regexRule !== undefined) {
      // mod_dialplan_xml.c:225-392: <regex> children combined by all / any / xor
      const all = regexRule.toLowerCase() === 'all';
      const xor = regexRule.toLowerCase() === 'xor';
      let pass = 0;
      let fail = 0;
      // the last regex that did not end the loop and had a field and a '(' is kept for $N
      // (mod_dialplan_xml.c:347-362); when none, the one the loop broke at (its match is still held)
      let saved: { match: MatchState; proceed: boolean; field: string } | undefined;
      let brokeAt: { match: MatchState; proceed: boolean; field: string } | undefined;
      for (const rx of cond.regexes) {
        const tm: TimeCheck = hasTimeAttr(rx.el)
          ? datetimeCheck(rx.el, (n) => condAttr(sim, rx, n), sim.clock, world.getVar('tod_tz_offset'), world.getVar('timezone'))
          : { result: -1, text: '' };
        const rtm =
          tm.result === 'undecided' ? (world.decide(`time <regex> at line ${loc(rx).line} (${tm.reason})`, 'in range', 'out of range') ? 1 : 0) : tm.result;
        const expression = world.expand(conditionExpression(sim, rx));
        const field = condAttr(sim, rx, 'field');
        let stop = false;
        let state: MatchState | undefined;
        if (field !== undefined) {
          const r = evalField(world, field, expression, loc(rx), depth + 1);
          state = r.state;
          proceed = r.matched;
          if (r.matched) {
            pass++;
            stop = !all && !xor;
          } else {
            fail++;
            stop = all && !xor;
          }
        } else if (rtm === -1 || rtm === 1) {
          pass++;
          proceed = true;
          stop = !all && !xor;
        } else {
          fail++;
          stop = all;
        }
        if (stop) {
          if (field !== undefined && state && expression.includes('(')) brokeAt = { match: state, proceed, field };
          break;
        }
        if (field !== undefined && state && expression.includes('(')) saved = { match: state, proceed, field };
      }
      if (xor ? pass === 1 : (all && !fail) || (!all && pass)) anti = false;
      world.step({ kind: 'condition', text: `regex="${regexRule}": ${pass} passed, ${fail} failed → ${anti ? 'false' : 'true'}`, ...l, depth });
      if (saved) {
        match = saved.match;
        proceed = saved.proceed;
        fieldName = saved.field;
      } else if (brokeAt) {
        match = brokeAt.match;
        fieldName = brokeAt.field;
      }
    } else {
      const expression = world.expand(conditionExpression(sim, node));
      const field = condAttr(sim, node, 'field');
      if (field !== undefined) {
        // an undecided condition whose outcome changes only which applications are queued (break="never",
        // no nested conditions, no inline actions, and the next condition sets proceed again) is not
        // followed both ways: both lists are queued, each marked with its branch
        const idx = conds.indexOf(cond);
        const next = conds[idx + 1];
        const queueBoth =
          timeMatch.result === -1 &&
          breakMode === 'never' &&
          !cond.children.length &&
          next !== undefined &&
          attr(next.node.el, 'regex') === undefined &&
          ![...cond.actions, ...cond.antiActions].some((a) => switchTrue(attr(a.node.el, 'inline')?.value ?? ''));
        const r = evalField(world, field, expression, l, depth, queueBoth);
        if (r.both) {
          const bl = r.both;
          for (const [list, value] of [
            [cond.actions, true],
            [cond.antiActions, false],
          ] as const) {
            for (const a of list) {
              let data = preprocessed(a.data);
              if (value && expression.includes('(')) data = substitute(data, [], new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
              queued.push({
                application: a.application,
                data,
                action: a,
                context: ctx,
                extension: ext.name,
                when: `${bl} ${value ? 'matches' : 'does not match'}`,
                branch: { label: bl, value },
              });
            }
          }
          continue;
        }
        proceed = r.matched;
        if (r.matched) anti = false;
        if (expression.includes('(')) match = r.state;
        fieldName = field;
      } else if (timeMatch.result === -1) {
        anti = false;
        proceed = true;
        world.step({ kind: 'condition', text: 'condition without field: always true', ...l, depth });
      }
    }

    const list = anti ? cond.antiActions : cond.actions;
    const when = world.assumptions.length > assumedBefore ? world.assumptions.slice(assumedBefore).join('; ') : undefined;
    for (const a of list) {
      let data = preprocessed(a.data);
      if (!anti && fieldName !== undefined && match) data = substitute(data, match.groups, match.unknown);
      const loop = attr(a.node.el, 'loop')?.value;
      const count = loop !== undefined ? Math.max(0, parseInt(loop, 10) || 0) : 1;
      const inline = switchTrue(attr(a.node.el, 'inline')?.value ?? '');
      for (let k = 0; k < Math.min(count, 50); k++) {
        if (inline) runInline(world, a, data, ctx, ext, depth);
        else queued.push({ application: a.application, data, action: a, context: ctx, extension: ext.name, ...(when ? { when } : {}) });
      }
      if (anti) proceed = true; // mod_dialplan_xml.c:445
    }

    if ((!anti && breakMode === 'on-true') || (anti && breakMode === 'on-false') || breakMode === 'always') {
      if (anti && breakMode === 'on-false' && conds.indexOf(cond) < conds.length - 1)
        world.step({ kind: 'condition', text: 'break="on-false": the remaining conditions are skipped', ...l, depth });
      break;
    }
    if (proceed && cond.children.length) {
      proceed = parseExten(world, ext, node, cond.children, queued, recur + 1, depth + 1, ctx);
      if (!proceed) {
        if (breakMode === 'never') continue;
        break;
      }
    }
  }
  if (!reqNest) proceed = true;
  return proceed;
}

function evalField(
  world: World,
  field: string,
  expression: string,
  l: Location,
  depth: number,
  queueBoth = false,
): { matched: boolean; state: MatchState; both?: string } {
  const fieldData = field.includes('$') ? world.expand(field) : world.field(field);
  const state: MatchState = { groups: [], unknown: new Set(), fieldData, expression };
  const label = describeCond(field, fieldData, expression);
  let why: string | undefined;
  if (hasUnknown(fieldData)) why = `${unknownParts(fieldData).join(', ')} is only known to the running switch`;
  else if (hasUnknown(expression)) why = `the expression holds ${unknownParts(expression).join(', ')}`;
  if (!why) {
    const m = matchExpression(expression, fieldData);
    if (m.decided) {
      state.groups = m.groups;
      for (const g of m.caveatGroups) state.unknown.add(g);
      world.step({ kind: 'condition', text: `${label}: ${m.matched ? 'match' : 'no match'}`, ...l, depth });
      return { matched: m.matched, state };
    }
    why = m.reason;
  }
  if (queueBoth) {
    world.step({ kind: 'condition', text: `${label}: undecided (${why}); break="never": the actions of both branches are queued, each marked`, ...l, depth });
    return { matched: false, state, both: label };
  }
  const v = world.decide(`${label} is undecided (${why})`, 'assumed to match', 'assumed not to match');
  for (let g = 0; g < 10; g++) state.unknown.add(g);
  world.step({ kind: 'condition', text: `${label}: undecided (${why}); this run assumes it ${v ? 'matches' : 'does not match'}`, ...l, depth });
  return { matched: v, state };
}

function runInline(world: World, a: Action, data: string, ctx: string, ext: Extension, depth: number): void {
  const app = a.application;
  const l = loc(a.node);
  if (!ROUTING_EXEC.has(app)) {
    world.step({
      kind: 'action',
      text: `inline ${app}: FreeSWITCH refuses ("This application cannot be executed inline", mod_dialplan_xml.c:66) unless its module marks it for routing`,
      ...l,
      depth,
    });
    return;
  }
  const expanded = world.expand(data);
  world.step({ kind: 'action', text: `inline ${app}(${display(expanded)}) runs during the hunt`, ...l, depth });
  applyVarApp(world, app, expanded);
  void ctx;
  void ext;
}

/** set / export / unset / multiset / set_user: their effect on channel variables. */
function applyVarApp(world: World, app: string, expanded: string): boolean {
  if (app === 'set' || app === 'export' || app === 'bridge_export' || app === 'set_profile_var') {
    let s = expanded;
    if (app === 'export' && s.startsWith('nolocal:')) return true;
    const eq = s.indexOf('=');
    if (eq < 0) {
      world.vars.delete(s);
      return true;
    }
    const name = s.slice(0, eq);
    s = s.slice(eq + 1);
    if (hasUnknown(name)) return true;
    if (s === '' || s === '_undef_') world.vars.delete(name);
    else world.vars.set(name, s);
    if (app === 'set_profile_var' && isCallerProfileField(name)) world.fields[name.toLowerCase()] = s;
    return true;
  }
  if (app === 'unset') {
    world.vars.delete(expanded);
    return true;
  }
  if (app === 'set_global') return true;
  if (app === 'set_user') {
    const spec = display(expanded.split(' ')[0] ?? '');
    if (hasUnknown(expanded)) return true;
    const f = findUser(world.sim.model, spec);
    if (f.ok) setUserVars(world.vars, mergeUser(world.sim.tree, f.user), false);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

function record(world: World, q: QueuedApp, expanded: string): RouteAction {
  const l = loc(q.action.node);
  const ra: RouteAction = { application: q.application, data: display(q.data), expanded: display(expanded), context: q.context, extension: q.extension, ...l };
  const unk = unknownParts(expanded);
  if (unk.length) ra.unknown = unk;
  if (q.when) ra.when = q.when;
  world.actions.push(ra);
  return ra;
}

function execute(world: World, apps: QueuedApp[], depth: number, transfers: { n: number }): Outcome | undefined {
  for (let i = 0; i < apps.length; i++) {
    const q = apps[i]!;
    if (q.branch && ROUTING.has(q.application) && world.decideLabel(q.branch.label) !== q.branch.value) continue;
    if (q.branch && !ROUTING.has(q.application)) {
      // it may or may not run: what it sets is unknown afterwards
      const expanded = world.expand(q.data);
      const ra = record(world, q, expanded);
      world.step({ kind: 'action', text: `${q.application}(${display(expanded)})   [only if ${q.when}]`, file: ra.file, line: ra.line, depth });
      const eq = expanded.indexOf('=');
      if ((q.application === 'set' || q.application === 'export') && eq > 0)
        world.vars.set(expanded.slice(0, eq), unknownPart(`\${${display(expanded.slice(0, eq))}}`));
      else if (q.application === 'unset') world.vars.set(expanded, unknownPart(`\${${display(expanded)}}`));
      continue;
    }
    const expanded = world.expand(q.data);
    const ra = record(world, q, expanded);
    const l = { file: ra.file, line: ra.line };
    world.step({ kind: 'action', text: `${q.application}(${display(expanded)})${q.when ? `   [${q.when}]` : ''}`, ...l, depth });
    const app = q.application;
    if (applyVarApp(world, app, expanded)) continue;
    if (app === 'transfer' || app === 'execute_extension') {
      const args = expanded.trim().split(/\s+/);
      if (args[0] === '-bleg' || args[0] === '-both')
        return {
          kind: 'undecided',
          endpoint: display(expanded),
          external: false,
          reason: `${app} ${args[0]} acts on the other leg: not simulated`,
          action: ra,
        };
      const dest = args[0] ?? '';
      const dialplan = args[1] ?? 'XML';
      const ctx = args[2] ?? world.fields.context ?? 'default';
      if (hasUnknown(expanded))
        return {
          kind: 'undecided',
          endpoint: display(expanded),
          external: false,
          reason: `the ${app} target ${display(expanded)} holds ${unknownParts(expanded).join(', ')}, only known to the running switch`,
          action: ra,
        };
      if (dialplan !== 'XML')
        return {
          kind: 'undecided',
          endpoint: display(expanded),
          external: false,
          reason: `${app} to the ${dialplan} dialplan: fsconf simulates the XML dialplan only`,
          action: ra,
        };
      if (++transfers.n > MAX_TRANSFERS)
        return { kind: 'undecided', endpoint: display(expanded), external: false, reason: `more than ${MAX_TRANSFERS} transfers: a loop`, action: ra };
      const old = { dest: world.fields.destination_number, ctx: world.fields.context };
      // switch_ivr_session_transfer: the new destination and context; rdnis keeps the old destination
      world.fields.destination_number = dest;
      world.fields.context = ctx;
      if (app === 'transfer') world.fields.rdnis = old.dest ?? '';
      world.step({ kind: 'transfer', text: `${app} to ${dest} in context ${ctx}`, ...l, depth });
      const routedBefore = world.routed;
      const next = hunt(world, ctx, depth + 1);
      if (!next.length) {
        if (app === 'transfer')
          return {
            kind: 'no-route',
            endpoint: null,
            external: false,
            reason: `after the transfer to ${dest} in ${ctx} no extension queued an action: FreeSWITCH hangs up with NO_ROUTE_DESTINATION`,
            action: ra,
          };
        world.step({ kind: 'note', text: `execute_extension ${dest}: nothing to run`, depth });
      } else {
        const o = execute(world, next, depth + 1, transfers);
        if (o || app === 'transfer') return o ?? endOfList(world, dest, ctx);
      }
      if (app === 'execute_extension') {
        // back to the list it was called from (its own hunt does not say whether that one routed)
        world.fields.destination_number = old.dest ?? '';
        world.fields.context = old.ctx ?? '';
        world.routed = routedBefore;
      }
      continue;
    }
    if (app === 'bridge') {
      const { targets, missing } = classifyBridge(world.sim.tree, world.sim.model, expanded);
      // a gateway no profile defines is no way out: mod_sofia fails that leg with INVALID_GATEWAY
      const external = targets.some((t) => (t.kind === 'gateway' && !missing.includes(t)) || t.kind === 'external-uri');
      const what = (t: BridgeTarget) =>
        missing.includes(t)
          ? `${display(t.target)} (gateway "${t.name ?? ''}", which no sofia profile defines: mod_sofia fails this leg with INVALID_GATEWAY)`
          : `${display(t.target)} (${t.kind})`;
      return {
        kind: 'bridge',
        endpoint: display(expanded),
        external,
        reason: `bridge to ${targets.map(what).join(', ')}`,
        targets,
        action: ra,
      };
    }
    if (app === 'hangup')
      return { kind: 'hangup', endpoint: display(expanded) || 'NORMAL_CLEARING', external: false, reason: 'the dialplan hangs up', action: ra };
    if (app === 'respond') {
      const code = parseInt(display(expanded), 10);
      if (code === 401 || code === 407)
        return {
          kind: 'challenged',
          endpoint: display(expanded),
          external: false,
          reason: `the dialplan answers ${code}: the caller must authenticate`,
          action: ra,
        };
      if (code >= 300)
        return { kind: 'hangup', endpoint: `respond ${display(expanded)}`, external: false, reason: `the dialplan answers ${display(expanded)}`, action: ra };
      continue;
    }
    if (SCRIPT.has(app) && i < apps.length - 1) {
      const script = `${app} ${display(expanded)}`.trim();
      if (!world.decide(`the script ${script} (line ${ra.line})`, 'takes the call (hangs up, transfers or bridges it)', 'returns with the call still up')) {
        world.step({ kind: 'note', text: `${script} returns: the dialplan goes on (the script itself is not simulated)`, ...l, depth });
        world.premises.add('a script that returns (lua, javascript, python, perl) is taken to change no variable the later steps read');
        continue;
      }
    }
    if (TAKEOVER.has(app))
      return { kind: 'other', endpoint: `${app} ${display(expanded)}`.trim(), external: false, reason: `${app} takes the call`, action: ra };
  }
  return undefined;
}

/**
 * The queued applications ran out (FreeSWITCH then hangs up with NORMAL_CLEARING). When no extension
 * ended the hunt — only continue="true" ones queued their set/export — nothing routed the number: no-route.
 */
function endOfList(world: World, dest: string, ctx: string): Outcome {
  if (!world.routed)
    return {
      kind: 'no-route',
      endpoint: null,
      external: false,
      reason: `no extension of ${ctx} routes ${dest}: only continue="true" extensions matched; FreeSWITCH runs what they queued and hangs up`,
    };
  return { kind: 'hangup', endpoint: 'NORMAL_CLEARING', external: false, reason: 'the queued applications ran out: FreeSWITCH hangs up (NORMAL_CLEARING)' };
}

function runWorld(sim: Simulation, adm: AdmissionResult, decisions: boolean[]): World {
  const w = new World(sim, decisions);
  for (const [k, v] of adm.vars) w.vars.set(k, v);
  const ctx = adm.context!;
  const input = sim.input;
  w.fields = {
    destination_number: input.to,
    context: ctx,
    dialplan: 'XML',
    source: 'mod_sofia',
    network_addr: input.from,
    caller_id_number: unknownPart('${caller_id_number}'),
    caller_id_name: unknownPart('${caller_id_name}'),
    ani: unknownPart('${ani}'),
    uuid: unknownPart('${uuid}'),
    chan_name: unknownPart('${chan_name}'),
    username: unknownPart('${username}'),
    rdnis: '',
  };
  for (const [k, v] of Object.entries(input.vars ?? {})) if (isCallerProfileField(k)) w.fields[k.toLowerCase()] = v;
  if (hasUnknown(ctx)) {
    w.outcome = { kind: 'undecided', endpoint: null, external: false, reason: `the context ${display(ctx)} is only known to the running switch` };
    return w;
  }
  try {
    const apps = hunt(w, ctx, 0);
    if (!apps.length)
      w.outcome = {
        kind: 'no-route',
        endpoint: null,
        external: false,
        reason: `no extension of ${ctx} queued an action for ${input.to}: FreeSWITCH hangs up with NO_ROUTE_DESTINATION`,
      };
    else w.outcome = execute(w, apps, 0, { n: 0 }) ?? endOfList(w, input.to, ctx);
  } catch (e) {
    if (!(e instanceof WorldLimit)) throw e;
  }
  return w;
}

export function simulateCall(tree: Tree, model: Model, input: RouteInput, opts: SimulateOptions = {}): RouteResult {
  if (!isIpAddress(input.from)) throw new RouteInputError(`--from ${input.from}: not an IPv4 or IPv6 address`);
  if (!input.to) throw new RouteInputError('--to: give the number the caller dials');
  const sim = new Simulation(tree, model, input, opts);
  const adm = admit(sim);
  const premises = [...adm.premises];
  if (adm.admission.verdict !== 'admitted') {
    const kind = adm.admission.verdict === 'challenged' ? 'challenged' : adm.admission.verdict === 'rejected' ? 'rejected' : 'undecided';
    return {
      admission: adm.admission,
      context: null,
      contexts: [],
      actions: [],
      outcome: { kind, endpoint: adm.admission.response ?? null, external: false, reason: adm.admission.reason },
      trace: [...adm.trace, { kind: 'outcome', text: `${kind}: ${adm.admission.reason}` }],
      premises,
      path: [],
    };
  }
  // every combination of the undecided conditions, depth first (the first run assumes "no" everywhere)
  const worlds: World[] = [];
  const queue: boolean[][] = [[]];
  let truncated = false;
  while (queue.length) {
    if (worlds.length >= MAX_WORLDS) {
      truncated = true;
      break;
    }
    const d = queue.shift()!;
    const w = runWorld(sim, adm, d);
    worlds.push(w);
    for (let i = w.taken.length - 1; i >= d.length; i--) queue.unshift([...w.taken.slice(0, i), true]);
  }
  const first = worlds[0]!;
  let outcome = first.outcome ?? { kind: 'undecided', endpoint: null, external: false, reason: 'the simulation stopped' };
  const key = (o: Outcome | undefined): string => (o ? `${o.kind}\u0000${o.endpoint ?? ''}` : 'none');
  const distinct = new Map<string, World>();
  for (const w of worlds) if (!distinct.has(key(w.outcome))) distinct.set(key(w.outcome), w);
  const trace = [...adm.trace, ...first.trace];
  const undecidedLabels = [
    ...new Set(worlds.flatMap((w) => w.assumptions.map((a) => a.replace(/: (assumed to match|assumed not to match|in range|out of range)$/, '')))),
  ];
  if (distinct.size > 1 || truncated) {
    outcome = {
      kind: 'undecided',
      endpoint: null,
      external: [...distinct.values()].some((w) => w.outcome?.external),
      reason: truncated
        ? `more than ${MAX_WORLDS} combinations of undecided conditions; the outcome depends on: ${undecidedLabels.slice(0, 5).join('; ')}`
        : `the outcome depends on conditions fsconf cannot decide: ${undecidedLabels.join('; ')}`,
      alternatives: [...distinct.values()].map((w) => ({
        assumptions: w.assumptions,
        kind: w.outcome?.kind ?? 'undecided',
        endpoint: w.outcome?.endpoint ?? null,
        external: !!w.outcome?.external,
        path: w.path,
        ...(w.outcome?.action ? { action: w.outcome.action } : {}),
        ...(w.outcome?.targets ? { targets: w.outcome.targets } : {}),
      })),
    };
  } else if (worlds.length > 1) {
    premises.push(
      `${undecidedLabels.length} condition${undecidedLabels.length === 1 ? '' : 's'} could not be decided; the outcome is the same either way (${worlds.length} combinations followed): ${undecidedLabels.join('; ')}`,
    );
  }
  premises.push(`time conditions are evaluated at ${sim.wallClock.text}${input.at ? '' : " (this machine's clock; give --at for another time)"}`);
  premises.push('variables that nothing in the tree or the call sets are empty, as in FreeSWITCH; the caller is not the switch itself (no sip_looped_call)');
  for (const p of first.premises) premises.push(p);
  trace.push({
    kind: 'outcome',
    text: `${outcome.kind}${outcome.endpoint ? ` ${outcome.endpoint}` : ''}: ${outcome.reason}`,
    ...(outcome.action ? { file: outcome.action.file, line: outcome.action.line } : {}),
  });
  return {
    admission: adm.admission,
    context: display(adm.context!),
    contexts: first.contexts,
    actions: first.actions,
    outcome,
    trace,
    premises,
    path: first.path,
  };
}
