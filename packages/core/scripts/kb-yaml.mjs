// YAML helpers shared by build-kb.mjs and import-reference.mjs. Plain Node ESM, no TypeScript.
// Parsing uses the `yaml` package (a dependency of @fsconf/core); duplicate keys are errors.
import YAML from 'yaml';

/** Parse YAML text. Throws an Error whose message names the line on a syntax error. */
export async function loadYamlParser() {
  return (text) => YAML.parse(text, { prettyErrors: true, uniqueKeys: true });
}

// ---------------------------------------------------------------------------------------------
// Emitter: deterministic, readable YAML for KB files. Keys are written in the order given.

const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~|-?\.?inf|\.nan)$/i;

function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  const s = String(value);
  if (
    s.length > 0 &&
    /^[A-Za-z_][A-Za-z0-9_ .\-/()+<>=,]*$/.test(s) &&
    !RESERVED.test(s) &&
    !/[ ]$/.test(s) &&
    !/ #/.test(s) &&
    !/: /.test(s)
  ) {
    return s;
  }
  return JSON.stringify(s);
}

function isMultiline(v) {
  return typeof v === 'string' && (v.includes('\n') || v.length > 100);
}

function blockScalar(s, indent) {
  const pad = ' '.repeat(indent);
  const body = s
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => (line.length ? pad + line.replace(/\s+$/, '') : ''))
    .join('\n');
  return `|-\n${body}`;
}

function emitValue(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flow = `[${value.map(scalar).join(', ')}]`;
      if (flow.length + indent < 110) return ' ' + flow;
    }
    return '\n' + value.map((v) => emitListItem(v, indent)).join('\n');
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (keys.length === 0) return ' {}';
    const flow = flowObject(value, indent);
    if (flow) return ' ' + flow;
    return '\n' + keys.map((k) => `${pad}${emitKey(k)}:${emitValue(value[k], indent + 2)}`).join('\n');
  }
  if (isMultiline(value)) return ' ' + blockScalar(value, indent);
  return ' ' + scalar(value);
}

function flowObject(obj, indent) {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (keys.length === 0 || keys.length > 4 || keys.includes('doc') || keys.includes('name')) return undefined;
  if (!keys.every((k) => typeof obj[k] === 'number' || typeof obj[k] === 'boolean' || (typeof obj[k] === 'string' && obj[k].length < 30 && !obj[k].includes('\n'))))
    return undefined;
  const text = `{ ${keys.map((k) => `${emitKey(k)}: ${scalar(obj[k])}`).join(', ')} }`;
  return text.length + indent < 100 ? text : undefined;
}

function emitKey(k) {
  return /^[A-Za-z_][A-Za-z0-9_\-.]*$/.test(k) && !RESERVED.test(k) ? k : JSON.stringify(k);
}

function emitListItem(item, indent) {
  const pad = ' '.repeat(indent);
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const keys = Object.keys(item).filter((k) => item[k] !== undefined);
    if (keys.length === 0) return `${pad}- {}`;
    const flow = flowObject(item, indent + 2);
    if (flow) return `${pad}- ${flow}`;
    return keys
      .map((k, i) => `${i === 0 ? pad + '- ' : pad + '  '}${emitKey(k)}:${emitValue(item[k], indent + 4)}`)
      .join('\n');
  }
  if (isMultiline(item)) return `${pad}- ${blockScalar(item, indent + 2)}`;
  return `${pad}- ${scalar(item)}`;
}

/** Emit a top-level mapping as YAML text. `header` lines become leading comments. */
export function emitYaml(doc, header = []) {
  const lines = header.map((h) => (h ? `# ${h}` : '#'));
  const keys = Object.keys(doc).filter((k) => doc[k] !== undefined);
  for (const k of keys) {
    const v = doc[k];
    if (Array.isArray(v) && v.length > 0 && v.some((x) => x && typeof x === 'object')) {
      lines.push(`${emitKey(k)}:`);
      const allFlow = v.every((item) => item && typeof item === 'object' && !Array.isArray(item) && flowObject(item, 4));
      lines.push(v.map((item) => emitListItem(item, 2)).join(allFlow ? '\n' : '\n\n'));
    } else {
      lines.push(`${emitKey(k)}:${emitValue(v, 2)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Emit list items (as they would appear under a top-level key) for appending to a file. */
export function emitListItems(items) {
  return items.map((item) => emitListItem(item, 2)).join('\n\n') + '\n';
}
