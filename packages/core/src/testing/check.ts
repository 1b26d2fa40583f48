/**
 * One-call rule tests. `checkFindings(files)` runs a caret fixture (see fixture.ts) and fails unless
 *  - the findings of the rules under test sit exactly where the markers say (file, line, columns, rule),
 *  - every marker's message text is contained in its finding's message, and
 *  - re-analysing through the caches a language server keeps (parse, model and rule caches) after edits of
 *    each file (fixtureEdits: harmless ones, then deleted lines) gives exactly what a fresh analysis gives — so a rule's `scope` / `reads` declaration is exercised
 *    by every fixture, not only by the corpus fuzz.
 * `checkFix(before, after)` applies a rule's fix to a marked fixture and compares the files with `after`.
 */
import { MemoryFileSystem } from '../fs.js';
import { analyze, newRuleCache, type AnalyzeOptions } from '../analysis.js';
import { newModelCache } from '../model.js';
import type { ParseCache } from '../tree.js';
import type { Finding } from '../rules/types.js';
import { runFixture, type FixtureOptions, type FixtureResult } from './fixture.js';

class FixtureError extends Error {
  override name = 'FixtureError';
}

function diff(what: string, expected: string[], actual: string[]): string {
  const missing = expected.filter((e) => !actual.includes(e));
  const extra = actual.filter((a) => !expected.includes(a));
  return [`${what}:`, ...missing.map((m) => `  - expected, not reported: ${m}`), ...extra.map((x) => `  + reported, not expected: ${x}`)].join('\n');
}

/** Everything a client sees of a finding, for comparing an incremental analysis with a fresh one. */
function findingKey(f: Finding): string {
  const r = (x: Finding['range']) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
  const related = (f.related ?? []).map((x) => `${x.file}@${r(x.range)} ${x.message}`).join(' | ');
  const cause = f.cause ? `${f.cause.file}@${r(f.cause.range)} ${f.cause.message}` : '';
  // a credential fix inserts a freshly generated secret: compare where it writes, not what
  const text = (x: Finding['fixes'][number], t: string) => (x.kind === 'credential' ? '(generated)' : JSON.stringify(t));
  const fixes = f.fixes
    .map((x) => `${x.title}[${x.kind}${x.preferred ? '*' : ''}] ${x.edits.map((e) => `${e.file}@${r(e.range)}=${text(x, e.newText)}`).join(' ')}`)
    .join(' | ');
  return `${f.file}:${r(f.range)} ${f.severity} ${f.rule} ${f.message} {${related}} {${cause}} {${fixes}}`;
}

/**
 * Edits of one file, each followed by a re-analysis: harmless ones first — a blank line after the first
 * line (every later finding moves down), a space before the first `/>` (an element's text changes, its
 * meaning does not), the original back — then ones that change meaning: the first and the last line that
 * holds one self-closing element (a param, a node, an action, a pre-processor line) deleted, then restored.
 * A rule whose `scope` or `reads` leaves out what it depends on keeps a stale finding after one of these.
 */
function fixtureEdits(text: string): string[] {
  const nl = text.indexOf('\n');
  const moved = nl < 0 ? `${text}\n` : `${text.slice(0, nl + 1)}\n${text.slice(nl + 1)}`;
  const steps = [moved];
  const close = moved.indexOf('"/>');
  if (close >= 0) steps.push(`${moved.slice(0, close + 1)} ${moved.slice(close + 1)}`);
  steps.push(text);
  const lines = text.split('\n');
  const single = lines.flatMap((l, i) => (/^\s*<[\w-]+\b[^<>]*\/>\s*$/.test(l) ? [i] : []));
  for (const i of new Set([single[0], single[single.length - 1]])) {
    if (i === undefined) continue;
    steps.push(lines.filter((_, j) => j !== i).join('\n'), text);
  }
  return steps;
}

/**
 * Apply fixtureEdits to each file in turn, analysing incrementally (as FsconfWorkspace does) after
 * each one, and compare with a fresh analysis of the same files. Returns the differences ('' when none).
 */
function incrementalMismatch(files: Record<string, string>, options: FixtureOptions = {}): string {
  const mem = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/conf/${k}`, v])));
  const hasRoot = options.root ?? 'freeswitch.xml' in files;
  const base: AnalyzeOptions = {
    ...(hasRoot ? { root: '/conf' } : {}),
    files: Object.keys(files)
      .filter((k) => k.endsWith('.xml'))
      .map((k) => `/conf/${k}`),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  };
  const caches = { cache: new Map() as ParseCache, modelCache: newModelCache(), ruleCache: newRuleCache() };
  analyze(mem, { ...base, ...caches });
  const problems: string[] = [];
  for (const name of Object.keys(files).sort()) {
    if (!name.endsWith('.xml')) continue;
    for (const [i, text] of fixtureEdits(files[name]!).entries()) {
      mem.set(`/conf/${name}`, text);
      const incremental = analyze(mem, { ...base, ...caches })
        .findings.map(findingKey)
        .sort();
      const fresh = analyze(mem, base).findings.map(findingKey).sort();
      if (incremental.join('\n') !== fresh.join('\n'))
        problems.push(diff(`after edit ${i + 1} of ${name}, the incremental analysis (+) differs from a fresh one (-)`, fresh, incremental));
    }
  }
  return problems.join('\n');
}

/**
 * Run a caret fixture and assert positions, messages and incremental = fresh in one call. Throws a
 * FixtureError listing every difference; returns the fixture result for further assertions.
 */
export function checkFindings(files: Record<string, string>, options: FixtureOptions = {}): FixtureResult {
  const r = runFixture(files, options);
  const problems: string[] = [];
  if (r.actual.join('\n') !== r.expected.join('\n')) problems.push(diff('findings', r.expected, r.actual));
  if (r.messageMismatches.length) problems.push(['messages:', ...r.messageMismatches.map((m) => `  ${m}`)].join('\n'));
  const inc = incrementalMismatch(r.files, options);
  if (inc) problems.push(inc);
  if (problems.length) throw new FixtureError(problems.join('\n'));
  return r;
}

/**
 * Check a fix: `before` is a caret fixture (its markers name the rule), `after` the files as the fix
 * leaves them (only the files given are compared). The fixed files must no longer hold a finding of the rule.
 * `titlePart` picks the fix by title (default: the preferred or only one).
 */
export function checkFix(
  before: Record<string, string>,
  after: Record<string, string>,
  options: FixtureOptions & { rule?: string; titlePart?: string } = {},
): Record<string, string> {
  const r = checkFindings(before, options);
  const rule = options.rule ?? r.markers[0]?.rule;
  if (!rule) throw new FixtureError('checkFix: the fixture has no marker and no `rule` option');
  const fixed = r.applyFix(rule, options.titlePart);
  const problems: string[] = [];
  for (const [name, text] of Object.entries(after)) {
    if (fixed[name] !== text) problems.push(`${name} after the fix of ${rule}:\n--- expected\n${text}\n--- actual\n${fixed[name] ?? '(missing)'}`);
  }
  const again = runFixture(fixed, { ...options, only: [rule] });
  if (again.findings.length) problems.push(`${rule} still reported after its fix:\n${again.actual.join('\n')}`);
  if (problems.length) throw new FixtureError(problems.join('\n'));
  return fixed;
}
