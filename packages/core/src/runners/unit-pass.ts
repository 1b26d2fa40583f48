/**
 * The per-unit bookkeeping of the 'extension' and 'user' rule scopes over the RuleCache: which cached
 * findings of a unit still hold, which units a rule must check again, and storing its new findings.
 */
import { withNewText } from '../passwords.js';
import { cacheable, type Action, type Condition, type Model, type Node, type User } from '../model.js';
import type { Doc } from '../tree.js';
import type { XmlElement } from '../xml/parser.js';
import type { ReportInput, Rule } from '../rules/types.js';
import { namesChanged, type RawFinding, type RuleCache, type UnitEntry, type UnitScope } from '../rule-cache.js';

/** The same finding with its places inside [from, to) of `doc` moved by d (an edit above moved its unit). */
function moveRaw(raw: RawFinding, doc: Doc, from: number, to: number, d: number): RawFinding {
  const i = raw.input;
  const by = <T extends { doc: Doc; start: number; end: number }>(x: T): T =>
    x.doc === doc && x.start >= from && x.end <= to ? { ...x, start: x.start + d, end: x.end + d } : x;
  const input: ReportInput = by(i);
  const moves = (x: { doc: Doc; start: number; end: number }): boolean => x.doc === doc && x.start >= from && x.end <= to;
  // an edit keeps a lazy text lazy (a generated password: passwords.ts lazyEdit)
  if (i.fixes)
    input.fixes = i.fixes.map((fx) => ({
      ...fx,
      edits: fx.edits.map((e) => (moves(e) ? withNewText({ doc: e.doc, start: e.start + d, end: e.end + d }, e) : e)),
    }));
  if (i.related) input.related = i.related.map(by);
  if (i.cause) input.cause = by(i.cause);
  return { rule: raw.rule, severity: raw.severity, security: raw.security, input };
}

type Unit = { node: Node };

function unitsOf(model: Model, scope: UnitScope): Unit[] {
  return scope === 'extension' ? model.extensions : model.users;
}

/** What a unit's findings depend on outside its element: a user's group and domain params. */
function contextOf(scope: UnitScope, unit: Unit): XmlElement[] {
  if (scope === 'extension') return NO_CONTEXT;
  const u = unit as User;
  if (!u.groupParams.length && !u.domain?.params.length) return NO_CONTEXT;
  return [...u.groupParams.map((p) => p.node.el), ...(u.domain?.params ?? []).map((p) => p.node.el)];
}
const NO_CONTEXT: XmlElement[] = [];
const NO_STARTS: number[] = [];
/** Most units have no findings: they share this (never pushed into). */
const NO_RAWS: RawFinding[] = [];

function contextCurrent(entry: UnitEntry, context: XmlElement[]): boolean {
  if (entry.context.length !== context.length) return false;
  for (let i = 0; i < context.length; i++) if (entry.context[i] !== context[i] || entry.contextStarts[i] !== context[i]!.start) return false;
  return true;
}

interface ScopeWork {
  scope: UnitScope;
  stamp: number;
  rules: Map<string, { gen: number; cached: RawFinding[]; dirty: Unit[] }>;
}

/**
 * One analysis' pass over the units: which cached findings still hold (moved with their unit when an
 * edit above moved it) and which units each rule must check again, and the model those rules see.
 */
export class UnitPass {
  private readonly scopes = new Map<UnitScope, ScopeWork>();
  private scoped: { scope: UnitScope; dirty: Unit[]; model: Model; byDoc: Map<Doc, Unit[]>; byEl: Map<XmlElement, Unit> } | undefined;

  constructor(
    private readonly rc: RuleCache,
    private readonly model: Model,
    rules: Rule[],
    /** Files re-parsed since the last analysis: a finding naming one outside its unit is stale. */
    private readonly changedDocs: ReadonlySet<Doc>,
    keyOf: (rule: Rule) => string,
  ) {
    for (const r of rules) {
      const scope = r.meta.scope as UnitScope;
      const key = keyOf(r);
      let k = rc.unitKeys.get(r.meta.id);
      if (!k || k.key !== key) rc.unitKeys.set(r.meta.id, (k = { key, gen: ++rc.gen }));
      let w = this.scopes.get(scope);
      if (!w) this.scopes.set(scope, (w = { scope, stamp: 0, rules: new Map() }));
      w.rules.set(r.meta.id, { gen: k.gen, cached: [], dirty: [] });
    }
    for (const w of this.scopes.values()) this.sort(w);
  }

  private sort(w: ScopeWork): void {
    const rc = this.rc;
    const work = [...w.rules];
    const stampKey = `${w.scope} ${work.map(([id, x]) => `${id}:${x.gen}`).join(' ')}`;
    // every change of a rule's unitKey (a gateway renamed) adds a stamp: past a few hundred, start over
    if (rc.stamps.size > 256) {
      rc.stamps.clear();
      rc.units = new WeakMap();
    }
    let stamp = rc.stamps.get(stampKey);
    if (stamp === undefined) rc.stamps.set(stampKey, (stamp = ++rc.gen));
    w.stamp = stamp;
    for (const unit of unitsOf(this.model, w.scope)) {
      const el = unit.node.el;
      let u = rc.units.get(el);
      if (u) {
        const context = contextOf(w.scope, unit);
        if (!contextCurrent(u, context) || (u.count > 0 && this.namesChangedFile(u))) {
          rc.units.delete(el);
          u = undefined;
        } else if (u.start !== el.start) {
          const d = el.start - u.start;
          for (const v of u.byRule.values()) if (v.raws.length) v.raws = v.raws.map((r) => moveRaw(r, unit.node.doc, u!.start, u!.end, d));
          u.start = el.start;
          u.end = el.end;
        }
      }
      if (u && u.stamp === stamp) {
        if (u.count) for (const [id, x] of work) for (const r of u.byRule.get(id)!.raws) x.cached.push(r);
        continue;
      }
      for (const [id, x] of work) {
        const v = u?.byRule.get(id);
        if (v && v.gen === x.gen) for (const r of v.raws) x.cached.push(r);
        else x.dirty.push(unit);
      }
    }
  }

  private namesChangedFile(u: UnitEntry): boolean {
    for (const v of u.byRule.values()) for (const r of v.raws) if (namesChanged(r, this.changedDocs)) return true;
    return false;
  }

  /** Cached findings of the rule, and the model it must check: only the units to check again. */
  prepare(rule: Rule): { cached: RawFinding[]; model: Model } {
    const scope = rule.meta.scope as UnitScope;
    const x = this.scopes.get(scope)!.rules.get(rule.meta.id)!;
    const dirty = x.dirty;
    const s = this.scoped;
    if (!s || s.scope !== scope || s.dirty.length !== dirty.length || s.dirty.some((e, i) => e !== dirty[i])) {
      const byDoc = new Map<Doc, Unit[]>();
      const byEl = new Map<XmlElement, Unit>();
      for (const e of dirty) {
        let l = byDoc.get(e.node.doc);
        if (!l) byDoc.set(e.node.doc, (l = []));
        l.push(e);
        byEl.set(e.node.el, e);
      }
      for (const l of byDoc.values()) l.sort((a, b) => a.node.el.start - b.node.el.start);
      let model: Model;
      if (scope === 'extension') {
        const conditions: Condition[] = [];
        const actions: Action[] = [];
        const walk = (c: Condition): void => {
          conditions.push(c);
          for (const a of c.actions) actions.push(a);
          for (const a of c.antiActions) actions.push(a);
          for (const n of c.children) walk(n);
        };
        const exts = dirty as Model['extensions'];
        for (const e of exts) for (const c of e.conditions) walk(c);
        model = { ...this.model, extensions: exts, conditions, actions };
      } else model = { ...this.model, users: dirty as User[] };
      this.scoped = { scope, dirty, model, byDoc, byEl };
    }
    return { cached: x.cached, model: this.scoped!.model };
  }

  /**
   * Remember the rule's new findings per unit (`about` names the unit, else the place does). A finding
   * that lies in no unit checked, or names a place in its unit's file outside the unit and its context,
   * breaks the scope's contract: then nothing is remembered and every unit is checked again next time.
   */
  store(rule: Rule, raws: RawFinding[], from: number): void {
    const s = this.scoped;
    const scope = rule.meta.scope as UnitScope;
    if (!s || s.scope !== scope) return;
    const gen = this.scopes.get(scope)!.rules.get(rule.meta.id)!.gen;
    const found = new Map<Unit, RawFinding[]>();
    for (let i = from; i < raws.length; i++) {
      const r = raws[i]!;
      const unit = r.input.about ? s.byEl.get(r.input.about) : unitAt(s.byDoc.get(r.input.doc), r.input.start);
      if (!unit || !placesInside(r.input, unit.node.doc, [unit.node.el, ...contextOf(scope, unit)])) return;
      let l = found.get(unit);
      if (!l) found.set(unit, (l = []));
      l.push(r);
    }
    for (const unit of s.dirty) {
      if (!cacheable(unit.node)) continue;
      const el = unit.node.el;
      let u = this.rc.units.get(el);
      if (!u) {
        const context = contextOf(scope, unit);
        this.rc.units.set(
          el,
          (u = {
            start: el.start,
            end: el.end,
            context,
            contextStarts: context.length ? context.map((c) => c.start) : NO_STARTS,
            byRule: new Map(),
            stamp: 0,
            count: 0,
          }),
        );
      }
      const mine = found.get(unit) ?? NO_RAWS;
      u.count += mine.length - (u.byRule.get(rule.meta.id)?.raws.length ?? 0);
      u.byRule.set(rule.meta.id, { gen, raws: mine });
    }
  }

  /** Mark the units just checked whose findings are now current for every rule of their scope. */
  finish(): void {
    for (const w of this.scopes.values()) {
      const seen = new Set<XmlElement>();
      for (const x of w.rules.values()) {
        for (const unit of x.dirty) {
          const el = unit.node.el;
          if (seen.has(el)) continue;
          seen.add(el);
          const u = this.rc.units.get(el);
          if (!u) continue;
          let current = true;
          for (const [id, y] of w.rules) if (u.byRule.get(id)?.gen !== y.gen) current = false;
          if (current) u.stamp = w.stamp;
        }
      }
    }
  }
}

/** The unit (of a start-sorted list) whose element holds offset. */
function unitAt(units: Unit[] | undefined, offset: number): Unit | undefined {
  if (!units) return undefined;
  let lo = 0;
  let hi = units.length - 1;
  let hit: Unit | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.node.el.start <= offset) {
      hit = units[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return hit && offset < hit.node.el.end ? hit : undefined;
}

/** Every place a finding names in `doc` lies inside one of the elements (places in other files are free). */
function placesInside(input: ReportInput, doc: Doc, els: XmlElement[]): boolean {
  const ok = (d: Doc, s: number, e: number) => d !== doc || els.some((el) => s >= el.start && e <= el.end);
  if (!ok(input.doc, input.start, input.end)) return false;
  for (const fx of input.fixes ?? []) for (const e of fx.edits) if (!ok(e.doc, e.start, e.end)) return false;
  for (const r of input.related ?? []) if (!ok(r.doc, r.start, r.end)) return false;
  return true;
}
