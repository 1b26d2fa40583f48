/** What the app's hooks and its body share: the system it runs on and the one modal (dialog or edit pane). */
import type { Range } from '../lsp/types.js';
import type { DiffFile, PickItem } from '../dialogs/dialogs.js';
import type { FsCli } from '../system/fscli.js';
import type { EditorResult } from '../system/editor.js';

export interface SystemDeps {
  readFile(file: string): Promise<string>;
  fsCli: FsCli;
  /** Hands the terminal to $EDITOR at a 1-based line; resolves when it exits. */
  editor(file: string, line: number): Promise<EditorResult>;
}

export type OutputLine = { text: string; role?: 'error' | 'ok' | 'muted' | 'accent' };

/** The `e` pane: one value="…" of a line, edited in the server's copy of the document until saved. */
export interface EditModal {
  kind: 'edit';
  uri: string;
  line: number;
  name: string;
  original: string;
  start: number;
  end: number;
  value: string;
  quote: '"' | "'";
  saving: boolean;
  secrets: Range[];
  secret: boolean;
}

export type Modal =
  | { kind: 'pick'; title: string; items: PickItem[]; onPick(i: number): void }
  | { kind: 'diff'; title: string; files: DiffFile[]; onYes(): void }
  | { kind: 'confirm'; title: string; lines: string[]; question: string; onYes(): void }
  | { kind: 'output'; title: string; lines: OutputLine[] }
  | EditModal
  | { kind: 'acl' }
  | { kind: 'route' };

export type SetModal = (m: Modal | undefined) => void;
