/** Pure presentation helpers: status bar text, ACL verdicts, quick-pick items. */
import type { AclListInfo, AclTestResult } from '@fsconf/server-lsp/protocol';

const SOURCE = 'fsconf';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

/** VS Code's DiagnosticSeverity numbering: Error 0, Warning 1, Information 2, Hint 3. */
export function countDiagnostics(all: Iterable<readonly [unknown, readonly { source?: string; severity: number }[]]>): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, files: 0 };
  for (const [, list] of all) {
    let mine = 0;
    for (const d of list) {
      if (d.source !== SOURCE) continue;
      mine++;
      if (d.severity === 0) c.errors++;
      else if (d.severity === 1) c.warnings++;
      else c.infos++;
    }
    if (mine) c.files++;
  }
  return c;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function statusText(c: Counts): { text: string; tooltip: string } {
  const text = `$(error) ${c.errors} $(warning) ${c.warnings}${c.infos ? ` $(info) ${c.infos}` : ''} fsconf`;
  const tooltip =
    c.errors + c.warnings + c.infos === 0
      ? 'fsconf: no problems in the configuration. Click for the Problems panel.'
      : `fsconf: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}${c.infos ? `, ${c.infos} info` : ''} in ${plural(c.files, 'file')}. Click for the Problems panel.`;
  return { text, tooltip };
}

// ---- ACL test ----

// what fsconf-lsp's aclLists and aclTest commands return: the server's own definition (type-only)
export type { AclListInfo, AclTestResult } from '@fsconf/server-lsp/protocol';

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Input box validation: undefined when acceptable, else the message to show. */
export function validateIp(input: string): string | undefined {
  const s = input.trim();
  if (s === '') return 'Type an IPv4 or IPv6 address, e.g. 192.168.1.10';
  if (V4.test(s)) return undefined;
  if (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1) {
    const groups = s.split(':');
    if (groups.length >= 3 && groups.length <= 8 + 1) return undefined;
  }
  return `"${s}" is not an IPv4 or IPv6 address`;
}

/** Quick pick items: the tree's lists first (with where they are defined), then the built-in ones. */
export function aclPickItems(lists: readonly AclListInfo[], relative: (uri: string) => string): { label: string; description: string; list: AclListInfo }[] {
  const sorted = [...lists].sort((a, b) => Number(a.builtin) - Number(b.builtin) || a.name.localeCompare(b.name));
  return sorted.map((l) => ({
    label: l.name,
    description: l.builtin ? 'built-in' : l.uri ? `${relative(l.uri)}${l.line !== undefined ? `:${l.line + 1}` : ''}` : '',
    list: l,
  }));
}

/** One line for the notification: `fsconf: 10.0.0.1 → DENY by ACL "lan" — decided by deny 10.0.0.0/8 at acl.conf.xml:5. Why: …` */
export function verdictMessage(ip: string, r: AclTestResult, relative: (uri: string) => string): string {
  const verdict = String(r.verdict).toUpperCase();
  const where = r.decidedBy
    ? ` — decided by ${r.decidedBy.type ? `${r.decidedBy.type} ` : ''}${r.decidedBy.cidr ?? 'a node'} ${r.decidedBy.uri ? `at ${relative(r.decidedBy.uri)}:${(r.decidedBy.line ?? 0) + 1}` : 'of the built-in list'}`
    : '';
  const reason = r.reason ? `. Why: ${r.reason}` : '';
  return `fsconf: ${ip} → ${verdict} by ACL "${r.list}"${where}${reason}`;
}

/** The whole verdict, for a document beside the toast (toasts are cut short): deciding node, reason, every node that matched. */
export function verdictDetail(ip: string, r: AclTestResult, relative: (uri: string) => string): string {
  const at = (uri: string | null, line: number | null) => (uri ? `${relative(uri)}:${(line ?? 0) + 1}` : 'built-in list');
  const lines = [`# ${ip} → ${String(r.verdict).toUpperCase()} by ACL "${r.list}"`, ''];
  if (r.decidedBy) lines.push(`Decided by \`${r.decidedBy.type} ${r.decidedBy.cidr}\` at ${at(r.decidedBy.uri, r.decidedBy.line)}.`, '');
  else lines.push('Decided by the list default (no node matched).', '');
  if (r.reason) lines.push(`Why: ${r.reason}`, '');
  if (r.competing.length) {
    lines.push('Every node that matched (the longest prefix wins; on a tie, the first):', '');
    for (const c of r.competing) lines.push(`- \`${c.type} ${c.cidr}\` (/${c.bits}) at ${at(c.uri, c.line)}`);
  }
  return lines.join('\n') + '\n';
}

/** Where to reveal after a test: the deciding node, else the list's own definition, else nowhere. */
export function revealTarget(r: AclTestResult, list: AclListInfo | undefined): { uri: string; line: number } | undefined {
  if (r.decidedBy && r.decidedBy.uri) return { uri: r.decidedBy.uri, line: Math.max(0, r.decidedBy.line ?? 0) };
  if (list?.uri) return { uri: list.uri, line: Math.max(0, list.line ?? 0) };
  return undefined;
}

/** Summary after `fsconf.lintTree`, whatever shape of result the server returns. */
export function lintSummary(result: unknown, counts: Counts): string {
  if (result && typeof result === 'object') {
    const r = result as Record<string, unknown>;
    const files = typeof r.files === 'number' ? r.files : Array.isArray(r.files) ? r.files.length : undefined;
    const errors = typeof r.errors === 'number' ? r.errors : undefined;
    const warnings = typeof r.warnings === 'number' ? r.warnings : undefined;
    const infos = typeof r.infos === 'number' ? r.infos : 0;
    if (errors !== undefined || warnings !== undefined) {
      // worded as `fsconf lint` words it: the same files, the same three severities
      return `fsconf: linted ${files !== undefined ? plural(files, 'file') : 'the configuration'}: ${plural(errors ?? 0, 'error')}, ${plural(warnings ?? 0, 'warning')}, ${infos} info.`;
    }
  }
  return `fsconf: linted the configuration: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info in ${plural(counts.files, 'file')}.`;
}

// ---- Simulate a call (fsconf.route) ----

export type { RouteArgs, RouteCallResult } from '@fsconf/server-lsp/protocol';
import type { RouteArgs as RouteArgsT, RouteCallResult as RouteCallResultT } from '@fsconf/server-lsp/protocol';

function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** A link to a file at a 0-based line, shown as `path:line` (1-based). */
function link(uri: string, line: number, relative: (uri: string) => string): string {
  return `[${mdEscape(relative(uri))}:${line + 1}](${uri}#L${line + 1})`;
}

/** The simulated call as a Markdown document: admission, steps with links to each file:line, outcome. */
export function routeMarkdown(args: Partial<RouteArgsT>, r: RouteCallResultT, relative: (uri: string) => string): string {
  const a = r.admission;
  const out: string[] = [`# Call ${mdEscape(args.from ?? a.from)} → ${mdEscape(args.to ?? '')}${a.profile ? ` on profile ${mdEscape(a.profile)}` : ''}`, ''];
  const how = a.verdict === 'admitted' ? (a.authenticated ? `admitted, authenticated by ${a.by}` : 'admitted without authentication') : a.verdict;
  out.push(`**Admission:** ${how}${a.user ? ` as ${mdEscape(a.user)}` : ''}${a.response ? ` (${a.response})` : ''} — ${mdEscape(a.reason)}`, '');
  if (r.context) out.push(`**Context:** ${mdEscape(r.contexts.join(' → '))}`, '');
  const o = r.outcome;
  out.push(`**Outcome:** ${o.kind}${o.endpoint ? ` \`${o.endpoint}\`` : ''}${o.where ? ` — ${mdEscape(o.where)}` : ''}`, '', mdEscape(o.reason), '');
  for (const t of o.targets ?? []) out.push(`- ${mdEscape(t.target)} (${t.kind})${t.location ? ` ${link(t.location.uri, t.location.line, relative)}` : ''}`);
  if (r.actions.length) {
    out.push('', '## Actions in execution order', '');
    r.actions.forEach((x, i) =>
      out.push(
        `${i + 1}. \`${x.application}(${x.expanded})\` — ${mdEscape(x.context)}/${mdEscape(x.extension)} ${link(x.uri, x.line, relative)}${x.when ? ` _(only if ${mdEscape(x.when)})_` : ''}`,
      ),
    );
  }
  out.push('', '## Trace', '');
  for (const s of r.trace)
    out.push(
      `- ${'\u00a0\u00a0'.repeat(s.depth ?? 0)}${mdEscape(s.text)}${s.uri !== undefined && s.line !== undefined ? ` ${link(s.uri, s.line, relative)}` : ''}`,
    );
  if (r.premises.length) {
    out.push('', '## Premises', '');
    for (const p of r.premises) out.push(`- ${mdEscape(p)}`);
  }
  return out.join('\n') + '\n';
}
