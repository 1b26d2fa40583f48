// Shapes of the compiled knowledge base (packages/core/kb/**/*.yaml -> data.generated.ts).
// Keep in step with compileKb() in packages/core/scripts/kb-schema.mjs.

/** FreeSWITCH versions the knowledge base describes (`1.10` = 1.10.12, `master` = the development branch). */
export type FsVersion = '1.10' | '1.11' | 'master';

/** How FreeSWITCH reads a value. */
export type ParamType =
  | 'bool' // switch_true(): yes/on/true/t/enabled/active/allow or a non-zero number
  | 'numeric-flag' // atoi(): non-zero = on, words read as 0 = off
  | 'flag' // any non-empty value turns it on
  | 'int'
  | 'float'
  | 'port'
  | 'string'
  | 'password'
  | 'enum'
  | 'list'
  | 'acl'
  | 'ip'
  | 'host'
  | 'url'
  | 'path'
  | 'regex'
  | 'sql'
  | 'dsn'
  | 'codec-list'
  | 'dtmf';

/** How FreeSWITCH compares a param name. */
export type NameMatching = 'case-insensitive' | 'case-sensitive' | 'prefix' | 'prefix-ci';

export interface KbValue {
  readonly value: string;
  readonly doc?: string;
}

export interface ParamEntry {
  readonly name: string;
  /** Section id within the config (e.g. `settings`, `profile`, `producer`). */
  readonly section: string;
  readonly type: ParamType;
  /** Literal default value, when there is one. */
  readonly default?: string;
  /** Default described in words (when it is not a single literal, or needs explaining). */
  readonly defaultNote?: string;
  readonly values?: readonly KbValue[];
  readonly range?: { readonly min?: number; readonly max?: number };
  /** true = may repeat; a number = may repeat up to that many times. */
  readonly repeatable?: boolean | number;
  /** Overrides the section's matching for this name. */
  readonly matching?: NameMatching;
  /** For prefix matching: the literal compared (defaults to the name). */
  readonly matchPrefix?: string;
  /** This name is a synonym of another param of the same section. */
  readonly aliasOf?: string;
  readonly deprecated?: string | true;
  /** Parsed but has no effect. */
  readonly ignored?: string | true;
  readonly security?: boolean;
  /** Links the param to the AMR/AMR-WB mode table of its file. */
  readonly modes?: 'amr' | 'amrwb';
  /** FreeSWITCH source location, e.g. `sofia.c:5566`. */
  readonly source?: string;
  /** The doc was generated from the type, not written by hand. */
  readonly generated?: boolean;
  /** Markdown; the first line is a one-line summary. */
  readonly doc: string;
}

export interface SectionInfo {
  readonly id: string;
  /** XML path below `<configuration>` (or below `<domain>` for the directory). */
  readonly path: string;
  readonly element: 'param' | 'attribute' | 'element';
  readonly matching: NameMatching;
  readonly duplicates?: 'last-wins' | 'first-wins' | 'all-kept';
  /** ignored = silently ignored, warned = FreeSWITCH logs a warning, allowed = any name is legitimate. */
  readonly unknownNames?: 'ignored' | 'warned' | 'allowed';
  /** `_` in names is turned into `-` before matching (mod_conference). */
  readonly underscoreAsDash?: boolean;
  readonly doc: string;
}

export interface AmrMode {
  readonly mode: number;
  readonly kbps: number;
  readonly frameBytes?: number;
  readonly label?: string;
}

export type ParamScope = 'sofia.profile' | 'sofia.gateway' | 'sofia.global' | 'directory' | 'config';

export interface ParamSet {
  /** KB file it came from, e.g. `kb/modules/amr.yaml`. */
  readonly file: string;
  readonly scope: ParamScope;
  /** `<configuration name=...>` value (`sofia.conf`, `amr.conf`), or `directory`. */
  readonly config: string;
  readonly module?: string;
  readonly title: string;
  readonly doc: string;
  readonly notes?: readonly string[];
  readonly modes?: readonly AmrMode[];
  readonly sections: readonly SectionInfo[];
  readonly params: readonly ParamEntry[];
}

export type AppFlag = 'routing-exec' | 'support-nomedia' | 'zombie-exec' | 'media-tap' | 'no-loopback' | 'support-text-only';

export interface AppEntry {
  readonly name: string;
  readonly module: string;
  /** Syntax string as registered ('' when the module registers none). */
  readonly syntax: string;
  readonly flags: readonly AppFlag[];
  readonly source?: string;
  readonly generated?: boolean;
  /** The first FreeSWITCH version without it (absent: every version the KB covers has it). */
  readonly removedIn?: FsVersion;
  readonly doc: string;
}

export interface EventEntry {
  readonly name: string;
  readonly generated?: boolean;
  readonly doc: string;
}

export interface LogLevelEntry {
  readonly name: string;
  /** 0 (console) ... 7 (debug); absent for `all`. */
  readonly number?: number;
  readonly doc: string;
}

export interface PreprocessEntry {
  readonly name: string;
  readonly syntax: string;
  /** Also available as `<!--#name ...-->`. */
  readonly commentForm: boolean;
  /** Runs a shell command at load time. */
  readonly runsCommand: boolean;
  /** fsconf can know the value statically. */
  readonly valueKnown: boolean;
  readonly doc: string;
}

export interface CtiKeyEntry {
  readonly name: string;
  /** Enclosing object key for nested keys (e.g. `register_failure`). */
  readonly parent?: string;
  readonly type: 'int' | 'object' | 'string' | 'bool';
  readonly default?: string;
  readonly range?: { readonly min?: number; readonly max?: number };
  readonly values?: readonly KbValue[];
  readonly doc: string;
}

export interface ModuleEntry {
  readonly name: string;
  /** src/mod/<category>/ */
  readonly category: string;
  /** Config files this module reads that the KB describes. */
  readonly configs?: readonly string[];
  readonly generated?: boolean;
  /** The first FreeSWITCH version without it (absent: every version the KB covers has it). */
  readonly removedIn?: FsVersion;
  readonly doc: string;
}

export interface NonModuleEntry {
  readonly name: string;
  readonly doc: string;
}

export type GlobalTiming = 'pre' | 'post' | 'cond' | 'update' | 'read';

export interface CoreGlobalEntry {
  readonly name: string;
  /** pre = usable as $${name} on the first load; post = only after a reload; cond = may not exist; update = re-set later; read = the core reads it (you set it). */
  readonly timing: readonly GlobalTiming[];
  readonly source?: string;
  readonly generated?: boolean;
  readonly doc: string;
}

export interface CallerProfileFieldEntry {
  readonly name: string;
  readonly valueKind: string;
  readonly source?: string;
  readonly generated?: boolean;
  readonly doc: string;
}

export interface KbData {
  readonly paramSets: readonly ParamSet[];
  readonly applications: readonly AppEntry[];
  readonly events: readonly EventEntry[];
  readonly logLevels: readonly LogLevelEntry[];
  readonly preprocess: readonly PreprocessEntry[];
  readonly cti: { readonly file: string; readonly doc: string; readonly keys: readonly CtiKeyEntry[] };
  readonly modules: readonly ModuleEntry[];
  readonly nonModules: readonly NonModuleEntry[];
  readonly coreGlobals: readonly CoreGlobalEntry[];
  readonly callerProfileFields: readonly CallerProfileFieldEntry[];
}
