/**
 * A fix never introduces a problem (issue 15). Every fix offered on every corpus tree, and on small
 * trees built to hit each rule, is applied on its own; the tree is analysed again and:
 * - no new error appears;
 * - the assembled configuration (every attribute of every element as FreeSWITCH assembles the tree,
 *   `$${}` expanded) differs only where the fix names it: an attribute inside the edited text, an
 *   element the fix inserts or removes, or a value taken from a `$${var}` whose definition it edits;
 * - each edited file still parses in the ezxml-faithful parser without a new error;
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyEdits,
  expandAttr,
  FsconfWorkspace,
  MemoryFileSystem,
  topLevelNodes,
  logicalChildren,
  type Analysis,
  type Fix,
  type Finding,
  type Node,
  type Tree,
} from '@fsconf/core';
import { CORPUS } from '../helpers.js';
import { INSECURE_TREE, HARDENED_TREE } from '../fixtures/trees.js';
import { RULE_TREES } from '../fixtures/fix-trees.js';

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(xml|json|ya?ml)$/i.test(e.name) || e.name === '.fsconf.yaml')
        out[path.relative(dir, p)] =
          fs.readFileSync(p, 'latin1').length === fs.readFileSync(p).length ? fs.readFileSync(p, 'utf8') : fs.readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

interface Val {
  value: string | undefined;
  /** [file, start, end] of the attribute value in its own file */
  at: [string, number, number];
  /** the element's span */
  el: [string, number, number];
  /** the attributes its key (and its ancestors' keys) is made of: a fix that edits one renames the place */
  keyAttrs: [string, number, number][];
  vars: string[];
}

/** Every attribute of the assembled configuration, keyed by its place in the logical tree. */
function assembled(a: Analysis): Map<string, Val> {
  const out = new Map<string, Val>();
  const tree: Tree = a.tree;
  const KEYS = ['name', 'id', 'module', 'cidr', 'field', 'application', 'type'];
  const visit = (nodes: Node[], prefix: string, keyAttrs: [string, number, number][]) => {
    const seen = new Map<string, number>();
    for (const n of nodes) {
      const el = n.el;
      const id = KEYS.map((k) => el.attrs.find((x) => x.name === k)?.value ?? '').join('|');
      const mine: [string, number, number][] = [
        ...keyAttrs,
        ...el.attrs.filter((x) => KEYS.includes(x.name)).map((x): [string, number, number] => [n.doc.path, x.valueStart, x.valueEnd]),
      ];
      const base = `${prefix}/${el.name}[${id}]`;
      const i = seen.get(base) ?? 0;
      seen.set(base, i + 1);
      const key = `${base}#${i}`;
      for (const at of el.attrs) {
        const ex = expandAttr(tree, n.doc, at);
        out.set(`${key}@${at.name}`, {
          value: ex.value,
          at: [n.doc.path, at.valueStart, at.valueEnd],
          el: [n.doc.path, el.start, el.end],
          vars: ex.refs.map((r) => r.name),
          keyAttrs: mine,
        });
      }
      visit(logicalChildren(tree, n), key, mine);
    }
  };
  const roots = tree.order.filter((d) => !d.includedBy);
  for (const d of roots) visit(topLevelNodes(d, undefined), d.reachable ? '' : d.path, []);
  return out;
}

/** Apply a fix's edits per file; returns the new texts and, per file, the edited spans before and after. */
function applyFix(files: Map<string, string>, fix: Fix, lineText: (file: string) => string) {
  const texts = new Map<string, string>();
  const before = new Map<string, [number, number][]>();
  const after = new Map<string, [number, number][]>();
  const byFile = new Map<string, Fix['edits']>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    const text = files.get(file) ?? lineText(file);
    const lines = text.split('\n');
    const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((s, l) => s + l.length + 1, 0) + p.character;
    const spans = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((x, y) => x.s - y.s);
    let shift = 0;
    before.set(
      file,
      spans.map((x) => [x.s, x.e]),
    );
    after.set(
      file,
      spans.map((x) => {
        const r: [number, number] = [x.s + shift, x.s + shift + x.t.length];
        shift += x.t.length - (x.e - x.s);
        return r;
      }),
    );
    texts.set(file, applyEdits(text, edits));
  }
  return { texts, before, after };
}

const overlaps = (spans: [number, number][] | undefined, s: number, e: number) => !!spans?.some(([a, b]) => a <= e && s <= b);
const inside = (spans: [number, number][] | undefined, s: number, e: number) => !!spans?.some(([a, b]) => a <= s && e <= b);

interface Outcome {
  tree: string;
  fixes: number;
  problems: string[];
}

function checkTree(name: string, files: Record<string, string>): Outcome {
  const root = '/conf';
  const texts = new Map<string, string>();
  for (const [k, v] of Object.entries(files)) texts.set(`${root}/${k}`, v);
  // the language server's incremental engine (proved equal to a fresh analysis by service/incremental.test.ts);
  // every xml file opened, so files the tree does not reach are analysed too, as `fsconf lint` does
  const ws = new FsconfWorkspace(new MemoryFileSystem(Object.fromEntries(texts)), root);
  for (const [p, t] of texts) if (p.endsWith('.xml')) ws.open(p, t);
  const run = () => ws.analysis();
  const a0 = run();
  const v0 = assembled(a0);
  // an error is new when its rule reports more errors in that file than before (messages name the values that changed)
  const key = (f: Finding) => `${f.rule} ${f.file}`;
  const errors0 = new Map<string, number>();
  for (const f of a0.findings) if (f.severity === 'error') errors0.set(key(f), (errors0.get(key(f)) ?? 0) + 1);
  const fatals0 = new Map([...a0.tree.docs].map(([p, d]) => [p, d.xml.fatals.length]));
  const defsAt = (a: Analysis, file: string, spans: [number, number][] | undefined) => {
    const names: string[] = [];
    for (const [n, defs] of a.tree.vars.defs)
      for (const d of defs) if (d.doc.path === file && overlaps(spans, d.directive.start, d.directive.end)) names.push(n);
    return names;
  };
  const problems: string[] = [];
  let count = 0;
  const done = new Set<string>();
  for (const f of a0.findings) {
    for (const fix of f.fixes) {
      const sig = JSON.stringify(fix.edits);
      if (done.has(sig)) continue;
      done.add(sig);
      count++;
      const what = `${name}: ${f.rule} at ${path.relative(root, f.file)}:${f.range.start.line + 1} "${fix.title}" (${fix.kind})`;
      const { texts: changed, before, after } = applyFix(texts, fix, (p) => texts.get(p) ?? '');
      for (const [p, t] of changed) ws.change(p, t);
      try {
        const a1 = run();
        // 1. no new error
        const errors1 = new Map<string, number>();
        for (const g of a1.findings) if (g.severity === 'error') errors1.set(key(g), (errors1.get(key(g)) ?? 0) + 1);
        for (const [k, n] of errors1) if (n > (errors0.get(k) ?? 0)) problems.push(`${what}: new error ${k}`);
        // 2. the file still parses without a new error
        for (const p of changed.keys()) {
          const d = a1.tree.docs.get(p);
          if (d && d.xml.fatals.length > (fatals0.get(p) ?? 0))
            problems.push(`${what}: ${path.relative(root, p)} no longer parses: ${d.xml.fatals[0]!.message}`);
        }
        // 3. only the values the fix names differ
        const named = new Set<string>();
        for (const p of changed.keys()) {
          for (const n of defsAt(a0, p, before.get(p))) named.add(n);
          for (const n of defsAt(a1, p, after.get(p))) named.add(n);
        }
        const v1 = assembled(a1);
        const allowed = (v: Val, spans: Map<string, [number, number][]>, structural: boolean) =>
          overlaps(spans.get(v.at[0]), v.at[1], v.at[2]) ||
          (structural && (overlaps(spans.get(v.el[0]), v.el[1], v.el[2]) || v.keyAttrs.some(([f, s, e]) => overlaps(spans.get(f), s, e)))) ||
          v.vars.some((n) => named.has(n));
        // siblings given the same key (a setting written twice) are told apart only by their order: when
        // the fix removes one of them, the last of that key is the one that no longer has a place
        const base = (k: string) => k.replace(/#\d+@[^/]*$/, '');
        const removedSibling = new Set<string>();
        for (const [k, b] of v0) if (allowed(b, before, true)) removedSibling.add(base(k));
        for (const [k, b] of v0) {
          const c = v1.get(k);
          if (!c) {
            if (!allowed(b, before, true) && !removedSibling.has(base(k))) problems.push(`${what}: ${k} disappeared`);
          } else if (c.value !== b.value) {
            if (!allowed(b, before, false) && !allowed(c, after, false)) problems.push(`${what}: ${k} changed from ${b.value} to ${c.value}`);
          }
        }
        for (const [k, c] of v1) {
          if (v0.has(k)) continue;
          if (!(inside(after.get(c.el[0]), c.el[1], c.el[2]) || allowed(c, after, true))) problems.push(`${what}: ${k} appeared`);
        }
      } finally {
        for (const p of changed.keys()) ws.change(p, texts.get(p)!);
      }
    }
  }
  return { tree: name, fixes: count, problems };
}

const CORPUS_TREES = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(CORPUS, e.name, 'freeswitch.xml')))
  .map((e) => e.name)
  .sort();

describe('every fix offered, applied on its own, never introduces a problem', () => {
  it('covers the corpus trees', () => {
    expect(CORPUS_TREES).toEqual(expect.arrayContaining(['vanilla', 'minimal', 'insideout', 'sbc', 'softphone', 'curl', 'testing']));
  });

  let total = 0;
  for (const t of CORPUS_TREES) {
    it(`corpus ${t}`, () => {
      const r = checkTree(t, readTree(path.join(CORPUS, t)));
      total += r.fixes;
      expect(r.problems).toEqual([]);
    });
  }

  const built: [string, Record<string, string>][] = [['insecure', INSECURE_TREE], ['hardened', HARDENED_TREE], ...Object.entries(RULE_TREES)];
  for (const [name, files] of built) {
    it(`built tree ${name}`, () => {
      const r = checkTree(name, files);
      total += r.fixes;
      expect(r.fixes, 'the tree offers fixes to check').toBeGreaterThan(name === 'hardened' ? -1 : 0);
      expect(r.problems).toEqual([]);
    });
  }

  it('applied a meaningful number of fixes', () => {
    if (process.env.FSCONF_FIGURES) process.stderr.write(`every-fix: ${total} fixes applied\n`);
    expect(total).toBeGreaterThan(50);
  });
});
