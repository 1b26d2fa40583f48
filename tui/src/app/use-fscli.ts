/** fs_cli: R (reload what changed), the Bans view and unban; each asks first and shows what it ran. */
import { useCallback, useEffect, useState, type MutableRefObject } from 'react';
import type { FsconfClient } from '../lsp/types.js';
import { eslConnection } from '../lsp/commands.js';
import type { Status, ViewName } from '../ui/components.js';
import type { BansState, BanTarget } from '../views/bans.js';
import { parseBanInfo, unbanCommand } from '../system/baninfo.js';
import { showCommand, type EslTarget } from '../system/fscli.js';
import { reloadCommands, type ChangedFile } from '../system/reload.js';
import { uriToPath } from '../lsp/uri.js';
import type { Modal, OutputLine, SystemDeps } from './types.js';

export interface FsCliDeps {
  client: FsconfClient;
  system: SystemDeps;
  root: string;
  readonly: boolean;
  view: ViewName;
  guard(label: string | undefined, fn: () => Promise<void>): Promise<void>;
  setModal(m: Modal | undefined): void;
  setStatus(level: Status['level'], message: string): void;
  /** Files written in this session (R reloads what they configure). */
  changed: MutableRefObject<Map<string, ChangedFile>>;
  /** The file R reloads when nothing was written: the open file, or the selected finding's. */
  selectedUri(): string | undefined;
}

export function useFsCli({ client, system, root, readonly, view, guard, setModal, setStatus, changed, selectedUri }: FsCliDeps) {
  const [bans, setBans] = useState<BansState>({ state: 'idle' });
  // ── fs_cli: reload, bans, unban ──────────────────────────────────────────
  const runFsCli = useCallback(
    async (commands: string[], shown?: EslTarget | null): Promise<{ lines: OutputLine[]; ok: boolean }> => {
      const lines: OutputLine[] = [];
      let ok = true;
      // what the confirmation showed is what runs
      const target = shown === undefined ? await eslTarget(client) : (shown ?? undefined);
      for (const c of commands) {
        lines.push({ text: `$ ${showCommand(c, target)}`, role: 'accent' });
        const r = await system.fsCli.run(c, target);
        const out = `${r.stdout}${r.stderr}`.replace(/\s+$/, '');
        for (const l of out ? out.split('\n') : ['(no output)']) lines.push({ text: '  ' + l, ...(/^-ERR/.test(l.trim()) ? { role: 'error' as const } : {}) });
        const failed = r.error || r.code !== 0 || /^-ERR/m.test(r.stdout);
        if (r.error) lines.push({ text: '  ' + r.error, role: 'error' });
        else if (r.code !== 0) lines.push({ text: `  exit status ${r.code}`, role: 'error' });
        if (failed) ok = false;
      }
      return { lines, ok };
    },
    [client, system.fsCli],
  );

  const startReload = useCallback(() => {
    if (readonly) return setStatus('warning', 'read-only (--readonly): reload is disabled');
    if (!system.fsCli.find()) return setStatus('warning', "fs_cli is not on PATH: R needs FreeSWITCH's fs_cli on this machine");
    let files = [...changed.current.values()];
    if (!files.length) {
      const uri = selectedUri();
      if (uri) files = [{ path: uriToPath(uri) }];
    }
    if (!files.length) return setStatus('info', 'nothing changed in this session: open a file (or pick a finding) to reload what it configures');
    const cmds = reloadCommands(root, files);
    if (!cmds.length) return setStatus('info', 'nothing to reload');
    void guard(undefined, async () => {
      const target = (await eslTarget(client)) ?? null;
      setModal({
        kind: 'confirm',
        title: 'reload FreeSWITCH',
        lines: [' This runs, in order:', ...cmds.flatMap((c) => [`   ${showCommand(c.command, target ?? undefined)}`, `       ${c.why}`])],
        question: 'Run these commands?',
        onYes: () =>
          void guard('running fs_cli…', async () => {
            setModal(undefined);
            const { lines, ok } = await runFsCli(
              cmds.map((c) => c.command),
              target,
            );
            if (ok) changed.current.clear();
            setModal({ kind: 'output', title: ok ? 'reload done' : 'reload: fs_cli reported a problem', lines });
            setStatus(ok ? 'ok' : 'error', ok ? `ran ${cmds.map((c) => c.command).join('; ')}` : 'fs_cli reported a problem: see the output');
          }),
      });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setModal (useLatestState's setter) is stable and changed is a ref; lint cannot see it through props
  }, [client, guard, readonly, root, runFsCli, setStatus, system.fsCli, selectedUri]);

  const loadBans = useCallback(
    () =>
      guard(undefined, async () => {
        if (!system.fsCli.find()) {
          setBans({
            state: 'unavailable',
            reason: "fs_cli is not on PATH: the Bans view asks FreeSWITCH's fs_cli (with mod_cti loaded) for `cti show baninfo`",
          });
          return;
        }
        setBans({ state: 'loading' });
        const r = await system.fsCli.run('cti show baninfo', await eslTarget(client));
        if (r.error) {
          setBans({ state: 'unavailable', reason: `${r.error} — is FreeSWITCH running?` });
          return;
        }
        const parsed = parseBanInfo(r.stdout + (r.stdout ? '' : r.stderr));
        if (!parsed.ok) {
          const hint = /command not found|unknown command|invalid command/i.test(parsed.reason)
            ? ' (is mod_cti loaded?)'
            : /no reply|connection|refused|socket/i.test(parsed.reason)
              ? ' (is FreeSWITCH running?)'
              : '';
          setBans({ state: 'unavailable', reason: `no ban data from "cti show baninfo": ${parsed.reason}${hint}` });
          return;
        }
        setBans({ state: 'loaded', info: parsed.info, at: new Date() });
      }),
    [client, guard, system.fsCli],
  );

  useEffect(() => {
    if (view === 'bans' && bans.state === 'idle') void loadBans();
  }, [view, bans.state, loadBans]);

  const unban = useCallback(
    (t: BanTarget) => {
      if (readonly) return setStatus('warning', 'read-only (--readonly): unban is disabled');
      const cmd = unbanCommand(t.ip, t.account);
      void guard(undefined, async () => {
        const target = (await eslTarget(client)) ?? null;
        setModal({
          kind: 'confirm',
          title: 'unban',
          lines: [
            ` ${t.account ? `Lifts the ban of account ${t.account} from ${t.ip}.` : `Lifts every ban of ${t.ip} (all accounts).`}`,
            '',
            ' This runs:',
            `   ${showCommand(cmd, target ?? undefined)}`,
          ],
          question: 'Unban?',
          onYes: () =>
            void guard('running fs_cli…', async () => {
              setModal(undefined);
              const { lines, ok } = await runFsCli([cmd], target);
              setModal({ kind: 'output', title: ok ? 'unbanned' : 'unban: fs_cli reported a problem', lines });
              setStatus(ok ? 'ok' : 'error', ok ? `ran ${cmd}` : `${cmd} failed: see the output`);
              await loadBans();
            }),
        });
      });
    },
    [client, guard, loadBans, readonly, runFsCli, setModal, setStatus],
  );

  return { bans, loadBans, unban, startReload };
}

/** The tree's event socket (fsconf.eslConnection), or undefined to run fs_cli with its own defaults. */
async function eslTarget(client: FsconfClient): Promise<EslTarget | undefined> {
  try {
    return (await eslConnection(client)) ?? undefined;
  } catch {
    return undefined;
  }
}
