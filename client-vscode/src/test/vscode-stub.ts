/**
 * A small stand-in for the `vscode` module: just what the controller touches, with knobs for tests
 * (settings, open documents, diagnostics, answers to prompts) and a record of what was shown.
 */
import type { VscodeApi } from '../controller.js';

type Listener<T> = (e: T) => unknown;

class Emitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
}

export class StubUri {
  constructor(
    readonly scheme: string,
    readonly fsPath: string,
  ) {}
  get path(): string {
    return this.fsPath;
  }
  static file(p: string): StubUri {
    return new StubUri('file', p);
  }
  static parse(s: string): StubUri {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/)?(.*)$/i.exec(s);
    if (!m) return new StubUri('file', s);
    return new StubUri(m[1]!, decodeURIComponent(m[2]!.startsWith('/') ? m[2]! : '/' + m[2]!));
  }
  toString(): string {
    return `${this.scheme}://${this.fsPath}`;
  }
}

export class StubRange {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
}

export interface StubDocument {
  uri: StubUri;
  languageId: string;
  lineCount: number;
  lineAt(n: number): { text: string };
}

export function doc(path: string, languageId = 'xml', text = '<include/>\n', scheme = 'file'): StubDocument {
  const lines = text.split('\n');
  return { uri: new StubUri(scheme, path), languageId, lineCount: lines.length, lineAt: (n: number) => ({ text: lines[n] ?? '' }) };
}

export interface StubState {
  /** `fsconf.*` settings as the user set them (inspect().globalValue); `defaults` fill get(). */
  user: Record<string, unknown>;
  defaults: Record<string, unknown>;
  folders: string[];
  textDocuments: StubDocument[];
  filesInWorkspace: string[];
  diagnostics: [StubUri, { source?: string; severity: number; message: string }[]][];
  inputBox: string | undefined;
  quickPick: (items: { label: string }[]) => { label: string } | undefined;
  shown: { kind: string; message: string }[];
  opened: { uri: string; selection?: StubRange }[];
  /** untitled documents opened with content */
  untitled: { content: string; language: string }[];
  executed: string[];
  commands: Map<string, (...a: unknown[]) => unknown>;
  status: { text: string; tooltip: string; visible: boolean; command?: string };
  watchers: number;
  /** fsPaths of the scopes getConfiguration was asked for. */
  scopes: string[];
}

export function createVscodeStub(init: Partial<StubState> = {}) {
  const state: StubState = {
    user: {},
    defaults: { enable: true, files: [], rules: {}, profiles: {}, passwords: {}, known: {}, 'trace.server': 'off' },
    folders: [],
    textDocuments: [],
    filesInWorkspace: [],
    diagnostics: [],
    inputBox: undefined,
    quickPick: (items) => items[0],
    shown: [],
    opened: [],
    untitled: [],
    executed: [],
    commands: new Map(),
    status: { text: '', tooltip: '', visible: false },
    watchers: 0,
    scopes: [],
    ...init,
  };
  const onDidOpen = new Emitter<StubDocument>();
  const onDidChangeConfiguration = new Emitter<{ affectsConfiguration(s: string): boolean }>();
  const onDidChangeDiagnostics = new Emitter<unknown>();
  const disposable = { dispose() {} };

  const configuration = () => ({
    get: <T>(key: string): T | undefined => (key in state.user ? state.user[key] : state.defaults[key]) as T | undefined,
    inspect: <T>(key: string) => ({ defaultValue: state.defaults[key] as T, globalValue: state.user[key] as T | undefined }),
  });

  const api = {
    Uri: StubUri,
    Range: StubRange,
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    workspace: {
      getConfiguration: (section: string, scope?: StubUri) => {
        if (section !== 'fsconf') throw new Error(`unexpected section ${section}`);
        if (scope) state.scopes.push(scope.fsPath);
        return configuration();
      },
      get workspaceFolders() {
        return state.folders.map((f, index) => ({ uri: StubUri.file(f), name: f, index }));
      },
      get textDocuments() {
        return state.textDocuments;
      },
      findFiles: async (glob: string) => {
        const re = glob === '**/freeswitch.xml' ? /(^|\/)freeswitch\.xml$/ : /$^/;
        return state.filesInWorkspace.filter((f) => re.test(f)).map((f) => StubUri.file(f));
      },
      createFileSystemWatcher: () => {
        state.watchers++;
        return {
          onDidCreate: () => disposable,
          onDidChange: () => disposable,
          onDidDelete: () => disposable,
          dispose: () => {
            state.watchers--;
          },
        };
      },
      onDidOpenTextDocument: onDidOpen.event,
      onDidChangeConfiguration: onDidChangeConfiguration.event,
      onDidChangeWorkspaceFolders: () => disposable,
      asRelativePath: (u: StubUri | string) => {
        const p = typeof u === 'string' ? u : u.fsPath;
        for (const f of state.folders) if (p.startsWith(f + '/')) return p.slice(f.length + 1);
        return p;
      },
      registerTextDocumentContentProvider: () => disposable,
      openTextDocument: async (u: StubUri | { content: string; language: string }) => {
        if (!(u instanceof StubUri)) {
          // an untitled document with content (the simulated call's trace)
          state.untitled.push(u);
          return doc(`/untitled-${state.untitled.length}`, u.language, u.content, 'untitled');
        }
        return state.textDocuments.find((d) => d.uri.fsPath === u.fsPath) ?? doc(u.fsPath, 'xml', '\n'.repeat(200));
      },
    },
    window: {
      activeTextEditor: undefined as { document: StubDocument } | undefined,
      createStatusBarItem: () => {
        const item = {
          name: '',
          command: undefined as string | undefined,
          get text() {
            return state.status.text;
          },
          set text(v: string) {
            state.status.text = v;
          },
          get tooltip() {
            return state.status.tooltip;
          },
          set tooltip(v: string) {
            state.status.tooltip = v;
          },
          show: () => {
            state.status.visible = true;
            state.status.command = item.command;
          },
          hide: () => {
            state.status.visible = false;
          },
          dispose: () => undefined,
        };
        return item;
      },
      showInputBox: async (opts: { validateInput?: (v: string) => unknown }) => {
        if (state.inputBox !== undefined && opts.validateInput && opts.validateInput(state.inputBox)) return undefined;
        return state.inputBox;
      },
      showQuickPick: async (items: { label: string }[]) => state.quickPick(items),
      showInformationMessage: async (message: string) => void state.shown.push({ kind: 'info', message }),
      showWarningMessage: async (message: string) => void state.shown.push({ kind: 'warning', message }),
      showErrorMessage: async (message: string) => void state.shown.push({ kind: 'error', message }),
      setStatusBarMessage: (message: string) => {
        state.shown.push({ kind: 'status', message });
        return disposable;
      },
      showTextDocument: async (d: StubDocument, opts?: { selection?: StubRange }) => {
        state.opened.push({ uri: d.uri.toString(), ...(opts?.selection ? { selection: opts.selection } : {}) });
        return { document: d, revealRange: () => undefined };
      },
      withProgress: async <R>(_o: unknown, task: () => Promise<R>) => task(),
    },
    commands: {
      registerCommand: (id: string, f: (...a: unknown[]) => unknown) => {
        state.commands.set(id, f);
        return disposable;
      },
      executeCommand: async (id: string) => {
        state.executed.push(id);
      },
    },
    languages: {
      getDiagnostics: () => state.diagnostics,
      onDidChangeDiagnostics: onDidChangeDiagnostics.event,
      registerDocumentLinkProvider: () => disposable,
    },
  };

  return {
    api: api as unknown as VscodeApi,
    raw: api,
    state,
    openDocument(d: StubDocument) {
      state.textDocuments.push(d);
      onDidOpen.fire(d);
    },
    changeConfiguration(keys: string[]) {
      onDidChangeConfiguration.fire({ affectsConfiguration: (s: string) => keys.some((k) => k === s || k.startsWith(s + '.') || s.startsWith(k + '.')) });
    },
    fireDiagnostics() {
      onDidChangeDiagnostics.fire({});
    },
  };
}

/** A fake language client recording what it was asked; `answers` maps workspace/executeCommand commands to results. */
export function createFakeClient(answers: Record<string, (args: unknown[]) => unknown> = {}) {
  const log: { method: string; params: unknown }[] = [];
  let running = false;
  let options: unknown;
  const client = {
    started: 0,
    stopped: 0,
    start: async () => {
      client.started++;
      running = true;
    },
    stop: async () => {
      client.stopped++;
      running = false;
    },
    isRunning: () => running,
    sendRequest: async <R>(method: string, params: unknown): Promise<R> => {
      log.push({ method, params });
      if (method === 'workspace/executeCommand') {
        const p = params as { command: string; arguments: unknown[] };
        const f = answers[p.command];
        if (!f) throw new Error(`unknown command ${p.command}`);
        return f(p.arguments) as R;
      }
      return undefined as R;
    },
    sendNotification: async (method: string, params: unknown) => {
      log.push({ method, params });
    },
  };
  return {
    client,
    log,
    factory: (o: unknown) => {
      options = o;
      return client;
    },
    get options() {
      return options as import('vscode-languageclient/node').LanguageClientOptions;
    },
  };
}
