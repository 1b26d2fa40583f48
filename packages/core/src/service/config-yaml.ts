/**
 * `.fsconf.yaml` in the editor: rule ids complete and explain themselves under `rules:` (block or flow
 * style), and severities complete after an id. Text-based: the file is small and often half-typed.
 */
import type { CompletionItem, Hover, Position } from 'vscode-languageserver-types';
import { ALL_RULES, ruleById } from '../rules/index.js';
import { ruleAnchor } from '../rules/types.js';
import { SEVERITY_SETTINGS as SEVERITIES } from '../settings-schema.js';

/** Is the line inside the `rules:` mapping? (the nearest less-indented key above it is `rules`) */
function underRules(lines: string[], line: number): boolean {
  const indent = /^\s*/.exec(lines[line]!)![0].length;
  if (/^\s*rules\s*:\s*\{/.test(lines[line]!)) return true; // rules: { "…
  for (let i = line - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const ind = /^\s*/.exec(l)![0].length;
    if (ind < indent || (ind === 0 && indent === 0 && !/^\s*rules\s*:/.test(l))) return /^\s*rules\s*:/.test(l);
  }
  return false;
}

export function configYamlCompletion(text: string, pos: Position): CompletionItem[] {
  const lines = text.split(/\r?\n/);
  const lineText = lines[pos.line] ?? '';
  const before = lineText.slice(0, pos.character);
  if (!underRules(lines, pos.line)) return [];
  // after `id:` → a severity
  const sev = /["']?([a-z0-9-]+\/[a-z0-9./-]+)["']?\s*:\s*([a-z]*)$/.exec(before);
  if (sev) {
    const start = pos.character - sev[2]!.length;
    const def = ruleById(sev[1]!)?.meta.severity;
    return SEVERITIES.map((s, i) => ({
      label: s,
      kind: 20,
      sortText: String(i),
      ...(s === def ? { detail: 'the default' } : {}),
      textEdit: { range: { start: { line: pos.line, character: start }, end: pos }, newText: s },
    }));
  }
  // a key being typed: bare, or quoted, in block or flow style
  const key = /(^\s*|[{,]\s*)(["']?)([a-z0-9./-]*)$/.exec(before);
  if (!key) return [];
  const typed = key[3]!;
  const start = pos.character - typed.length - key[2]!.length;
  const after = lineText.slice(pos.character);
  const closing = key[2] && after.startsWith(key[2]) ? 1 : 0;
  return ALL_RULES.map((r) => ({
    label: r.meta.id,
    kind: 5, // Field
    detail: `${r.meta.severity}${r.meta.fixable ? ' · fixable' : ''}`,
    documentation: { kind: 'markdown' as const, value: `${r.meta.description}\n\n[${r.meta.id} in RULES.md](${ruleAnchor(r.meta.id)})` },
    filterText: `${key[2]}${r.meta.id}`,
    textEdit: {
      range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: pos.character + closing } },
      newText: `"${r.meta.id}"${/\S/.test(after.slice(closing)) ? '' : ': '}`,
    },
  }));
}

export function configYamlHover(text: string, pos: Position): Hover | null {
  const lineText = text.split(/\r?\n/)[pos.line] ?? '';
  for (const m of lineText.matchAll(/[a-z0-9-]+\/[a-z0-9./-]+/g)) {
    const s = m.index!;
    if (pos.character < s || pos.character > s + m[0].length) continue;
    const r = ruleById(m[0]);
    if (!r)
      return {
        contents: { kind: 'markdown', value: `\`${m[0]}\` is no fsconf rule id (see RULES.md)` },
        range: { start: { line: pos.line, character: s }, end: { line: pos.line, character: s + m[0].length } },
      };
    const value = `**${r.meta.id}** — ${r.meta.severity} by default${r.meta.fixable ? ', fixable' : ''}${r.meta.security ? ', security' : ''}\n\n${r.meta.description}\n\n[RULES.md](${ruleAnchor(r.meta.id)})`;
    return { contents: { kind: 'markdown', value }, range: { start: { line: pos.line, character: s }, end: { line: pos.line, character: s + m[0].length } } };
  }
  return null;
}
