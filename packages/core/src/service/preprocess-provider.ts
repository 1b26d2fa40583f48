/**
 * Hover, definition, references and completion for the pre-processor: `$${var}` and X-PRE-PROCESS.
 */
import type { CompletionItem, Hover, Location } from 'vscode-languageserver-types';
import { seqAt, type Doc, type VarDef } from '../tree.js';
import { maskSecret } from '../text.js';
import { relativePath } from '../fs.js';
import type { ProviderContext } from './providers.js';

export function toUri(path: string): string {
  return 'file://' + path.split('/').map(encodeURIComponent).join('/');
}

function varUseAt(doc: Doc, offset: number) {
  for (const u of doc.scan.varUses) if (offset >= u.start && offset <= u.end) return u;
  return undefined;
}

function directiveAt(doc: Doc, offset: number) {
  for (const d of doc.scan.directives) if (offset >= d.start && offset <= d.end) return d;
  return undefined;
}

const SECRET_NAME = /pass|secret|pwd|key|token/i;

export function describeDef(def: VarDef, root: string | undefined): string {
  const where = `${root ? relativePath(root, def.doc.path) : def.doc.path} line ${def.directive.line + 1}`;
  if (def.value === undefined) return `unknown: set by \`${def.cmd}\` at ${where} (computed by FreeSWITCH at load time; fsconf never runs it)`;
  const shown = SECRET_NAME.test(def.name) ? maskSecret(def.value) : def.value;
  return `\`${shown}\` — set at ${where}`;
}

export function preprocessHover(ctx: ProviderContext): Hover | undefined {
  const { doc, offset } = ctx.cursor;
  const tree = ctx.ws.analysis().tree;
  const use = varUseAt(doc, offset);
  if (use) {
    const def = tree.vars.lookup(use.name, seqAt(doc, use.start));
    let body: string;
    if (def) body = describeDef(def, tree.root);
    else if ((tree.vars.defs.get(use.name) ?? []).length) body = `empty here: \`${use.name}\` is set only later in load order`;
    else if (['local_ip_v4', 'local_ip_v6', 'local_mask_v4', 'hostname', 'conf_dir', 'base_dir', 'sounds_dir', 'recordings_dir', 'log_dir', 'storage_dir', 'certs_dir', 'sound_prefix'].includes(use.name) || /^[a-z_]+_dir$/.test(use.name))
      body = 'set by FreeSWITCH itself at start-up (its value depends on the host)';
    else body = 'never set: FreeSWITCH expands it to an empty string';
    return {
      contents: { kind: 'markdown', value: `**$\${${use.name}}** — pre-processor variable\n\n${body}` },
      range: doc.lines.range(use.start, use.end),
    };
  }
  // the cmd itself is explained by the knowledge-base provider (kb-provider.ts)
  const d = directiveAt(doc, offset);
  if (d && d.cmd?.toLowerCase() === 'include' && offset >= d.dataStart && offset <= d.dataEnd) {
    const site = doc.includeSites.find((s) => s.directive === d);
    const files = site?.targets.map((t) => `- ${relativePath(tree.root ?? '/', t.path)}`) ?? [];
    return {
      contents: { kind: 'markdown', value: `**include** \`${d.data}\`\n\n${files.length ? `Includes, in this order:\n${files.join('\n')}` : 'matches no file'}` },
      range: doc.lines.range(d.dataStart, d.dataEnd),
    };
  }
  return undefined;
}

export function preprocessDefinition(ctx: ProviderContext): Location[] | undefined {
  const { doc, offset } = ctx.cursor;
  const tree = ctx.ws.analysis().tree;
  const use = varUseAt(doc, offset);
  if (use) {
    const def = tree.vars.lookup(use.name, seqAt(doc, use.start)) ?? tree.vars.defs.get(use.name)?.[0];
    if (!def) return [];
    return [{ uri: toUri(def.doc.path), range: def.doc.lines.range(def.nameStart, def.nameEnd) }];
  }
  const d = directiveAt(doc, offset);
  if (d && d.cmd?.toLowerCase() === 'include' && offset >= d.dataStart && offset <= d.dataEnd) {
    const site = doc.includeSites.find((s) => s.directive === d);
    return (site?.targets ?? []).map((t) => ({ uri: toUri(t.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
  }
  return undefined;
}

export function preprocessReferences(ctx: ProviderContext): Location[] | undefined {
  const { doc, offset } = ctx.cursor;
  const tree = ctx.ws.analysis().tree;
  let name: string | undefined = varUseAt(doc, offset)?.name;
  if (!name) {
    for (const list of tree.vars.defs.values()) {
      for (const def of list) if (def.doc === doc && offset >= def.nameStart && offset <= def.nameEnd) name = def.name;
    }
  }
  if (!name) return undefined;
  const out: Location[] = [];
  for (const d of tree.order) {
    for (const u of d.scan.varUses) if (u.name === name) out.push({ uri: toUri(d.path), range: d.lines.range(u.start, u.end) });
  }
  for (const def of tree.vars.defs.get(name) ?? []) out.push({ uri: toUri(def.doc.path), range: def.doc.lines.range(def.nameStart, def.nameEnd) });
  return out;
}

export function preprocessCompletion(ctx: ProviderContext): CompletionItem[] | undefined {
  const { doc, offset } = ctx.cursor;
  const lineStart = doc.lines.lineStart(doc.lines.lineOf(offset));
  const before = doc.text.slice(lineStart, offset);
  const m = /\$\$\{([\w.-]*)$/.exec(before);
  if (!m) return undefined;
  const tree = ctx.ws.analysis().tree;
  const seq = seqAt(doc, offset);
  const items: CompletionItem[] = [];
  for (const [name, defs] of tree.vars.defs) {
    const def = defs.filter((x) => x.seq < seq).pop() ?? defs[0]!;
    items.push({
      label: name,
      kind: 6, // Variable
      detail: def.value === undefined ? `unknown (${def.cmd})` : SECRET_NAME.test(name) ? maskSecret(def.value) : def.value,
      documentation: describeDef(def, tree.root),
      insertText: name,
    });
  }
  return items;
}
