/** Fixes: f (a finding's quick fixes), F (fix-all, in passes); a diff first, then the server writes. */
import { useCallback } from 'react';
import type { CodeAction, Diagnostic, FsconfClient, TextEdit } from '../lsp/types.js';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdit, secretRangesOrNone } from '../lsp/commands.js';
import { canonicalUri, relPath, uriToPath } from '../lsp/uri.js';
import type { Status } from '../ui/components.js';
import { ruleOf } from '../views/problems.js';
import type { DiffFile } from '../dialogs/dialogs.js';
import { applyEdits, diffLines } from '../text/edits.js';
import { maskDiff } from '../text/secrets.js';
import type { Modal, SystemDeps } from './types.js';

export interface FixDeps {
  client: FsconfClient;
  system: SystemDeps;
  root: string;
  readonly: boolean;
  backup: boolean;
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  guard(label: string | undefined, fn: () => Promise<void>): Promise<void>;
  setModal(m: Modal | undefined): void;
  setStatus(level: Status['level'], message: string): void;
  /** Tells the server and the reload list that a file was written. */
  noteWritten(uri: string, before: string | undefined): Promise<void>;
  writtenMessage(files: { uri: string; backup?: string }[], verb: string): string;
  /** The views re-read what they show. */
  reread(): void;
}

export function useFixes({ client, system, root, readonly, backup, diagnostics, guard, setModal, setStatus, noteWritten, writtenMessage, reread }: FixDeps) {
  const applyChanges = useCallback(
    (title: string, changes: Record<string, TextEdit[]>, befores: Map<string, string>, after?: () => Promise<number>, notice?: string) =>
      guard('writing…', async () => {
        setModal(undefined);
        if (readonly) {
          setStatus('warning', 'read-only (--readonly): nothing was written');
          return;
        }
        const r = await applyEdit(client, changes, backup);
        if (!r.applied) {
          setStatus('error', `not written: ${r.message ?? 'the server refused the edit'}${writeHint(r.message)}`);
          reread();
          return;
        }
        const files = r.files?.length ? r.files : Object.keys(changes).map((uri) => ({ uri }));
        for (const f of files) await noteWritten(canonicalUri(f.uri), befores.get(canonicalUri(f.uri)));
        const passes = after ? await after() : 1;
        // a changed secret: where it now is and who must be told (m shows the whole message)
        setStatus('ok', `${writtenMessage(files, 'wrote')}${passes > 1 ? ` (${passes} passes)` : ''} · ${title}${notice ? ` · ${notice}` : ''}`);
        reread();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setModal (useLatestState's setter) and reread (a useCallback without deps) are stable; lint cannot see it through props
    [client, guard, noteWritten, backup, readonly, setStatus, writtenMessage],
  );

  const previewAction = useCallback(
    (action: CodeAction, after?: () => Promise<number>) =>
      guard('preparing the diff…', async () => {
        const changes = changesOf(action.edit);
        if (!changes) {
          setModal(undefined);
          setStatus('warning', `"${action.title}" has no edit to preview; nothing done`);
          return;
        }
        const files: DiffFile[] = [];
        const befores = new Map<string, string>();
        for (const [uri, edits] of Object.entries(changes)) {
          const before = await system.readFile(uriToPath(uri)).catch(() => '');
          // said before the diff: the server does not rewrite a file that is not UTF-8
          if (before.includes('\ufffd')) {
            setModal(undefined);
            setStatus(
              'error',
              `${relPath(root, uri)} is not UTF-8: fsconf does not rewrite it (convert it first, e.g. iconv -f latin1 -t utf-8); nothing done`,
            );
            return;
          }
          befores.set(canonicalUri(uri), before);
          const after = applyEdits(before, edits);
          // secrets masked on both sides: the old value and the new (generated) one
          const [old, now] = await Promise.all([secretRangesOrNone(client, uri, before), secretRangesOrNone(client, uri, after)]);
          files.push({ rel: relPath(root, uri), lines: maskDiff(diffLines(before, after), before, after, old, now) });
        }
        setModal({ kind: 'diff', title: action.title, files, onYes: () => void applyChanges(action.title, changes, befores, after, noticeOf(action)) });
      }),
    [applyChanges, client, guard, root, setModal, setStatus, system],
  );

  const showFixes = useCallback(
    (uri: string, diag: Diagnostic | undefined) =>
      guard('asking the server for fixes…', async () => {
        if (!diag) {
          setStatus('info', 'no finding here: f fixes the finding under the cursor (F fixes the whole file)');
          return;
        }
        // refuse before any dialog: nothing picked and reviewed can be written
        if (readonly) {
          setStatus('warning', 'read-only (--readonly): fixes cannot be written; run fsconf without --readonly to fix');
          return;
        }
        // the server lists this finding's own fixes first; only they may be preferred
        const actions = (await client.codeActions(uri, diag.range, [diag], ['quickfix'])).filter((a) => !a.kind || a.kind.startsWith('quickfix'));
        if (!actions.length) {
          setStatus('info', `no quick fix for ${ruleOf(diag) || 'this finding'}${diag.range ? ` (line ${diag.range.start.line + 1})` : ''}`);
          return;
        }
        setModal({
          kind: 'pick',
          title: `fixes for ${ruleOf(diag)} · ${relPath(root, uri)}:${diag.range.start.line + 1}`,
          items: actions.map((a) => ({ label: a.title, detail: [fixKindLabel(a), ...(a.isPreferred ? ['preferred'] : [])].filter(Boolean).join(' · ') })),
          onPick: (i) => previewAction(actions[i]!),
        });
      }),
    [client, guard, previewAction, readonly, root, setModal, setStatus],
  );

  /** The file's fix-all action (safe fixes only), or undefined. */
  const fixAllAction = useCallback(
    async (uri: string) => {
      const diags = diagnostics.get(uri) ?? [];
      const lines = await system
        .readFile(uriToPath(uri))
        .then((t) => t.split('\n'))
        .catch(() => ['']);
      const range = { start: { line: 0, character: 0 }, end: { line: Math.max(0, lines.length - 1), character: lines[lines.length - 1]?.length ?? 0 } };
      const actions = await client.codeActions(uri, range, diags, ['source.fixAll.fsconf']);
      return actions.find((a) => a.kind?.startsWith('source.fixAll')) ?? actions[0];
    },
    [client, system, diagnostics],
  );

  const fixAll = useCallback(
    (uri: string) =>
      guard('asking the server for fix-all…', async () => {
        if (readonly) {
          setStatus('warning', 'read-only (--readonly): fixes cannot be written; run fsconf without --readonly to fix');
          return;
        }
        const diags = diagnostics.get(uri) ?? [];
        const lines = await system
          .readFile(uriToPath(uri))
          .then((t) => t.split('\n'))
          .catch(() => ['']);
        const range = { start: { line: 0, character: 0 }, end: { line: Math.max(0, lines.length - 1), character: lines[lines.length - 1]?.length ?? 0 } };
        const actions = await client.codeActions(uri, range, diags, ['source.fixAll.fsconf']);
        const all = actions.find((a) => a.kind?.startsWith('source.fixAll')) ?? actions[0];
        if (!all) {
          setStatus('info', `nothing in ${relPath(root, uri)} can be fixed automatically (choices and secrets: f on the finding)`);
          return;
        }
        // y applies, then the next passes (fixes that overlapped wait for one) until nothing safe is left
        await previewAction(all, async () => {
          let passes = 1;
          for (; passes < 6; passes++) {
            const next = await fixAllAction(uri);
            const changes = next ? changesOf(next.edit) : undefined;
            if (!next || !changes) break;
            const r = await applyEdit(client, changes, backup);
            if (!r.applied) break;
            for (const f of r.files ?? []) await noteWritten(canonicalUri(f.uri), undefined);
          }
          return passes;
        });
      }),
    [client, fixAllAction, guard, noteWritten, previewAction, backup, readonly, root, setStatus, system, diagnostics],
  );

  return { showFixes, fixAll };
}

/** edit.changes, or documentChanges turned into changes. */
function changesOf(edit: WorkspaceEdit | undefined): Record<string, TextEdit[]> | undefined {
  if (!edit) return undefined;
  const out: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out[uri] = [...(out[uri] ?? []), ...edits];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && 'edits' in dc) out[dc.textDocument.uri] = [...(out[dc.textDocument.uri] ?? []), ...(dc.edits as TextEdit[])];
  }
  return Object.keys(out).length ? out : undefined;
}

/** How automatic a fix is, as the server labels it (code action data.fixKind). */
function fixKindLabel(a: CodeAction): string {
  const k = (a.data as { fixKind?: string } | undefined)?.fixKind;
  return k === 'credential' ? 'changes a secret' : k === 'choice' ? 'your choice' : k === 'safe' ? 'safe' : '';
}

/** What the server says must follow a credential fix (code action data.notice). */
function noticeOf(a: CodeAction): string | undefined {
  const n = (a.data as { notice?: string } | undefined)?.notice;
  return typeof n === 'string' && n ? n : undefined;
}

/** What to do about a refused write, when the reason says it. */
export function writeHint(message: string | undefined): string {
  if (!message) return '';
  if (/EACCES|EPERM|permission denied|read-only file system|EROFS/i.test(message))
    return ' — run fsconf as a user who may write the configuration (e.g. sudo -u freeswitch fsconf …)';
  if (/changed on disk|modified|changed since/i.test(message)) return ' — the file changed since it was read: look at it again (esc, enter) and retry';
  return '';
}
