/**
 * Which fs_cli commands make FreeSWITCH pick up what changed:
 *  - acl.conf.xml              → `reloadacl` (it runs reloadxml itself)
 *  - a sofia profile (or a gateway file under sip_profiles/<name>/)
 *                              → `reloadxml` then `sofia profile <name> rescan`,
 *                                or `… restart` when a bind setting changed (rescan cannot rebind)
 *  - dialplan, directory, anything else → `reloadxml`
 */
import * as path from 'node:path';

export interface ChangedFile {
  path: string;
  /** text when the session first saw it, and now */
  before?: string;
  after?: string;
}

export interface ReloadCommand {
  command: string;
  why: string;
}

/** Profile params that only take effect when the profile rebinds (restart). */
const BIND_PARAMS = ['sip-ip', 'sip-port', 'tls', 'tls-only', 'tls-sip-port', 'tls-bind-params', 'bind-params', 'ws-binding', 'wss-binding', 'sip-ipv6'];

function changedLines(before: string | undefined, after: string | undefined): string[] {
  if (before === undefined || after === undefined) return [];
  const a = new Set(before.split(/\r?\n/));
  const b = new Set(after.split(/\r?\n/));
  return [...[...b].filter((l) => !a.has(l)), ...[...a].filter((l) => !b.has(l))];
}

function bindChanged(f: ChangedFile): string | undefined {
  for (const line of changedLines(f.before, f.after)) {
    const m = /<param\s+name\s*=\s*["']([^"']+)["']/i.exec(line);
    if (m && BIND_PARAMS.includes(m[1]!.toLowerCase())) return m[1]!.toLowerCase();
  }
  return undefined;
}

/** The sofia profile a file configures, if any. */
function profileOf(root: string, f: ChangedFile): string | undefined {
  const text = f.after ?? f.before ?? '';
  const m = /<profile\s+name\s*=\s*["']([^"']+)["']/.exec(text);
  if (m) return m[1];
  const rel = path.relative(root, f.path).split(path.sep);
  const i = rel.indexOf('sip_profiles');
  if (i >= 0 && rel.length > i + 2) return rel[i + 1];
  if (i >= 0 && rel.length === i + 2) return path.basename(rel[i + 1]!, '.xml');
  return undefined;
}

export function reloadCommands(root: string, files: ChangedFile[]): ReloadCommand[] {
  const out: ReloadCommand[] = [];
  const seen = new Set<string>();
  const add = (command: string, why: string) => {
    if (seen.has(command)) return;
    seen.add(command);
    out.push({ command, why });
  };
  const later: ReloadCommand[] = [];
  let needXml = false;
  let acl = false;
  const xmlWhy: string[] = [];
  for (const f of files) {
    const rel = path.relative(root, f.path) || path.basename(f.path);
    if (path.basename(f.path) === 'acl.conf.xml') {
      acl = true;
      continue;
    }
    const profile = profileOf(root, f);
    if (profile) {
      needXml = true;
      xmlWhy.push(rel);
      const bind = bindChanged(f);
      if (bind) later.push({ command: `sofia profile ${profile} restart`, why: `${rel}: ${bind} changed; rescan cannot rebind (drops the profile's calls)` });
      else later.push({ command: `sofia profile ${profile} rescan`, why: `${rel}: profile ${profile} re-reads its settings` });
      continue;
    }
    needXml = true;
    xmlWhy.push(rel);
  }
  if (acl) add('reloadacl', 'acl.conf.xml: rebuilds the network lists (runs reloadxml first)');
  if (needXml && !acl) add('reloadxml', `${xmlWhy.join(', ')}: FreeSWITCH re-reads its XML`);
  else if (needXml && acl) {
    // reloadacl already re-read the XML
  }
  const restarts = new Set(later.filter((c) => c.command.endsWith(' restart')).map((c) => c.command.replace(/ restart$/, '')));
  for (const c of later) {
    if (c.command.endsWith(' rescan') && restarts.has(c.command.replace(/ rescan$/, ''))) continue;
    add(c.command, c.why);
  }
  return out;
}
