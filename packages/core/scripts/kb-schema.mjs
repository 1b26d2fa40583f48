// Schema, validator and compiler for the fsconf knowledge base (packages/core/kb/**/*.yaml).
// Plain Node ESM so build-kb.mjs can run before TypeScript is compiled; the TypeScript shapes of
// the compiled data live in src/kb/types.ts and must be kept in step with compileKb() below.
//
// Every problem is reported as `<file>: <path>: <problem>` (path like `params[12].type`).

const PARAM_TYPES = Object.freeze([
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
]);

// FreeSWITCH versions the knowledge base describes, oldest first: `removedIn` names the first one
// without the module or application (v1.11.0 is the first tag without the modules removed in 2024-12).
const FS_VERSIONS = Object.freeze(['1.10', '1.11', 'master']);

const MATCHING = Object.freeze([
  'case-insensitive', // strcasecmp
  'case-sensitive', // strcmp
  'prefix', // strncmp(name, literal, strlen(literal)): any name starting with the literal, case-sensitive; first in list order wins
  'prefix-ci', // strncasecmp prefix
]);

const ELEMENTS = Object.freeze(['param', 'attribute', 'element']);
const DUPLICATES = Object.freeze(['last-wins', 'first-wins', 'all-kept']);
const UNKNOWN = Object.freeze(['ignored', 'warned', 'allowed']); // allowed = any name is legitimate (e.g. user <variables>)
const SCOPES = Object.freeze(['sofia.profile', 'sofia.gateway', 'sofia.global', 'directory', 'config']);
const APP_FLAGS = Object.freeze([
  'routing-exec', // SAF_ROUTING_EXEC: may run inline="true" while the dialplan is hunting
  'support-nomedia', // SAF_SUPPORT_NOMEDIA
  'zombie-exec', // SAF_ZOMBIE_EXEC: may run after hangup
  'media-tap', // SAF_MEDIA_TAP
  'no-loopback', // SAF_NO_LOOPBACK
  'support-text-only', // SAF_SUPPORT_TEXT_ONLY
]);
const GLOBAL_TIMINGS = Object.freeze(['pre', 'post', 'cond', 'update', 'read']);
const CTI_TYPES = Object.freeze(['int', 'object', 'string', 'bool']);
const KINDS = Object.freeze([
  'params',
  'applications',
  'events',
  'loglevels',
  'preprocess',
  'cti',
  'modules',
  'core-globals',
  'caller-profile-fields',
]);

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStr = (v) => typeof v === 'string';
const isNonEmptyStr = (v) => typeof v === 'string' && v.trim().length > 0;
const isInt = (v) => Number.isInteger(v);

/**
 * Field specs: name -> [required, check(value) => problem|undefined].
 * Unknown fields are an error, so typos in YAML keys are caught.
 */
function checker(spec) {
  return (obj, path, err) => {
    if (!isObj(obj)) {
      err(path, `expected a mapping, got ${Array.isArray(obj) ? 'a list' : typeof obj}`);
      return false;
    }
    for (const [key, [required]] of Object.entries(spec)) {
      if (required && (obj[key] === undefined || obj[key] === null)) err(`${path}.${key}`, 'is required');
    }
    for (const [key, value] of Object.entries(obj)) {
      const s = spec[key];
      if (!s) {
        err(`${path}.${key}`, `unknown field (allowed: ${Object.keys(spec).join(', ')})`);
        continue;
      }
      if (value === undefined || value === null) continue;
      const problem = s[1](value);
      if (problem) err(`${path}.${key}`, problem);
    }
    return true;
  };
}

const str = (v) => (isStr(v) ? undefined : `expected a string, got ${typeof v}`);
const nonEmpty = (v) => (isNonEmptyStr(v) ? undefined : 'must be a non-empty string');
const bool = (v) => (typeof v === 'boolean' ? undefined : 'expected true or false');
const int = (v) => (isInt(v) ? undefined : 'expected an integer');
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'expected a number');
const scalarDefault = (v) =>
  isStr(v) || typeof v === 'number' || typeof v === 'boolean' ? undefined : 'expected a scalar (string/number/bool)';
const oneOf = (list) => (v) => (list.includes(v) ? undefined : `must be one of: ${list.join(', ')} (got ${JSON.stringify(v)})`);
const strOrTrue = (v) => (v === true || isNonEmptyStr(v) ? undefined : 'expected true or a non-empty string');
const boolOrInt = (v) => (typeof v === 'boolean' || (isInt(v) && v > 0) ? undefined : 'expected true/false or a positive integer');
const strList = (v) =>
  Array.isArray(v) && v.every(isNonEmptyStr) ? undefined : 'expected a list of non-empty strings';
const docText = (v) => {
  if (!isNonEmptyStr(v)) return 'doc must be a non-empty string';
  const first = v.trim().split('\n')[0];
  if (first.length > 160) return `first line of doc is ${first.length} chars; keep it under 160 (details go below)`;
  return undefined;
};

const valuesCheck = (v) => {
  if (!Array.isArray(v)) return 'expected a list';
  for (const [i, item] of v.entries()) {
    if (isStr(item) || typeof item === 'number' || typeof item === 'boolean') continue;
    if (isObj(item) && (isStr(item.value) || typeof item.value === 'number') && (item.doc === undefined || isStr(item.doc))) {
      const extra = Object.keys(item).filter((k) => k !== 'value' && k !== 'doc');
      if (extra.length) return `values[${i}] has unknown field(s) ${extra.join(', ')}`;
      continue;
    }
    return `values[${i}] must be a string or {value, doc}`;
  }
  return undefined;
};
const rangeCheck = (v) => {
  if (!isObj(v)) return 'expected {min, max}';
  for (const k of Object.keys(v)) if (k !== 'min' && k !== 'max') return `unknown key ${k} (min/max only)`;
  if (v.min !== undefined && typeof v.min !== 'number') return 'min must be a number';
  if (v.max !== undefined && typeof v.max !== 'number') return 'max must be a number';
  if (typeof v.min === 'number' && typeof v.max === 'number' && v.min > v.max) return 'min > max';
  return undefined;
};

const SECTION_SPEC = {
  id: [true, nonEmpty],
  path: [true, nonEmpty],
  element: [true, oneOf(ELEMENTS)],
  matching: [true, oneOf(MATCHING)],
  duplicates: [false, oneOf(DUPLICATES)],
  unknownNames: [false, oneOf(UNKNOWN)],
  underscoreAsDash: [false, bool],
  doc: [true, docText],
};

const PARAM_SPEC = {
  name: [true, nonEmpty],
  section: [false, nonEmpty],
  type: [true, oneOf(PARAM_TYPES)],
  default: [false, scalarDefault],
  defaultNote: [false, nonEmpty],
  values: [false, valuesCheck],
  range: [false, rangeCheck],
  repeatable: [false, boolOrInt],
  matching: [false, oneOf(MATCHING)],
  matchPrefix: [false, nonEmpty],
  aliasOf: [false, nonEmpty],
  deprecated: [false, strOrTrue],
  ignored: [false, strOrTrue],
  security: [false, bool],
  modes: [false, oneOf(['amr', 'amrwb'])],
  source: [false, str],
  generated: [false, bool],
  doc: [true, docText],
};

const MODE_SPEC = {
  mode: [true, int],
  kbps: [true, num],
  frameBytes: [false, int],
  label: [false, nonEmpty],
};

const PARAMS_FILE_SPEC = {
  kind: [true, oneOf(KINDS)],
  scope: [true, oneOf(SCOPES)],
  config: [true, nonEmpty],
  module: [false, nonEmpty],
  title: [true, nonEmpty],
  doc: [true, docText],
  notes: [false, strList],
  modes: [false, (v) => (Array.isArray(v) ? undefined : 'expected a list')],
  sections: [true, (v) => (Array.isArray(v) && v.length > 0 ? undefined : 'expected a non-empty list')],
  params: [true, (v) => (Array.isArray(v) ? undefined : 'expected a list')],
};

const APP_SPEC = {
  name: [true, nonEmpty],
  module: [true, nonEmpty],
  syntax: [true, str],
  flags: [true, (v) => (Array.isArray(v) && v.every((f) => APP_FLAGS.includes(f)) ? undefined : `expected a list of: ${APP_FLAGS.join(', ')}`)],
  source: [false, str],
  generated: [false, bool],
  removedIn: [false, oneOf(FS_VERSIONS.slice(1))],
  doc: [true, docText],
};

const EVENT_SPEC = {
  name: [true, (v) => (isStr(v) && /^[A-Z][A-Z0-9_]*$/.test(v) ? undefined : 'must be an upper-case event name without prefix')],
  generated: [false, bool],
  doc: [true, docText],
};

const LEVEL_SPEC = {
  name: [true, nonEmpty],
  number: [false, (v) => (isInt(v) && v >= 0 && v <= 7 ? undefined : 'expected an integer 0-7')],
  doc: [true, docText],
};

const PRE_SPEC = {
  name: [true, nonEmpty],
  syntax: [true, nonEmpty],
  commentForm: [true, bool],
  runsCommand: [true, bool],
  valueKnown: [true, bool],
  doc: [true, docText],
};

const CTI_SPEC = {
  name: [true, nonEmpty],
  parent: [false, nonEmpty],
  type: [true, oneOf(CTI_TYPES)],
  default: [false, scalarDefault],
  range: [false, rangeCheck],
  values: [false, valuesCheck],
  doc: [true, docText],
};

const MODULE_SPEC = {
  name: [true, (v) => (isStr(v) && /^mod_[a-z0-9_]+$/.test(v) ? undefined : 'must look like mod_xxx')],
  category: [true, nonEmpty],
  configs: [false, strList],
  generated: [false, bool],
  removedIn: [false, oneOf(FS_VERSIONS.slice(1))],
  doc: [true, docText],
};

const NON_MODULE_SPEC = {
  name: [true, nonEmpty],
  doc: [true, docText],
};

const GLOBAL_SPEC = {
  name: [true, nonEmpty],
  timing: [true, (v) => (Array.isArray(v) && v.length > 0 && v.every((t) => GLOBAL_TIMINGS.includes(t)) ? undefined : `expected a non-empty list of: ${GLOBAL_TIMINGS.join(', ')}`)],
  source: [false, str],
  generated: [false, bool],
  doc: [true, docText],
};

const FIELD_SPEC = {
  name: [true, nonEmpty],
  valueKind: [true, nonEmpty],
  source: [false, str],
  generated: [false, bool],
  doc: [true, docText],
};

function listOf(doc, key, spec, path, err) {
  const list = doc[key];
  if (!Array.isArray(list)) {
    err(`${path}${key}`, 'expected a list');
    return [];
  }
  const check = checker(spec);
  list.forEach((item, i) => check(item, `${key}[${i}]`, err));
  return list;
}

function dupCheck(list, key, keyFn, err, label = 'name') {
  const seen = new Map();
  list.forEach((item, i) => {
    if (!isObj(item) || !isStr(item[label])) return;
    const k = keyFn(item);
    if (seen.has(k)) err(`${key}[${i}].${label}`, `duplicate ${label} ${JSON.stringify(item[label])} (first at ${key}[${seen.get(k)}])`);
    else seen.set(k, i);
  });
}

/**
 * Validate one parsed KB file. Returns a list of `file: path: problem` strings (empty when valid).
 * `file` is only used for messages.
 */
export function validateKbFile(file, doc) {
  const errors = [];
  const err = (path, problem) => errors.push(`${file}: ${path}: ${problem}`);
  if (!isObj(doc)) {
    err('(root)', 'expected a mapping at the top level');
    return errors;
  }
  if (!KINDS.includes(doc.kind)) {
    err('kind', `must be one of: ${KINDS.join(', ')} (got ${JSON.stringify(doc.kind)})`);
    return errors;
  }
  const top = (spec) => {
    const fields = Object.fromEntries(Object.keys(doc).map((k) => [k, true]));
    for (const k of Object.keys(fields)) if (!spec.includes(k)) err(k, `unknown top-level field (allowed: ${spec.join(', ')})`);
  };
  switch (doc.kind) {
    case 'params': {
      checker(PARAMS_FILE_SPEC)(doc, '(root)', (p, m) => err(p.replace(/^\(root\)\./, ''), m));
      const sections = Array.isArray(doc.sections) ? doc.sections : [];
      sections.forEach((s, i) => checker(SECTION_SPEC)(s, `sections[${i}]`, err));
      dupCheck(sections, 'sections', (s) => s.id, err, 'id');
      const sectionById = new Map(sections.filter(isObj).map((s) => [s.id, s]));
      if (Array.isArray(doc.modes)) {
        doc.modes.forEach((m, i) => checker(MODE_SPEC)(m, `modes[${i}]`, err));
        dupCheck(doc.modes, 'modes', (m) => String(m.mode), err, 'mode');
      }
      const params = Array.isArray(doc.params) ? doc.params : [];
      const check = checker(PARAM_SPEC);
      params.forEach((p, i) => {
        const path = `params[${i}]`;
        if (!check(p, path, err)) return;
        const sectionId = p.section ?? (sections.length === 1 ? sections[0]?.id : undefined);
        if (p.section === undefined && sections.length > 1) err(`${path}.section`, 'is required when the file has several sections');
        const section = sectionById.get(sectionId);
        if (p.section !== undefined && !section) err(`${path}.section`, `no section with id ${JSON.stringify(p.section)}`);
        if (p.type === 'enum' && !(Array.isArray(p.values) && p.values.length > 0)) err(`${path}.values`, 'an enum needs values');
        const matching = p.matching ?? section?.matching;
        if (p.matchPrefix !== undefined && !(matching === 'prefix' || matching === 'prefix-ci'))
          err(`${path}.matchPrefix`, 'only meaningful with prefix matching');
        if (p.modes !== undefined && !Array.isArray(doc.modes)) err(`${path}.modes`, 'file has no modes table');
      });
      // duplicates per section, normalised the way FreeSWITCH compares the names
      const bySection = new Map();
      params.forEach((p, i) => {
        if (!isObj(p) || !isStr(p.name)) return;
        const sectionId = p.section ?? sections[0]?.id;
        const section = sectionById.get(sectionId);
        const matching = p.matching ?? section?.matching;
        let key = p.name;
        if (section?.underscoreAsDash) key = key.replace(/_/g, '-');
        if (matching === 'case-insensitive' || matching === 'prefix-ci') key = key.toLowerCase();
        const k = `${sectionId}\u0000${key}`;
        if (bySection.has(k)) err(`params[${i}].name`, `duplicate name ${JSON.stringify(p.name)} in section ${sectionId} (first at params[${bySection.get(k)}])`);
        else bySection.set(k, i);
      });
      params.forEach((p, i) => {
        if (!isObj(p) || !isStr(p.aliasOf)) return;
        const sectionId = p.section ?? sections[0]?.id;
        const target = params.find((q) => isObj(q) && q.name === p.aliasOf && (q.section ?? sections[0]?.id) === sectionId);
        if (!target) err(`params[${i}].aliasOf`, `no param ${JSON.stringify(p.aliasOf)} in section ${sectionId}`);
      });
      break;
    }
    case 'applications': {
      top(['kind', 'applications']);
      const list = listOf(doc, 'applications', APP_SPEC, '', err);
      dupCheck(list, 'applications', (a) => a.name.toLowerCase(), err);
      break;
    }
    case 'events': {
      top(['kind', 'events']);
      const list = listOf(doc, 'events', EVENT_SPEC, '', err);
      dupCheck(list, 'events', (a) => a.name, err);
      break;
    }
    case 'loglevels': {
      top(['kind', 'levels']);
      const list = listOf(doc, 'levels', LEVEL_SPEC, '', err);
      dupCheck(list, 'levels', (a) => a.name.toLowerCase(), err);
      break;
    }
    case 'preprocess': {
      top(['kind', 'commands']);
      const list = listOf(doc, 'commands', PRE_SPEC, '', err);
      dupCheck(list, 'commands', (a) => a.name.toLowerCase(), err);
      break;
    }
    case 'cti': {
      top(['kind', 'file', 'doc', 'keys']);
      if (!isNonEmptyStr(doc.file)) err('file', 'is required');
      const d = docText(doc.doc);
      if (d) err('doc', d);
      const list = listOf(doc, 'keys', CTI_SPEC, '', err);
      dupCheck(list, 'keys', (k) => `${k.parent ?? ''}.${k.name}`, err);
      list.forEach((k, i) => {
        if (isObj(k) && k.parent !== undefined && !list.some((p) => isObj(p) && p.name === k.parent && p.type === 'object' && p.parent === undefined))
          err(`keys[${i}].parent`, `no top-level object key ${JSON.stringify(k.parent)}`);
      });
      break;
    }
    case 'modules': {
      top(['kind', 'modules', 'nonModules']);
      const list = listOf(doc, 'modules', MODULE_SPEC, '', err);
      dupCheck(list, 'modules', (m) => m.name, err);
      if (doc.nonModules !== undefined) {
        const non = listOf(doc, 'nonModules', NON_MODULE_SPEC, '', err);
        non.forEach((n, i) => {
          if (isObj(n) && list.some((m) => isObj(m) && m.name === n.name)) err(`nonModules[${i}].name`, `${n.name} is also listed as a module`);
        });
      }
      break;
    }
    case 'core-globals': {
      top(['kind', 'globals']);
      const list = listOf(doc, 'globals', GLOBAL_SPEC, '', err);
      dupCheck(list, 'globals', (g) => g.name, err);
      break;
    }
    case 'caller-profile-fields': {
      top(['kind', 'fields']);
      const list = listOf(doc, 'fields', FIELD_SPEC, '', err);
      dupCheck(list, 'fields', (f) => f.name.toLowerCase(), err);
      break;
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Compiler: validated files -> one plain data object (shape = KbData in src/kb/types.ts)

const trimDoc = (d) => d.replace(/\s+$/, '').replace(/^\s+/, '');
const normValues = (values) =>
  values?.map((v) => (isObj(v) ? { value: String(v.value), ...(v.doc ? { doc: trimDoc(v.doc) } : {}) } : { value: String(v) }));
const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function compileParams(doc) {
  const sections = doc.sections.map((s) =>
    clean({
      id: s.id,
      path: s.path,
      element: s.element,
      matching: s.matching,
      duplicates: s.duplicates,
      unknownNames: s.unknownNames,
      underscoreAsDash: s.underscoreAsDash || undefined,
      doc: trimDoc(s.doc),
    }),
  );
  const params = doc.params.map((p) =>
    clean({
      name: p.name,
      section: p.section ?? sections[0].id,
      type: p.type,
      default: p.default === undefined ? undefined : String(p.default),
      defaultNote: p.defaultNote,
      values: normValues(p.values),
      range: p.range,
      repeatable: p.repeatable,
      matching: p.matching,
      matchPrefix: p.matchPrefix,
      aliasOf: p.aliasOf,
      deprecated: p.deprecated,
      ignored: p.ignored,
      security: p.security || undefined,
      modes: p.modes,
      source: p.source || undefined,
      generated: p.generated || undefined,
      doc: trimDoc(p.doc),
    }),
  );
  return clean({
    scope: doc.scope,
    config: doc.config,
    module: doc.module,
    title: doc.title,
    doc: trimDoc(doc.doc),
    notes: doc.notes,
    modes: doc.modes?.map((m) => clean({ mode: m.mode, kbps: m.kbps, frameBytes: m.frameBytes, label: m.label })),
    sections,
    params,
  });
}

/**
 * Compile validated files into the KB data object. `files` = [{ file, doc }] sorted by file name.
 * Returns { data, errors } - errors are cross-file problems.
 */
export function compileKb(files) {
  const errors = [];
  const data = {
    paramSets: [],
    applications: [],
    events: [],
    logLevels: [],
    preprocess: [],
    cti: { file: 'cti.json', doc: '', keys: [] },
    modules: [],
    nonModules: [],
    coreGlobals: [],
    callerProfileFields: [],
  };
  const once = new Map();
  const single = (kind, file) => {
    if (once.has(kind)) errors.push(`${file}: kind: a second "${kind}" file (first: ${once.get(kind)})`);
    once.set(kind, file);
  };
  const sectionOwner = new Map();
  for (const { file, doc } of files) {
    switch (doc.kind) {
      case 'params': {
        const set = compileParams(doc);
        for (const s of set.sections) {
          const key = `${set.config}\u0000${s.id}`;
          if (sectionOwner.has(key)) errors.push(`${file}: sections: section ${s.id} of ${set.config} is also defined in ${sectionOwner.get(key)}`);
          else sectionOwner.set(key, file);
        }
        data.paramSets.push({ file, ...set });
        break;
      }
      case 'applications':
        single(doc.kind, file);
        data.applications = doc.applications.map((a) =>
          clean({ name: a.name, module: a.module, syntax: a.syntax, flags: a.flags, source: a.source || undefined, generated: a.generated || undefined, removedIn: a.removedIn, doc: trimDoc(a.doc) }),
        );
        break;
      case 'events':
        single(doc.kind, file);
        data.events = doc.events.map((e) => clean({ name: e.name, generated: e.generated || undefined, doc: trimDoc(e.doc) }));
        break;
      case 'loglevels':
        single(doc.kind, file);
        data.logLevels = doc.levels.map((l) => clean({ name: l.name, number: l.number, doc: trimDoc(l.doc) }));
        break;
      case 'preprocess':
        single(doc.kind, file);
        data.preprocess = doc.commands.map((c) => ({ ...c, doc: trimDoc(c.doc) }));
        break;
      case 'cti':
        single(doc.kind, file);
        data.cti = {
          file: doc.file,
          doc: trimDoc(doc.doc),
          keys: doc.keys.map((k) =>
            clean({ name: k.name, parent: k.parent, type: k.type, default: k.default === undefined ? undefined : String(k.default), range: k.range, values: normValues(k.values), doc: trimDoc(k.doc) }),
          ),
        };
        break;
      case 'modules':
        single(doc.kind, file);
        data.modules = doc.modules.map((m) => clean({ name: m.name, category: m.category, configs: m.configs, generated: m.generated || undefined, removedIn: m.removedIn, doc: trimDoc(m.doc) }));
        data.nonModules = (doc.nonModules ?? []).map((m) => ({ name: m.name, doc: trimDoc(m.doc) }));
        break;
      case 'core-globals':
        single(doc.kind, file);
        data.coreGlobals = doc.globals.map((g) => clean({ name: g.name, timing: g.timing, source: g.source || undefined, generated: g.generated || undefined, doc: trimDoc(g.doc) }));
        break;
      case 'caller-profile-fields':
        single(doc.kind, file);
        data.callerProfileFields = doc.fields.map((f) => clean({ name: f.name, valueKind: f.valueKind, source: f.source || undefined, generated: f.generated || undefined, doc: trimDoc(f.doc) }));
        break;
    }
  }
  // cross-file: every module's `configs` names a known config (when that config has a param file)
  const configs = new Set(data.paramSets.map((s) => s.config));
  for (const m of data.modules) {
    for (const c of m.configs ?? []) {
      if (!configs.has(c)) errors.push(`modules.yaml: modules[${m.name}].configs: no kb file describes ${c}`);
    }
  }
  for (const kind of ['applications', 'events', 'loglevels', 'preprocess', 'cti', 'modules', 'core-globals']) {
    if (!once.has(kind)) errors.push(`kb: (root): no "${kind}" file found`);
  }
  return { data, errors };
}
