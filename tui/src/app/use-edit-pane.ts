/**
 * e: edit the value="…" of the cursor line in place. The server's copy of the document follows every key
 * (findings update as you type); enter saves it (fsconf.saveDocument), esc restores it. A secret is typed masked.
 * Every handler reads the modal as it is now (`modalNow`), not as its render saw it: a key read before the
 * redraw (esc then q) must not act on a pane that is already closed.
 */
import { useCallback } from 'react';
import type { FsconfClient } from '../lsp/types.js';
import { saveDocument, secretRangesOrNone } from '../lsp/commands.js';
import { uriToPath } from '../lsp/uri.js';
import { decodeAttr, encodeAttr, valueAttribute } from '../text/line.js';
import { rangesAfterEdit, touches } from '../text/secrets.js';
import { writeHint } from './use-fixes.js';
import type { Guard, SetStatus } from './use-status.js';
import type { Writes } from './use-writes.js';
import type { EditModal, Modal, SetModal, SystemDeps } from './types.js';

export interface EditPaneDeps {
  client: FsconfClient;
  system: SystemDeps;
  readonly: boolean;
  backup: boolean;
  modal: Modal | undefined;
  modalNow: { readonly current: Modal | undefined };
  setModal: SetModal;
  guard: Guard;
  setStatus: SetStatus;
  /** Shows the file at the line (the pane opens under it). */
  openFile(uri: string, line: number): void;
  reread(): void;
  writes: Pick<Writes, 'noteChanged' | 'writtenMessage'>;
}

/** The document with the pane's value in place, escaped for the attribute (the pane shows it decoded). */
function editedText(m: EditModal, value: string): string {
  const lines = m.original.split('\n');
  const l = lines[m.line]!;
  lines[m.line] = l.slice(0, m.start) + encodeAttr(value, m.quote) + l.slice(m.end);
  return lines.join('\n');
}

export function useEditPane({ client, system, readonly, backup, modal, modalNow, setModal, guard, setStatus, openFile, reread, writes }: EditPaneDeps) {
  const startEdit = useCallback(
    (uri: string, line: number) =>
      guard(undefined, async () => {
        if (readonly) {
          setStatus('warning', 'read-only (--readonly): editing is disabled');
          return;
        }
        const text = await system.readFile(uriToPath(uri));
        const lineText = text.split('\n')[line] ?? '';
        const attr = valueAttribute(lineText);
        if (!attr) {
          setStatus('info', 'e edits a value="…" on the cursor line; use E for $EDITOR');
          return;
        }
        // is the value a secret? Ask for the text as it is and with a stand-in value (an empty or
        // $${var} value has no secret range of its own, but what is typed there would be one)
        const lines = text.split('\n');
        lines[line] = lineText.slice(0, attr.start) + 'x' + lineText.slice(attr.end);
        const [secrets, probe] = await Promise.all([secretRangesOrNone(client, uri, text), secretRangesOrNone(client, uri, lines.join('\n'))]);
        const secret = probe.some((r) => touches(r, line, attr.start, attr.start + 1)) || secrets.some((r) => touches(r, line, attr.start, attr.end));
        if (client.isOpen(uri)) client.didChange(uri, text);
        else client.didOpen(uri, text);
        openFile(uri, line);
        setModal({
          kind: 'edit',
          uri,
          line,
          name: attr.name ?? 'value',
          original: text,
          start: attr.start,
          end: attr.end,
          value: decodeAttr(attr.value),
          quote: attr.quote,
          saving: false,
          secrets,
          secret,
        });
      }),
    [client, guard, readonly, setModal, setStatus, openFile, system],
  );

  /** The open edit pane, unless it is saving (then its keys wait); undefined once it closed. */
  const openPane = () => {
    const m = modalNow.current;
    return m?.kind === 'edit' && !m.saving ? m : undefined;
  };

  const editChange = (value: string) => {
    const m = openPane();
    if (!m) return;
    client.didChange(m.uri, editedText(m, value));
    setModal({ ...m, value });
  };

  const editCancel = () => {
    const m = openPane();
    if (!m) return;
    client.didChange(m.uri, m.original);
    client.didClose(m.uri);
    setModal(undefined);
    setStatus('info', 'edit cancelled; nothing written');
  };

  const editSave = () => {
    const m = openPane();
    if (!m) return;
    const text = editedText(m, m.value);
    if (text === m.original) return editCancel();
    setModal({ ...m, saving: true });
    void guard('saving…', async () => {
      try {
        const r = await saveDocument(client, m.uri, backup);
        if (!r.applied) {
          setStatus('error', `not saved: ${r.message ?? 'the server refused'}${writeHint(r.message)} — the edit was dropped`);
          client.didChange(m.uri, m.original);
          client.didClose(m.uri);
          return;
        }
        client.didSave(m.uri, text);
        client.didClose(m.uri);
        writes.noteChanged(uriToPath(m.uri), m.original, text);
        setStatus('ok', `${writes.writtenMessage(r.files?.length ? r.files : [{ uri: m.uri }], 'saved')} · ${m.name}`);
      } catch (e) {
        client.didChange(m.uri, m.original);
        client.didClose(m.uri);
        throw e;
      } finally {
        setModal(undefined);
        reread();
      }
    });
  };

  const editing = modal?.kind === 'edit' ? modal : undefined;
  return {
    editing,
    startEdit,
    editChange,
    editCancel,
    editSave,
    /** While editing, the File view shows the edited text and where its secrets now are. */
    paneText: editing ? editedText(editing, editing.value) : undefined,
    paneSecrets: editing ? rangesAfterEdit(editing.secrets, editing.line, editing.start, editing.end, editing.value, editing.secret) : undefined,
  };
}
