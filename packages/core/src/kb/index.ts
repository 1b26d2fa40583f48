// Typed lookups and markdown renderers over the compiled knowledge base.
// The data is a single JSON.parse() at import; every index is built lazily on first use.

import { KB } from './data.generated.js';
import type {
  AmrMode,
  AppEntry,
  CallerProfileFieldEntry,
  CoreGlobalEntry,
  CtiKeyEntry,
  EventEntry,
  FsVersion,
  KbData,
  LogLevelEntry,
  ModuleEntry,
  NameMatching,
  NonModuleEntry,
  ParamEntry,
  ParamSet,
  PreprocessEntry,
  SectionInfo,
} from './types.js';

export type * from './types.js';
export { damerauLevenshtein, defaultMaxDistance, didYouMean as kbDidYouMean, type DidYouMeanOptions } from './suggest.js';

/** The raw compiled data (read-only). */
export const kbData: KbData = KB;

// ---------------------------------------------------------------------------------------------
// params

interface SectionIndex {
  readonly set: ParamSet;
  readonly info: SectionInfo;
  readonly params: readonly ParamEntry[];
  readonly exact: Map<string, ParamEntry>;
  readonly folded: Map<string, ParamEntry>;
  readonly prefixes: readonly ParamEntry[];
}

interface ConfigIndex {
  readonly name: string;
  readonly sets: ParamSet[];
  readonly sections: Map<string, SectionIndex>;
}

let configIndex: Map<string, ConfigIndex> | undefined;
let setOfParam: WeakMap<ParamEntry, { set: ParamSet; info: SectionInfo }> | undefined;

const normConfig = (name: string): string => {
  let n = name.trim().toLowerCase();
  if (n.endsWith('.xml')) n = n.slice(0, -4);
  if (n !== 'directory' && !n.endsWith('.conf')) n += '.conf';
  return n;
};

const matchingOf = (p: ParamEntry, info: SectionInfo): NameMatching => p.matching ?? info.matching;

function buildConfigIndex(): Map<string, ConfigIndex> {
  const map = new Map<string, ConfigIndex>();
  setOfParam = new WeakMap();
  for (const set of KB.paramSets) {
    const key = normConfig(set.config);
    let ci = map.get(key);
    if (!ci) map.set(key, (ci = { name: set.config, sets: [], sections: new Map() }));
    ci.sets.push(set);
    for (const info of set.sections) {
      const params = set.params.filter((p) => p.section === info.id);
      const exact = new Map<string, ParamEntry>();
      const folded = new Map<string, ParamEntry>();
      const prefixes: ParamEntry[] = [];
      for (const p of params) {
        setOfParam.set(p, { set, info });
        const m = matchingOf(p, info);
        const name = info.underscoreAsDash ? p.name.replace(/_/g, '-') : p.name;
        if (!exact.has(name)) exact.set(name, p);
        if (m === 'case-insensitive' || m === 'prefix-ci') {
          const f = name.toLowerCase();
          if (!folded.has(f)) folded.set(f, p);
        }
        if (m === 'prefix' || m === 'prefix-ci') prefixes.push(p);
      }
      ci.sections.set(info.id, { set, info, params, exact, folded, prefixes });
    }
  }
  return map;
}

function configs(): Map<string, ConfigIndex> {
  return (configIndex ??= buildConfigIndex());
}

/** How a name was matched by {@link configParamMatch}. */
export type ParamMatchKind = 'exact' | 'case-folded' | 'prefix';

export interface ParamMatch {
  readonly entry: ParamEntry;
  readonly how: ParamMatchKind;
  readonly section: SectionInfo;
  readonly set: ParamSet;
}

function lookupIn(sec: SectionIndex, rawName: string): ParamMatch | undefined {
  const name = sec.info.underscoreAsDash ? rawName.replace(/_/g, '-') : rawName;
  const base = { section: sec.info, set: sec.set };
  const hit = sec.exact.get(name);
  if (hit) return { entry: hit, how: 'exact', ...base };
  const folded = sec.folded.get(name.toLowerCase());
  if (folded) return { entry: folded, how: 'case-folded', ...base };
  const lower = name.toLowerCase();
  for (const p of sec.prefixes) {
    const literal = p.matchPrefix ?? p.name.replace(/\*$/, '');
    const ci = matchingOf(p, sec.info) === 'prefix-ci';
    if (ci ? lower.startsWith(literal.toLowerCase()) : name.startsWith(literal)) return { entry: p, how: 'prefix', ...base };
  }
  return undefined;
}

/**
 * Look a param name up the way the owning module compares it (case-sensitive, case-insensitive or
 * by prefix, `_`→`-` for mod_conference). Exact spellings win over prefix matches.
 */
export function configParamMatch(configName: string, section: string, name: string): ParamMatch | undefined {
  const sec = configs().get(normConfig(configName))?.sections.get(section);
  return sec ? lookupIn(sec, name) : undefined;
}

/** A param of `<configuration name=configName>` in `section`, matched as the module matches it. */
export function configParam(configName: string, section: string, name: string): ParamEntry | undefined {
  return configParamMatch(configName, section, name)?.entry;
}

/** All params of a config (optionally only one section), in source order. */
export function configParams(configName: string, section?: string): readonly ParamEntry[] {
  const ci = configs().get(normConfig(configName));
  if (!ci) return [];
  if (section !== undefined) return ci.sections.get(section)?.params ?? [];
  return ci.sets.flatMap((s) => s.params);
}

/** Sections of a config (`settings`, `profile`, `producer` ...). */
export function configSections(configName: string): readonly SectionInfo[] {
  const ci = configs().get(normConfig(configName));
  return ci ? [...ci.sections.values()].map((s) => s.info) : [];
}

/** The param files describing a config (sofia.conf has three: profile, gateway, global). */
export function configInfo(configName: string): readonly ParamSet[] {
  return configs().get(normConfig(configName))?.sets ?? [];
}

/** `<configuration name=...>` values the KB knows (plus `directory`). */
export function knownConfigs(): readonly string[] {
  return [...configs().values()].map((c) => c.name);
}

/** The set and section an entry belongs to. */
export function paramOwner(entry: ParamEntry): { set: ParamSet; section: SectionInfo } | undefined {
  configs();
  const o = setOfParam!.get(entry);
  return o ? { set: o.set, section: o.info } : undefined;
}

/** mod_sofia profile `<settings>` param (case-insensitive, as mod_sofia compares). */
export function sofiaProfileParam(name: string): ParamEntry | undefined {
  return configParam('sofia.conf', 'settings', name);
}

/** mod_sofia `<gateway>` param (case-sensitive, as mod_sofia compares). */
export function sofiaGatewayParam(name: string): ParamEntry | undefined {
  return configParam('sofia.conf', 'gateway', name);
}

/** mod_sofia `<gateway><subscriptions><subscription>` param (case-sensitive). */
export function sofiaGatewaySubscriptionParam(name: string): ParamEntry | undefined {
  return configParam('sofia.conf', 'subscription', name);
}

/** sofia.conf `<global_settings>` param (case-insensitive). */
export function sofiaGlobalParam(name: string): ParamEntry | undefined {
  return configParam('sofia.conf', 'global_settings', name);
}

export type DirectorySection = 'params' | 'variables' | 'attributes';

/** Directory user param (default), variable or `<user>` attribute. */
export function directoryParam(name: string, section: DirectorySection = 'params'): ParamEntry | undefined {
  return configParam('directory', section, name);
}

// ---------------------------------------------------------------------------------------------
// AMR modes

/** The mode table of mod_amr (0-7) or mod_amrwb (0-8). */
export function amrModes(codec: 'amr' | 'amrwb'): readonly AmrMode[] {
  return configInfo(codec === 'amr' ? 'amr.conf' : 'amrwb.conf')[0]?.modes ?? [];
}

/**
 * If `value` reads as a bitrate of the codec (`12200`, `12.2`, `23.85`, `23850`, `12.2k`), the mode
 * with that rate. Plain mode indexes are not bitrates: `7` returns undefined.
 */
export function bitrateToMode(codec: 'amr' | 'amrwb', value: string): AmrMode | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kbps|kbit\/s|bps)?\s*$/i.exec(value);
  if (!m) return undefined;
  let n = Number(m[1]);
  const unit = m[2]?.toLowerCase();
  if (unit === 'bps' || (!unit && n >= 1000)) n /= 1000;
  else if (!unit && Number.isInteger(n) && n < 100) return undefined; // a mode index, or atoi garbage
  return amrModes(codec).find((mode) => Math.abs(mode.kbps - n) < 0.006);
}

// ---------------------------------------------------------------------------------------------
// applications, events, log levels, preprocess, cti, modules, globals, caller-profile fields

let appIndex: Map<string, AppEntry> | undefined;
/** Dialplan application by name (FreeSWITCH's application table ignores case). */
export function application(name: string): AppEntry | undefined {
  appIndex ??= new Map(KB.applications.map((a) => [a.name.toLowerCase(), a]));
  return appIndex.get(name.toLowerCase());
}
export function allApplications(): readonly AppEntry[] {
  return KB.applications;
}

let eventIndex: Map<string, EventEntry> | undefined;
/** Event by name, with or without the `SWITCH_EVENT_` prefix, any case. */
export function event(name: string): EventEntry | undefined {
  eventIndex ??= new Map(KB.events.map((e) => [e.name, e]));
  let n = name.trim().toUpperCase();
  if (n.startsWith('SWITCH_EVENT_')) n = n.slice('SWITCH_EVENT_'.length);
  return eventIndex.get(n);
}
export function allEvents(): readonly EventEntry[] {
  return KB.events;
}

/** Log level by name (any case) or number 0-7. `all` is only valid in level lists. */
export function logLevel(name: string): LogLevelEntry | undefined {
  const n = name.trim().toLowerCase();
  if (/^[0-7]$/.test(n)) return KB.logLevels.find((l) => l.number === Number(n));
  return KB.logLevels.find((l) => l.name === n);
}
export function allLogLevels(): readonly LogLevelEntry[] {
  return KB.logLevels;
}

/** X-PRE-PROCESS `cmd` (compared case-insensitively, as FreeSWITCH does). */
export function preprocessCmd(name: string): PreprocessEntry | undefined {
  const n = name.trim().toLowerCase();
  return KB.preprocess.find((c) => c.name === n);
}
export function allPreprocessCmds(): readonly PreprocessEntry[] {
  return KB.preprocess;
}

/**
 * cti.json key: `ctiKey('password_minimum')`, `ctiKey('findtime', 'register_failure')` or the
 * dotted form `ctiKey('register_failure.findtime')`. Keys are case-sensitive JSON keys.
 */
export function ctiKey(name: string, parent?: string): CtiKeyEntry | undefined {
  let p = parent;
  let n = name;
  if (p === undefined && n.includes('.')) [p, n] = [n.slice(0, n.indexOf('.')), n.slice(n.indexOf('.') + 1)];
  return KB.cti.keys.find((k) => k.name === n && k.parent === p);
}
/** cti.json keys at the top level (no argument) or inside an object key. */
export function ctiKeys(parent?: string): readonly CtiKeyEntry[] {
  return KB.cti.keys.filter((k) => k.parent === parent);
}

let moduleIndex: Map<string, ModuleEntry> | undefined;
/** FreeSWITCH module by name (`mod_sofia`). There is no `mod_acl`: see {@link nonModule}. */
export function module(name: string): ModuleEntry | undefined {
  moduleIndex ??= new Map(KB.modules.map((m) => [m.name, m]));
  return moduleIndex.get(name.trim());
}
export function allModules(): readonly ModuleEntry[] {
  return KB.modules;
}
/** Names people use that are not modules (e.g. `mod_acl`), with the explanation. */
export function nonModule(name: string): NonModuleEntry | undefined {
  return KB.nonModules.find((m) => m.name === name.trim());
}

/** Global variable the core sets or reads (exact name first, then ignoring case). */
export function coreGlobal(name: string): CoreGlobalEntry | undefined {
  return KB.coreGlobals.find((g) => g.name === name) ?? KB.coreGlobals.find((g) => g.name.toLowerCase() === name.toLowerCase());
}
export function allCoreGlobals(): readonly CoreGlobalEntry[] {
  return KB.coreGlobals;
}

/** Caller-profile field usable as `<condition field=...>` without `$` (case-insensitive). */
export function callerProfileField(name: string): CallerProfileFieldEntry | undefined {
  const n = name.toLowerCase();
  return KB.callerProfileFields.find((f) => f.name.toLowerCase() === n);
}
export function allCallerProfileFields(): readonly CallerProfileFieldEntry[] {
  return KB.callerProfileFields;
}

// ---------------------------------------------------------------------------------------------
// markdown renderers

/** Inline code that survives backticks inside the text. */
export function mdCode(text: string): string {
  const runs = text.match(/`+/g);
  const fence = '`'.repeat(runs ? Math.max(...runs.map((r) => r.length)) + 1 : 1);
  const pad = fence.length > 1 || text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function splitDoc(doc: string): { first: string; rest: string } {
  const i = doc.indexOf('\n');
  return i < 0 ? { first: doc.trim(), rest: '' } : { first: doc.slice(0, i).trim(), rest: doc.slice(i + 1).trim() };
}

/** switch_true(): the words FreeSWITCH reads as true. */
export function switchTrue(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['yes', 'on', 'true', 't', 'enabled', 'active', 'allow'].includes(v)) return true;
  return /^[+-]?\d+$/.test(v) && Number(v) !== 0;
}

/** C atoi(): leading integer, 0 when there is none. */
export function atoi(value: string): number {
  const m = /^\s*([+-]?\d+)/.exec(value);
  return m ? Number.parseInt(m[1]!, 10) : 0;
}

const TYPE_LABEL: Record<ParamEntry['type'], string> = {
  bool: 'boolean',
  'numeric-flag': 'number 0/1 (atoi)',
  flag: 'flag (any value enables)',
  int: 'integer',
  float: 'number',
  port: 'port',
  string: 'text',
  password: 'password',
  enum: 'keyword',
  list: 'comma list',
  acl: 'ACL name',
  ip: 'address',
  host: 'host',
  url: 'URL',
  path: 'path',
  regex: 'regular expression',
  sql: 'SQL',
  dsn: 'database DSN',
  'codec-list': 'codec list',
  dtmf: 'DTMF key',
};

const MATCHING_LABEL: Record<NameMatching, string> = {
  'case-insensitive': 'name ignores case',
  'case-sensitive': 'name is case-sensitive',
  prefix: 'matched by prefix, case-sensitive',
  'prefix-ci': 'matched by prefix',
};

export interface ParamHoverOptions {
  /** The value as written in the file. */
  readonly value?: string;
  /** The value after `$${}` expansion (when it differs). */
  readonly expanded?: string;
  /** Where the expanded value came from, e.g. `vars.xml:15`. */
  readonly origin?: string;
}

function modeTable(modes: readonly AmrMode[], highlight?: number): string {
  const rows = modes.map((m) => {
    const mark = m.mode === highlight;
    const cells = [String(m.mode), m.kbps.toFixed(2), m.frameBytes !== undefined ? String(m.frameBytes) : ''].map((c) => (mark && c ? `**${c}**` : c));
    if (mark) cells[cells.length - 1] += ' ◀';
    return `| ${cells.join(' | ')} |`;
  });
  return ['| mode | kbit/s | frame bytes |', '|---:|---:|---:|', ...rows].join('\n');
}

function valueNotes(entry: ParamEntry, value: string, modes: readonly AmrMode[] | undefined, codec?: 'amr' | 'amrwb'): string[] {
  const notes: string[] = [];
  const v = value.trim();
  if (entry.modes && modes?.length) {
    const max = modes[modes.length - 1]!.mode;
    if (/^\d+$/.test(v) && Number(v) <= max) {
      const mode = modes.find((m) => m.mode === Number(v))!;
      notes.push(`Mode ${mode.mode} = **${mode.kbps.toFixed(2)} kbit/s**.`);
    } else {
      const asRate = codec ? bitrateToMode(codec, v) : undefined;
      const byte = ((atoi(v) % 256) + 256) % 256;
      if (asRate) {
        notes.push(
          `${mdCode(v)} is a **bitrate**, not a mode index: ${asRate.kbps.toFixed(2)} kbit/s is **mode ${asRate.mode}**. FreeSWITCH reads it with atoi() as ${byte}, which is no valid mode.`,
        );
      } else {
        notes.push(`${mdCode(v)} is not a mode index 0-${max}: FreeSWITCH reads it with atoi() as ${byte}, which is no valid mode.`);
      }
    }
    return notes;
  }
  switch (entry.type) {
    case 'numeric-flag': {
      const n = atoi(v);
      if (!/^[+-]?\d+$/.test(v)) notes.push(`${mdCode(v)} is read with atoi() as ${n} → **${n ? 'on' : 'off'}**. Write \`1\` or \`0\`.`);
      else notes.push(`${mdCode(v)} → **${n ? 'on' : 'off'}**.`);
      break;
    }
    case 'bool': {
      const extra = entry.values?.find((x) => x.value.toLowerCase() === v.toLowerCase() && !['true', 'false'].includes(x.value));
      if (extra) notes.push(`${mdCode(v)}: ${extra.doc ?? 'a special value of this setting'}.`);
      else
        notes.push(
          `${mdCode(v)} → **${switchTrue(v) ? 'true' : 'false'}**${switchTrue(v) || /^(false|no|off|f|disabled|0)$/i.test(v) ? '' : ' (not a word FreeSWITCH reads as true)'}.`,
        );
      break;
    }
    case 'flag':
      if (v) notes.push(`Any value - ${mdCode(v)} too - turns this **on**.`);
      break;
    case 'enum': {
      const hit = entry.values?.find((x) => x.value.toLowerCase() === v.toLowerCase());
      if (hit?.doc) notes.push(`${mdCode(v)}: ${hit.doc}.`);
      else if (!hit && entry.values) notes.push(`${mdCode(v)} is not one of the accepted values.`);
      break;
    }
    default: {
      const hit = entry.values?.find((x) => x.value === v);
      if (hit?.doc) notes.push(`${mdCode(v)}: ${hit.doc}.`);
    }
  }
  if ((entry.type === 'int' || entry.type === 'port' || entry.type === 'float') && !entry.values?.some((x) => x.value === v) && !/^[+-]?\d+(\.\d+)?$/.test(v)) {
    notes.push(`${mdCode(v)} is not a number${entry.type === 'float' ? '' : `; atoi() reads it as ${atoi(v)}`}.`);
  } else if (entry.type === 'port' && /^\d+$/.test(v) && (Number(v) < 1 || Number(v) > 65535)) {
    notes.push(`${mdCode(v)} is not a valid port (1-65535).`);
  }
  if (entry.range && /^[+-]?\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    if ((entry.range.min !== undefined && n < entry.range.min) || (entry.range.max !== undefined && n > entry.range.max)) {
      notes.push(`${mdCode(v)} is outside the accepted range ${rangeText(entry.range)}.`);
    }
  }
  return notes;
}

function rangeText(r: { min?: number; max?: number }): string {
  if (r.min !== undefined && r.max !== undefined) return `${r.min}-${r.max}`;
  if (r.min !== undefined) return `≥ ${r.min}`;
  return `≤ ${r.max}`;
}

/**
 * Hover for a param: `**name** — summary`, then type/default/values, then the details.
 * For AMR/AMR-WB `default-bitrate` the full mode table is shown with the chosen mode highlighted,
 * and a bitrate written instead of a mode (`12200`, `23.85`) is explained.
 */
export function renderParamHover(entry: ParamEntry, options: ParamHoverOptions = {}): string {
  const owner = paramOwner(entry);
  const { first, rest } = splitDoc(entry.doc);
  const out: string[] = [`**${entry.name}** — ${first}`];

  const facts: string[] = [`\`${TYPE_LABEL[entry.type]}\``];
  if (entry.default !== undefined) facts.push(`default ${mdCode(entry.default)}`);
  else if (entry.defaultNote) facts.push(`default: ${entry.defaultNote}`);
  if (entry.range) facts.push(`range ${rangeText(entry.range)}`);
  if (entry.repeatable) facts.push(typeof entry.repeatable === 'number' ? `repeatable (up to ${entry.repeatable})` : 'repeatable');
  const matching = owner ? (entry.matching ?? owner.section.matching) : entry.matching;
  if (matching) facts.push(MATCHING_LABEL[matching]);
  out.push(facts.join(' · '));

  const values = entry.values?.filter((v) => !(entry.type === 'bool' && (v.value === 'true' || v.value === 'false')));
  if (values?.length && !entry.modes) {
    const documented = values.some((v) => v.doc);
    out.push(
      documented
        ? values.map((v) => `- ${mdCode(v.value)}${v.doc ? ` — ${v.doc}` : ''}`).join('\n')
        : `Values: ${values.map((v) => mdCode(v.value)).join(', ')}`,
    );
  }

  const flags: string[] = [];
  if (entry.security) flags.push('⚠ security-relevant');
  if (entry.deprecated) flags.push(`deprecated${typeof entry.deprecated === 'string' ? `: ${entry.deprecated}` : ''}`);
  if (entry.ignored) flags.push(`no effect${typeof entry.ignored === 'string' ? `: ${entry.ignored}` : ''}`);
  if (entry.aliasOf) flags.push(`synonym of ${mdCode(entry.aliasOf)}`);
  if (flags.length) out.push(flags.join(' · '));

  if (rest) out.push(rest);

  const modes = entry.modes ? amrModes(entry.modes) : undefined;
  const effective = options.expanded ?? options.value;
  if (modes?.length) {
    const v = effective?.trim();
    const highlight = v !== undefined && /^\d+$/.test(v) ? Number(v) : entry.default !== undefined && v === undefined ? Number(entry.default) : undefined;
    out.push(modeTable(modes, highlight));
  }

  if (effective !== undefined) {
    const lines: string[] = [];
    if (options.value !== undefined && options.expanded !== undefined && options.expanded !== options.value) {
      lines.push(`Value ${mdCode(options.value)} → ${mdCode(options.expanded)}${options.origin ? ` (from ${options.origin})` : ''}.`);
    } else if (options.origin) {
      lines.push(`Value ${mdCode(effective)} (from ${options.origin}).`);
    }
    lines.push(...valueNotes(entry, effective, modes, entry.modes));
    if (lines.length) out.push(lines.join('\n'));
  }

  const where = [owner?.set.module, entry.source, `as in ${KNOWLEDGE_VERSIONS_TEXT}`].filter(Boolean).join(' · ');
  if (where) out.push(`_${where}_`);
  return out.join('\n\n');
}

const FLAG_LABEL: Record<AppEntry['flags'][number], string> = {
  'routing-exec': 'can run inline (`inline="true"`)',
  'support-nomedia': 'works without media',
  'zombie-exec': 'runs after hangup',
  'media-tap': 'taps media',
  'no-loopback': 'not on loopback channels',
  'support-text-only': 'works on text-only channels',
};

/** Which of the versions the knowledge covers have it. */
function versionLine(e: { readonly removedIn?: FsVersion }): string {
  return e.removedIn
    ? `⚠ FreeSWITCH 1.10.12 has it; removed in ${e.removedIn} (not in master). Set \`freeswitch:\` in .fsconf.yaml to have it checked for your version.`
    : `In ${KNOWLEDGE_VERSIONS_TEXT}.`;
}

/** Hover for a dialplan application. */
export function renderAppHover(app: AppEntry): string {
  const { first, rest } = splitDoc(app.doc);
  const out = [`**${app.name}** — ${first}`];
  out.push(app.syntax ? '```\n' + `${app.name} ${app.syntax}` + '\n```' : `\`${app.name}\``);
  const also = (app.alsoModules ?? []).map((m) => `${mdCode(m)}${module(m)?.removedIn ? ' (1.10)' : ''}`);
  const facts = [`module ${[mdCode(app.module), ...also].join(' or ')}`, ...app.flags.map((f) => FLAG_LABEL[f])];
  if (!app.flags.includes('routing-exec')) facts.push('not usable with `inline="true"`');
  out.push(facts.join(' · '));
  if (rest) out.push(rest);
  out.push(versionLine(app));
  if (app.source) out.push(`_${app.source}_`);
  return out.join('\n\n');
}

/** Hover for an event name. */
export function renderEventHover(e: EventEntry): string {
  return [`**${e.name}** — ${e.doc}`, e.name === 'ALL' ? '' : `Also written ${mdCode('SWITCH_EVENT_' + e.name)}; the name ignores case.`]
    .filter(Boolean)
    .join('\n\n');
}

/** Hover for a module name (or a name that is not a module, like `mod_acl`). */
export function renderModuleHover(m: ModuleEntry | NonModuleEntry): string {
  const { first, rest } = splitDoc(m.doc);
  const out = [`**${m.name}** — ${first}`];
  if ('category' in m) {
    const facts = [`src/mod/${m.category}`];
    if (m.configs?.length) facts.push(`reads ${m.configs.map(mdCode).join(', ')}`);
    out.push(facts.join(' · '));
  } else {
    out.push('_Not a FreeSWITCH module._');
  }
  if (rest) out.push(rest);
  if ('category' in m) out.push(versionLine(m));
  return out.join('\n\n');
}

/** Hover for a cti.json key. */
export function renderCtiKeyHover(k: CtiKeyEntry): string {
  const { first, rest } = splitDoc(k.doc);
  const name = k.parent ? `${k.parent}.${k.name}` : k.name;
  const out = [`**${name}** — ${first}`];
  const facts = [`\`${k.type === 'int' ? 'integer' : k.type}\``];
  if (k.default !== undefined) facts.push(`default ${mdCode(k.default)}`);
  if (k.range) facts.push(`range ${rangeText(k.range)}`);
  out.push(facts.join(' · '));
  if (k.values?.length) out.push(k.values.map((v) => `- ${mdCode(v.value)}${v.doc ? ` — ${v.doc}` : ''}`).join('\n'));
  if (rest) out.push(rest);
  if (k.type === 'object') {
    const children = ctiKeys(k.name);
    if (children.length) out.push('Keys: ' + children.map((c) => mdCode(c.name)).join(', '));
  }
  out.push(`_mod_cti · ${KB.cti.file}_`);
  return out.join('\n\n');
}

/** Hover for a log level name. */
export function renderLogLevelHover(l: LogLevelEntry): string {
  const { first, rest } = splitDoc(l.doc);
  return [`**${l.name}**${l.number !== undefined ? ` (${l.number})` : ''} — ${first}`, rest].filter(Boolean).join('\n\n');
}

/** Hover for an X-PRE-PROCESS command. */
export function renderPreprocessHover(c: PreprocessEntry): string {
  const { first, rest } = splitDoc(c.doc);
  const facts: string[] = [];
  if (c.runsCommand) facts.push('runs a shell command at load (fsconf never runs it)');
  if (!c.valueKnown) facts.push('value unknown to fsconf');
  facts.push(c.commentForm ? `also as ${mdCode(`<!--#${c.name} ...-->`)}` : 'no `<!--#...-->` form');
  return [`**${c.name}** — ${first}`, '```xml\n' + c.syntax + '\n```', facts.join(' · '), rest].filter(Boolean).join('\n\n');
}

const TIMING_LABEL: Record<CoreGlobalEntry['timing'][number], string> = {
  pre: 'set before the config is read: usable as `$${}` on the first load',
  post: 'set after the first load: `$${}` is empty at start-up',
  cond: 'only set under some conditions',
  update: 're-set when it changes',
  read: 'read by the core: you set it',
};

/** Hover for a core global variable. */
export function renderCoreGlobalHover(g: CoreGlobalEntry): string {
  return [`**${g.name}** — ${g.doc}`, g.timing.map((t) => TIMING_LABEL[t]).join(' · '), g.source ? `_${g.source}_` : ''].filter(Boolean).join('\n\n');
}

/** Hover for a caller-profile field. */
export function renderCallerProfileFieldHover(f: CallerProfileFieldEntry): string {
  return [`**${f.name}** — ${f.doc}`, `Value: ${f.valueKind} · name ignores case`].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// versions

/** The FreeSWITCH versions the knowledge base describes: 1.10.12 and master (1.11 = master's modules). */
export const KNOWLEDGE_VERSIONS: readonly FsVersion[] = ['1.10', '1.11', 'master'];
/** In words, for `--version` and hovers. */
export const KNOWLEDGE_VERSIONS_TEXT = 'FreeSWITCH 1.10.12 and master (1.11)';

/**
 * Whether a module or application exists on the given version. With no version said, anything one of
 * the versions has counts (a 1.10-only module is real on most switches in production).
 */
export function existsIn(entry: { readonly removedIn?: FsVersion }, version: FsVersion | undefined): boolean {
  if (!entry.removedIn || version === undefined) return true;
  return KNOWLEDGE_VERSIONS.indexOf(version) < KNOWLEDGE_VERSIONS.indexOf(entry.removedIn);
}

/** " (removed in FreeSWITCH 1.11)" or "" — for messages and hovers. */
export function removedNote(entry: { readonly removedIn?: FsVersion }): string {
  return entry.removedIn ? ` (shipped until FreeSWITCH 1.10.12, removed in ${entry.removedIn})` : '';
}
