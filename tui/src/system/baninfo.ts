/**
 * Parses mod_cti's `cti show baninfo`:
 *
 *   register_failure_config:
 *   	findtime:60 maxretry:3 banmode:1 bantime:180
 *   register_failure_history:
 *   	2024-12-03 15:10:57 192.168.31.242 1001
 *   register_failure_bandata:
 *   	192.168.31.242 expires:
 *   		1001 expires:2024-12-03 15:13:03
 *
 * A first line such as `-ERR no reply` may precede it.
 */

interface BanPolicy {
  findtime?: number;
  maxretry?: number;
  banmode?: number;
  bantime?: number;
  /** every key=value seen, including unknown ones */
  raw: Record<string, string>;
}

interface BanHistoryEntry {
  time: string;
  ip: string;
  account: string;
}

interface Ban {
  ip: string;
  /** expiry of the IP ban itself (banmode 0), if any */
  expires?: string;
  accounts: { account: string; expires?: string }[];
}

export interface BanInfo {
  policy: BanPolicy;
  history: BanHistoryEntry[];
  bans: Ban[];
  /** lines before the report, e.g. `-ERR no reply` */
  preamble: string[];
}

export type BanInfoResult = { ok: true; info: BanInfo } | { ok: false; reason: string };

function parsePolicy(line: string, policy: BanPolicy): void {
  for (const m of line.matchAll(/([\w-]+)\s*[:=]\s*(\S+)/g)) {
    const [, k, v] = m as unknown as [string, string, string];
    policy.raw[k] = v;
    const n = Number(v);
    if ((k === 'findtime' || k === 'maxretry' || k === 'banmode' || k === 'bantime') && Number.isFinite(n)) policy[k] = n;
  }
}

function expiresOf(rest: string): string | undefined {
  const m = /expires\s*:\s*(.*)$/.exec(rest);
  const v = m?.[1]?.trim();
  return v ? v : undefined;
}

export function parseBanInfo(output: string): BanInfoResult {
  const lines = output.replace(/\r/g, '').split('\n');
  const start = lines.findIndex((l) => /^\s*register_failure_(config|history|bandata)\s*:/.test(l));
  if (start < 0) {
    const first = lines.map((l) => l.trim()).find(Boolean);
    return { ok: false, reason: first ? first : 'no output' };
  }
  const info: BanInfo = {
    policy: { raw: {} },
    history: [],
    bans: [],
    preamble: lines
      .slice(0, start)
      .map((l) => l.trim())
      .filter(Boolean),
  };
  let section = '';
  for (const line of lines.slice(start)) {
    if (!line.trim()) continue;
    const head = /^\s*register_failure_(\w+)\s*:\s*(.*)$/.exec(line);
    if (head) {
      section = head[1]!;
      if (section === 'config' && head[2]) parsePolicy(head[2], info.policy);
      continue;
    }
    const depth = /^(\t*| *)/.exec(line)![1]!.replace(/ {4}| {2}/g, '\t').length;
    const text = line.trim();
    if (section === 'config') parsePolicy(text, info.policy);
    else if (section === 'history') {
      const parts = text.split(/\s+/);
      // date time ip account  (the account may be missing)
      if (parts.length >= 3) info.history.push({ time: `${parts[0]} ${parts[1]}`, ip: parts[2]!, account: parts.slice(3).join(' ') });
    } else if (section === 'bandata') {
      const m = /^(\S+)\s*(.*)$/.exec(text)!;
      const [, first, rest] = m as unknown as [string, string, string];
      const last = info.bans[info.bans.length - 1];
      if (depth >= 2 && last) last.accounts.push({ account: first, ...(expiresOf(rest) ? { expires: expiresOf(rest)! } : {}) });
      else info.bans.push({ ip: first, ...(expiresOf(rest) ? { expires: expiresOf(rest)! } : {}), accounts: [] });
    }
  }
  return { ok: true, info };
}

/** The command that lifts a ban: one account of an IP, or the IP for every account. */
export function unbanCommand(ip: string, account?: string): string {
  return account ? `cti unban ${ip} ${account}` : `cti unban ${ip}`;
}

export function describeBanmode(mode: number | undefined): string {
  if (mode === 0) return 'bans the IP';
  if (mode === 1) return 'bans the IP+account pair';
  return 'unknown ban mode';
}
