/**
 * The rule list (rules/index.ts) is the one source of rule ids: RULES.md, the test files and the
 * `.fsconf.yaml` check follow it, and these tests say what is missing. RULES.md rows stay hand-written
 * (their descriptions and fix columns say more than `meta`), so this checks them instead of generating them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES_MD } from '../testing/paths.js';
import { ALL_RULES, isRuleId, ruleById, type RuleId } from './index.js';
import type { Rule } from './types.js';

const ids = ALL_RULES.map((r) => r.meta.id);

/** `| <a id="…"></a>area/name | severity … | description | fix |` */
function catalogRows(): { id: string; severity: string }[] {
  const text = readFileSync(RULES_MD, 'utf8');
  return [...text.matchAll(/^\| (?:<a id="[^"]*"><\/a>)?([a-z0-9_-]+\/[a-z0-9._-]+) \| ([^|]*)\|/gm)].map((m) => ({ id: m[1]!, severity: m[2]!.trim() }));
}

describe('the rule list is the one source of rule ids', () => {
  it('ids are unique and the list is read-only', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.isFrozen(ALL_RULES)).toBe(true);
    expect(() => (ALL_RULES as unknown as Rule[]).push(ALL_RULES[0]!)).toThrow(TypeError);
  });

  it('cti.json and .fsconf.yaml findings come from rules in the list', () => {
    for (const id of ['cti/invalid', 'cti/unknown-key', 'config/fsconf-yaml'] satisfies RuleId[]) {
      expect(isRuleId(id)).toBe(true);
      expect(ruleById(id)!.checkFiles).toBeTypeOf('function');
    }
    expect(isRuleId('sofia/blind-regs')).toBe(false);
  });

  it('RULES.md has one row per rule id, no row for an id fsconf does not have, and the row starts with meta.severity', () => {
    const rows = catalogRows();
    const rowIds = rows.map((r) => r.id);
    expect(
      ids.filter((id) => !rowIds.includes(id)),
      'rule ids without a RULES.md row',
    ).toEqual([]);
    expect(
      rowIds.filter((id) => !isRuleId(id)),
      'RULES.md rows for ids no rule has',
    ).toEqual([]);
    expect(
      rowIds.filter((id, i) => rowIds.indexOf(id) !== i),
      'ids with two RULES.md rows',
    ).toEqual([]);
    const wrong = rows
      .filter((r) => !r.severity.startsWith(ruleById(r.id)?.meta.severity ?? '?'))
      .map((r) => `${r.id}: RULES.md says "${r.severity}", meta says ${ruleById(r.id)?.meta.severity}`);
    expect(wrong).toEqual([]);
  });
});

describe('every rule id has a test file named after it (rules/<area>/<name>.test.ts)', () => {
  const fileOf = (id: string) => fileURLToPath(new URL(`./${id}.test.ts`, import.meta.url));
  it('no rule id without one', () => {
    expect(ids.filter((id) => !existsSync(fileOf(id)))).toEqual([]);
  });
});

describe('a rule written but not listed is reported, not silently never run', () => {
  const root = path.dirname(fileURLToPath(import.meta.url));
  const ruleFiles = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f.includes(path.sep))
    .map((f) => path.join(root, f));

  it('every exported object with meta.id under rules/ is in ALL_RULES', async () => {
    const listed = new Set<unknown>(ALL_RULES);
    const unlisted: string[] = [];
    for (const file of ruleFiles) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const meta = (value as { meta?: { id?: unknown } } | null)?.meta;
        if (typeof meta?.id === 'string' && !listed.has(value))
          unlisted.push(`${path.relative(root, file)}: ${name} (${meta.id}) — add it to ALL_RULES in rules/index.ts`);
      }
    }
    expect(unlisted).toEqual([]);
    // the scan itself sees the rules (a broken scan must not pass by finding nothing)
    expect(ruleFiles.length).toBeGreaterThanOrEqual(40);
  });
});
