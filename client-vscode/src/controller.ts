/**
 * The extension's behaviour, with VS Code and the language client injected so unit tests run it against
 * a stub. `extension.ts` wires in the real `vscode` module and `LanguageClient`.
 *
 * The client is thin: it decides which documents are fsconf's (activation.ts), starts the bundled
 * server, forwards settings and offers three commands plus a status bar item. No analysis here.
 */
import type * as vscode from 'vscode';
import type { LanguageClientOptions, Middleware } from 'vscode-languageclient/node';
import { cachedExists, shouldHandle, type FsExists } from './activation.js';
import { answerConfigurationItem, changeKind, clientSettings, serverSettings, type ClientSettings, type ServerSettings } from './settings.js';
import { AssembledView } from './assembled.js';
import { COMMAND, type CommandDescriptor, type ParamOf, type ResultOf } from '@fsconf/server-lsp/protocol';
import {
  aclPickItems,
  countDiagnostics,
  lintSummary,
  revealTarget,
  routeMarkdown,
  statusText,
  validateIp,
  verdictDetail,
  verdictMessage,
  type AclTestResult,
  type RouteArgs,
  type RouteCallResult,
} from './present.js';

export type VscodeApi = typeof vscode;

/** What we need of `LanguageClient`. */
export interface ClientLike {
  start(): Promise<void>;
  stop(timeout?: number): Promise<void>;
  isRunning(): boolean;
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  sendNotification(method: string, params: unknown): Promise<void>;
}

type ClientFactory = (options: LanguageClientOptions) => ClientLike;

export interface ControllerDeps {
  createClient: ClientFactory;
  fsExists: FsExists;
}

/** Command ids contributed in package.json (distinct from the server's own `fsconf.aclLists` etc.). */
export const COMMANDS = {
  testAcl: 'fsconf.testAcl',
  lintConfiguration: 'fsconf.lintConfiguration',
  restartServer: 'fsconf.restartServer',
  showAssembled: 'fsconf.showAssembled',
  peekReferences: 'fsconf.peekReferences',
  simulateCall: 'fsconf.simulateCall',
} as const;

const EXECUTE_COMMAND = 'workspace/executeCommand';
const DID_CHANGE_CONFIGURATION = 'workspace/didChangeConfiguration';
const PROBLEMS_VIEW = 'workbench.actions.view.problems';
/** The button beside the ACL verdict toast. */
const DETAILS = 'Show the whole verdict';

/** Middleware methods whose first argument is a TextDocument (or, for pull diagnostics, possibly a Uri). */
const DOCUMENT_PROVIDERS = [
  'provideCompletionItem',
  'provideHover',
  'provideSignatureHelp',
  'provideDefinition',
  'provideReferences',
  'provideDocumentHighlights',
  'provideDocumentSymbols',
  'provideCodeActions',
  'provideCodeLenses',
  'provideDocumentFormattingEdits',
  'provideDocumentRangeFormattingEdits',
  'provideDocumentRangesFormattingEdits',
  'provideOnTypeFormattingEdits',
  'provideRenameEdits',
  'prepareRename',
  'provideDocumentLinks',
  'provideDeclaration',
  'provideTypeDefinition',
  'provideImplementation',
  'provideDocumentColors',
  'provideFoldingRanges',
  'provideSelectionRanges',
  'provideDocumentSemanticTokens',
  'provideDocumentSemanticTokensEdits',
  'provideDocumentRangeSemanticTokens',
  'provideLinkedEditingRange',
  'provideInlayHints',
  'provideInlineValues',
  'provideInlineCompletionItems',
  'prepareCallHierarchy',
  'prepareTypeHierarchy',
  'provideDiagnostics',
] as const;

/** Synchronisation middleware: first argument a TextDocument, or an event carrying `.document`. */
const DOCUMENT_SYNC = ['didOpen', 'didSave', 'didClose'] as const;
const EVENT_SYNC = ['didChange', 'willSave', 'willSaveWaitUntil'] as const;

interface UriLike {
  scheme: string;
  fsPath: string;
  toString(): string;
}

export class FsconfController {
  private client: ClientLike | undefined;
  private starting: Promise<void> | undefined;
  private readonly exists: FsExists & { clear(): void };
  private status: vscode.StatusBarItem | undefined;
  private settings: ClientSettings;
  private readonly decisions = new Map<string, boolean>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The server registered for workspace/didChangeConfiguration: the language client forwards changes itself. */
  private serverRegisteredConfiguration = false;

  constructor(
    private readonly vs: VscodeApi,
    private readonly deps: ControllerDeps,
  ) {
    this.exists = cachedExists(deps.fsExists);
    this.settings = clientSettings(this.configuration());
  }

  // ---------------------------------------------------------------- documents

  private configuration(scopeUri?: string): vscode.WorkspaceConfiguration {
    return scopeUri ? this.vs.workspace.getConfiguration('fsconf', this.vs.Uri.parse(scopeUri)) : this.vs.workspace.getConfiguration('fsconf');
  }

  private folders(): string[] {
    return (this.vs.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  }

  /** Is this document (or URI) fsconf's? Memoised per path until files or settings change. */
  handlesUri(uri: UriLike, languageId?: string): boolean {
    if (uri.scheme !== 'file') return false;
    const key = `${languageId ?? ''}\u0000${uri.fsPath}`;
    let v = this.decisions.get(key);
    if (v === undefined) {
      v = shouldHandle(uri.fsPath, this.exists, { files: this.settings.files, folders: this.folders() }, languageId);
      this.decisions.set(key, v);
    }
    return v;
  }

  handles(document: { uri: UriLike; languageId?: string }): boolean {
    return this.handlesUri(document.uri, document.languageId);
  }

  /** Forget cached decisions (a freeswitch.xml appeared or went, or settings changed). */
  invalidate(): void {
    this.exists.clear();
    this.decisions.clear();
  }

  // ---------------------------------------------------------------- client options

  documentSelector(): { scheme: string; language?: string; pattern?: string }[] {
    const selector: { scheme: string; language?: string; pattern?: string }[] = [
      { scheme: 'file', language: 'xml' },
      { scheme: 'file', pattern: '**/*.xml' },
      { scheme: 'file', pattern: '**/cti.json' },
      { scheme: 'file', pattern: '**/.fsconf.{yaml,yml}' },
    ];
    for (const p of this.settings.files) {
      const absolute = p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('**');
      selector.push({ scheme: 'file', pattern: absolute ? p : `**/${p}` });
    }
    return selector;
  }

  /** Gate every document-based request and notification through `handles`: other XML stays untouched. */
  middleware(): Middleware {
    const m: Record<string, unknown> = {};
    const docOf = (arg: unknown): { uri: UriLike; languageId?: string } | undefined => {
      if (!arg || typeof arg !== 'object') return undefined;
      const a = arg as { uri?: UriLike; scheme?: string; fsPath?: string; languageId?: string };
      if (a.uri && typeof a.uri === 'object') return { uri: a.uri, ...(a.languageId ? { languageId: a.languageId } : {}) };
      if (typeof a.scheme === 'string' && typeof a.fsPath === 'string') return { uri: a as UriLike };
      return undefined;
    };
    const gate = (arg: unknown): boolean => {
      const d = docOf(arg);
      return d !== undefined && this.handles(d);
    };
    for (const name of DOCUMENT_PROVIDERS) {
      m[name] = (...args: unknown[]) => {
        const next = args[args.length - 1] as (...a: unknown[]) => unknown;
        if (!gate(args[0])) return name === 'provideDiagnostics' ? { kind: 'full', items: [] } : undefined;
        return next(...args.slice(0, -1));
      };
    }
    for (const name of DOCUMENT_SYNC) {
      m[name] = (doc: unknown, next: (d: unknown) => Promise<void>) => (gate(doc) ? next(doc) : Promise.resolve());
    }
    for (const name of EVENT_SYNC) {
      m[name] = (event: { document: unknown }, next: (e: unknown) => unknown) => {
        if (gate(event?.document)) return next(event);
        return name === 'willSaveWaitUntil' ? Promise.resolve([]) : Promise.resolve();
      };
    }
    // the code lens "▶ simulate a call" runs the server's fsconf.route: show what it answers
    m.executeCommand = async (command: string, args: unknown[], next: (c: string, a: unknown[]) => Promise<unknown>) => {
      const result = await next(command, args);
      if (command === COMMAND.route.name && result) await this.showRoute((args[0] ?? {}) as Partial<RouteArgs>, result as RouteCallResult);
      return result;
    };
    m.handleRegisterCapability = (params: { registrations: { method: string }[] }, next: (p: unknown) => Promise<void>) => {
      if (params.registrations.some((r) => r.method === DID_CHANGE_CONFIGURATION)) this.serverRegisteredConfiguration = true;
      return next(params);
    };
    m.workspace = {
      configuration: async (params: { items: { section?: string; scopeUri?: string }[] }, token: unknown, next: (p: unknown, t: unknown) => unknown) => {
        // per item: a scopeUri (a folder or file) picks up folder-level settings in multi-root workspaces
        const answers = params.items.map((it) => answerConfigurationItem(it.section, this.serverSettings(it.scopeUri)));
        if (answers.every((a) => a !== undefined)) return answers;
        const fallback = (await next(params, token)) as unknown[] | unknown;
        return answers.map((a, i) => (a !== undefined ? a : Array.isArray(fallback) ? fallback[i] : null));
      },
    };
    return m as Middleware;
  }

  serverSettings(scopeUri?: string): ServerSettings {
    return serverSettings(this.configuration(scopeUri));
  }

  clientOptions(): LanguageClientOptions {
    // No `synchronize` section: the server registers its own file watchers and its interest in the
    // `fsconf` section dynamically, then pulls settings with workspace/configuration (answered above).
    return {
      documentSelector: this.documentSelector(),
      diagnosticCollectionName: 'fsconf',
      outputChannelName: 'fsconf',
      initializationOptions: () => ({ settings: this.serverSettings(), client: 'vscode' }), // the server words advice for VS Code's settings
      middleware: this.middleware(),
      markdown: { isTrusted: false, supportHtml: false },
    } as LanguageClientOptions;
  }

  // ---------------------------------------------------------------- lifecycle

  get running(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /** Start the server if fsconf is enabled (idempotent). */
  async start(): Promise<void> {
    if (!this.settings.enable) return;
    if (this.client) return this.starting;
    const client = this.deps.createClient(this.clientOptions());
    this.client = client;
    this.starting = client.start().then(
      () => {
        this.updateStatus();
      },
      (e: unknown) => {
        this.client = undefined;
        this.starting = undefined;
        void this.vs.window.showErrorMessage(`fsconf: the language server did not start: ${errorText(e)}`);
        throw e;
      },
    );
    this.updateStatus();
    return this.starting;
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.starting = undefined;
    this.serverRegisteredConfiguration = false;
    if (c) {
      try {
        await c.stop(5000);
      } catch {
        /* already stopped */
      }
    }
    this.updateStatus();
  }

  async restart(): Promise<void> {
    await this.stop();
    this.invalidate();
    await this.start();
  }

  /** Start when the workspace holds a conf tree or a handled document is open. */
  async maybeStart(): Promise<void> {
    if (!this.settings.enable || this.client) return;
    if (this.vs.workspace.textDocuments.some((d) => this.handles(d))) return this.start();
    const found = await this.vs.workspace.findFiles('**/freeswitch.xml', '**/node_modules/**', 1);
    if (found.length > 0) return this.start();
  }

  // ---------------------------------------------------------------- activation

  activate(context: { subscriptions: { dispose(): unknown }[] }): void {
    const vs = this.vs;
    const sub = (d: { dispose(): unknown }) => context.subscriptions.push(d);

    this.status = vs.window.createStatusBarItem('fsconf.problems', vs.StatusBarAlignment.Left, 50);
    this.status.name = 'fsconf';
    this.status.command = PROBLEMS_VIEW;
    sub(this.status);

    sub(vs.commands.registerCommand(COMMANDS.testAcl, (args?: { ip?: string; list?: string }) => this.guard(() => this.testAcl(args))));
    sub(vs.commands.registerCommand(COMMANDS.lintConfiguration, () => this.guard(() => this.lintConfiguration())));
    sub(vs.commands.registerCommand(COMMANDS.restartServer, () => this.guard(() => this.restartServer())));
    // code lenses ("used by: …", "dialled by N extensions") peek at the places they count; LSP sends plain JSON
    sub(
      vs.commands.registerCommand(
        COMMANDS.peekReferences,
        (
          uri: string,
          at: { line: number; character: number },
          locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[],
        ) =>
          vs.commands.executeCommand(
            'editor.action.showReferences',
            vs.Uri.parse(uri),
            new vs.Position(at.line, at.character),
            (locations ?? []).map(
              (l) => new vs.Location(vs.Uri.parse(l.uri), new vs.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character)),
            ),
          ),
      ),
    );
    // the assembled configuration view (assembled.ts)
    const assembled = new AssembledView(vs);
    for (const d of assembled.register()) sub(d);
    sub(
      vs.commands.registerCommand(COMMANDS.showAssembled, (section?: string) =>
        this.guard(() => assembled.show((a) => this.execute(COMMAND.assembled, a), this.activeFsconfUri(), section)),
      ),
    );
    sub(vs.commands.registerCommand(COMMANDS.simulateCall, (args?: Partial<RouteArgs>) => this.guard(() => this.simulateCall(args))));

    sub(vs.languages.onDidChangeDiagnostics(() => this.updateStatus()));
    sub(
      vs.workspace.onDidOpenTextDocument((doc) => {
        if (!this.client && this.settings.enable && this.handles(doc)) void this.start().catch(() => undefined);
      }),
    );
    const roots = vs.workspace.createFileSystemWatcher('**/freeswitch.xml', false, true, false);
    sub(roots);
    sub(roots.onDidCreate(() => this.invalidate()));
    sub(roots.onDidDelete(() => this.invalidate()));
    sub(vs.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()));
    sub(vs.workspace.onDidChangeConfiguration((e) => void this.onConfigurationChanged(e)));
    sub({ dispose: () => void this.dispose() });

    void this.maybeStart().catch(() => undefined);
  }

  async onConfigurationChanged(e: { affectsConfiguration(section: string): boolean }): Promise<void> {
    const kind = changeKind((s) => e.affectsConfiguration(s));
    if (kind === 'none') return;
    this.settings = clientSettings(this.configuration());
    if (kind === 'restart') {
      this.invalidate();
      if (!this.settings.enable) return this.stop();
      if (this.client) return this.restart();
      return this.maybeStart();
    }
    // 'resend': the language client tells the server (it registered for the `fsconf` section) and the
    // server pulls the new values through the workspace/configuration middleware. Servers that did not
    // register get the notification from us.
    if (this.client && this.running && !this.serverRegisteredConfiguration) {
      await this.client.sendNotification(DID_CHANGE_CONFIGURATION, { settings: { fsconf: this.serverSettings() } });
    }
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables.splice(0)) d.dispose();
    await this.stop();
  }

  // ---------------------------------------------------------------- status bar

  updateStatus(): void {
    if (!this.status) return;
    if (!this.client) {
      this.status.hide();
      return;
    }
    const counts = countDiagnostics(this.vs.languages.getDiagnostics());
    const { text, tooltip } = statusText(counts);
    this.status.text = text;
    this.status.tooltip = tooltip;
    this.status.show();
  }

  // ---------------------------------------------------------------- commands

  private async guard<T>(f: () => Promise<T>): Promise<T | undefined> {
    try {
      return await f();
    } catch (e) {
      void this.vs.window.showErrorMessage(`fsconf: ${errorText(e)}`);
      return undefined;
    }
  }

  private async ready(): Promise<ClientLike> {
    if (!this.settings.enable) throw new Error('fsconf is disabled (setting fsconf.enable)');
    if (!this.client) await this.start();
    else await this.starting;
    if (!this.client) throw new Error('the language server is not running');
    return this.client;
  }

  /** Run a server command through its descriptor (no argument: none is sent). */
  private async execute<D extends CommandDescriptor>(d: D, ...arg: [] | [ParamOf<D>]): Promise<ResultOf<D>> {
    const client = await this.ready();
    return client.sendRequest<ResultOf<D>>(EXECUTE_COMMAND, { command: d.name, arguments: arg });
  }

  /** The active editor's document when it is fsconf's (commands act on its tree). */
  private activeFsconfUri(): string | undefined {
    const active = this.vs.window.activeTextEditor?.document;
    return active && this.handles(active) ? active.uri.toString() : undefined;
  }

  private relative(uri: string): string {
    try {
      return this.vs.workspace.asRelativePath(this.vs.Uri.parse(uri), false);
    } catch {
      return uri;
    }
  }

  /** "fsconf: Test an address against an ACL". `args` skips the prompts (for keybindings and tests). */
  async testAcl(args?: { ip?: string; list?: string }): Promise<AclTestResult | undefined> {
    const vs = this.vs;
    let ip = args?.ip;
    if (!ip) {
      ip = await vs.window.showInputBox({
        title: 'fsconf: Test an address against an ACL',
        prompt: 'The IPv4 or IPv6 address to test',
        placeHolder: '192.168.1.10',
        ignoreFocusOut: true,
        validateInput: (v) => validateIp(v),
      });
      if (!ip) return undefined;
    }
    ip = ip.trim();
    const invalid = validateIp(ip);
    if (invalid) throw new Error(invalid);

    // the tree of the active fsconf document, if any (the server picks its first tree otherwise)
    const active = vs.window.activeTextEditor?.document;
    const where = active && this.handles(active) ? { uri: active.uri.toString() } : {};
    const lists = (await this.execute(COMMAND.aclLists, where)) ?? [];
    let listName = args?.list;
    if (!listName) {
      if (lists.length === 0) throw new Error('the configuration defines no ACL lists');
      const picked = await vs.window.showQuickPick(
        aclPickItems(lists, (u) => this.relative(u)),
        {
          title: `fsconf: Test ${ip} against…`,
          placeHolder: 'ACL list (from acl.conf.xml, or built in)',
          matchOnDescription: true,
          ignoreFocusOut: true,
        },
      );
      if (!picked) return undefined;
      listName = picked.list.name;
    }
    const result = await this.execute(COMMAND.aclTest, { ip, list: listName, ...where });
    if (!result) throw new Error('the server returned no verdict');

    const target = revealTarget(
      result,
      lists.find((l) => l.name === listName),
    );
    if (target) await this.reveal(target.uri, target.line);
    const message = verdictMessage(ip, result, (u) => this.relative(u));
    // the toast is cut short on a narrow window: the whole verdict is one click away
    const shown = /^allow/i.test(result.verdict) ? vs.window.showInformationMessage(message, DETAILS) : vs.window.showWarningMessage(message, DETAILS);
    void Promise.resolve(shown).then(async (choice) => {
      if (choice !== DETAILS) return;
      const doc = await vs.workspace.openTextDocument({ content: verdictDetail(ip!, result, (u) => this.relative(u)), language: 'markdown' });
      await vs.window.showTextDocument(doc, { preview: true });
    });
    return result;
  }

  private async reveal(uri: string, line: number): Promise<void> {
    const vs = this.vs;
    const doc = await vs.workspace.openTextDocument(vs.Uri.parse(uri));
    const l = Math.min(line, Math.max(0, doc.lineCount - 1));
    const text = doc.lineAt(l).text;
    const start = text.length - text.trimStart().length;
    const range = new vs.Range(l, start, l, text.length);
    const editor = await vs.window.showTextDocument(doc, { preview: true, selection: range });
    editor.revealRange(range, vs.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** "fsconf: Simulate a call": profile, address and number (prompted unless given) → the trace beside the editor. */
  async simulateCall(args?: Partial<RouteArgs>): Promise<RouteCallResult | undefined> {
    const vs = this.vs;
    const ask = async (title: string, prompt: string, placeHolder: string, validate?: (v: string) => string | undefined) =>
      vs.window.showInputBox({
        title: `fsconf: Simulate a call — ${title}`,
        prompt,
        placeHolder,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? validate?.(v) : `Type the ${title}`),
      });
    const profile = args?.profile ?? (await ask('sip profile', 'The sip profile that receives the call', 'external'));
    if (profile === undefined) return undefined;
    const from = args?.from ?? (await ask("caller's address", 'The IP address the INVITE comes from', '203.0.113.7', validateIp));
    if (!from) return undefined;
    const to = args?.to ?? (await ask('number', 'The number dialled (destination_number)', '1000'));
    if (!to) return undefined;
    const active = vs.window.activeTextEditor?.document;
    const where = active && this.handles(active) ? { uri: active.uri.toString() } : {};
    const request: RouteArgs = { ...args, ...where, profile: profile.trim(), from: from.trim(), to: to.trim() };
    const result = await this.execute(COMMAND.route, request);
    if (!result) throw new Error('the server returned no simulation');
    await this.showRoute(request, result);
    return result;
  }

  /** The trace as a Markdown document beside the editor; each step links to its file and line. */
  private async showRoute(args: Partial<RouteArgs>, result: RouteCallResult): Promise<void> {
    const vs = this.vs;
    const content = routeMarkdown(args, result, (u) => this.relative(u));
    const doc = await vs.workspace.openTextDocument({ content, language: 'markdown' });
    await vs.window.showTextDocument(doc, { viewColumn: vs.ViewColumn.Beside, preview: true, preserveFocus: false });
  }

  /** "fsconf: Lint the whole configuration": the server lints every file of the tree; we show the Problems panel. */
  async lintConfiguration(): Promise<unknown> {
    const vs = this.vs;
    const result = await vs.window.withProgress({ location: vs.ProgressLocation.Window, title: 'fsconf: linting the configuration' }, () =>
      this.execute(COMMAND.lintTree),
    );
    await vs.commands.executeCommand(PROBLEMS_VIEW);
    this.updateStatus();
    void vs.window.showInformationMessage(lintSummary(result, countDiagnostics(vs.languages.getDiagnostics())));
    return result;
  }

  async restartServer(): Promise<void> {
    if (!this.settings.enable) throw new Error('fsconf is disabled (setting fsconf.enable)');
    await this.restart();
    void this.vs.window.setStatusBarMessage('fsconf: server restarted', 3000);
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
