/**
 * What a credential fix changes for the people and programs that use the secret: where the new secret
 * now lives (file:line, never the secret) and who must be told — the users sharing a `$${var}`, the
 * provider behind a gateway, fs_cli and every ESL client, mod_xml_rpc's HTTP clients.
 * Also where fsconf's own fs_cli calls connect (event_socket.conf's listen-ip, listen-port, password).
 */
import type { Analysis } from './analysis.js';
import type { FileEdit, Finding, Fix } from './rules/types.js';
import type { Node, Param } from './model.js';
import type { Doc } from './tree.js';
import { attr, elementAt, type XmlElement } from './xml/parser.js';
import { configsNamed, paramsIn, sectionNodes } from './semantics/module-config.js';
import { expandAttr, findParam } from './model.js';
import { inComment } from './semantics/source-map.js';

export interface CredentialNotice {
  /** Where the new secret is written (1-based line). */
  file: string;
  line: number;
  /** The variable whose value changed, when the secret is a `$${var}`. */
  variable?: string;
  /** Who must be updated, one line each, e.g. "20 directory users share $${default_password} (1000, 1001, …): re-provision their phones". */
  tell: string[];
}

const SECRET_PARAM = /pass|secret|pin|a1-hash/i;

type Holder = { kind: 'user'; id: string } | { kind: 'gateway'; name: string } | { kind: 'esl' } | { kind: 'xmlrpc' } | { kind: 'other'; what: string };

/** The element a secret param belongs to (its ancestors in the file, then in the files that include it). */
function holderOf(node: Node, a: Analysis): Holder {
  const expand = (el: XmlElement, name: string, doc: Doc) => {
    const at = attr(el, name);
    return at ? (expandAttr(a.tree, doc, at).value ?? at.value) : '?';
  };
  const chain: { el: XmlElement; doc: Doc }[] = [];
  for (let e: XmlElement | undefined = node.el.parent; e; e = e.parent) chain.push({ el: e, doc: node.doc });
  for (let p: Node | undefined = node.parent; p; p = p.parent) if (!chain.some((c) => c.el === p!.el)) chain.push({ el: p.el, doc: p.doc });
  for (const { el, doc } of chain) {
    const n = el.name;
    if (n === 'gateway') return { kind: 'gateway', name: expand(el, 'name', doc) };
    if (n === 'user') return { kind: 'user', id: expand(el, 'id', doc) };
    if (n === 'configuration') {
      const c = (attr(el, 'name')?.value ?? '').toLowerCase();
      if (c === 'event_socket.conf') return { kind: 'esl' };
      if (c === 'xml_rpc.conf') return { kind: 'xmlrpc' };
      return { kind: 'other', what: c };
    }
  }
  return { kind: 'other', what: node.doc.path.split('/').pop() ?? '' };
}

function list(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown}, …` : shown;
}

/** Who must be told, for the params that hold (or take through a variable) the changed secret. */
function tellFor(holders: Holder[], variable: string | undefined): string[] {
  const out: string[] = [];
  const via = variable ? ` share $\${${variable}}` : '';
  const users = [...new Set(holders.filter((h): h is Extract<Holder, { kind: 'user' }> => h.kind === 'user').map((h) => h.id))];
  if (users.length === 1) out.push(`directory user ${users[0]}${variable ? ` (through $\${${variable}})` : ''}: re-provision its phone with the new password`);
  else if (users.length) out.push(`${users.length} directory users${via} (${list(users)}): re-provision their phones with the new password`);
  const gws = [...new Set(holders.filter((h): h is Extract<Holder, { kind: 'gateway' }> => h.kind === 'gateway').map((h) => h.name))];
  for (const g of gws) out.push(`gateway ${g}: the provider must be given the same password, or registration and calls through it fail`);
  if (holders.some((h) => h.kind === 'esl'))
    out.push(
      'fs_cli and every event-socket client (CTI, dialers, monitoring): give them the new password (fs_cli -p, or fs_cli.conf); fsconf reads it from the tree',
    );
  if (holders.some((h) => h.kind === 'xmlrpc')) out.push('every HTTP client of mod_xml_rpc: give them the new password');
  for (const h of holders)
    if (h.kind === 'other' && !out.some((o) => o.includes(h.what))) out.push(`whatever uses the secret of ${h.what}: give it the new value`);
  return out;
}

function varAt(a: Analysis, doc: Doc, offset: number): string | undefined {
  for (const defs of a.tree.vars.defs.values()) for (const d of defs) if (d.doc === doc && offset >= d.valueStart && offset <= d.valueEnd) return d.name;
  return undefined;
}

function paramAt(a: Analysis, doc: Doc, offset: number): Param | undefined {
  return a.model.params.find((p) => p.node.doc === doc && p.valueAttr && offset >= p.valueAttr.valueStart && offset <= p.valueAttr.valueEnd);
}

/**
 * Where the new secrets of a credential fix are and who must be told (computed on the analysis the fix came
 * from). `replaced`: the other edits written with it (`fsconf lint --fix-credentials` applies every fix of a
 * pass): a `$${var}` use one of them replaces no longer takes the new value, so its holder is not told.
 */
export function credentialNotices(a: Analysis, finding: Finding, fix: Fix, replaced: readonly FileEdit[] = []): CredentialNotice[] {
  if (fix.kind !== 'credential') return [];
  const out: CredentialNotice[] = [];
  for (const e of fix.edits) {
    const doc = a.tree.docs.get(e.file);
    const line = e.range.start.line + 1 + (e.newText.startsWith('\n') || e.newText.startsWith('\r\n') ? 1 : 0);
    if (!doc) {
      out.push({ file: e.file, line, tell: [] });
      continue;
    }
    const off = doc.lines.offsetAt(e.range.start);
    const variable = varAt(a, doc, off);
    if (variable) {
      // every secret <param> whose value uses the variable, in any file of the tree (gateways inside a
      // directory user too, which the model does not list as sofia gateways)
      const holders: Holder[] = [];
      for (const d of a.tree.order) {
        for (const u of d.scan.varUses) {
          if (u.name !== variable || inComment(d, u.start)) continue;
          if (replaced.some((r) => r.file === d.path && d.lines.offsetAt(r.range.start) <= u.start && u.start < d.lines.offsetAt(r.range.end))) continue;
          const el = elementAt(d.xml.roots, u.start);
          if (!el || el.name !== 'param' || !SECRET_PARAM.test(attr(el, 'name')?.value ?? '')) continue;
          holders.push(holderOf({ doc: d, el, parent: undefined }, a));
        }
      }
      out.push({ file: e.file, line, variable, tell: tellFor(holders, variable) });
      continue;
    }
    const p = paramAt(a, doc, off);
    if (p) {
      out.push({ file: e.file, line, tell: tellFor([holderOf(p.node, a)], undefined) });
      continue;
    }
    // an inserted <param>: the rule tells what it belongs to
    const h: Holder = finding.rule.startsWith('esl/')
      ? { kind: 'esl' }
      : finding.rule.startsWith('xmlrpc/')
        ? { kind: 'xmlrpc' }
        : finding.rule.startsWith('directory/')
          ? { kind: 'user', id: /user (\S+)/.exec(finding.message)?.[1] ?? '?' }
          : { kind: 'other', what: e.file.split('/').pop() ?? '' };
    out.push({ file: e.file, line, tell: tellFor([h], undefined) });
  }
  return out;
}

/** One line per notice, e.g. "new secret in vars.xml:15 ($${default_password}); tell: …". */
export function formatCredentialNotice(n: CredentialNotice, display: (file: string) => string = (f) => f): string {
  const where = `new secret at ${display(n.file)}:${n.line}${n.variable ? ` ($\${${n.variable}})` : ''}`;
  return n.tell.length ? `${where}; update: ${n.tell.join('; ')}` : where;
}

export interface EslConnection {
  host: string;
  port: number;
  /** The effective password (ClueCon when none is set, as mod_event_socket does). Undefined: unknown (a variable fsconf cannot know). */
  password: string | undefined;
}

/**
 * Where fs_cli must connect to reach this tree's switch: event_socket.conf's listen-ip (a wildcard or
 * an IPv6 any-address means this host's loopback), listen-port (default 8021) and password (default ClueCon).
 */
export function eslConnection(a: Analysis): EslConnection | undefined {
  for (const cfg of configsNamed(a.model, 'event_socket.conf')) {
    for (const s of sectionNodes(a.tree, cfg.node, 'settings')) {
      const params = paramsIn(a.tree, s);
      const ip = findParam(params, 'listen-ip', true)?.value.value?.trim();
      const portText = findParam(params, 'listen-port', true)?.value.value?.trim();
      const pw = findParam(params, 'password', true);
      const any = !ip || ip === '0.0.0.0' || ip === '::' || ip === '[::]';
      const port = portText && /^\d+$/.test(portText) ? Number(portText) : 8021;
      return { host: any ? '127.0.0.1' : ip!.replace(/^\[|\]$/g, ''), port, password: pw ? pw.value.value : 'ClueCon' };
    }
  }
  return undefined;
}
