/**
 * Readable rule fixtures in the style of rust-analyzer's ide-diagnostics tests: the expected squiggle is
 * marked under the offending text with carets, followed by the rule id and (part of) the message.
 *
 *   <param name="auth-calls" value="false"/>
 *                                   ^^^^^ sofia/internal-auth-calls: auth-calls not true
 *
 * Marker lines are removed before analysis; the carets point at the line above them (one caret marks a
 * range over several lines, or an empty one).
 * Files live in an in-memory tree under /conf.
 */
import { MemoryFileSystem } from '../fs.js';
import { analyze, type Analysis } from '../analysis.js';
import { applyEdits } from '../edits.js';
import type { FsconfConfig } from '../config.js';
import type { Finding, Rule } from '../rules/types.js';

interface Marker {
  file: string;
  line: number;
  start: number;
  end: number;
  rule: string;
  message: string;
}

export interface FixtureResult {
  analysis: Analysis;
  /** What the markers expect, normalised: `file:line:start-end rule`. */
  expected: string[];
  /** What fsconf reported for the rules under test, in the same form. */
  actual: string[];
  /** Markers whose message text is not contained in the finding's message. */
  messageMismatches: string[];
  findings: Finding[];
  /** Apply the fix of each finding of `rule` whose title contains `titlePart` (default: the preferred/only one). */
  applyFix(rule: string, titlePart?: string): Record<string, string>;
  /** The files as written (markers removed). */
  files: Record<string, string>;
  markers: Marker[];
}

export interface FixtureOptions {
  rules?: readonly Rule[];
  only?: string[];
  settings?: FsconfConfig;
  root?: boolean;
}

const MARKER = /^(\s*)(\^+)\s+([\w-]+\/[\w-]+)(?::\s*(.*))?$/;

function stripMarkers(file: string, text: string): { text: string; markers: Marker[] } {
  const out: string[] = [];
  const markers: Marker[] = [];
  for (const line of text.split('\n')) {
    const m = MARKER.exec(line);
    if (m && out.length) {
      markers.push({ file, line: out.length - 1, start: m[1]!.length, end: m[1]!.length + m[2]!.length, rule: m[3]!, message: (m[4] ?? '').trim() });
    } else out.push(line);
  }
  return { text: out.join('\n'), markers };
}

export function runFixture(files: Record<string, string>, options: FixtureOptions = {}): FixtureResult {
  const clean: Record<string, string> = {};
  const markers: Marker[] = [];
  for (const [name, text] of Object.entries(files)) {
    const s = stripMarkers(name, text);
    clean[name] = s.text;
    markers.push(...s.markers);
  }
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(clean).map(([k, v]) => [`/conf/${k}`, v])));
  const hasRoot = options.root ?? 'freeswitch.xml' in clean;
  const analysis = analyze(fs, {
    ...(hasRoot ? { root: '/conf' } : {}),
    files: Object.keys(clean)
      .filter((k) => k.endsWith('.xml'))
      .map((k) => `/conf/${k}`),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  // focus on the rules the fixture is about; a fixture without markers or rules checks every finding
  const focus = options.only ?? [...(options.rules?.map((r) => r.meta.id) ?? []), ...markers.map((m) => m.rule)];
  const ruleIds = new Set(focus.length ? focus : analysis.findings.map((f) => f.rule));
  const findings = analysis.findings.filter((f) => ruleIds.has(f.rule));
  const rel = (f: string) => f.replace(/^\/conf\//, '');
  const key = (file: string, line: number, start: number, end: number, rule: string) => `${file}:${line + 1}:${start}-${end} ${rule}`;
  const actual = findings
    // a range over several lines, or an empty one (a file that cannot be read), is marked with one caret
    .map((f) =>
      key(
        rel(f.file),
        f.range.start.line,
        f.range.start.character,
        f.range.end.line === f.range.start.line ? Math.max(f.range.end.character, f.range.start.character + 1) : f.range.start.character + 1,
        f.rule,
      ),
    )
    .sort();
  const expected = markers.map((m) => key(m.file, m.line, m.start, m.end, m.rule)).sort();
  const messageMismatches: string[] = [];
  for (const m of markers) {
    const f = findings.find((x) => rel(x.file) === m.file && x.range.start.line === m.line && x.range.start.character === m.start && x.rule === m.rule);
    if (f && m.message && !f.message.includes(m.message))
      messageMismatches.push(`${m.file}:${m.line + 1} ${m.rule}: expected "${m.message}" in "${f.message}"`);
  }
  return {
    analysis,
    expected,
    actual,
    messageMismatches,
    findings,
    files: clean,
    markers,
    applyFix(rule, titlePart) {
      const out = { ...clean };
      const perFile = new Map<string, { range: Finding['range']; newText: string }[]>();
      for (const f of findings.filter((x) => x.rule === rule)) {
        const fix = titlePart
          ? f.fixes.find((x) => x.title.includes(titlePart))
          : (f.fixes.find((x) => x.preferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined));
        if (!fix) continue;
        for (const e of fix.edits) {
          const name = rel(e.file);
          let l = perFile.get(name);
          if (!l) perFile.set(name, (l = []));
          l.push(e);
        }
      }
      for (const [name, edits] of perFile) out[name] = applyEdits(out[name] ?? '', edits);
      return out;
    },
  };
}
