/**
 * Every param a rule reads must be explained by hand in the knowledge base: the hover of a param that
 * a rule complains about must say more than its type. The names are taken from the rules' own source
 * (`findParam(…, 'name')`, `findParams(…)`, `amqpParam(…)`), so a new rule cannot slip through.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Kb = typeof import('./index.js');
let kb: Kb;
beforeAll(async () => {
  const script = fileURLToPath(new URL('../../scripts/build-kb.mjs', import.meta.url));
  execFileSync(process.execPath, [script, '--quiet'], { stdio: 'inherit' });
  kb = await import('./index.js');
});

const RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));

/** Configs a rule area is about when its file names none. */
const AREA_CONFIGS: Record<string, string[]> = {
  sofia: ['sofia.conf'],
  directory: ['directory'],
  amr: ['amr.conf', 'amrwb.conf'],
  amqp: ['amqp.conf'],
  security: ['sofia.conf'],
};

interface Use {
  file: string;
  name: string;
  configs: string[];
}

function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...ruleFiles(p));
    else if (f.endsWith('.ts') && !f.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function paramUses(): Use[] {
  const uses: Use[] = [];
  for (const file of ruleFiles(RULES_DIR)) {
    const text = readFileSync(file, 'utf8');
    const calls = [
      ...[...text.matchAll(/\b(?:findParams?|amqpParam)\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*([^,)]+)/g)].map((m) => m[1]!.trim()),
      // amqp rules compare the KB name a param was matched as
      ...[...text.matchAll(/\.kbName\s*[!=]==\s*('[^']+')/g)].map((m) => m[1]!),
    ];
    if (!calls.length) continue;
    const rel = file.slice(RULES_DIR.length);
    const area = rel.split('/')[0]!;
    const configs = [...new Set([...(AREA_CONFIGS[area] ?? []), ...[...text.matchAll(/['"`]([\w-]+\.conf)['"`]/g)].map((m) => m[1]!)])];
    const names = new Set<string>();
    for (const arg of calls) {
      const lit = /^(['"])([^'"]+)\1$/.exec(arg);
      if (lit) names.add(lit[2]!);
      else if (/^[A-Za-z_]\w*$/.test(arg)) {
        // a variable: every string literal of the file that names a param of its configs
        for (const m of text.matchAll(/'([a-z][\w-]*)'/g)) if (configs.some((c) => kb.configParams(c).some((p) => p.name === m[1]))) names.add(m[1]!);
      }
    }
    for (const name of names) uses.push({ file: rel, name, configs });
  }
  return uses;
}

describe('params used by rules', () => {
  it('finds the params the rules read', () => {
    const uses = paramUses();
    const names = new Set(uses.map((u) => u.name));
    for (const n of [
      'auth-calls',
      'apply-inbound-acl',
      'default-bitrate',
      'volte',
      'mode-set-overwrite',
      'force-oa',
      'hostname',
      'password',
      'auth-realm',
      'userauth',
      'event_filter',
      'log-levels',
      'format_fields',
    ])
      expect(names, n).toContain(n);
    expect(
      uses.every((u) => u.configs.length > 0),
      JSON.stringify(uses.filter((u) => !u.configs.length)),
    ).toBe(true);
  });

  it('every one of them has a hand-written explanation in the KB', () => {
    const problems: string[] = [];
    for (const u of paramUses()) {
      const entries = u.configs.flatMap((c) =>
        kb
          .configParams(c)
          .filter((p) => p.name.toLowerCase() === u.name.toLowerCase())
          .map((p) => ({ c, p })),
      );
      if (!entries.length) problems.push(`${u.file}: "${u.name}" is in no KB entry of ${u.configs.join(', ')}`);
      for (const { c, p } of entries) {
        if (p.generated) problems.push(`${u.file}: ${c}/${p.section}/${p.name} has only a generated doc`);
        else if (p.doc.trim().length < 20) problems.push(`${u.file}: ${c}/${p.section}/${p.name} has no real explanation`);
      }
    }
    expect(problems).toEqual([]);
  });
});
