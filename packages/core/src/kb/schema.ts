/**
 * The knowledge base's YAML (packages/core/kb/**\/*.yaml), written out once as zod/mini schemas: what each
 * kind of file may hold, the messages a malformed file gets, and, through the transforms, the shape of
 * the compiled data, whose TypeScript types (types.ts) are these schemas' outputs.
 * scripts/kb-schema.mjs loads this file through esbuild (the KB is compiled before TypeScript is) and adds
 * the checks across entries (duplicates, sections, aliases). Nothing at run time imports it.
 */
import * as z from 'zod/mini';

export const PARAM_TYPES = [
  'bool', // switch_true(): yes/on/true/t/enabled/active/allow or a non-zero number; anything else is false
  'numeric-flag', // read with atoi(): non-zero = on; words (true/yes) read as 0 = off
  'flag', // any non-empty value turns it on (even "false")
  'int',
  'float',
  'port',
  'string',
  'password',
  'enum',
  'list', // comma-separated list
  'acl', // ACL list name (or inline CIDR where allowed)
  'ip',
  'host',
  'url',
  'path',
  'regex',
  'sql',
  'dsn',
  'codec-list',
  'dtmf',
] as const;
// FreeSWITCH versions the knowledge base describes, oldest first: `removedIn` names the first one
// without the module or application (v1.11.0 is the first tag without the modules removed in 2024-12).
export const FS_VERSIONS = ['1.10', '1.11', 'master'] as const;
export const MATCHING = [
  'case-insensitive', // strcasecmp
  'case-sensitive', // strcmp
  'prefix', // strncmp(name, literal, strlen(literal)): any name starting with the literal, case-sensitive; first in list order wins
  'prefix-ci', // strncasecmp prefix
] as const;
const ELEMENTS = ['param', 'attribute', 'element'] as const;
const DUPLICATES = ['last-wins', 'first-wins', 'all-kept'] as const;
const UNKNOWN = ['ignored', 'warned', 'allowed'] as const; // allowed = any name is legitimate (e.g. user <variables>)
const SCOPES = ['sofia.profile', 'sofia.gateway', 'sofia.global', 'directory', 'config'] as const;
const APP_FLAGS = [
  'routing-exec', // SAF_ROUTING_EXEC: may run inline="true" while the dialplan is hunting
  'support-nomedia', // SAF_SUPPORT_NOMEDIA
  'zombie-exec', // SAF_ZOMBIE_EXEC: may run after hangup
  'media-tap', // SAF_MEDIA_TAP
  'no-loopback', // SAF_NO_LOOPBACK
  'support-text-only', // SAF_SUPPORT_TEXT_ONLY
] as const;
const GLOBAL_TIMINGS = ['pre', 'post', 'cond', 'update', 'read'] as const;
const CTI_TYPES = ['int', 'object', 'string', 'bool'] as const;
export const KINDS = ['params', 'applications', 'events', 'loglevels', 'preprocess', 'cti', 'modules', 'core-globals', 'caller-profile-fields'] as const;

// ---- field types, each with the message a wrong value gets (a missing required one: "is required") ----

type Say = string | ((v: unknown) => string);
const say =
  (m: Say) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined ? 'is required' : typeof m === 'string' ? m : m(iss.input);
const isNonEmptyStr = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A value the old-style check function accepts (it returns the problem, or undefined). */
const checked = <T>(check: (v: unknown) => string | undefined) => z.custom<T>((v) => check(v) === undefined, { error: say((v) => check(v) ?? '') });

const trimDoc = (d: string): string => d.replace(/\s+$/, '').replace(/^\s+/, '');
const nonEmpty = () => z.string({ error: say('must be a non-empty string') }).check(z.refine(isNonEmptyStr, { error: 'must be a non-empty string' }));
const str = () => z.string({ error: say((v) => `expected a string, got ${typeof v}`) });
const bool = () => z.boolean({ error: say('expected true or false') });
const int = () => z.int({ error: say('expected an integer') });
const oneOf = <const T extends readonly [string, ...string[]]>(list: T) =>
  z.enum(list, { error: say((v) => `must be one of: ${list.join(', ')} (got ${JSON.stringify(v)})`) });
/** Absent in the compiled data unless true (or non-empty). */
const onlyIfSet = <T extends z.ZodMiniType<boolean | string>>(s: T) =>
  z.optional(
    z.pipe(
      s,
      z.transform((v: z.output<T>): z.output<T> | undefined => v || undefined),
    ),
  );
const opt = z.optional;

const doc = () =>
  z.pipe(
    checked<string>((v) => {
      if (!isNonEmptyStr(v)) return 'doc must be a non-empty string';
      const first = v.trim().split('\n')[0]!;
      return first.length > 160 ? `first line of doc is ${first.length} chars; keep it under 160 (details go below)` : undefined;
    }),
    z.transform(trimDoc),
  );
/** A literal default, compiled to its text. */
const scalarDefault = () =>
  z.pipe(
    checked<string | number | boolean>((v) =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? undefined : 'expected a scalar (string/number/bool)',
    ),
    z.transform((v: string | number | boolean) => String(v)),
  );
const strList = () => checked<string[]>((v) => (Array.isArray(v) && v.every(isNonEmptyStr) ? undefined : 'expected a list of non-empty strings'));
const strOrTrue = () => checked<string | true>((v) => (v === true || isNonEmptyStr(v) ? undefined : 'expected true or a non-empty string'));
const range = () =>
  checked<{ min?: number; max?: number }>((v) => {
    if (!isObj(v)) return 'expected {min, max}';
    for (const k of Object.keys(v)) if (k !== 'min' && k !== 'max') return `unknown key ${k} (min/max only)`;
    if (v.min !== undefined && typeof v.min !== 'number') return 'min must be a number';
    if (v.max !== undefined && typeof v.max !== 'number') return 'max must be a number';
    if (typeof v.min === 'number' && typeof v.max === 'number' && v.min > v.max) return 'min > max';
    return undefined;
  });
/** Allowed values: a scalar, or {value, doc}; compiled to {value, doc?}. */
const values = () =>
  z.pipe(
    checked<(string | number | boolean | { value: string | number; doc?: string })[]>((v) => {
      if (!Array.isArray(v)) return 'expected a list';
      for (const [i, item] of v.entries()) {
        if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') continue;
        if (isObj(item) && (typeof item.value === 'string' || typeof item.value === 'number') && (item.doc === undefined || typeof item.doc === 'string')) {
          const extra = Object.keys(item).filter((k) => k !== 'value' && k !== 'doc');
          if (extra.length) return `values[${i}] has unknown field(s) ${extra.join(', ')}`;
          continue;
        }
        return `values[${i}] must be a string or {value, doc}`;
      }
      return undefined;
    }),
    z.transform((list) =>
      list.map((v): { value: string; doc?: string } =>
        isObj(v) ? { value: String(v.value), ...(v.doc ? { doc: trimDoc(v.doc) } : {}) } : { value: String(v) },
      ),
    ),
  );
/** An entry or file: unknown fields are errors, so typos in YAML keys are caught. */
const entry = <S extends Record<string, z.ZodMiniType>>(shape: S) =>
  z.strictObject(shape, { error: say((v) => `expected a mapping, got ${Array.isArray(v) ? 'a list' : typeof v}`) });
const list = <T extends z.ZodMiniType>(item: T, error: string | ((iss: { input?: unknown }) => string) = 'expected a list') => z.array(item, { error });

// ---- entries ----

const SECTION = entry({
  id: nonEmpty(),
  /** XML path below `<configuration>` (or below `<domain>` for the directory). */
  path: nonEmpty(),
  element: oneOf(ELEMENTS),
  matching: oneOf(MATCHING),
  duplicates: opt(oneOf(DUPLICATES)),
  /** ignored = silently ignored, warned = FreeSWITCH logs a warning, allowed = any name is legitimate. */
  unknownNames: opt(oneOf(UNKNOWN)),
  /** `_` in names is turned into `-` before matching (mod_conference). */
  underscoreAsDash: onlyIfSet(bool()),
  doc: doc(),
});

const PARAM = entry({
  name: nonEmpty(),
  /** Section id within the config (e.g. `settings`, `profile`, `producer`); compiled: always set. */
  section: opt(nonEmpty()),
  type: oneOf(PARAM_TYPES),
  /** Literal default value, when there is one. */
  default: opt(scalarDefault()),
  /** Default described in words (when it is not a single literal, or needs explaining). */
  defaultNote: opt(nonEmpty()),
  values: opt(values()),
  range: opt(range()),
  /** true = may repeat; a number = may repeat up to that many times. */
  repeatable: opt(
    checked<boolean | number>((v) =>
      typeof v === 'boolean' || (Number.isInteger(v) && (v as number) > 0) ? undefined : 'expected true/false or a positive integer',
    ),
  ),
  /** Overrides the section's matching for this name. */
  matching: opt(oneOf(MATCHING)),
  /** For prefix matching: the literal compared (defaults to the name). */
  matchPrefix: opt(nonEmpty()),
  /** This name is a synonym of another param of the same section. */
  aliasOf: opt(nonEmpty()),
  deprecated: opt(strOrTrue()),
  /** Parsed but has no effect. */
  ignored: opt(strOrTrue()),
  security: onlyIfSet(bool()),
  /** Links the param to the AMR/AMR-WB mode table of its file. */
  modes: opt(oneOf(['amr', 'amrwb'])),
  /** FreeSWITCH source location, e.g. `sofia.c:5566`. */
  source: onlyIfSet(str()),
  /** The doc was generated from the type, not written by hand. */
  generated: onlyIfSet(bool()),
  /** Markdown; the first line is a one-line summary. */
  doc: doc(),
});

const MODE = entry({ mode: int(), kbps: z.number({ error: say('expected a number') }), frameBytes: opt(int()), label: opt(nonEmpty()) });

const APP = entry({
  name: nonEmpty(),
  module: nonEmpty(),
  /** Syntax string as registered ('' when the module registers none). */
  syntax: str(),
  flags: checked<(typeof APP_FLAGS)[number][]>((v) =>
    Array.isArray(v) && v.every((f) => (APP_FLAGS as readonly unknown[]).includes(f)) ? undefined : `expected a list of: ${APP_FLAGS.join(', ')}`,
  ),
  source: onlyIfSet(str()),
  generated: onlyIfSet(bool()),
  /** The first FreeSWITCH version without it (absent: every version the KB covers has it). */
  removedIn: opt(oneOf(['1.11', 'master'])),
  /** Other modules that register the same name on some version the KB covers (mod_python's `python` in 1.10). */
  alsoModules: opt(strList()),
  doc: doc(),
});

const EVENT = entry({
  name: checked<string>((v) => (typeof v === 'string' && /^[A-Z][A-Z0-9_]*$/.test(v) ? undefined : 'must be an upper-case event name without prefix')),
  generated: onlyIfSet(bool()),
  doc: doc(),
});

const LEVEL = entry({
  name: nonEmpty(),
  /** 0 (console) ... 7 (debug); absent for `all`. */
  number: opt(checked<number>((v) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 7 ? undefined : 'expected an integer 0-7'))),
  doc: doc(),
});

const PREPROCESS = entry({
  name: nonEmpty(),
  syntax: nonEmpty(),
  /** Also available as `<!--#name ...-->`. */
  commentForm: bool(),
  /** Runs a shell command at load time. */
  runsCommand: bool(),
  /** fsconf can know the value statically. */
  valueKnown: bool(),
  doc: doc(),
});

const CTI_KEY = entry({
  name: nonEmpty(),
  /** Enclosing object key for nested keys (e.g. `register_failure`). */
  parent: opt(nonEmpty()),
  type: oneOf(CTI_TYPES),
  default: opt(scalarDefault()),
  range: opt(range()),
  values: opt(values()),
  doc: doc(),
});

const MODULE = entry({
  name: checked<string>((v) => (typeof v === 'string' && /^mod_[a-z0-9_]+$/.test(v) ? undefined : 'must look like mod_xxx')),
  /** src/mod/<category>/ */
  category: nonEmpty(),
  /** Config files this module reads that the KB describes. */
  configs: opt(strList()),
  generated: onlyIfSet(bool()),
  /** The first FreeSWITCH version without it (absent: every version the KB covers has it). */
  removedIn: opt(oneOf(['1.11', 'master'])),
  doc: doc(),
});

const NON_MODULE = entry({ name: nonEmpty(), doc: doc() });

const GLOBAL = entry({
  name: nonEmpty(),
  /** pre = usable as $${name} on the first load; post = only after a reload; cond = may not exist; update = re-set later; read = the core reads it (you set it). */
  timing: checked<(typeof GLOBAL_TIMINGS)[number][]>((v) =>
    Array.isArray(v) && v.length > 0 && v.every((t) => (GLOBAL_TIMINGS as readonly unknown[]).includes(t))
      ? undefined
      : `expected a non-empty list of: ${GLOBAL_TIMINGS.join(', ')}`,
  ),
  source: onlyIfSet(str()),
  generated: onlyIfSet(bool()),
  doc: doc(),
});

const FIELD = entry({ name: nonEmpty(), valueKind: nonEmpty(), source: onlyIfSet(str()), generated: onlyIfSet(bool()), doc: doc() });

// ---- files, by kind ----

const kind = <K extends (typeof KINDS)[number]>(k: K) => z.literal(k);

/** A file of one kind; `top` says the old wording for an unknown top-level field ("top-level" for lists). */
export const KB_FILES = {
  params: entry({
    kind: kind('params'),
    scope: oneOf(SCOPES),
    /** `<configuration name=...>` value (`sofia.conf`, `amr.conf`), or `directory`. */
    config: nonEmpty(),
    module: opt(nonEmpty()),
    title: nonEmpty(),
    doc: doc(),
    notes: opt(strList()),
    // in a params file, as in an entry, a missing list "is required" (a list file says "expected a list")
    modes: opt(list(MODE, say('expected a list'))),
    sections: list(SECTION, say('expected a non-empty list')).check(z.minLength(1, { error: 'expected a non-empty list' })),
    params: list(PARAM, say('expected a list')),
  }),
  applications: entry({ kind: kind('applications'), applications: list(APP) }),
  events: entry({ kind: kind('events'), events: list(EVENT) }),
  loglevels: entry({ kind: kind('loglevels'), levels: list(LEVEL) }),
  preprocess: entry({ kind: kind('preprocess'), commands: list(PREPROCESS) }),
  cti: entry({ kind: kind('cti'), file: checked<string>((v) => (isNonEmptyStr(v) ? undefined : 'is required')), doc: doc(), keys: list(CTI_KEY) }),
  modules: entry({ kind: kind('modules'), modules: list(MODULE), nonModules: opt(list(NON_MODULE)) }),
  'core-globals': entry({ kind: kind('core-globals'), globals: list(GLOBAL) }),
  'caller-profile-fields': entry({ kind: kind('caller-profile-fields'), fields: list(FIELD) }),
} as const;

// ---- the compiled data's types: the schemas' outputs ----

type Out<T extends z.ZodMiniType> = DeepReadonly<z.output<T>>;
type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

export type FsVersion = (typeof FS_VERSIONS)[number];
export type ParamType = (typeof PARAM_TYPES)[number];
export type NameMatching = (typeof MATCHING)[number];
export type ParamScope = (typeof SCOPES)[number];
export type AppFlag = (typeof APP_FLAGS)[number];
export type GlobalTiming = (typeof GLOBAL_TIMINGS)[number];
export type KbValue = Out<ReturnType<typeof values>>[number];
export type ParamEntry = Out<typeof PARAM> & { readonly section: string };
export type SectionInfo = Out<typeof SECTION>;
export type AmrMode = Out<typeof MODE>;
/** One params file; `file` is the KB file it came from, e.g. `kb/modules/amr.yaml`. */
export type ParamSet = { readonly file: string } & Omit<Out<(typeof KB_FILES)['params']>, 'kind' | 'params'> & { readonly params: readonly ParamEntry[] };
export type AppEntry = Out<typeof APP>;
export type EventEntry = Out<typeof EVENT>;
export type LogLevelEntry = Out<typeof LEVEL>;
export type PreprocessEntry = Out<typeof PREPROCESS>;
export type CtiKeyEntry = Out<typeof CTI_KEY>;
export type ModuleEntry = Out<typeof MODULE>;
export type NonModuleEntry = Out<typeof NON_MODULE>;
export type CoreGlobalEntry = Out<typeof GLOBAL>;
export type CallerProfileFieldEntry = Out<typeof FIELD>;
