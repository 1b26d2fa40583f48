// Validator and compiler for the fsconf knowledge base (packages/core/kb/**/*.yaml). The schema itself,
// fields, types, messages and the compiled shape, is src/kb/schema.ts (zod/mini), whose outputs are also
// the TypeScript types of the compiled data; this file loads it through esbuild (the KB is compiled before
// TypeScript is) and adds the checks across entries: duplicates, sections, aliases, parents.
//
// Every problem is reported as `<file>: <path>: <problem>` (path like `params[12].type`).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const schemaFile = fileURLToPath(new URL('../src/kb/schema.ts', import.meta.url));
const bundled = await build({ entryPoints: [schemaFile], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });
const { KB_FILES, KINDS } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStr = (v) => typeof v === 'string';

/** YAML's `key:` with nothing after it is null: as if the value were absent (in mappings, not in lists). */
function dropNulls(v) {
  if (Array.isArray(v)) return v.map((x) => (isObj(x) ? dropNulls(x) : x));
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? undefined : dropNulls(x)]));
}

/** The keys a (strict) object schema allows, at a path of the file's schema. */
function allowedAt(schema, path) {
  let s = schema;
  for (const k of path) {
    let d = s._zod.def;
    while (d.type === 'optional' || d.type === 'pipe') d = (d.innerType ?? d.in)._zod.def;
    s = d.type === 'array' ? d.element : d.shape?.[k];
    if (!s) return [];
  }
  let d = s._zod.def;
  while (d.type === 'optional' || d.type === 'pipe') d = (d.innerType ?? d.in)._zod.def;
  return Object.keys(d.shape ?? {});
}

const pathText = (path) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') || '(root)';

/** Parse one file's document with its kind's schema: { value } or { problems: [path, problem][] }. */
function parseKind(doc) {
  const schema = KB_FILES[doc.kind];
  const r = schema.safeParse(dropNulls(doc));
  if (r.success) return { value: r.data };
  const problems = [];
  for (const iss of r.error.issues) {
    if (iss.code === 'unrecognized_keys') {
      const allowed = allowedAt(schema, iss.path);
      // a list file's unknown top-level field has its own words (params files are one mapping like an entry)
      const what = iss.path.length === 0 && doc.kind !== 'params' ? 'unknown top-level field' : 'unknown field';
      for (const k of iss.keys) problems.push([pathText([...iss.path, k]), `${what} (allowed: ${allowed.join(', ')})`]);
    } else problems.push([pathText(iss.path), iss.message]);
  }
  return { problems };
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
  for (const [path, problem] of parseKind(doc).problems ?? []) err(path, problem);
  const entries = (key) => (Array.isArray(doc[key]) ? doc[key] : []);
  switch (doc.kind) {
    case 'params': {
      const sections = entries('sections');
      dupCheck(sections, 'sections', (s) => s.id, err, 'id');
      const sectionById = new Map(sections.filter(isObj).map((s) => [s.id, s]));
      if (Array.isArray(doc.modes)) dupCheck(doc.modes, 'modes', (m) => String(m.mode), err, 'mode');
      const params = entries('params');
      params.forEach((p, i) => {
        const path = `params[${i}]`;
        if (!isObj(p)) return;
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
        if (bySection.has(k))
          err(`params[${i}].name`, `duplicate name ${JSON.stringify(p.name)} in section ${sectionId} (first at params[${bySection.get(k)}])`);
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
    case 'applications':
      dupCheck(entries('applications'), 'applications', (a) => a.name.toLowerCase(), err);
      break;
    case 'events':
      dupCheck(entries('events'), 'events', (a) => a.name, err);
      break;
    case 'loglevels':
      dupCheck(entries('levels'), 'levels', (a) => a.name.toLowerCase(), err);
      break;
    case 'preprocess':
      dupCheck(entries('commands'), 'commands', (a) => a.name.toLowerCase(), err);
      break;
    case 'cti': {
      const list = entries('keys');
      dupCheck(list, 'keys', (k) => `${k.parent ?? ''}.${k.name}`, err);
      list.forEach((k, i) => {
        if (isObj(k) && k.parent !== undefined && !list.some((p) => isObj(p) && p.name === k.parent && p.type === 'object' && p.parent === undefined))
          err(`keys[${i}].parent`, `no top-level object key ${JSON.stringify(k.parent)}`);
      });
      break;
    }
    case 'modules': {
      const list = entries('modules');
      dupCheck(list, 'modules', (m) => m.name, err);
      entries('nonModules').forEach((n, i) => {
        if (isObj(n) && list.some((m) => isObj(m) && m.name === n.name)) err(`nonModules[${i}].name`, `${n.name} is also listed as a module`);
      });
      break;
    }
    case 'core-globals':
      dupCheck(entries('globals'), 'globals', (g) => g.name, err);
      break;
    case 'caller-profile-fields':
      dupCheck(entries('fields'), 'fields', (f) => f.name.toLowerCase(), err);
      break;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Compiler: validated files -> one plain data object (shape = KbData in src/kb/types.ts)

/** A params file's compiled form: without `kind`, every param with its section (the only one, if it names none). */
function compileParams({ kind: _kind, ...set }) {
  const first = set.sections[0].id;
  return { ...set, params: set.params.map(({ name, section, ...rest }) => ({ name, section: section ?? first, ...rest })) };
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
  for (const { file, doc: raw } of files) {
    // the schema's output is the compiled entry (docs trimmed, defaults as text, values as {value, doc})
    const doc = parseKind(raw).value;
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
        data.applications = doc.applications;
        break;
      case 'events':
        single(doc.kind, file);
        data.events = doc.events;
        break;
      case 'loglevels':
        single(doc.kind, file);
        data.logLevels = doc.levels;
        break;
      case 'preprocess':
        single(doc.kind, file);
        data.preprocess = doc.commands;
        break;
      case 'cti':
        single(doc.kind, file);
        data.cti = { file: doc.file, doc: doc.doc, keys: doc.keys };
        break;
      case 'modules':
        single(doc.kind, file);
        data.modules = doc.modules;
        data.nonModules = doc.nonModules ?? [];
        break;
      case 'core-globals':
        single(doc.kind, file);
        data.coreGlobals = doc.globals;
        break;
      case 'caller-profile-fields':
        single(doc.kind, file);
        data.callerProfileFields = doc.fields;
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
  // every application's alsoModules names a module of modules.yaml
  const moduleNames = new Set(data.modules.map((m) => m.name));
  for (const a of data.applications) {
    for (const m of a.alsoModules ?? []) {
      if (!moduleNames.has(m)) errors.push(`applications.yaml: applications[${a.name}].alsoModules: ${m} is no module of modules.yaml`);
    }
  }
  for (const kind of ['applications', 'events', 'loglevels', 'preprocess', 'cti', 'modules', 'core-globals']) {
    if (!once.has(kind)) errors.push(`kb: (root): no "${kind}" file found`);
  }
  return { data, errors };
}
