/** The open dialog in place of the view: pick, diff, confirm, output, the ACL tester and Route. */
import React, { useCallback, useState } from 'react';
import type { AclListInfo, FsconfClient } from '../lsp/types.js';
import { aclLists, aclTest } from '../lsp/commands.js';
import { route } from '../lsp/route.js';
import { canonicalUri, relPath } from '../lsp/uri.js';
import { errorText } from '../lsp/errors.js';
import { ConfirmDialog, DiffDialog, OutputDialog, PickDialog } from '../dialogs/dialogs.js';
import { AclDialog } from '../dialogs/acl.js';
import { RouteDialog } from '../dialogs/route.js';
import type { Modal, SetModal } from './types.js';

export type AclLists = { lists?: AclListInfo[]; error?: string };

/** a: the ACL tester opens at once; the server's list names (for completion) follow. */
export function useAclTester(client: FsconfClient, setModal: SetModal) {
  const [lists, setLists] = useState<AclLists>({});
  const openAcl = useCallback(() => {
    setModal({ kind: 'acl' });
    aclLists(client)
      .then((l) => setLists({ lists: [...l].sort((a, b) => Number(a.builtin) - Number(b.builtin) || a.name.localeCompare(b.name)) }))
      .catch((e: unknown) => setLists({ error: errorText(e) }));
  }, [client, setModal]);
  return { lists, openAcl };
}

export interface DialogProps {
  modal: Exclude<Modal, { kind: 'edit' }>;
  /** The modal as it is now: an answer to a dialog that already closed is dropped. */
  modalNow: { readonly current: Modal | undefined };
  setModal: SetModal;
  width: number;
  height: number;
  client: FsconfClient;
  root: string;
  readonly: boolean;
  lists: AclLists;
  openFile(uri: string, line: number): void;
}

export function Dialog({ modal, modalNow, setModal, width, height, client, root, readonly, lists, openFile }: DialogProps) {
  // a dialog's answer counts while it is the open one (a second y read before the render does not write twice)
  const whileOpen =
    <A extends unknown[]>(fn: (...a: A) => void) =>
    (...a: A) => {
      if (modalNow.current === modal) fn(...a);
    };
  const close = whileOpen(() => setModal(undefined));
  const jump = whileOpen((uri: string, line: number) => {
    setModal(undefined);
    openFile(canonicalUri(uri), line);
  });
  const rel = (uri: string) => relPath(root, uri);
  switch (modal.kind) {
    case 'pick':
      return <PickDialog width={width} height={height} title={modal.title} items={modal.items} onPick={whileOpen(modal.onPick)} onCancel={close} />;
    case 'diff':
      return (
        <DiffDialog width={width} height={height} title={modal.title} files={modal.files} readonly={readonly} onYes={whileOpen(modal.onYes)} onNo={close} />
      );
    case 'confirm':
      return (
        <ConfirmDialog
          width={width}
          height={height}
          title={modal.title}
          lines={modal.lines}
          question={modal.question}
          onYes={whileOpen(modal.onYes)}
          onNo={close}
        />
      );
    case 'output':
      return <OutputDialog width={width} height={height} title={modal.title} lines={modal.lines} onClose={close} />;
    case 'acl':
      return (
        <AclDialog
          width={width}
          height={height}
          lists={lists.lists}
          listsError={lists.error}
          rel={rel}
          test={(ip, list, port) => aclTest(client, { ip, list, ...(port !== undefined ? { port } : {}) })}
          onJump={jump}
          onClose={close}
        />
      );
    case 'route':
      return <RouteDialog width={width} height={height} rel={rel} run={(args) => route(client, args)} onJump={jump} onClose={close} />;
  }
}
