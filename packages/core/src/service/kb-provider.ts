/**
 * Hover and completion from the knowledge base: `<param>` names and values of every config the KB
 * describes (sofia profiles, gateways and global settings, directory users, every module config),
 * dialplan applications, amqp event names and log levels, modules.conf module names, X-PRE-PROCESS
 * commands and caller-profile fields.
 *
 * Where a param sits is worked out from its ancestors, across include boundaries (a sip profile file is
 * spliced into `<configuration name="sofia.conf"><profiles>`), or for a file read on its own from its
 * content. Completion also works in a file that does not parse yet: the start tag on the cursor's line
 * is read as text when the tree cannot say where the cursor is.
 */
import type { CompletionItem, CompletionItemKind, Hover, MarkupContent, Range } from 'vscode-languageserver-types';
import {
  allApplications,
  allCallerProfileFields,
  allEvents,
  allLogLevels,
  allModules,
  allPreprocessCmds,
  amrModes,
  application,
  callerProfileField,
  configInfo,
  configParamMatch,
  configParams,
  configSections,
  event as kbEvent,
  kbDidYouMean,
  knownConfigs,
  logLevel,
  mdCode,
  module as kbModule,
  nonModule,
  preprocessCmd,
  renderAppHover,
  renderCallerProfileFieldHover,
  renderEventHover,
  renderLogLevelHover,
  renderModuleHover,
  renderParamHover,
  renderPreprocessHover,
  type ParamEntry,
  type ParamMatch,
  type SectionInfo,
} from '../kb/index.js';
import { attr as attrOf, type XmlAttr, type XmlElement } from '../xml/parser.js';
import { expandAttr } from '../model.js';
import { relativePath, basename } from '../fs.js';
import { maskSecret } from '../text.js';
import type { Doc, Expanded } from '../tree.js';
import { inComment } from '../semantics/source-map.js';
import { kbConfigName, paramSectionAt } from '../semantics/kb-sections.js';
import type { ProviderContext } from './providers.js';
import { describeDef, globalGist } from './preprocess-provider.js';

// ---------------------------------------------------------------------------------------------
// where are we?

interface Step {
  doc: Doc;
  el: XmlElement;
}

/** Ancestors of an element, outermost first, continuing through the include that brought each file in. */
function chainOf(doc: Doc, el: XmlElement | undefined): Step[] {
  const out: Step[] = [];
  let d: Doc | undefined = doc;
  let e: XmlElement | undefined = el;
  for (let hops = 0; d && hops < 100; hops++) {
    for (let x = e; x; x = x.parent) out.push({ doc: d, el: x });
    const site: Doc['includedBy'] = d.includedBy;
    if (!site) break;
    d = site.doc;
    e = site.parent;
  }
  return out.reverse();
}

/** A place in the config: which config, and which KB section a `<param>` there belongs to. */
interface Place {
  config: string;
  section: SectionInfo | undefined;
  /** Element names below `<configuration>` (virtual for files read on their own). */
  names: string[];
}

const DIRECTORY_OWNERS = new Set(['user', 'group', 'domain']);

function sectionById(config: string, id: string): SectionInfo | undefined {
  return configSections(config).find((s) => s.id === id);
}

/** sofia.conf is laid out around profiles; gateways may wrap their params in `<params>`. */
function sofiaSection(names: string[]): SectionInfo | undefined {
  const leaf = names[names.length - 1];
  if (leaf !== 'param') return undefined;
  const gw = names.lastIndexOf('gateway');
  if (gw >= 0) {
    const rest = names.slice(gw + 1).join('/');
    if (rest === 'param' || rest === 'params/param') return sectionById('sofia.conf', 'gateway');
    if (rest === 'subscriptions/subscription/param') return sectionById('sofia.conf', 'subscription');
    return undefined;
  }
  if (names.length === 2 && names[0] === 'global_settings') return sectionById('sofia.conf', 'global_settings');
  const prof = names.lastIndexOf('profile');
  if (prof >= 0 && names.slice(prof + 1).join('/') === 'settings/param') return sectionById('sofia.conf', 'settings');
  return undefined;
}

function directorySection(names: string[]): SectionInfo | undefined {
  const n = names.length;
  if (n < 3 || !DIRECTORY_OWNERS.has(names[n - 3]!)) return undefined;
  const tail = `${names[n - 2]}/${names[n - 1]}`;
  if (tail === 'params/param') return sectionById('directory', 'params');
  if (tail === 'variables/variable') return sectionById('directory', 'variables');
  return undefined;
}

function looksLikeSofiaProfile(doc: Doc, el: XmlElement): boolean {
  if (/skinny|verto/i.test(basename(doc.path))) return false;
  if (/sip_profiles|sofia/i.test(doc.path)) return true;
  return el.children.some((c) => c.name === 'gateways' || c.name === 'settings' || c.name === 'domains');
}

/**
 * Classify element names (outermost first) — the last one is the element whose section we want, e.g.
 * `[..., 'settings', 'param']` for a param or a param about to be typed.
 */
function placeOf(steps: Step[], leaf?: string): Place | undefined {
  const names = steps.map((s) => s.el.name);
  if (leaf) names.push(leaf);
  let cfgIdx = -1;
  for (let i = steps.length - 1; i >= 0; i--) {
    if (steps[i]!.el.name === 'configuration') {
      cfgIdx = i;
      break;
    }
  }
  if (cfgIdx >= 0) {
    const config = kbConfigName(attrOf(steps[cfgIdx]!.el, 'name')?.value);
    if (!config) return undefined;
    const below = names.slice(cfgIdx + 1);
    const section = config === 'sofia.conf' ? sofiaSection(below) : paramSectionAt(config, below);
    return { config, section, names: below };
  }
  // directory: <section name="directory">, or a directory file read on its own
  const inDirectory =
    steps.some((s) => s.el.name === 'section' && attrOf(s.el, 'name')?.value === 'directory') ||
    (steps.length > 0 && /\/directory(\/|$)/.test(steps[0]!.doc.path) && DIRECTORY_OWNERS.has(steps[0]!.el.name)) ||
    (steps.length > 0 && ['domain', 'users', 'groups'].includes(steps[0]!.el.name) && !names.includes('configuration'));
  if (inDirectory) return { config: 'directory', section: directorySection(names), names };
  const top = steps[0];
  if (top && top.el.name === 'profile' && looksLikeSofiaProfile(top.doc, top.el)) {
    const below = ['profiles', ...names];
    return { config: 'sofia.conf', section: sofiaSection(below), names: below };
  }
  if (top && top.el.name === 'gateway') {
    const below = ['profiles', 'profile', 'gateways', ...names];
    return { config: 'sofia.conf', section: sofiaSection(below), names: below };
  }
  return undefined;
}

/** A param looked up the way its module compares names. */
function lookup(place: Place, name: string): ParamMatch | undefined {
  return place.section ? configParamMatch(place.config, place.section.id, name) : undefined;
}

function moduleLabel(config: string): string {
  if (config === 'directory') return 'the directory';
  return configInfo(config)[0]?.module ?? 'the FreeSWITCH core';
}

// ---------------------------------------------------------------------------------------------
// hover

function md(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

function rangeOf(doc: Doc, start: number, end: number): Range {
  return doc.lines.range(start, end);
}

/** `vars.xml:15` for each variable a value was built from. */
function originText(ctx: ProviderContext, e: Expanded): string | undefined {
  const root = ctx.ws.analysis().tree.root;
  const parts: string[] = [];
  for (const r of e.refs) {
    if (!r.def) continue;
    const file = root ? relativePath(root, r.def.doc.path) : r.def.doc.path;
    parts.push(`${mdCode(`$\${${r.name}}`)} at ${file}:${r.def.directive.line + 1}`);
  }
  return parts.length ? parts.join(', ') : undefined;
}

function unknownText(ctx: ProviderContext, e: Expanded): string {
  const root = ctx.ws.analysis().tree.root;
  const why = e.refs
    .filter((r) => r.unknown)
    .map((r) => {
      if (r.def) {
        const file = root ? relativePath(root, r.def.doc.path) : r.def.doc.path;
        // a plain `set` built from a value only the switch knows: show the chain, not "never runs it"
        if (r.def.cmd === 'set') return `${mdCode(`$\${${r.name}}`)} ${describeDef(r.def, root)}`;
        return `${mdCode(`$\${${r.name}}`)} is set by \`${r.def.cmd}\` at ${file}:${r.def.directive.line + 1}`;
      }
      if (r.unknown === 'core-global') return `${mdCode(`$\${${r.name}}`)} → ${globalGist(r.name) ?? 'a value'}, set by FreeSWITCH at start-up`;
      return `${mdCode(`$\${${r.name}}`)} is never set (it expands to an empty string)`;
    });
  const computed = e.refs.some((r) => r.unknown && r.unknown !== 'core-global' && (!r.def || r.def.cmd !== 'set'));
  return `Value ${mdCode(e.raw)}: ${computed ? 'unknown to fsconf' : 'decided on the switch'} - ${why.join('; ')}.`;
}

/** Other params of the same container that FreeSWITCH reads as the same name. */
function duplicateNote(place: Place, el: XmlElement, entry: ParamEntry, doc: Doc): string | undefined {
  const parent = el.parent;
  if (!parent || !place.section || place.section.duplicates === 'all-kept' || entry.repeatable) return undefined;
  const same = parent.children.filter((c) => c.name === el.name && lookup(place, attrOf(c, 'name')?.value ?? '')?.entry === entry);
  if (same.length < 2) return undefined;
  const firstWins = place.section.duplicates === 'first-wins';
  const winner = firstWins ? same[0]! : same[same.length - 1]!;
  if (winner === el) return undefined;
  return `⚠ Not used: ${firstWins ? 'the first' : 'a later'} \`<${el.name} name="${attrOf(winner, 'name')?.value ?? ''}">\` at line ${doc.lines.lineOf(winner.start) + 1} wins.`;
}

/** The comma-separated token of an attribute value that holds the offset. */
function tokenAt(doc: Doc, a: XmlAttr, offset: number): { text: string; start: number; end: number } | undefined {
  const raw = doc.text.slice(a.valueStart, a.valueEnd);
  const rel = offset - a.valueStart;
  if (rel < 0 || rel > raw.length) return undefined;
  let s = raw.lastIndexOf(',', rel - 1) + 1;
  let e = raw.indexOf(',', rel);
  if (e < 0) e = raw.length;
  while (s < e && /\s/.test(raw[s]!)) s++;
  while (e > s && /\s/.test(raw[e - 1]!)) e--;
  if (s >= e) return undefined;
  return { text: raw.slice(s, e), start: a.valueStart + s, end: a.valueStart + e };
}

function paramHover(ctx: ProviderContext, el: XmlElement, a: XmlAttr): Hover | undefined {
  const { doc, offset } = ctx.cursor;
  const place = placeOf(chainOf(doc, el));
  if (!place?.section) return undefined;
  const name = attrOf(el, 'name')?.value ?? '';
  const match = lookup(place, name);
  const range = rangeOf(doc, a.valueStart, a.valueEnd);
  if (!match) {
    if (!name) return undefined;
    if (place.section.unknownNames === 'allowed') {
      return { contents: md(`**${name}** — ${place.section.doc.split('\n')[0]}`), range };
    }
    const s = kbDidYouMean(
      name,
      configParams(place.config, place.section.id).map((p) => p.name),
    );
    const what = place.section.unknownNames === 'warned' ? 'FreeSWITCH logs a warning and ignores it' : 'FreeSWITCH silently ignores it';
    return {
      contents: md(
        `**${name}** — not a param ${moduleLabel(place.config)} reads here: ${what}.${s.length ? `\n\nDid you mean ${s.map(mdCode).join(', ')}?` : ''}`,
      ),
      range,
    };
  }
  const entry = match.entry;
  const valueAttr = attrOf(el, 'value');
  // a value token of a list param (amqp event_filter, log-levels)
  if (a.name === 'value' && valueAttr && entry.type === 'list') {
    const tok = tokenAt(doc, valueAttr, offset);
    if (tok && !tok.text.includes('$${')) {
      if (entry.name === 'event_filter') {
        const ev = kbEvent(tok.text.split('^')[0]!.trim());
        if (ev) return { contents: md(renderEventHover(ev)), range: rangeOf(doc, tok.start, tok.end) };
      } else if (entry.values?.some((v) => logLevel(v.value))) {
        const lv = logLevel(tok.text);
        if (lv) return { contents: md(renderLogLevelHover(lv)), range: rangeOf(doc, tok.start, tok.end) };
      }
    }
  }
  const secret = entry.type === 'password';
  const show = (v: string) => (secret ? maskSecret(v) : v);
  const extra: string[] = [];
  let body: string;
  if (valueAttr) {
    const e = expandAttr(ctx.ws.analysis().tree, doc, valueAttr);
    if (e.value === undefined) {
      body = renderParamHover(entry);
      extra.push(unknownText(ctx, e));
    } else {
      const origin = originText(ctx, e);
      body = renderParamHover(entry, {
        value: show(valueAttr.value),
        ...(e.value !== valueAttr.value ? { expanded: show(e.value) } : {}),
        ...(origin ? { origin } : {}),
      });
    }
  } else {
    body = renderParamHover(entry);
    if (entry.default !== undefined || entry.defaultNote) extra.push('No `value`: FreeSWITCH uses the default.');
  }
  if (match.how !== 'exact' && name !== entry.name) {
    extra.push(
      match.how === 'prefix'
        ? `Read as ${mdCode(entry.name)}: ${moduleLabel(place.config)} compares only the start of the name.`
        : `Read as ${mdCode(entry.name)} (the name ignores case).`,
    );
  }
  const dup = duplicateNote(place, el, entry, doc);
  if (dup) extra.push(dup);
  return { contents: md([body, ...extra].join('\n\n')), range };
}

export function kbHover(ctx: ProviderContext): Hover | undefined {
  const { doc, offset, element, attr: a } = ctx.cursor;
  // X-PRE-PROCESS cmd (the pre-processor provider covers $${var} and include data)
  for (const d of doc.scan.directives) {
    if (d.cmd && offset >= d.cmdStart && offset <= d.cmdEnd) {
      const c = preprocessCmd(d.cmd);
      return c ? { contents: md(renderPreprocessHover(c)), range: rangeOf(doc, d.cmdStart, d.cmdEnd) } : undefined;
    }
  }
  if (!element || !a || inComment(doc, offset)) return undefined;
  const value = a.value.trim();
  const valueRange = rangeOf(doc, a.valueStart, a.valueEnd);
  switch (element.name) {
    case 'param':
    case 'variable':
      if (a.name === 'name' || a.name === 'value') return paramHover(ctx, element, a);
      return undefined;
    case 'action':
    case 'anti-action': {
      if (a.name !== 'application' || !ctx.cursor.inAttrValue || !value) return undefined;
      const app = application(value);
      if (app) return { contents: md(renderAppHover(app)), range: valueRange };
      if (ctx.ws.analysis().config.known.applications.includes(value))
        return { contents: md(`**${value}** — declared in \`.fsconf.yaml\` (known.applications): a third-party application.`), range: valueRange };
      return undefined;
    }
    case 'load': {
      if (a.name !== 'module' || !ctx.cursor.inAttrValue || !value) return undefined;
      const name = value.replace(/\.(so|dll|dylib)$/i, '');
      const m = kbModule(name) ?? nonModule(name);
      if (m) return { contents: md(renderModuleHover(m)), range: valueRange };
      if (ctx.ws.analysis().config.known.modules.includes(name))
        return { contents: md(`**${name}** — declared in \`.fsconf.yaml\` (known.modules): a third-party module.`), range: valueRange };
      return undefined;
    }
    case 'condition':
    case 'regex': {
      if (a.name !== 'field' || !ctx.cursor.inAttrValue || !value || value.includes('$')) return undefined;
      const f = callerProfileField(value);
      return f ? { contents: md(renderCallerProfileFieldHover(f)), range: valueRange } : undefined;
    }
    case 'configuration': {
      if (a.name !== 'name' || !ctx.cursor.inAttrValue) return undefined;
      const config = kbConfigName(value);
      const set = config ? configInfo(config)[0] : undefined;
      if (!set || !config) return undefined;
      const sets = configInfo(config);
      const doc1 = sets.map((s) => s.doc).join('\n\n');
      return { contents: md(`**${value}** — ${set.title}\n\n${doc1}${set.module ? `\n\n_${set.module}_` : ''}`), range: valueRange };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// completion

/** The start tag and attribute the cursor is typing in. */
interface AttrSite {
  tag: string;
  /** Offset of the tag's `<`. */
  tagStart: number;
  attr: string;
  attrs: Map<string, string>;
  /** Offset of the first character of the value. */
  valueStart: number;
  /** Where a completion should stop replacing (the closing quote on this line, else the cursor). */
  replaceEnd: number;
  /** The element itself when the tree has it. */
  element: XmlElement | undefined;
}

const TAG_ON_LINE = /<([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s+([\w:.-]+)\s*=\s*(["'])([^"']*)$/;

function attrsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) if (!out.has(m[1]!)) out.set(m[1]!, m[2] ?? m[3] ?? '');
  return out;
}

function closingQuoteEnd(doc: Doc, offset: number): number {
  const rest = doc.text.slice(offset, doc.lines.lineEnd(doc.lines.lineOf(offset)));
  const m = /^[^"'<>]*["']/.exec(rest);
  return m ? offset + m[0].length - 1 : offset;
}

function attrSite(ctx: ProviderContext): AttrSite | undefined {
  const { doc, offset, element, attr: a, inAttrValue } = ctx.cursor;
  const lineStart = doc.lines.lineStart(doc.lines.lineOf(offset));
  const before = doc.text.slice(lineStart, offset);
  const m = TAG_ON_LINE.exec(before);
  if (m) {
    const tagStart = lineStart + m.index;
    const valueStart = offset - m[5]!.length;
    const own = element && element.start === tagStart ? element : undefined;
    const attrs = own
      ? new Map(own.attrs.map((x) => [x.name, x.value] as const))
      : attrsOf(doc.text.slice(tagStart, doc.lines.lineEnd(doc.lines.lineOf(offset))));
    return { tag: m[1]!, tagStart, attr: m[3]!, attrs, valueStart, replaceEnd: closingQuoteEnd(doc, offset), element: own };
  }
  // a start tag spread over several lines: the tree knows
  if (element && a && inAttrValue && a.quote) {
    const closedHere = a.valueEnd <= doc.lines.lineEnd(doc.lines.lineOf(offset)) && a.valueEnd < doc.text.length;
    return {
      tag: element.name,
      tagStart: element.start,
      attr: a.name,
      attrs: new Map(element.attrs.map((x) => [x.name, x.value] as const)),
      valueStart: a.valueStart,
      replaceEnd: closedHere ? a.valueEnd : offset,
      element,
    };
  }
  return undefined;
}

/** The innermost element whose content holds offset (its start tag ends before it). */
function containerAt(doc: Doc, offset: number): XmlElement | undefined {
  const text = doc.xml.text;
  const isContainer = (el: XmlElement) =>
    !el.selfClosing &&
    text.charCodeAt(el.startTagEnd - 1) === 62 /* > */ &&
    el.startTagEnd <= offset &&
    (offset < el.end || (!el.closed && el.end >= text.length));
  let list = doc.xml.roots;
  let found: XmlElement | undefined;
  for (;;) {
    const hit = list.find(isContainer);
    if (!hit) return found;
    found = hit;
    list = hit.children;
  }
}

function item(
  label: string,
  kind: CompletionItemKind,
  detail: string | undefined,
  doc: string | undefined,
  edit: { doc: Doc; start: number; end: number } | undefined,
  extra: Partial<CompletionItem> = {},
): CompletionItem {
  return {
    label,
    kind,
    ...(detail ? { detail } : {}),
    ...(doc ? { documentation: md(doc) } : {}),
    ...(edit ? { textEdit: { range: rangeOf(edit.doc, edit.start, edit.end), newText: extra.insertText ?? label } } : {}),
    ...extra,
  };
}

const KIND: Record<'property' | 'value' | 'enumMember' | 'function' | 'module' | 'event' | 'keyword' | 'field' | 'constant', CompletionItemKind> = {
  property: 10,
  value: 12,
  enumMember: 20,
  function: 3,
  module: 9,
  event: 23,
  keyword: 14,
  field: 5,
  constant: 21,
};

function shortDoc(doc: string): string {
  const i = doc.indexOf('\n');
  return i < 0 ? doc : doc.slice(0, i);
}

function paramDetail(p: ParamEntry): string {
  const parts: string[] = [p.type];
  if (p.default !== undefined) parts.push(`default ${p.default}`);
  if (p.deprecated) parts.push('deprecated');
  return parts.join(' · ');
}

function filterPrefix<T extends { label: string }>(items: T[], prefix: string): T[] {
  const p = prefix.trim().toLowerCase();
  if (!p) return items;
  const hits = items.filter((i) => i.label.toLowerCase().includes(p));
  return hits;
}

function paramNameItems(
  place: Place,
  container: XmlElement | undefined,
  self: XmlElement | undefined,
  prefix: string,
  edit: { doc: Doc; start: number; end: number } | undefined,
  wrap: ((name: string, p: ParamEntry) => string) | undefined,
): CompletionItem[] | undefined {
  if (!place.section) return undefined;
  const leaf = place.names[place.names.length - 1];
  const present = new Set<ParamEntry>();
  for (const c of container?.children ?? []) {
    if (c === self || c.name !== leaf) continue;
    const hit = lookup(place, attrOf(c, 'name')?.value ?? '');
    if (hit) present.add(hit.entry);
  }
  const params = configParams(place.config, place.section.id);
  const big = params.length > 60;
  const out: CompletionItem[] = [];
  params.forEach((p, i) => {
    if (present.has(p) && !p.repeatable) return;
    const name = p.name.replace(/\*$/, '');
    const deprecated = !!p.deprecated || !!p.ignored;
    out.push(
      item(name, KIND.property, paramDetail(p), big ? shortDoc(p.doc) : renderParamHover(p), wrap ? undefined : edit, {
        sortText: `${deprecated || p.aliasOf ? '1' : '0'}${String(i).padStart(4, '0')}`,
        ...(wrap ? { insertText: wrap(name, p), filterText: name } : {}),
        ...(deprecated ? { tags: [1] } : {}),
      }),
    );
  });
  return filterPrefix(out, prefix);
}

function valueItems(
  ctx: ProviderContext,
  place: Place,
  name: string,
  prefix: string,
  edit: { doc: Doc; start: number; end: number },
  doc: Doc,
): CompletionItem[] | undefined {
  const match = lookup(place, name);
  if (!match) return undefined;
  const p = match.entry;
  const out: CompletionItem[] = [];
  // list params complete the entry after the last comma
  if (p.type === 'list') {
    const comma = prefix.lastIndexOf(',');
    const tokenPrefix = prefix.slice(comma + 1).trimStart();
    const tokEdit = { doc, start: edit.start + prefix.length - tokenPrefix.length, end: closingTokenEnd(doc, edit.start + prefix.length, edit.end) };
    if (p.name === 'event_filter') {
      for (const e of allEvents()) out.push(item(e.name, KIND.event, 'event', renderEventHover(e), tokEdit));
    } else if (p.values?.some((v) => logLevel(v.value))) {
      for (const l of allLogLevels())
        out.push(item(l.name, KIND.enumMember, l.number !== undefined ? `level ${l.number}` : 'every level', renderLogLevelHover(l), tokEdit));
      out.push(item('all', KIND.enumMember, 'every level', 'All levels.', tokEdit));
    } else if (p.values) {
      for (const v of p.values) out.push(item(v.value, KIND.enumMember, undefined, v.doc, tokEdit));
    }
    return filterPrefix(dedupe(out), tokenPrefix);
  }
  if (p.modes) {
    for (const m of amrModes(p.modes))
      out.push(
        item(String(m.mode), KIND.enumMember, `${m.kbps.toFixed(2)} kbit/s`, `Mode ${m.mode} = **${m.kbps.toFixed(2)} kbit/s**`, edit, {
          sortText: String(m.mode).padStart(2, '0'),
        }),
      );
    return out;
  }
  if (p.type === 'bool') {
    out.push(item('true', KIND.value, 'switch_true', undefined, edit), item('false', KIND.value, undefined, undefined, edit));
  }
  for (const v of p.values ?? []) out.push(item(v.value, KIND.enumMember, v.doc ? shortDoc(v.doc) : undefined, v.doc, edit));
  // ACL names: acl-provider.ts
  if (/^(context|user_context|force-transfer-context)$/.test(p.name)) {
    for (const c of ctx.ws.analysis().model.contexts)
      if (c.name && !c.name.startsWith('(file)')) out.push(item(c.name, KIND.constant, 'dialplan context', undefined, edit));
  }
  return out.length ? filterPrefix(dedupe(out), prefix) : undefined;
}

function closingTokenEnd(doc: Doc, offset: number, limit: number): number {
  const m = /^[^,"'<>]*/.exec(doc.text.slice(offset, Math.max(offset, limit)));
  return offset + (m ? m[0].length : 0);
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.label) ? false : (seen.add(i.label), true)));
}

function attrCompletion(ctx: ProviderContext, site: AttrSite): CompletionItem[] | undefined {
  const { doc, offset } = ctx.cursor;
  const prefix = doc.text.slice(site.valueStart, offset);
  if (/\$\$\{[^}]*$/.test(prefix)) return undefined; // the pre-processor provider completes $${var}
  const edit = { doc, start: site.valueStart, end: Math.max(offset, site.replaceEnd) };
  const config = ctx.ws.analysis().config;
  switch (site.tag) {
    case 'param':
    case 'variable': {
      const container = containerAt(doc, site.tagStart);
      const place = placeOf(chainOf(doc, container), site.tag);
      if (!place?.section) return undefined;
      if (site.attr === 'name') {
        const items = paramNameItems(place, container, site.element, prefix, edit, undefined);
        // no value="…" yet: the item adds it as a snippet and leaves the cursor inside it
        const quote = doc.text[site.replaceEnd];
        if (!items || site.attrs.has('value') || (quote !== '"' && quote !== "'")) return items;
        const defaults = new Map(configParams(place.config, place.section.id).map((p) => [p.name.replace(/\*$/, ''), p.default] as const));
        const snip = (t: string) => t.replace(/[$}\\]/g, (c) => `\\${c}`);
        return items.map((i) => ({
          ...i,
          insertTextFormat: 2, // Snippet
          filterText: i.label,
          textEdit: { range: rangeOf(doc, edit.start, edit.end), newText: `${snip(i.label)}${quote} value=${quote}\${1:${snip(defaults.get(i.label) ?? '')}}` },
        }));
      }
      if (site.attr === 'value') return valueItems(ctx, place, site.attrs.get('name') ?? '', prefix, edit, doc);
      return undefined;
    }
    case 'action':
    case 'anti-action': {
      if (site.attr !== 'application') return undefined;
      // the switch in front of us: applications of modules modules.conf loads come first
      const loaded = new Set(ctx.ws.analysis().model.moduleLoads.map((l) => l.module));
      const rank = (module: string) => (!loaded.size || loaded.has(module) || module === 'core' ? '0' : '1');
      const out = allApplications().map((a) => {
        const off = rank(a.module) === '1';
        return item(
          a.name,
          KIND.function,
          `${a.syntax ? `${a.name} ${a.syntax}` : a.module}${off ? ` (${a.module} is not loaded)` : ''}`,
          `${shortDoc(a.doc)}\n\n_${a.module}_${off ? ' — not loaded by modules.conf' : ''}`,
          edit,
          { sortText: `${rank(a.module)}${a.name}` },
        );
      });
      for (const k of config.known.applications)
        out.push(item(k, KIND.function, 'known.applications', 'Declared in `.fsconf.yaml`.', edit, { sortText: `0${k}` }));
      return filterPrefix(dedupe(out), prefix);
    }
    case 'load': {
      if (site.attr !== 'module') return undefined;
      const out = allModules().map((m) => item(m.name, KIND.module, `src/mod/${m.category}`, shortDoc(m.doc), edit));
      for (const k of config.known.modules) out.push(item(k, KIND.module, 'known.modules', 'Declared in `.fsconf.yaml`.', edit));
      return filterPrefix(dedupe(out), prefix);
    }
    case 'condition':
    case 'regex':
      if (site.attr !== 'field') return undefined;
      return filterPrefix(
        allCallerProfileFields().map((f) => item(f.name, KIND.field, f.valueKind, f.doc, edit)),
        prefix,
      );
    case 'X-PRE-PROCESS':
      if (site.attr !== 'cmd') return undefined;
      return filterPrefix(
        allPreprocessCmds().map((c) => item(c.name, KIND.keyword, c.syntax, renderPreprocessHover(c), edit)),
        prefix,
      );
    case 'configuration':
      if (site.attr !== 'name') return undefined;
      return filterPrefix(
        knownConfigs()
          .filter((c) => c !== 'directory')
          .map((c) => item(c, KIND.module, configInfo(c)[0]?.module, configInfo(c)[0]?.title, edit)),
        prefix,
      );
  }
  return undefined;
}

/** In the content of a param container (e.g. `<settings>`): whole `<param …/>` elements. */
function contentCompletion(ctx: ProviderContext): CompletionItem[] | undefined {
  const { doc, offset } = ctx.cursor;
  const lineStart = doc.lines.lineStart(doc.lines.lineOf(offset));
  const before = doc.text.slice(lineStart, offset);
  const m = /(?:^|>)\s*(<?)([\w-]*)$/.exec(before);
  if (!m) return undefined;
  const lt = m[1] === '<';
  const typed = m[2]!;
  if (!lt && typed) return undefined; // plain text in the content: not ours
  if (lt && typed && !'param'.startsWith(typed) && !'variable'.startsWith(typed)) return undefined;
  const container = containerAt(doc, lt ? offset - typed.length - 1 : offset);
  if (!container) return undefined;
  const steps = chainOf(doc, container);
  for (const leaf of ['param', 'variable']) {
    const place = placeOf(steps, leaf);
    if (!place?.section) continue;
    const start = offset - typed.length - (lt ? 1 : 0);
    const edit = { doc, start, end: offset };
    const wrap = (name: string, p: ParamEntry) => `<${leaf} name="${name}" value="${p.default ?? ''}"/>`;
    return paramNameItems(place, container, undefined, '', edit, wrap)?.map((i) => ({
      ...i,
      textEdit: { range: rangeOf(doc, edit.start, edit.end), newText: i.insertText ?? i.label },
      filterText: `${lt ? '<' : ''}${i.label}`,
    }));
  }
  return undefined;
}

export function kbCompletion(ctx: ProviderContext): CompletionItem[] | undefined {
  const { doc, offset } = ctx.cursor;
  if (inComment(doc, offset)) return undefined;
  const site = attrSite(ctx);
  if (site) return attrCompletion(ctx, site);
  const { element } = ctx.cursor;
  if (element && offset > element.start && offset < element.startTagEnd) return undefined; // inside a start tag, not in a value
  return contentCompletion(ctx);
}
