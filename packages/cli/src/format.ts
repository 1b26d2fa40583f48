/**
 * Output formats of `fsconf lint`: text (grouped per file), JSON and SARIF 2.1.0.
 * Findings already carry masked secrets; nothing here prints a config value of its own.
 */
import * as nodePath from 'node:path';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ALL_RULES, ruleAnchor, RULES_DOC_URL as DOCS_URL, type Finding } from '@fsconf/core';

import { VERSION } from './version.js';
export { VERSION };

/** node:crypto, loaded on first use: only SARIF fingerprints need it, and loading it costs a cold run ~2 ms. */
const nodeCrypto = (): typeof import('node:crypto') => createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');

const relMemo = new Map<string, string>();

/** The path as the user sees it from cwd (cwd may be reached through a symlink: compare real paths too). */
export function rel(file: string, cwd: string): string {
  // findings share a few files: path.relative (two resolves, in code not yet optimised) once per file;
  // only the pure part is remembered (what realpath answers may change)
  const key = `${cwd}\u0000${file}`;
  let r = relMemo.get(key);
  if (r === undefined) {
    if (relMemo.size >= 5000) relMemo.clear();
    relMemo.set(key, (r = nodePath.relative(cwd, file)));
  }
  if (r.startsWith('..')) {
    try {
      const real = nodePath.relative(realpathSync(cwd), realpathSync(file));
      if (!real.startsWith('..')) r = real;
    } catch {
      // a file that is gone: keep the absolute path
    }
  }
  return r.startsWith('..') ? file : r || file;
}

/** Findings that share a rule and a cause (2 or more), keyed by `rule file:line` of the cause. */
export function causeGroups(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cause) continue;
    const key = `${f.rule} ${f.cause.file}:${f.cause.range.start.line}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(f);
  }
  for (const [k, g] of groups) if (g.length < 2) groups.delete(k);
  return groups;
}

/** "21 users share the weak $${default_password} set at vars.xml:15". */
export function causeHeadline(g: Finding[]): string {
  const what = g[0]!.rule.startsWith('directory/') ? 'users' : 'findings';
  return `${g.length} ${what} share ${g[0]!.cause!.message}`;
}

export function formatText(findings: Finding[], cwd: string, fileCount: number, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = { error: c('31', 'error'), warning: c('33', 'warning'), info: c('36', 'info') };
  const out: string[] = [];
  // findings with one cause print once, at the cause, followed by where they land
  const groups = causeGroups(findings);
  const grouped = new Set([...groups.values()].flat());
  const printed = new Set<Finding[]>();
  const lines: { file: string; line: number; col: number; text: string }[] = [];
  for (const f of findings) {
    if (!grouped.has(f)) {
      lines.push({
        file: f.file,
        line: f.range.start.line,
        col: f.range.start.character,
        text: `${rel(f.file, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${sev[f.severity]} ${c('2', f.rule)} ${f.message}`,
      });
      continue;
    }
    const g = [...groups.values()].find((x) => x.includes(f))!;
    if (printed.has(g)) continue;
    printed.add(g);
    const cause = g[0]!.cause!;
    const at = g.map((x) => `${rel(x.file, cwd)}:${x.range.start.line + 1}`);
    const shown = at.length > 6 ? [...at.slice(0, 6), `… ${at.length - 6} more`] : at;
    lines.push({
      file: cause.file,
      line: cause.range.start.line,
      col: cause.range.start.character,
      text: `${rel(cause.file, cwd)}:${cause.range.start.line + 1}:${cause.range.start.character + 1} ${sev[g[0]!.severity]} ${c('2', g[0]!.rule)} ${causeHeadline(g)}: ${g[0]!.message}\n    at ${shown.join(', ')}`,
    });
  }
  lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  let last = '';
  for (const l of lines) {
    const file = rel(l.file, cwd);
    if (file !== last) {
      if (last) out.push('');
      out.push(c('1;4', file));
      last = file;
    }
    out.push(l.text);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  if (out.length) out.push('');
  const files = new Set(findings.map((f) => f.file)).size;
  out.push(
    `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info in ${files} of ${fileCount} file${fileCount === 1 ? '' : 's'}`,
  );
  return out.join('\n') + '\n';
}

export interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: Finding['range'];
  fixes: string[];
  /** The one place causing this finding and others of the same rule (e.g. the `set` 21 users inherit). */
  cause?: { file: string; line: number; message: string };
}

export function toJson(findings: Finding[], cwd: string): JsonFinding[] {
  return findings.map((f) => ({
    file: rel(f.file, cwd),
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    range: f.range,
    fixes: f.fixes.map((x) => x.title),
    ...(f.cause ? { cause: { file: rel(f.cause.file, cwd), line: f.cause.range.start.line + 1, message: f.cause.message } } : {}),
  }));
}

/** Security severities for SARIF (GitHub code scanning reads `security-severity`, 0–10). */
function securitySeverity(level: string): string {
  return level === 'error' ? '8.0' : level === 'warning' ? '5.0' : '2.0';
}

export function toSarif(findings: Finding[], cwd: string, lineText: (file: string, line: number) => string): object {
  // every id a finding can carry, cti.json's and .fsconf.yaml's included, is in the rule list
  const all = ALL_RULES.map((r) => r.meta);
  const index = new Map<string, number>(all.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fsconf',
            version: VERSION,
            informationUri: DOCS_URL,
            rules: all.map((r) => ({
              id: r.id,
              name: r.id.replace(/[/-](\w)/g, (_, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.description },
              helpUri: ruleAnchor(r.id),
              defaultConfiguration: { level: r.severity === 'info' ? 'note' : r.severity },
              properties: {
                tags: r.security ? ['security', 'freeswitch'] : ['freeswitch'],
                ...(r.security ? { 'security-severity': securitySeverity(r.severity) } : {}),
              },
            })),
          },
        },
        results: findings.map((f) => {
          const uri = rel(f.file, cwd).split(nodePath.sep).join('/');
          const text = lineText(f.file, f.range.start.line).trim();
          const hash = nodeCrypto().createHash('sha256').update(`${f.rule}\u0000${uri}\u0000${text}`).digest('hex').slice(0, 32);
          return {
            ruleId: f.rule,
            ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
            level: f.severity === 'info' ? 'note' : f.severity,
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
            partialFingerprints: { primaryLocationLineHash: `${hash}:1` },
            ...(f.related?.length || f.cause
              ? {
                  relatedLocations: [...(f.related ?? []), ...(f.cause ? [{ ...f.cause, message: `cause: ${f.cause.message}` }] : [])].map((r, i) => ({
                    id: i + 1,
                    message: { text: r.message },
                    physicalLocation: {
                      artifactLocation: { uri: rel(r.file, cwd) },
                      region: { startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1 },
                    },
                  })),
                }
              : {}),
          };
        }),
      },
    ],
  };
}
