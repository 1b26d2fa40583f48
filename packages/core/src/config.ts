/**
 * `.fsconf.yaml` (at or above the conf root) and editor settings of the same shape.
 * A malformed file is reported as a diagnostic on itself and the defaults apply.
 */
import { parseDocument, isMap, isSeq, isScalar, LineCounter, type Node as YamlNode } from 'yaml';
import { dirname, joinPath, normalize, type FileSystem } from './fs.js';
import { ALL_RULES, isRuleId } from './rules/index.js';
import { didYouMean } from './kb/did-you-mean.js';
import type { FsVersion } from './kb/index.js';
import { SETTINGS, SETTING_DEFAULTS, unknownKeyMessage, type FsconfConfig, type SettingDefaults } from './settings-schema.js';

// the schema is the one source of the settings' shape, types, defaults and words (settings-schema.ts)
export {
  SETTINGS,
  SETTINGS_KEYS,
  SEVERITY_SETTINGS,
  SETTING_DEFAULTS,
  normalizeVersion,
  settingsJsonSchema,
  type FsconfConfig,
  type JsonSchema,
} from './settings-schema.js';

export interface ResolvedConfig {
  rules: SettingDefaults['rules'];
  profiles: SettingDefaults['profiles'];
  passwords: SettingDefaults['passwords'] & { source: 'default' | 'fsconf.yaml' | 'settings' | 'cti.json'; file?: string };
  known: SettingDefaults['known'];
  localNet: string | undefined;
  /** The FreeSWITCH version the tree runs on (`freeswitch:` in .fsconf.yaml); undefined = not said. */
  freeswitch: FsVersion | undefined;
  /** Where the YAML came from, if any. */
  file: string | undefined;
}

export interface ConfigProblem {
  file: string;
  message: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export function defaultConfig(): ResolvedConfig {
  const d = structuredClone(SETTING_DEFAULTS);
  return {
    rules: d.rules,
    profiles: d.profiles,
    passwords: { ...d.passwords, source: 'default' },
    known: d.known,
    localNet: undefined,
    freeswitch: undefined,
    file: undefined,
  };
}

type Path = (string | number)[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Drop the value at path (a bad setting is ignored, its neighbours still apply). */
function drop(obj: unknown, path: PropertyKey[]): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) cur = isObject(cur) ? cur[String(k)] : undefined;
  if (isObject(cur)) delete cur[String(path[path.length - 1])];
}

/**
 * Validate a plain object (from YAML or from editor settings) against SETTINGS; returns problems with a key
 * path. What is wrong is dropped and reported, everything else applies.
 */
export function validateConfig(obj: unknown): { config: FsconfConfig; problems: { path: Path; message: string }[] } {
  const problems: { path: Path; message: string }[] = [];
  if (obj === null || obj === undefined) return { config: {}, problems };
  let input: unknown = structuredClone(obj);
  if (isObject(input) && isObject(input.rules)) {
    for (const id of Object.keys(input.rules)) {
      if (isRuleId(id)) continue;
      // still applied (a rule list of one's own may know it), but a typo would otherwise silently do nothing
      const near = didYouMean(
        id,
        ALL_RULES.map((r) => r.meta.id),
      );
      problems.push({
        path: ['rules', id],
        message: `unknown rule id "${id}"${near.length ? `: did you mean ${near.join(', ')}?` : ' (RULES.md lists them)'}`,
      });
    }
  }
  // each round drops what failed; every key is optional, so the second round passes
  for (let round = 0; round < 4; round++) {
    const r = SETTINGS.safeParse(input);
    if (r.success) return { config: r.data, problems: inDocumentOrder(obj, problems) };
    for (const iss of r.error.issues) {
      const at = iss.path.map((k) => (typeof k === 'number' ? k : String(k)));
      if (iss.code === 'unrecognized_keys') {
        for (const k of iss.keys) {
          problems.push({ path: [...at, k], message: unknownKeyMessage(at, k) });
          drop(input, [...at, k]);
        }
      } else {
        problems.push({ path: at, message: iss.message });
        if (!at.length) input = {};
        else drop(input, at);
      }
    }
  }
  return { config: {}, problems: inDocumentOrder(obj, problems) };
}

/** Problems in the order their keys appear (the YAML's order, or the settings object's). */
function inDocumentOrder(obj: unknown, problems: { path: Path; message: string }[]): { path: Path; message: string }[] {
  const rank = (path: Path): number[] => {
    const out: number[] = [];
    let cur = obj;
    for (const k of path) {
      const keys = isObject(cur) ? Object.keys(cur) : Array.isArray(cur) ? cur.map((_, i) => String(i)) : [];
      out.push(keys.indexOf(String(k)));
      cur = isObject(cur) ? cur[String(k)] : Array.isArray(cur) ? cur[Number(k)] : undefined;
    }
    return out;
  };
  const ranked = problems.map((p, i) => ({ p, r: rank(p.path), i }));
  ranked.sort((a, b) => {
    for (let j = 0; j < Math.min(a.r.length, b.r.length); j++) if (a.r[j] !== b.r[j]) return a.r[j]! - b.r[j]!;
    return a.r.length - b.r.length || a.i - b.i;
  });
  return ranked.map((x) => x.p);
}

export function mergeConfig(base: ResolvedConfig, c: FsconfConfig, source: 'fsconf.yaml' | 'settings'): ResolvedConfig {
  return {
    rules: { ...base.rules, ...c.rules },
    profiles: {
      internal: c.profiles?.internal ?? base.profiles.internal,
      external: c.profiles?.external ?? base.profiles.external,
    },
    passwords:
      c.passwords && (c.passwords.minimum !== undefined || c.passwords.strength !== undefined)
        ? { minimum: c.passwords.minimum ?? base.passwords.minimum, strength: c.passwords.strength ?? base.passwords.strength, source }
        : base.passwords,
    known: {
      applications: [...base.known.applications, ...(c.known?.applications ?? [])],
      modules: [...base.known.modules, ...(c.known?.modules ?? [])],
    },
    localNet: c.localNet ?? base.localNet,
    freeswitch: c.freeswitch ?? base.freeswitch,
    file: base.file,
  };
}

/** Parse `.fsconf.yaml` text; problems carry positions in that file. */
export function parseConfigYaml(file: string, text: string): { config: FsconfConfig; problems: ConfigProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const problems: ConfigProblem[] = [];
  const at = (offset: number, endOffset: number, message: string): void => {
    const s = lc.linePos(offset);
    const e = lc.linePos(Math.max(endOffset, offset));
    problems.push({ file, message, line: s.line - 1, character: s.col - 1, endLine: e.line - 1, endCharacter: e.col - 1 });
  };
  for (const err of doc.errors) at(err.pos[0], err.pos[1], `.fsconf.yaml is not valid YAML: ${err.message.split('\n')[0]}; the defaults apply`);
  if (doc.errors.length) return { config: {}, problems };
  const { config, problems: vp } = validateConfig(doc.toJS());
  for (const p of vp) {
    const node = p.message.startsWith('unknown key') || p.message.startsWith('unknown rule id') ? undefined : (doc.getIn(p.path, true) as YamlNode | undefined);
    let range = node && (isScalar(node) || isMap(node) || isSeq(node)) ? node.range : undefined;
    if (!range && p.path.length) {
      const parent = doc.getIn(p.path.slice(0, -1), true) as YamlNode | undefined;
      if (parent && isMap(parent)) {
        const pair = parent.items.find((it: { key: unknown }) => isScalar(it.key) && it.key.value === p.path[p.path.length - 1]);
        if (pair && isScalar(pair.key)) range = pair.key.range;
      }
    }
    at(range?.[0] ?? 0, range?.[1] ?? 0, `${p.message}; this setting is ignored`);
  }
  return { config, problems };
}

/** The nearest `.fsconf.yaml` at or above dir. */
export function findConfigFile(fs: FileSystem, dir: string): string | undefined {
  let d = normalize(dir);
  for (let i = 0; i < 64; i++) {
    for (const n of ['.fsconf.yaml', '.fsconf.yml']) {
      const p = joinPath(d, n);
      const st = fs.stat(p);
      if (st && st.isFile) return p;
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return undefined;
}

/** Glob-style name pattern for profile roles (`internal*`). */
export function matchesPattern(name: string, patterns: string[]): boolean {
  return patterns.some((p) =>
    new RegExp(
      '^' +
        p
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.') +
        '$',
      'i',
    ).test(name),
  );
}
