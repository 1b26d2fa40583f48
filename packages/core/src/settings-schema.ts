/**
 * The fsconf settings, written out once: `.fsconf.yaml` and the editor's `fsconf.*` share this shape.
 * The types (`FsconfConfig`), the validator's messages (config.ts), the defaults (`SETTING_DEFAULTS`) and
 * the JSON schema editors get (`settingsJsonSchema`: server-lsp's SETTINGS_SCHEMA, from which VS Code's
 * `contributes.configuration` is generated) all come from here. To add a setting: one entry in `SETTINGS`.
 *
 * zod/mini rather than zod: the same checks at 22 KB instead of 454 KB, +5 ms cold start instead of +29 ms
 * (issue 14). zod/mini has no JSON-schema output, so `settingsJsonSchema` walks the few node kinds used here.
 */
import * as z from 'zod/mini';
import { KNOWLEDGE_VERSIONS, type FsVersion } from './kb/index.js';
import { ALL_RULES } from './rules/index.js';
import { parseLocalNet } from './semantics/network-lists.js';

/** What a schema node carries beyond its type. */
interface SettingDoc {
  /** Plain words (any editor's JSON schema). */
  description?: string;
  /** VS Code's wording, Markdown. */
  markdownDescription?: string;
  /** The value when nothing sets it. */
  default?: unknown;
  /** The JSON schema to show instead of the walked one (a shorthand YAML also accepts is not advertised). */
  json?: Record<string, unknown>;
  /** Keys VS Code alone gets (its unset value '' must pass; it checks as you type). */
  vscode?: Record<string, unknown>;
  /** VS Code: one checkbox per sub-key instead of one object setting. */
  flat?: true;
  /** A record's known keys, each a property of its JSON schema (editors complete and explain them). */
  keys?: () => { key: string; description: string }[];
  /** An object's message for a key it does not have (default: `unknown key "x" (expected a or b)`). */
  unknownKey?: (key: string) => string;
}

const SETTING_DOCS = z.registry<SettingDoc>();
function doc<T extends z.ZodMiniType>(schema: T, d: SettingDoc): T {
  SETTING_DOCS.add(schema, d);
  return schema;
}

/** What a rule may be set to in `.fsconf.yaml` or editor settings. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;

const severity = z.enum(SEVERITY_SETTINGS, { error: (iss) => `"${String(iss.input)}" is not a severity: use error, warning, info or off` });

// YAML also takes one string for a list of one; editors are told "a list"
const list = (description: string, dflt: string[]) =>
  doc(
    z.pipe(
      z.union([z.string(), z.array(z.string())], { error: 'expected a list of strings' }),
      z.transform((v: string | string[]) => (typeof v === 'string' ? [v] : v)),
    ),
    { json: { type: 'array', items: { type: 'string' } }, description, default: dflt },
  );

const opt = z.optional;

const rules = doc(z.record(z.string(), severity, { error: 'rules must map a rule id to error, warning, info or off' }), {
  description: 'Rule severities by rule id (error, warning, info or off). .fsconf.yaml wins where both set a rule.',
  markdownDescription:
    'Rule severities by rule id, e.g. `{ "dialplan/unknown-app": "off", "sofia/legacy-tls": "error" }`. Same as `rules:` in `.fsconf.yaml`, which wins where both set a rule.',
  default: {},
  keys: () =>
    [...ALL_RULES]
      .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
      .map((r) => ({ key: r.meta.id, description: `${r.meta.description} (default ${r.meta.severity})` })),
});

const profiles = doc(
  z.strictObject(
    {
      internal: opt(list('Internal profile name patterns.', ['internal*'])),
      external: opt(list('External profile name patterns.', ['external*'])),
    },
    { error: 'profiles must have internal and/or external name patterns' },
  ),
  {
    description: 'Name patterns that make a sofia profile internal or external (defaults internal* and external*).',
    markdownDescription:
      'Name patterns that make a sofia profile *internal* or *external* (defaults `internal*` and `external*`), e.g. `{ "internal": ["lan*"], "external": ["wan*"] }`. Same as `profiles:` in `.fsconf.yaml`.',
  },
);

const passwords = doc(
  z.strictObject(
    {
      minimum: opt(
        doc(z.int({ error: 'minimum must be an integer ≥ 1' }).check(z.gte(1, { error: 'minimum must be an integer ≥ 1' })), {
          description: 'Minimum password length.',
          default: 6,
        }),
      ),
      strength: opt(
        doc(
          z
            .int({ error: 'strength must be an integer 0–4' })
            .check(z.gte(0, { error: 'strength must be an integer 0–4' }), z.lte(4, { error: 'strength must be an integer 0–4' })),
          {
            description: 'Minimum strength score, 0 (anything) to 4 (very strong).',
            default: 3,
          },
        ),
      ),
    },
    { error: 'passwords must have minimum and/or strength' },
  ),
  {
    description: 'Password policy: minimum length (default 6) and strength 0-4 (default 3). A cti.json in the tree wins.',
    markdownDescription:
      'Password policy for directory users and gateways: `minimum` length (default 6) and `strength` 0–4 (default 3). Same as `passwords:` in `.fsconf.yaml`; a `cti.json` in the tree wins.',
  },
);

const known = doc(
  z.strictObject(
    {
      applications: opt(list('Extra dialplan application names.', [])),
      modules: opt(list('Extra module names.', [])),
    },
    { error: 'known must have applications and/or modules' },
  ),
  {
    description: 'Third-party dialplan applications and modules not to report as unknown.',
    markdownDescription:
      'Third-party dialplan `applications` and `modules` fsconf should not report as unknown, e.g. `{ "applications": ["cti_robot"], "modules": ["mod_cti"] }`. Same as `known:` in `.fsconf.yaml`.',
  },
);

const localNet = doc(
  z.string({ error: 'localNet must be "ip/mask"' }).check(
    // the same words wherever it is set (.fsconf.yaml, fsconf.localNet, --local-net); blank means unknown
    z.refine((s: string) => !s.trim() || !!parseLocalNet(s), {
      error: (iss) => `"${String(iss.input)}" is not ip/bits or ip/mask (e.g. 192.168.1.10/24): localnet.auto and nat.auto stay unknown`,
    }),
  ),
  {
    description: 'The switch\'s own address, "ip/bits" or "ip/mask": what localnet.auto and nat.auto are built from. Empty: unknown.',
    markdownDescription:
      "The switch's own address and netmask, `ip/bits` or `ip/mask` (e.g. `192.168.1.10/24`): what the built-in `localnet.auto` and `nat.auto` ACL lists are built from when fsconf evaluates them (*Test an address against an ACL*). Empty: fsconf cannot know them, and the tester answers UNKNOWN for an address they would decide. Same as `localNet:` in `.fsconf.yaml`.",
    vscode: {
      // parseLocalNet as a regular expression, so VS Code checks the value as it is typed (the server checks it again)
      pattern:
        '^$|^\\s*(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}\\s*/\\s*(3[0-2]|[12]?\\d|(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})\\s*$',
      patternErrorMessage: 'Not ip/bits or ip/mask (e.g. 192.168.1.10/24): localnet.auto and nat.auto stay unknown',
    },
  },
);

/** "1.10.12" → "1.10", "v1.11.2" → "1.11", "master"/"main"/"HEAD" → "master"; anything else undefined. */
export function normalizeVersion(v: string): FsVersion | undefined {
  const t = v.trim().toLowerCase().replace(/^v/, '');
  if (t === 'master' || t === 'main' || t === 'head') return 'master';
  const m = /^1\.(1[01])(\.\d+)?$/.exec(t);
  return m ? (`1.${m[1]}` as FsVersion) : undefined;
}

const badVersion = `freeswitch must be one of ${KNOWLEDGE_VERSIONS.join(', ')} (e.g. "1.10" for 1.10.12)`;
const freeswitch = doc(
  z.pipe(
    z.union([z.string(), z.number()], { error: badVersion }),
    z.transform((v: string | number, ctx): FsVersion => {
      // YAML reads an unquoted 1.10 as the number 1.1: take the number's text back
      const version = normalizeVersion(typeof v === 'number' ? (v === 1.1 ? '1.10' : String(v)) : v);
      if (version) return version;
      ctx.issues.push({ code: 'custom', message: badVersion, input: v });
      return z.NEVER;
    }),
  ),
  {
    json: { type: 'string' },
    description: 'The FreeSWITCH version the switch runs: 1.10 (1.10.x), 1.11 or master. Empty: anything either version has is accepted.',
    markdownDescription:
      'The FreeSWITCH version the switch runs (`1.10` for 1.10.x, `1.11`, `master`): modules and applications removed after 1.10 are then reported as missing, or accepted. Empty: anything 1.10.12 or master has is accepted. Same as `freeswitch:` in `.fsconf.yaml`.',
    vscode: { enum: ['', ...KNOWLEDGE_VERSIONS] },
  },
);

const hint = (kind: string, markdownDescription: string) =>
  opt(doc(z.boolean({ error: `inlayHints.${kind} must be true or false` }), { markdownDescription, default: true }));
const inlayHints = doc(
  z.strictObject(
    {
      variables: hint('variables', 'Show the value of each `$${var}` after it, as the pre-processor expands it at that line (secrets masked).'),
      bitrates: hint('bitrates', 'Show the bitrate after an AMR / AMR-WB mode index (`default-bitrate`).'),
      arguments: hint('arguments', 'Name each positional argument of `read` and `play_and_get_digits` (min, max, tries, timeout…).'),
    },
    { error: 'inlayHints must map variables, bitrates and arguments to true or false' },
  ),
  {
    description: 'Inlay hints per kind (default on): $${} values, AMR mode bitrates, read / play_and_get_digits argument names.',
    flat: true,
    unknownKey: (k) => `unknown inlay hint kind "${k}" (variables, bitrates, arguments)`,
  },
);

/** `.fsconf.yaml` and the editor's `fsconf.*`: every key optional, what is set wins over the defaults. */
export const SETTINGS = doc(
  z.strictObject(
    {
      rules: opt(rules),
      profiles: opt(profiles),
      passwords: opt(passwords),
      known: opt(known),
      /** Host address for localnet.auto / nat.auto, "ip/mask" or "ip/bits". */
      localNet: opt(localNet),
      /** The FreeSWITCH version the tree runs on; absent: anything 1.10.12 or master has is accepted. */
      freeswitch: opt(freeswitch),
      /** Editor inlay hints per kind (default all on). */
      inlayHints: opt(inlayHints),
    },
    { error: 'the file must be a mapping of keys (rules, profiles, passwords, known)' },
  ),
  {},
);

export type FsconfConfig = z.output<typeof SETTINGS>;
export type SettingsKey = Extract<keyof typeof SETTINGS.shape, string>;
export const SETTINGS_KEYS = Object.keys(SETTINGS.shape) as SettingsKey[];

// ---- reading the schema (zod/mini keeps its definitions in `_zod.def`) ----

type Node = z.ZodMiniType;
interface Def {
  type: string;
  innerType?: Node;
  in?: Node;
  out?: Node;
  shape?: Record<string, Node>;
  valueType?: Node;
  element?: Node;
  entries?: Record<string, string>;
  format?: string;
  checks?: { _zod: { def: { check: string; value?: number; inclusive?: boolean } } }[];
}
const defOf = (n: Node): Def => (n as unknown as { _zod: { def: Def } })._zod.def;
/** Past `optional` and `pipe` wrappers, with the doc of whichever carries one. */
function unwrap(n: Node): { node: Node; doc: SettingDoc } {
  let d: SettingDoc = {};
  for (;;) {
    d = { ...SETTING_DOCS.get(n), ...d };
    const def = defOf(n);
    if (def.type === 'optional' && def.innerType) n = def.innerType;
    else if (def.type === 'pipe' && def.in && defOf(def.in).type !== 'transform') n = def.in;
    else return { node: n, doc: d };
  }
}

/** The schema node at a key path (for the message about a key an object does not have). */
function settingAt(path: readonly PropertyKey[]): { node: Node; doc: SettingDoc } | undefined {
  let cur = unwrap(SETTINGS);
  for (const k of path) {
    const def = defOf(cur.node);
    const next = def.type === 'object' ? def.shape![String(k)] : def.type === 'record' ? def.valueType : def.type === 'array' ? def.element : undefined;
    if (!next) return undefined;
    cur = unwrap(next);
  }
  return cur;
}

/** The message for a key an object at `path` does not have. */
export function unknownKeyMessage(path: readonly PropertyKey[], key: string): string {
  const at = settingAt(path);
  if (at?.doc.unknownKey) return at.doc.unknownKey(key);
  const keys = Object.keys(at ? (defOf(at.node).shape ?? {}) : {});
  const expected = keys.length <= 2 ? keys.join(' or ') : `one of ${keys.join(', ')}`;
  return `unknown key "${key}" (expected ${expected})`;
}

export type JsonSchema = { [k: string]: unknown; properties?: Record<string, JsonSchema> };

/** A JSON schema of the node kinds used above; docs become description / markdownDescription / x-vscode. */
function toJson(n: Node): JsonSchema {
  const { node, doc: d } = unwrap(n);
  const def = defOf(node);
  let out: JsonSchema;
  if (d.json) out = { ...d.json };
  else if (def.type === 'object') {
    out = { type: 'object', properties: Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, toJson(v)])), additionalProperties: false };
  } else if (def.type === 'record') {
    const value = toJson(def.valueType!);
    out = {
      type: 'object',
      ...(d.keys ? { properties: Object.fromEntries(d.keys().map((k) => [k.key, { ...value, description: k.description }])) } : {}),
      additionalProperties: value,
    };
  } else if (def.type === 'enum') out = { type: 'string', enum: Object.values(def.entries!) };
  else if (def.type === 'array') out = { type: 'array', items: toJson(def.element!) };
  else if (def.type === 'number') {
    out = { type: def.format === 'safeint' ? 'integer' : 'number' };
    for (const c of def.checks ?? []) {
      if (c._zod.def.check === 'greater_than' && c._zod.def.inclusive) out.minimum = c._zod.def.value;
      if (c._zod.def.check === 'less_than' && c._zod.def.inclusive) out.maximum = c._zod.def.value;
    }
  } else if (def.type === 'string' || def.type === 'boolean') out = { type: def.type };
  else throw new Error(`settingsJsonSchema: no JSON schema for a ${def.type} node (add it, or give the node a json doc)`);
  // properties and additionalProperties stay last: the words read before the sub-keys
  const { properties, additionalProperties, ...head } = out;
  return {
    ...head,
    ...(d.description ? { description: d.description } : {}),
    ...(d.markdownDescription ? { markdownDescription: d.markdownDescription } : {}),
    ...(d.vscode ? { 'x-vscode': d.vscode } : {}),
    ...(d.flat ? { 'x-vscode-flat': true } : {}),
    ...(properties ? { properties } : {}),
    ...(additionalProperties !== undefined ? { additionalProperties } : {}),
  };
}

/**
 * The settings as a JSON schema: what the server reads (server-lsp's SETTINGS_SCHEMA). `x-vscode` holds keys
 * for VS Code's manifest only, `x-vscode-flat` an object VS Code shows as one checkbox per key.
 */
export function settingsJsonSchema(): JsonSchema & { properties: Record<string, JsonSchema> } {
  return toJson(SETTINGS) as JsonSchema & { properties: Record<string, JsonSchema> };
}

/** The `default` docs of a node, as a value (objects: their keys' defaults). */
function defaultsOf(n: Node): unknown {
  const { node, doc: d } = unwrap(n);
  if ('default' in d) return d.default;
  const def = defOf(node);
  if (def.type !== 'object') return undefined;
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(def.shape!)) {
    const dv = defaultsOf(v);
    if (dv !== undefined) o[k] = dv;
  }
  return Object.keys(o).length ? o : undefined;
}

/** Every default the schema declares (what applies when neither `.fsconf.yaml` nor the editor sets a key). */
export const SETTING_DEFAULTS = defaultsOf(SETTINGS) as SettingDefaults;
/** The settings that have defaults, every sub-key present. */
export type SettingDefaults = { [K in 'rules' | 'profiles' | 'passwords' | 'known' | 'inlayHints']-?: Complete<NonNullable<FsconfConfig[K]>> };
type Complete<T> = T extends unknown[] ? T : T extends object ? { [K in keyof T]-?: NonNullable<T[K]> } : T;
