/**
 * Hover, definition, references and completion for the pre-processor: `$${var}` and X-PRE-PROCESS.
 */
import type { CompletionItem, Hover, Location, LocationLink } from 'vscode-languageserver-types';
import { seqAt, type Doc, type VarDef, type VarRef } from '../tree.js';
import { maskSecret } from '../text.js';
import { relativePath } from '../fs.js';
import type { ProviderContext } from './providers.js';
import { allCoreGlobals, coreGlobal } from '../kb/index.js';

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

/** The value text of a `set` as written (before expansion). */
export function rawValue(def: VarDef): string {
  return def.doc.text.slice(def.valueStart, def.valueEnd);
}

/** What a FreeSWITCH-set global holds, in a few words (the knowledge base has the detail). */
export function globalGist(name: string): string | undefined {
  const words: Record<string, string> = {
    local_ip_v4: "this host's IPv4 address",
    local_ip_v6: "this host's IPv6 address",
    local_mask_v4: "this host's IPv4 netmask",
    hostname: "this host's name",
  };
  if (words[name]) return words[name];
  const g = coreGlobal(name);
  if (!g) return undefined;
  if (/_dir$|_prefix$/.test(name)) return `a folder of this FreeSWITCH install (${name.replace(/_/g, ' ')})`;
  const first = g.doc.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** Why one variable of a chained value has no value fsconf can know. */
function refGist(r: VarRef, root: string | undefined): string {
  const name = `\`$\${${r.name}}\``;
  if (r.def && r.def.value !== undefined) return `${name} = \`${SECRET_NAME.test(r.name) ? maskSecret(r.def.value) : r.def.value}\``;
  if (r.def && r.def.cmd === 'set') return `${name} → ${rawValue(r.def)}`;
  if (r.def)
    return `${name} is computed by \`${r.def.cmd}\` at ${root ? relativePath(root, r.def.doc.path) : r.def.doc.path} line ${r.def.directive.line + 1} (fsconf never runs it)`;
  const gist = globalGist(r.name);
  if (gist) return `${name} → ${gist}, set by FreeSWITCH at start-up`;
  return `${name} is never set (it expands to an empty string)`;
}

export function describeDef(def: VarDef, root: string | undefined): string {
  const where = `${root ? relativePath(root, def.doc.path) : def.doc.path} line ${def.directive.line + 1}`;
  if (def.value === undefined && def.cmd === 'set') {
    // built from other variables, one of which only the switch knows (e.g. $${local_ip_v4})
    const raw = rawValue(def);
    const shown = SECRET_NAME.test(def.name) ? maskSecret(raw) : raw;
    // one variable and nothing else (vanilla's domain=$${local_ip_v4}): `= $${local_ip_v4} → this host's IPv4 address`
    const only = def.uses.length === 1 && raw.trim() === `$\${${def.uses[0]!.name}}` ? def.uses[0]! : undefined;
    if (only) return `= \`${shown}\` → ${refGist(only, root).replace(/^`[^`]*` (\u2192 |= |is )?/, '')} — set at ${where}`;
    const parts = def.uses.map((r) => refGist(r, root));
    return `= \`${shown}\`${parts.length ? ` — ${parts.join('; ')}` : ''} — set at ${where}`;
  }
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
    else if (globalGist(use.name)) body = `${globalGist(use.name)} — set by FreeSWITCH itself at start-up (its value depends on the host)`;
    else if (/^[a-z_]+_dir$/.test(use.name)) body = 'set by FreeSWITCH itself at start-up (its value depends on the host)';
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
    const targets = site?.targets ?? [];
    // a long glob is summarised: the list lives in go-to-definition, not in a hover screens long
    const shown = targets.length > 12 ? targets.slice(0, 8) : targets;
    const files = shown.map((t) => `- ${relativePath(tree.root ?? '/', t.path)}`);
    if (shown.length < targets.length) files.push(`- … and ${targets.length - shown.length} more (go to definition lists every file)`);
    const head = targets.length > 1 ? `Includes ${targets.length} files, in this order:` : 'Includes:';
    return {
      contents: { kind: 'markdown', value: `**include** \`${d.data}\`\n\n${files.length ? `${head}\n${files.join('\n')}` : 'matches no file'}` },
      range: doc.lines.range(d.dataStart, d.dataEnd),
    };
  }
  return undefined;
}

export function preprocessDefinition(ctx: ProviderContext): Location[] | LocationLink[] | undefined {
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
    // every file a glob brings in, in load order (editors offer the list); the whole path is the origin
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const origin = doc.lines.range(d.dataStart, d.dataEnd);
    return (site?.targets ?? []).map((t): LocationLink => ({
      originSelectionRange: origin,
      targetUri: toUri(t.path),
      targetRange: top,
      targetSelectionRange: top,
    }));
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
  // replace the whole name under the cursor (and keep a `}` already there): the client filters on the typed prefix
  const after = /^[\w.-]*/.exec(doc.text.slice(offset, doc.lines.lineEnd(doc.lines.lineOf(offset))))![0];
  const range = doc.lines.range(offset - m[1]!.length, offset + after.length);
  const tree = ctx.ws.analysis().tree;
  const seq = seqAt(doc, offset);
  const items: CompletionItem[] = [];
  for (const [name, defs] of tree.vars.defs) {
    const def = defs.filter((x) => x.seq < seq).pop() ?? defs[0]!;
    items.push({
      label: name,
      kind: 6, // Variable
      detail:
        def.value === undefined
          ? def.cmd === 'set'
            ? `= ${rawValue(def)}`
            : `unknown (${def.cmd})`
          : SECRET_NAME.test(name)
            ? maskSecret(def.value)
            : def.value,
      documentation: describeDef(def, tree.root),
      filterText: name,
      sortText: `0${name}`,
      textEdit: { range, newText: name },
    });
  }
  // FreeSWITCH's own globals (switch_core.c sets them before it pre-processes freeswitch.xml)
  for (const g of allCoreGlobals()) {
    if (tree.vars.defs.has(g.name) || g.name.startsWith('<')) continue;
    const firstLoad = g.timing.includes('pre');
    if (!firstLoad && !g.timing.includes('post')) continue; // `read` globals are ones you set yourself
    items.push({
      label: g.name,
      kind: 6,
      detail: firstLoad ? 'set by FreeSWITCH at start-up' : 'set by FreeSWITCH only after start-up (empty on the first load)',
      documentation: {
        kind: 'markdown',
        value: `${g.doc}${firstLoad ? '' : '\n\nEmpty while freeswitch.xml is first read; it has a value only after a later `reloadxml`.'}`,
      },
      filterText: g.name,
      sortText: `${firstLoad ? 1 : 2}${g.name}`,
      textEdit: { range, newText: g.name },
    });
  }
  return items;
}
