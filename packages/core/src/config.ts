/**
 * `.fsconf.yaml` (at or above the conf root) and editor settings of the same shape.
 * A malformed file is reported as a diagnostic on itself and the defaults apply.
 */
import { parseDocument, isMap, isSeq, isScalar, LineCounter, type Node as YamlNode } from 'yaml';
import type { Severity } from './rules/types.js';
import { dirname, joinPath, normalize, type FileSystem } from './fs.js';
import { KNOWLEDGE_VERSIONS, type FsVersion } from './kb/index.js';
import { ALL_RULES, isRuleId } from './rules/index.js';
import { didYouMean } from './kb/did-you-mean.js';

/** "1.10.12" → "1.10", "v1.11.2" → "1.11", "master"/"main"/"HEAD" → "master"; anything else undefined. */
export function normalizeVersion(v: string): FsVersion | undefined {
  const t = v.trim().toLowerCase().replace(/^v/, '');
  if (t === 'master' || t === 'main' || t === 'head') return 'master';
  const m = /^1\.(1[01])(\.\d+)?$/.exec(t);
  return m ? (`1.${m[1]}` as FsVersion) : undefined;
}
import { parseLocalNet } from './semantics/network-lists.js';

export interface FsconfConfig {
  rules?: Record<string, Severity | 'off'>;
  profiles?: { internal?: string[]; external?: string[] };
  passwords?: { minimum?: number; strength?: number };
  known?: { applications?: string[]; modules?: string[] };
  /** Host address for localnet.auto / nat.auto, "ip/mask" or "ip/bits". */
  localNet?: string;
  /** The FreeSWITCH version the tree runs on; absent: anything 1.10.12 or master has is accepted. */
  freeswitch?: FsVersion;
  /** Editor inlay hints per kind (default all on): `$${}` values, AMR bitrates, read / play_and_get_digits arguments. */
  inlayHints?: { variables?: boolean; bitrates?: boolean; arguments?: boolean };
}

export interface ResolvedConfig {
  rules: Record<string, Severity | 'off'>;
  profiles: { internal: string[]; external: string[] };
  passwords: { minimum: number; strength: number; source: 'default' | 'fsconf.yaml' | 'settings' | 'cti.json'; file?: string };
  known: { applications: string[]; modules: string[] };
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

export const SETTINGS_KEYS = ['rules', 'profiles', 'passwords', 'known', 'localNet', 'freeswitch', 'inlayHints'] as const;

export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    profiles: { internal: ['internal*'], external: ['external*'] },
    passwords: { minimum: 6, strength: 3, source: 'default' },
    known: { applications: [], modules: [] },
    localNet: undefined,
    freeswitch: undefined,
    file: undefined,
  };
}

/** What a rule may be set to in `.fsconf.yaml` or editor settings; the LSP settings schema lists these too. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_SETTINGS);

/** Validate a plain object (from YAML or from editor settings); returns problems with a key path. */
export function validateConfig(obj: unknown): { config: FsconfConfig; problems: { path: (string | number)[]; message: string }[] } {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const config: FsconfConfig = {};
  if (obj === null || obj === undefined) return { config, problems };
  if (typeof obj !== 'object' || Array.isArray(obj)) {
    problems.push({ path: [], message: 'the file must be a mapping of keys (rules, profiles, passwords, known)' });
    return { config, problems };
  }
  const o = obj as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!(SETTINGS_KEYS as readonly string[]).includes(key)) problems.push({ path: [key], message: `unknown key "${key}" (expected one of ${SETTINGS_KEYS.join(', ')})` });
  }
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null || Array.isArray(o.rules)) problems.push({ path: ['rules'], message: 'rules must map a rule id to error, warning, info or off' });
    else {
      config.rules = {};
      for (const [id, sev] of Object.entries(o.rules as Record<string, unknown>)) {
        if (!isRuleId(id)) {
          // still applied (a rule list of one's own may know it), but a typo would otherwise silently do nothing
          const near = didYouMean(id, ALL_RULES.map((r) => r.meta.id));
          problems.push({ path: ['rules', id], message: `unknown rule id "${id}"${near.length ? `: did you mean ${near.join(', ')}?` : ' (RULES.md lists them)'}` });
        }
        if (typeof sev !== 'string' || !SEVERITIES.has(sev)) problems.push({ path: ['rules', id], message: `"${String(sev)}" is not a severity: use error, warning, info or off` });
        else config.rules[id] = sev as Severity | 'off';
      }
    }
  }
  const strList = (v: unknown, path: (string | number)[]): string[] | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    problems.push({ path, message: 'expected a list of strings' });
    return undefined;
  };
  if (o.profiles !== undefined) {
    if (typeof o.profiles !== 'object' || o.profiles === null) problems.push({ path: ['profiles'], message: 'profiles must have internal and/or external name patterns' });
    else {
      const p = o.profiles as Record<string, unknown>;
      config.profiles = {};
      const internal = strList(p.internal, ['profiles', 'internal']);
      const external = strList(p.external, ['profiles', 'external']);
      if (internal) config.profiles.internal = internal;
      if (external) config.profiles.external = external;
      for (const k of Object.keys(p)) if (k !== 'internal' && k !== 'external') problems.push({ path: ['profiles', k], message: `unknown key "${k}" (expected internal or external)` });
    }
  }
  if (o.passwords !== undefined) {
    if (typeof o.passwords !== 'object' || o.passwords === null) problems.push({ path: ['passwords'], message: 'passwords must have minimum and/or strength' });
    else {
      const p = o.passwords as Record<string, unknown>;
      config.passwords = {};
      if (p.minimum !== undefined) {
        if (typeof p.minimum !== 'number' || !Number.isInteger(p.minimum) || p.minimum < 1) problems.push({ path: ['passwords', 'minimum'], message: 'minimum must be an integer ≥ 1' });
        else config.passwords.minimum = p.minimum;
      }
      if (p.strength !== undefined) {
        if (typeof p.strength !== 'number' || !Number.isInteger(p.strength) || p.strength < 0 || p.strength > 4) problems.push({ path: ['passwords', 'strength'], message: 'strength must be an integer 0–4' });
        else config.passwords.strength = p.strength;
      }
    }
  }
  if (o.known !== undefined) {
    if (typeof o.known !== 'object' || o.known === null) problems.push({ path: ['known'], message: 'known must have applications and/or modules' });
    else {
      const k = o.known as Record<string, unknown>;
      config.known = {};
      const apps = strList(k.applications, ['known', 'applications']);
      const mods = strList(k.modules, ['known', 'modules']);
      if (apps) config.known.applications = apps;
      if (mods) config.known.modules = mods;
    }
  }
  if (o.localNet !== undefined) {
    if (typeof o.localNet !== 'string') problems.push({ path: ['localNet'], message: 'localNet must be "ip/mask"' });
    else if (o.localNet.trim() && !parseLocalNet(o.localNet))
      // the same words wherever it is set (.fsconf.yaml, fsconf.localNet, --local-net)
      problems.push({ path: ['localNet'], message: `"${o.localNet}" is not ip/bits or ip/mask (e.g. 192.168.1.10/24): localnet.auto and nat.auto stay unknown` });
    else config.localNet = o.localNet;
  }
  if (o.freeswitch !== undefined) {
    // YAML reads an unquoted 1.10 as the number 1.1: take the number's text back
    const v = typeof o.freeswitch === 'number' ? (o.freeswitch === 1.1 ? '1.10' : String(o.freeswitch)) : o.freeswitch;
    const version = typeof v === 'string' ? normalizeVersion(v) : undefined;
    if (!version) problems.push({ path: ['freeswitch'], message: `freeswitch must be one of ${KNOWLEDGE_VERSIONS.join(', ')} (e.g. "1.10" for 1.10.12)` });
    else config.freeswitch = version;
  }
  if (o.inlayHints !== undefined) {
    if (typeof o.inlayHints !== 'object' || o.inlayHints === null || Array.isArray(o.inlayHints)) problems.push({ path: ['inlayHints'], message: 'inlayHints must map variables, bitrates and arguments to true or false' });
    else {
      config.inlayHints = {};
      for (const [k, v] of Object.entries(o.inlayHints as Record<string, unknown>)) {
        if (k !== 'variables' && k !== 'bitrates' && k !== 'arguments') problems.push({ path: ['inlayHints', k], message: `unknown inlay hint kind "${k}" (variables, bitrates, arguments)` });
        else if (typeof v !== 'boolean') problems.push({ path: ['inlayHints', k], message: `inlayHints.${k} must be true or false` });
        else config.inlayHints[k] = v;
      }
    }
  }
  return { config, problems };
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
  return patterns.some((p) => new RegExp('^' + p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i').test(name));
}
