/**
 * Hover, definition, references and completion for network lists (ACLs): `<list name>` in acl.conf, every
 * place that names a list (sofia, gateways, event_socket, verto, check_acl, auth-acl), node CIDRs and
 * the built-in `*.auto` lists.
 */
import type { CompletionItem, Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { aclModelFor, aclReferences, parseLocalNet, refLabel, ACL_PARAM_NAMES, type AclModel, type AclReference } from '../semantics/network-lists.js';
import { checkAddress, describeCidr, formatAddress, parseCidr, summarizeList, type NetworkList } from '../acl/index.js';
import { relativePath } from '../fs.js';
import type { AclList, Model } from '../model.js';
import type { Doc } from '../tree.js';
import type { XmlAttr } from '../xml/parser.js';
import { toUri } from './preprocess-provider.js';
import type { ProviderContext } from './providers.js';

const MAX_NODES_SHOWN = 30;

const summaries = new WeakMap<object, Map<string, string>>();
/** summarizeList, cached per built lists (the IPv6 walk of a /128 costs tens of ms). */
function summary(am: AclModel, name: string): string {
  let m = summaries.get(am.lists);
  if (!m) summaries.set(am.lists, (m = new Map()));
  let s = m.get(name);
  if (s === undefined) m.set(name, (s = summarizeList(am.lists, name)));
  return s;
}

function aclModel(ctx: ProviderContext): { am: AclModel; model: Model; root: string | undefined } {
  const a = ctx.ws.analysis();
  const ln = a.config.localNet ? parseLocalNet(a.config.localNet) : undefined;
  return { am: aclModelFor(a.model, ln), model: a.model, root: a.tree.root };
}

type Target =
  | { kind: 'list'; name: string; doc: Doc; start: number; end: number; ref?: AclReference; def?: AclList }
  | { kind: 'cidr'; text: string; doc: Doc; start: number; end: number; allow: boolean | undefined }
  | { kind: 'host'; host: string; mask: string; doc: Doc; start: number; end: number };

function listOfElement(model: Model, ctx: ProviderContext): AclList | undefined {
  const el = ctx.cursor.element;
  if (!el || el.name !== 'list') return undefined;
  return model.aclLists.find((l) => l.node.el === el && l.node.doc === ctx.cursor.doc);
}

function targetAt(ctx: ProviderContext): Target | undefined {
  const { doc, offset, element, attr } = ctx.cursor;
  const { model } = aclModel(ctx);
  // a reference
  for (const r of aclReferences(model)) {
    if (r.doc === doc && offset >= r.start && offset <= r.end && r.name !== undefined)
      return { kind: 'list', name: r.name, doc, start: r.start, end: r.end, ref: r };
  }
  // a <list> definition
  const list = listOfElement(model, ctx);
  if (list) {
    const onName = (attr && attr === list.nameAttr) || ctx.cursor.inTagName;
    if (onName) {
      const a = list.nameAttr;
      return { kind: 'list', name: list.name, doc, start: a ? a.valueStart : element!.nameStart, end: a ? a.valueEnd : element!.nameEnd, def: list };
    }
    return undefined;
  }
  // a <node> of a list
  if (element && element.name === 'node' && attr && ctx.cursor.inAttrValue) {
    const owner = model.aclLists.find((l) => l.nodes.some((n) => n.node.el === element && n.node.doc === doc));
    if (!owner) return undefined;
    const n = owner.nodes.find((x) => x.node.el === element)!;
    const t = n.attrs.get('type');
    const dflt = owner.defaultAttr?.expanded.value;
    const typeWord = t ? t.expanded.value : owner.defaultAttr ? dflt : 'allow';
    const allow = typeWord === undefined ? undefined : isTrue(typeWord);
    if (attr.name === 'cidr') {
      const v = n.attrs.get('cidr')!.expanded.value;
      if (v === undefined) return undefined;
      return cidrItemAt(doc, attr, v, offset, allow);
    }
    if (attr.name === 'host' || attr.name === 'mask') {
      const h = n.attrs.get('host')?.expanded.value;
      const m = n.attrs.get('mask')?.expanded.value;
      if (h === undefined || m === undefined) return undefined;
      return { kind: 'host', host: h, mask: m, doc, start: attr.valueStart, end: attr.valueEnd };
    }
  }
  return undefined;
}

function isTrue(v: string): boolean {
  const l = v.toLowerCase();
  return ['yes', 'on', 'true', 't', 'enabled', 'active', 'allow'].includes(l) || (/^[+-]?\d+$/.test(v) && Number(v) !== 0);
}

function cidrItemAt(doc: Doc, attr: XmlAttr, value: string, offset: number, allow: boolean | undefined): Target {
  const raw = doc.text.slice(attr.valueStart, attr.valueEnd);
  if (raw !== value || !value.includes(',')) return { kind: 'cidr', text: value.trim(), doc, start: attr.valueStart, end: attr.valueEnd, allow };
  let pos = 0;
  for (const piece of raw.split(',')) {
    const s = attr.valueStart + pos + (piece.length - piece.trimStart().length);
    const e = s + piece.trim().length;
    if (offset >= attr.valueStart + pos && offset <= attr.valueStart + pos + piece.length)
      return { kind: 'cidr', text: piece.trim(), doc, start: s, end: e, allow };
    pos += piece.length + 1;
  }
  return { kind: 'cidr', text: value, doc, start: attr.valueStart, end: attr.valueEnd, allow };
}

function where(root: string | undefined, file: string, line: number): string {
  return `${root ? relativePath(root, file) : file}:${line}`;
}

function nodeLine(n: NetworkList['nodes'][number], root: string | undefined, builtin: boolean): string {
  const loc = n.source ? ` — ${where(root, n.source.file, n.source.line)}` : builtin ? '' : '';
  const quirk = n.quirk
    ? ` (${n.quirk})`
    : n.malformed
      ? ' (malformed: matches unpredictably in FreeSWITCH)'
      : n.hostDependent
        ? ' (set localNet in .fsconf.yaml to evaluate it)'
        : '';
  const bits = n.kind === 'hostmask' || n.kind === 'localnet' ? `${n.bits} mask bits` : `/${n.bits}`;
  return `\`${n.label}\` **${n.allow ? 'allow' : 'deny'}** (${bits})${loc}${quirk}`;
}

/** Examples where a longer prefix overrides a broader opposite node (why e.g. .42 is allowed in vanilla's lan). */
function whyExamples(am: AclModel, list: NetworkList): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const n of [...list.nodes].sort((a, b) => b.bits - a.bits || a.index - b.index)) {
    if (out.length >= 3) break;
    if (n.malformed || n.hostDependent || n.family === 0) continue;
    const p = parseCidr(n.cidr);
    if (!p.ok || p.malformedAddress) continue;
    const sample = formatAddress(p.family, p.network);
    if (seen.has(sample)) continue;
    seen.add(sample);
    const v = checkAddress(am.lists, list.name, sample);
    const bits = [...new Set(v.competing.map((c) => c.bits))];
    if (v.verdict === 'unknown' || !v.decidedBy || bits.length < 2) continue;
    if (!v.competing.some((c) => c.type !== v.decidedBy!.type)) continue;
    const lower = bits.filter((b) => b !== n.bits).sort((a, b) => b - a);
    out.push(
      `\`${sample}\` → **${v.verdict}**: it matches ${v.competing.map((c) => `${c.cidr} (${c.type})`).join(' and ')}; the longest prefix wins, /${n.bits} beats ${lower.map((b) => `/${b}`).join(', ')}`,
    );
  }
  return out;
}

function listHover(am: AclModel, model: Model, root: string | undefined, name: string): string {
  const list = am.lists.lists.get(name);
  const refs = aclReferences(model).filter((r) => r.name === name);
  const used = refs.length
    ? `**Used by:**\n${refs.map((r) => `- ${refLabel(r)} (${where(root, r.doc.path, r.doc.lines.lineOf(r.start) + 1)})`).join('\n')}`
    : '_Not referenced anywhere in this tree._';
  if (!list) {
    if (name.includes('/')) {
      const items = name.split(',').map((c) => describeCidr(c.trim()).summary);
      return `**inline CIDR list** \`${name}\`\n\nNo list has this name, so FreeSWITCH reads it as CIDRs: an address matching any of them is allowed, everything else denied.\n\n${items.map((s) => `- ${s}`).join('\n')}\n\n${summary(am, name)}\n\n${used}`;
    }
    return `**\`${name}\`** — no such network list\n\nNo list, built-in \`*.auto\` list or CIDR has this name: FreeSWITCH silently denies everything checked against it (list names are case-sensitive).\n\n${used}`;
  }
  const parts: string[] = [];
  const dflt = list.defaultAllow ? 'allow' : 'deny';
  if (list.builtin) {
    parts.push(
      `**built-in network list \`${name}\`** — default **${dflt}**\n\nCreated by FreeSWITCH at start-up (switch_load_network_lists); an acl.conf list with the same name would replace it.`,
    );
  } else {
    const info = am.byName.get(name);
    const src = list.source ? ` · ${where(root, list.source.file, list.source.line)}` : '';
    const dnote = list.defaultAttr === undefined ? ' (no default= attribute: FreeSWITCH allows)' : '';
    parts.push(`**network list \`${name}\`** — default **${dflt}**${dnote}${src}`);
    if (list.replaced)
      parts.push(
        list.replaced.builtin
          ? `Replaces FreeSWITCH's built-in list \`${name}\`.`
          : `Replaces an earlier definition${list.replaced.source ? ` at ${where(root, list.replaced.source.file, list.replaced.source.line)}` : ''}: the last definition wins.`,
      );
    if (info && (info.unknownDefault || info.unknownNodes.length)) {
      parts.push(
        `Depends on values fsconf cannot know (${info.unknownDefault ? 'default=' : ''}${info.unknownDefault && info.unknownNodes.length ? ', ' : ''}${info.unknownNodes.length ? `${info.unknownNodes.length} node(s)` : ''}); they are left out below.`,
      );
    }
  }
  parts.push(`**Summary:** ${summary(am, name)}`);
  if (list.nodes.length) {
    const ordered = [...list.nodes].sort((a, b) => b.bits - a.bits || a.index - b.index);
    const shown = ordered.slice(0, MAX_NODES_SHOWN).map((n, i) => `${i + 1}. ${nodeLine(n, root, list.builtin)}`);
    if (ordered.length > MAX_NODES_SHOWN) shown.push(`… and ${ordered.length - MAX_NODES_SHOWN} more`);
    parts.push(
      `**Nodes in evaluation order** (longest prefix wins; on equal prefixes the node first in the file wins; IPv4 nodes never decide IPv6 addresses and vice versa):\n${shown.join('\n')}`,
    );
    const why = whyExamples(am, list);
    if (why.length) parts.push(`**Why:**\n${why.map((w) => `- ${w}`).join('\n')}`);
  } else {
    parts.push(`No nodes: every address gets the default (${dflt}).`);
  }
  parts.push(used);
  return parts.join('\n\n');
}

function md(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

export function aclHover(ctx: ProviderContext): Hover | undefined {
  const t = targetAt(ctx);
  if (!t) return undefined;
  const { am, model, root } = aclModel(ctx);
  const range = t.doc.lines.range(t.start, t.end);
  if (t.kind === 'list') return { contents: md(listHover(am, model, root, t.name)), range };
  if (t.kind === 'cidr') {
    const d = describeCidr(t.text);
    const verdict = t.allow === undefined ? '' : ` — this node **${t.allow ? 'allows' : 'denies'}** them`;
    const body = d.ok
      ? `first address \`${d.first}\`, last address \`${d.last}\`, ${d.count.toLocaleString('en-US')} address${d.count === 1n ? '' : 'es'} (priority /${d.bits})${verdict}\n\n${d.summary}`
      : d.summary;
    return { contents: md(`**CIDR** \`${t.text}\`\n\n${body}`), range };
  }
  const hb = t.host.split('.').map(Number);
  const mb = t.mask.split('.').map(Number);
  if (hb.length === 4 && mb.length === 4 && [...hb, ...mb].every((x) => Number.isInteger(x) && x >= 0 && x <= 255)) {
    const h = ((hb[0]! << 24) | (hb[1]! << 16) | (hb[2]! << 8) | hb[3]!) >>> 0;
    const m = ((mb[0]! << 24) | (mb[1]! << 16) | (mb[2]! << 8) | mb[3]!) >>> 0;
    let zeros = 0;
    for (let i = 0; i < 32; i++) if (((m >>> i) & 1) === 0) zeros++;
    const first = (h & m) >>> 0;
    const last = (first | (~m >>> 0)) >>> 0;
    const contiguous = ((~m >>> 0) & ((~m >>> 0) + 1)) === 0;
    const span = contiguous
      ? `first address \`${formatAddress(4, BigInt(first))}\`, last address \`${formatAddress(4, BigInt(last))}\`, `
      : 'non-contiguous mask: ';
    return {
      contents: md(
        `**host/mask** \`${t.host}\` / \`${t.mask}\`\n\n${span}${(2 ** zeros).toLocaleString('en-US')} addresses (priority ${32 - zeros}). FreeSWITCH also tests host/mask nodes against IPv6 addresses.`,
      ),
      range,
    };
  }
  return undefined;
}

function listLocation(l: AclList): Location {
  const a = l.nameAttr;
  const doc = l.node.doc;
  return { uri: toUri(doc.path), range: a ? doc.lines.range(a.valueStart, a.valueEnd) : doc.lines.range(l.node.el.nameStart, l.node.el.nameEnd) };
}

export function aclDefinition(ctx: ProviderContext): Location[] | undefined {
  const t = targetAt(ctx);
  if (!t || t.kind !== 'list') return undefined;
  const { am } = aclModel(ctx);
  const info = am.byName.get(t.name);
  if (info && am.lists.lists.get(t.name)?.builtin === false) return [listLocation(info.list)];
  return [];
}

export function aclReferencesProvider(ctx: ProviderContext): Location[] | undefined {
  const t = targetAt(ctx);
  if (!t || t.kind !== 'list') return undefined;
  const { am, model } = aclModel(ctx);
  const out: Location[] = [];
  for (const info of am.infos) if (info.list.name === t.name) out.push(listLocation(info.list));
  for (const r of aclReferences(model)) if (r.name === t.name) out.push({ uri: toUri(r.doc.path), range: r.doc.lines.range(r.start, r.end) });
  return out;
}

/** The token of a reference value under the cursor: [start, end) offsets, or undefined when not in one. */
function completionToken(ctx: ProviderContext): { start: number; end: number } | undefined {
  const { doc, offset, element, attr, inAttrValue } = ctx.cursor;
  if (!element || !attr || !inAttrValue) return undefined;
  const raw = doc.text.slice(attr.valueStart, attr.valueEnd);
  const rel = offset - attr.valueStart;
  if (element.name === 'param' && attr.name === 'value') {
    const pname = element.attrs.find((a) => a.name === 'name')?.value.toLowerCase();
    if (!pname || !ACL_PARAM_NAMES.has(pname)) return undefined;
    if (pname === 'apply-inbound-acl') {
      const colon = raw.indexOf(':');
      if (colon >= 0 && rel > colon) return undefined; // a context, not a list
      return { start: attr.valueStart, end: attr.valueStart + (colon >= 0 ? colon : raw.length) };
    }
    return { start: attr.valueStart, end: attr.valueEnd };
  }
  if (element.name === 'action' || element.name === 'anti-action') {
    const app = element.attrs.find((a) => a.name === 'application')?.value;
    if (app !== 'check_acl' || attr.name !== 'data') return undefined;
    const m = /^(\s*\S+\s+)(\S*)/.exec(raw);
    if (!m) return undefined;
    const s = m[1]!.length;
    const e = s + m[2]!.length;
    if (rel < s || rel > e) return undefined;
    return { start: attr.valueStart + s, end: attr.valueStart + e };
  }
  return undefined;
}

export function aclCompletion(ctx: ProviderContext): CompletionItem[] | undefined {
  const tok = completionToken(ctx);
  if (!tok) return undefined;
  const { am, root } = aclModel(ctx);
  const doc = ctx.cursor.doc;
  const range = doc.lines.range(tok.start, tok.end);
  const items: CompletionItem[] = [];
  for (const l of am.lists.lists.values()) {
    let text: string;
    try {
      text = summary(am, l.name);
    } catch {
      text = '';
    }
    items.push({
      label: l.name,
      kind: 12, // Value
      detail: l.builtin
        ? `built-in (default ${l.defaultAllow ? 'allow' : 'deny'})`
        : `acl.conf${l.source ? ` ${where(root, l.source.file, l.source.line)}` : ''} (default ${l.defaultAllow ? 'allow' : 'deny'})`,
      documentation: text,
      sortText: `${l.builtin ? '1' : '0'}${l.name}`,
      textEdit: { range, newText: l.name },
    });
  }
  return items;
}
