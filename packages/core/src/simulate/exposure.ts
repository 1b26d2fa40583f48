// What a stranger reaches: for every sip profile, a call from an internet address without a password,
// to a destination each extension of the landing context accepts (written from its destination_number
// expression), simulated like `fsconf route`. Profiles are judged by what they do with such a call,
// not by their names. Time conditions are tried at two moments (a weekday morning, a Sunday night).
import { attr } from '../xml/parser.js';
import { expandAttr, type Model, type SofiaProfile, type Extension, type Condition, type DialplanContext } from '../model.js';
import type { Tree } from '../tree.js';
import type { LocalNet } from '../semantics/network-lists.js';
import { simulateCall } from './call.js';
import { exampleFor, matchExpression } from './regex-match.js';
import { preprocessed, hasUnknown } from './values.js';
import { RouteInputError, type Admission, type BridgeTarget, type RouteAction, type RouteResult } from './types.js';

/** A documentation address (RFC 5737): no real list should hold it, so a list that does allows everyone. */
export const STRANGER = '203.0.113.7';
/** The IPv6 stranger (RFC 3849), tried when the IPv4 one is not let in (a profile that lists only IPv6 networks). */
const STRANGER6 = '2001:db8::7';
const MOMENTS = ['2026-01-07T10:00:00', '2026-01-11T03:00:00'];

export interface Reach {
  number: string;
  at: string;
  /** the landing context's extension the number was written for */
  extension: string;
  kind: 'external' | 'local-user' | 'voicemail' | 'conference' | 'other' | 'none';
  endpoint: string | null;
  /** the outcome holds only under these assumptions about values fsconf cannot know */
  assumptions: string[];
  path: RouteResult['path'];
  action?: RouteAction;
  targets?: BridgeTarget[];
}

export interface ProfileExposure {
  profile: SofiaProfile;
  /** the stranger's address used for this profile */
  caller: string;
  admission: Admission;
  context: string | null;
  reaches: Reach[];
  /** extensions for which no destination could be written */
  skipped: { extension: string; reason: string }[];
}

function destinationExpressions(tree: Tree, conds: Condition[], out: string[]): void {
  for (const c of conds) {
    const field = attr(c.node.el, 'field')?.value;
    const expr = attr(c.node.el, 'expression');
    if (field?.toLowerCase() === 'destination_number' && expr) out.push(preprocessed(expandAttr(tree, c.node.doc, expr)));
    for (const r of c.regexes) {
      const f = attr(r.el, 'field')?.value;
      const e = attr(r.el, 'expression');
      if (f?.toLowerCase() === 'destination_number' && e) out.push(preprocessed(expandAttr(tree, r.doc, e)));
    }
    destinationExpressions(tree, c.children, out);
  }
}

/** Numbers to try for an extension: one per destination_number expression it tests. */
function numbersFor(tree: Tree, ext: Extension): { numbers: string[]; reason?: string } {
  const exprs: string[] = [];
  destinationExpressions(tree, ext.conditions, exprs);
  if (!exprs.length) return { numbers: [], reason: 'it does not test destination_number' };
  const numbers: string[] = [];
  for (const e of exprs) {
    if (hasUnknown(e) || e.includes('${')) continue;
    const n = exampleFor(e);
    if (n !== undefined && n !== '' && !numbers.includes(n)) numbers.push(n);
  }
  return numbers.length ? { numbers } : { numbers: [], reason: 'fsconf cannot write a number its expressions accept' };
}

/** Contexts a catch-all extension (no destination_number test) sends calls to with transfer/execute_extension. */
function catchAllTargets(ext: Extension, here: string): string[] {
  const exprs: string[] = [];
  const walk = (cs: Condition[]): void => {
    for (const c of cs) {
      if (attr(c.node.el, 'field')?.value.toLowerCase() === 'destination_number') exprs.push('x');
      walk(c.children);
    }
  };
  walk(ext.conditions);
  if (exprs.length) return [];
  const out: string[] = [];
  const visit = (cs: Condition[]): void => {
    for (const c of cs) {
      for (const a of [...c.actions, ...c.antiActions]) {
        if (a.application !== 'transfer' && a.application !== 'execute_extension') continue;
        const parts = (a.data.value ?? '').trim().split(/\s+/);
        const ctx = parts[2] ?? here;
        if (!ctx.includes('$') && !out.includes(ctx)) out.push(ctx);
      }
      visit(c.children);
    }
  };
  visit(ext.conditions);
  return out;
}

/**
 * Contexts an extension hands the dialled number on to (`transfer $1 XML example.com`,
 * `transfer ${destination_number} XML …`): a number of the target context gets there when the extension's
 * own destination_number expressions accept it (FusionPBX and many hand-written public contexts pass DIDs
 * on this way). Returns the target contexts with that test.
 */
function passThroughTargets(tree: Tree, ext: Extension, here: string): { context: string; accepts: (n: string) => boolean }[] {
  const exprs: string[] = [];
  destinationExpressions(tree, ext.conditions, exprs);
  if (!exprs.length || exprs.some((e) => hasUnknown(e) || e.includes('${'))) return [];
  const out: { context: string; accepts: (n: string) => boolean }[] = [];
  const accepts = (n: string) =>
    exprs.every((e) => {
      const m = matchExpression(e, n);
      return !m.decided || m.matched;
    });
  const visit = (cs: Condition[]): void => {
    for (const c of cs) {
      for (const a of c.actions) {
        if (a.application !== 'transfer' && a.application !== 'execute_extension') continue;
        const parts = (a.data.value ?? '').trim().split(/\s+/);
        if (!/\$\d|\$\{destination_number\}/.test(parts[0] ?? '') || (parts[1] !== undefined && parts[1] !== 'XML')) continue;
        const ctx = parts[2] ?? here;
        if (ctx !== here && !ctx.includes('$') && !out.some((t) => t.context === ctx)) out.push({ context: ctx, accepts });
      }
      visit(c.children);
    }
  };
  visit(ext.conditions);
  return out;
}

/** Applications with which an extension can send the call on: where toll fraud goes. */
const ONWARD = new Set(['bridge', 'transfer', 'execute_extension', 'enum', 'lua', 'javascript', 'python', 'perl', 'socket', 'httapi']);

/**
 * Can the extension send the call on (bridge it, transfer it, run a script)? Numbers passed through to
 * another context are tried only for such extensions: one that ends in a conference, voicemail or a
 * hangup adds nothing to what leaves the switch, and each number tried is a simulated call.
 */
function sendsOn(ext: Extension): boolean {
  const visit = (cs: Condition[]): boolean =>
    cs.some((c) => [...c.actions, ...c.antiActions].some((a) => ONWARD.has(a.application.toLowerCase())) || visit(c.children));
  return visit(ext.conditions);
}

function classify(o: { kind: string; endpoint: string | null; external: boolean; targets?: BridgeTarget[] }): Reach['kind'] {
  if (o.kind === 'bridge') {
    if (o.external) return 'external';
    if (o.targets?.some((t) => t.kind === 'local-user' || t.kind === 'group')) return 'local-user';
    return 'other';
  }
  if (o.kind === 'other' && o.endpoint) {
    if (/^voicemail\b/.test(o.endpoint)) return 'voicemail';
    if (/^conference\b/.test(o.endpoint)) return 'conference';
    return 'other';
  }
  return 'none';
}

interface Run {
  r: RouteResult | undefined;
  /** the simulation looked at the call's time */
  timed: boolean;
}

const cache = new WeakMap<Model, ProfileExposure[]>();

export function exposureOf(tree: Tree, model: Model, opts: { localNet?: LocalNet } = {}): ProfileExposure[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: ProfileExposure[] = [];
  // profiles that admit the stranger the same way (same context, no user) route the same calls
  const memo = new Map<string, Run>();
  for (const profile of model.profiles) {
    if (!profile.name) continue;
    let admissionKey = '';
    let caller = STRANGER;
    const simulate = (to: string, at: string): Run => {
      const key = `${admissionKey}\u0000${caller}\u0000${to}\u0000${at}`;
      const hit = admissionKey ? memo.get(key) : undefined;
      if (hit) return hit;
      const clockRead = { read: false };
      let result: Run;
      try {
        const r = simulateCall(
          tree,
          model,
          { profile: profile.name, from: caller, to, at },
          { clockRead, ...(opts.localNet ? { localNet: opts.localNet } : {}) },
        );
        result = { r, timed: clockRead.read };
      } catch (e) {
        if (!(e instanceof RouteInputError)) throw e;
        result = { r: undefined, timed: false };
      }
      if (admissionKey) memo.set(key, result);
      return result;
    };
    const run = (to: string, at: string): RouteResult | undefined => simulate(to, at).r;
    let probe = run('1000', MOMENTS[0]!);
    if (!probe) continue;
    if (probe.admission.verdict !== 'admitted' || probe.admission.by === 'digest') {
      caller = STRANGER6;
      const p6 = run('1000', MOMENTS[0]!);
      if (p6 && p6.admission.verdict === 'admitted' && p6.admission.by !== 'digest') probe = p6;
      else caller = STRANGER;
    }
    const first = probe;
    const a = first.admission;
    // the same admission (no ACL token or user involved) means the same channel variables and context
    if (a.verdict === 'admitted' && !a.user) admissionKey = `${first.context}\u0000${a.by}\u0000${a.authenticated}`;
    const pe: ProfileExposure = { profile, caller, admission: first.admission, context: first.context, reaches: [], skipped: [] };
    out.push(pe);
    // a caller who answers no challenge: only an admission without digest counts
    if (first.admission.verdict !== 'admitted' || first.admission.by === 'digest' || !first.context) continue;
    const landing = model.contexts.find((c) => c.name === first.context);
    if (!landing) continue;
    const tried = new Set<string>();
    const jobs: { number: string; extension: string }[] = [];
    const add = (ext: Extension, via?: Extension, accepts?: (n: string) => boolean): void => {
      const n = numbersFor(tree, ext);
      if (!n.numbers.length) {
        if (!via) pe.skipped.push({ extension: ext.name, reason: n.reason ?? '' });
        return;
      }
      for (const number of n.numbers)
        if (!tried.has(number) && (!accepts || accepts(number))) {
          tried.add(number);
          jobs.push({ number, extension: (via ?? ext).name });
        }
    };
    for (const ext of landing.extensions) {
      add(ext);
      for (const target of catchAllTargets(ext, landing.name)) {
        const t: DialplanContext | undefined = model.contexts.find((c) => c.name === target);
        if (t && t !== landing) for (const e2 of t.extensions) add(e2, ext);
      }
      for (const { context, accepts } of passThroughTargets(tree, ext, landing.name)) {
        const t: DialplanContext | undefined = model.contexts.find((c) => c.name === context);
        if (t && t !== landing) for (const e2 of t.extensions) if (sendsOn(e2)) add(e2, ext, accepts);
      }
    }
    for (const job of jobs) {
      for (const at of MOMENTS) {
        const { r, timed } = simulate(job.number, at);
        if (r) reach(pe, job, at, r);
        // a route that looked at no time condition is the same at every other moment: one run says it
        if (!timed) break;
      }
    }
  }
  cache.set(model, out);
  return out;
}

/** What the call `r` reaches, added to the profile's list (once per number and kind). */
function reach(pe: ProfileExposure, job: { number: string; extension: string }, at: string, r: RouteResult): void {
  const alts = r.outcome.alternatives ?? [
    {
      assumptions: [],
      kind: r.outcome.kind,
      endpoint: r.outcome.endpoint,
      external: r.outcome.external,
      path: r.path,
      ...(r.outcome.action ? { action: r.outcome.action } : {}),
      ...(r.outcome.targets ? { targets: r.outcome.targets } : {}),
    },
  ];
  // a kind every alternative reaches holds whatever the undecided conditions do: no assumption to name
  const kinds = new Set(alts.map((x) => classify(x)));
  for (const alt of alts) {
    const kind = classify(alt);
    if (kind === 'none') continue;
    if (pe.reaches.some((x) => x.number === job.number && x.kind === kind)) continue;
    const entry: Reach = {
      number: job.number,
      at,
      extension: job.extension,
      kind,
      endpoint: alt.endpoint,
      assumptions: kinds.size === 1 ? [] : alt.assumptions,
      path: alt.path,
    };
    if (alt.action) entry.action = alt.action;
    if (alt.targets) entry.targets = alt.targets;
    if (pe.reaches.some((x) => x.number === entry.number && x.endpoint === entry.endpoint && x.kind === entry.kind)) continue;
    // the same script taking every call (FusionPBX's call_block before each DID) is said once, not per number
    const site = (x: Reach) => `${x.action?.file}:${x.action?.line}`;
    if (
      kind !== 'external' &&
      pe.reaches.some((x) => x.kind === kind && x.endpoint === entry.endpoint && site(x) === site(entry) && x.assumptions.join() === entry.assumptions.join())
    )
      continue;
    pe.reaches.push(entry);
  }
}
