/** The extension against a stub of the `vscode` API and a fake language client. */
import { describe, expect, it } from 'vitest';
import { COMMANDS, FsconfController } from './controller.js';
import { createFakeClient, createVscodeStub, doc, StubUri } from './test/vscode-stub.js';

const TREE = '/srv/pbx/conf';
const onDisk = new Set([`${TREE}/freeswitch.xml`]);
const fsExists = (p: string) => onDisk.has(p);

function setup(init: Parameters<typeof createVscodeStub>[0] = {}, answers: Parameters<typeof createFakeClient>[0] = {}) {
  const vs = createVscodeStub(init);
  const fake = createFakeClient(answers);
  const controller = new FsconfController(vs.api, { createClient: fake.factory, fsExists });
  const context = { subscriptions: [] as { dispose(): unknown }[] };
  return { vs, fake, controller, context };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('starting the server', () => {
  it('does not start for a workspace of plain XML', async () => {
    const { fake, controller, context } = setup({
      folders: ['/home/me/app'],
      filesInWorkspace: ['/home/me/app/pom.xml'],
      textDocuments: [doc('/home/me/app/pom.xml')],
    });
    controller.activate(context);
    await tick();
    expect(fake.client.started).toBe(0);
  });

  it('starts when the workspace holds a freeswitch.xml', async () => {
    const { fake, controller, context, vs } = setup({ folders: [TREE], filesInWorkspace: [`${TREE}/freeswitch.xml`] });
    controller.activate(context);
    await tick();
    expect(fake.client.started).toBe(1);
    expect(vs.state.status.visible).toBe(true);
  });

  it('starts when a document of a conf tree is opened later, once', async () => {
    const { fake, controller, context, vs } = setup();
    controller.activate(context);
    await tick();
    vs.openDocument(doc('/home/me/app/pom.xml'));
    expect(fake.client.started).toBe(0);
    vs.openDocument(doc(`${TREE}/vars.xml`));
    vs.openDocument(doc(`${TREE}/dialplan/default.xml`));
    await tick();
    expect(fake.client.started).toBe(1);
  });

  it('fsconf.enable=false: never starts; turning it off stops a running server', async () => {
    const off = setup({ user: { enable: false }, filesInWorkspace: [`${TREE}/freeswitch.xml`], textDocuments: [doc(`${TREE}/vars.xml`)] });
    off.controller.activate(off.context);
    await tick();
    expect(off.fake.client.started).toBe(0);

    const on = setup({ filesInWorkspace: [`${TREE}/freeswitch.xml`] });
    on.controller.activate(on.context);
    await tick();
    expect(on.fake.client.isRunning()).toBe(true);
    on.vs.state.user.enable = false;
    on.vs.changeConfiguration(['fsconf.enable']);
    await tick();
    expect(on.fake.client.stopped).toBe(1);
    expect(on.vs.state.status.visible).toBe(false);
  });

  it('registers its commands', () => {
    const { vs, controller, context } = setup();
    controller.activate(context);
    expect([...vs.state.commands.keys()].sort()).toEqual(Object.values(COMMANDS).sort());
  });
});

describe('client options: selector, middleware, settings', () => {
  it('selects XML, cti.json, .fsconf.yaml and the fsconf.files patterns (file scheme only)', () => {
    const { controller } = setup({ user: { files: ['/opt/tmpl/**/*.tmpl', 'conf/*.in'] } });
    const sel = controller.documentSelector();
    expect(sel.every((f) => f.scheme === 'file')).toBe(true);
    expect(sel).toContainEqual({ scheme: 'file', language: 'xml' });
    expect(sel).toContainEqual({ scheme: 'file', pattern: '**/cti.json' });
    expect(sel).toContainEqual({ scheme: 'file', pattern: '**/.fsconf.{yaml,yml}' });
    expect(sel).toContainEqual({ scheme: 'file', pattern: '/opt/tmpl/**/*.tmpl' });
    expect(sel).toContainEqual({ scheme: 'file', pattern: '**/conf/*.in' });
  });

  it('the middleware lets fsconf documents through and keeps plain XML away from the server', async () => {
    const { controller } = setup();
    const m = controller.middleware() as unknown as Record<string, (...a: unknown[]) => unknown>;
    const mine = doc(`${TREE}/sip_profiles/internal.xml`);
    const theirs = doc('/home/me/app/pom.xml');
    const calls: string[] = [];
    const next = (name: string) => async (d: { uri: StubUri } | { document: { uri: StubUri } }) => {
      calls.push(`${name} ${'uri' in d ? d.uri.fsPath : d.document.uri.fsPath}`);
      return 'forwarded';
    };
    await m.didOpen!(mine, next('didOpen'));
    await m.didOpen!(theirs, next('didOpen'));
    await m.didChange!({ document: theirs }, next('didChange'));
    await m.didChange!({ document: mine }, next('didChange'));
    await m.didClose!(theirs, next('didClose'));
    expect(calls).toEqual([`didOpen ${TREE}/sip_profiles/internal.xml`, `didChange ${TREE}/sip_profiles/internal.xml`]);

    const hover = (d: unknown) => m.provideHover!(d, { line: 0, character: 0 }, {}, async () => 'fsconf hover');
    expect(await hover(mine)).toBe('fsconf hover');
    expect(await hover(theirs)).toBeUndefined();
    expect(await m.provideCodeActions!(theirs, {}, {}, {}, async () => ['fix'])).toBeUndefined();
    expect(await m.provideCodeActions!(mine, {}, {}, {}, async () => ['fix'])).toEqual(['fix']);
    expect(await m.provideCompletionItem!(theirs, {}, {}, {}, async () => ['item'])).toBeUndefined();
    expect(await m.provideDocumentSymbols!(theirs, {}, async () => ['sym'])).toBeUndefined();
    expect(await m.provideDocumentSymbols!(mine, {}, async () => ['sym'])).toEqual(['sym']);
    // pull diagnostics may pass a Uri instead of a document
    expect(await m.provideDiagnostics!(theirs.uri, undefined, {}, async () => 'report')).toEqual({ kind: 'full', items: [] });
    expect(await m.provideDiagnostics!(mine.uri, undefined, {}, async () => 'report')).toBe('report');
    // untitled and git: documents never go to the server
    expect(await hover(doc(`${TREE}/vars.xml`, 'xml', '', 'git'))).toBeUndefined();
  });

  it('answers workspace/configuration with what the user set, and passes other sections on', async () => {
    const { controller, vs } = setup({ user: { rules: { 'sofia/legacy-tls': 'error' }, passwords: { minimum: 12 }, files: ['x'] } });
    const m = controller.middleware() as unknown as {
      workspace: { configuration: (p: unknown, t: unknown, n: (p: unknown) => unknown) => Promise<unknown[]> };
    };
    const items = [{ section: 'fsconf' }, { section: 'fsconf.rules', scopeUri: `file://${TREE}` }, { section: 'files.encoding' }];
    const res = await m.workspace.configuration({ items }, {}, async () => ['a', 'b', 'utf8']);
    expect(res).toEqual([{ rules: { 'sofia/legacy-tls': 'error' }, passwords: { minimum: 12 } }, { 'sofia/legacy-tls': 'error' }, 'utf8']);
    expect(vs.state.scopes).toEqual([TREE]); // folder-level settings for a scoped item
  });

  it('sends the settings in initializationOptions', async () => {
    const { controller, fake, context } = setup({ user: { known: { modules: ['mod_cti'] } }, filesInWorkspace: [`${TREE}/freeswitch.xml`] });
    controller.activate(context);
    await tick();
    const init = fake.options.initializationOptions as () => unknown;
    expect(init()).toEqual({ settings: { known: { modules: ['mod_cti'] } }, client: 'vscode' });
    expect(fake.options.diagnosticCollectionName).toBe('fsconf');
  });

  it('a settings change is sent to a server that did not register for it; fsconf.files restarts', async () => {
    const { controller, fake, context, vs } = setup({ filesInWorkspace: [`${TREE}/freeswitch.xml`] });
    controller.activate(context);
    await tick();
    vs.state.user.rules = { 'dialplan/unknown-app': 'off' };
    vs.changeConfiguration(['fsconf.rules']);
    await tick();
    expect(fake.log).toContainEqual({
      method: 'workspace/didChangeConfiguration',
      params: { settings: { fsconf: { rules: { 'dialplan/unknown-app': 'off' } } } },
    });

    // once the server registers for the section, the language client forwards changes itself
    const m = fake.options.middleware as unknown as { handleRegisterCapability: (p: unknown, n: (p: unknown) => Promise<void>) => Promise<void> };
    await m.handleRegisterCapability({ registrations: [{ id: '1', method: 'workspace/didChangeConfiguration' }] }, async () => undefined);
    const before = fake.log.length;
    vs.changeConfiguration(['fsconf.passwords']);
    await tick();
    expect(fake.log.length).toBe(before);

    vs.state.user.files = ['**/*.tmpl'];
    vs.changeConfiguration(['fsconf.files']);
    await tick();
    await tick();
    expect(fake.client.stopped).toBe(1);
    expect(fake.client.started).toBe(2);
    expect(controller.documentSelector()).toContainEqual({ scheme: 'file', pattern: '**/*.tmpl' });
  });
});

describe('status bar', () => {
  it('counts fsconf diagnostics only, and opens the Problems panel', async () => {
    const { controller, context, vs } = setup({ filesInWorkspace: [`${TREE}/freeswitch.xml`] });
    controller.activate(context);
    await tick();
    expect(vs.state.status.text).toBe('$(error) 0 $(warning) 0 fsconf');
    vs.state.diagnostics = [
      [
        StubUri.file(`${TREE}/vars.xml`),
        [
          { source: 'fsconf', severity: 0, message: 'a' },
          { source: 'fsconf', severity: 1, message: 'b' },
          { source: 'xml', severity: 0, message: 'c' },
        ],
      ],
      [
        StubUri.file(`${TREE}/sip_profiles/internal.xml`),
        [
          { source: 'fsconf', severity: 0, message: 'd' },
          { source: 'fsconf', severity: 2, message: 'e' },
        ],
      ],
      [StubUri.file('/home/me/pom.xml'), [{ source: 'xml', severity: 0, message: 'f' }]],
    ];
    vs.fireDiagnostics();
    expect(vs.state.status.text).toBe('$(error) 2 $(warning) 1 $(info) 1 fsconf');
    expect(vs.state.status.tooltip).toBe('fsconf: 2 errors, 1 warning, 1 info in 2 files. Click for the Problems panel.');
    expect(vs.state.status.command).toBe('workbench.actions.view.problems');
  });
});

describe('commands', () => {
  const lists = [
    { name: 'lan', uri: `file://${TREE}/autoload_configs/acl.conf.xml`, line: 3, builtin: false },
    { name: 'loopback.auto', builtin: true },
    { name: 'domains', uri: `file://${TREE}/autoload_configs/acl.conf.xml`, line: 9, builtin: false },
  ];
  const verdict = {
    verdict: 'allow',
    list: 'domains',
    decidedBy: { uri: `file://${TREE}/autoload_configs/acl.conf.xml`, line: 10, cidr: '192.168.0.0/16', type: 'allow' },
    reason: 'the first matching node (longest prefix) allows',
  };

  it('Test an address against an ACL: input box → quick pick of the lists → verdict, deciding node revealed', async () => {
    const seen: string[][] = [];
    const { controller, context, vs, fake } = setup(
      {
        folders: [TREE],
        filesInWorkspace: [`${TREE}/freeswitch.xml`],
        inputBox: ' 192.168.1.10 ',
        quickPick: (items) => {
          seen.push(items.map((i) => `${i.label}|${(i as { description?: string }).description}`));
          return items.find((i) => i.label === 'domains');
        },
      },
      { 'fsconf.aclLists': () => lists, 'fsconf.aclTest': () => verdict },
    );
    controller.activate(context);
    await tick();
    const result = await vs.state.commands.get(COMMANDS.testAcl)!();
    expect(result).toEqual(verdict);
    expect(seen[0]).toEqual(['domains|autoload_configs/acl.conf.xml:10', 'lan|autoload_configs/acl.conf.xml:4', 'loopback.auto|built-in']);
    expect(fake.log.filter((l) => l.method === 'workspace/executeCommand').map((l) => l.params)).toEqual([
      { command: 'fsconf.aclLists', arguments: [{}] },
      { command: 'fsconf.aclTest', arguments: [{ ip: '192.168.1.10', list: 'domains' }] },
    ]);
    expect(vs.state.opened).toHaveLength(1);
    expect(vs.state.opened[0]!.uri).toBe(`file://${TREE}/autoload_configs/acl.conf.xml`);
    expect(vs.state.opened[0]!.selection!.startLine).toBe(10);
    expect(vs.state.shown).toContainEqual({
      kind: 'info',
      message:
        'fsconf: 192.168.1.10 → ALLOW by ACL "domains" — decided by allow 192.168.0.0/16 at autoload_configs/acl.conf.xml:11. Why: the first matching node (longest prefix) allows',
    });
  });

  it('a deny shows a warning; no deciding node reveals the list itself; invalid input asks again', async () => {
    const deny = { verdict: 'deny', list: 'lan', decidedBy: null, reason: 'no node matched: the list default (deny) applies' };
    const { controller, context, vs } = setup(
      { inputBox: '10.0.0.1', quickPick: (items) => items.find((i) => i.label === 'lan') },
      { 'fsconf.aclLists': () => lists, 'fsconf.aclTest': () => deny },
    );
    controller.activate(context);
    await vs.state.commands.get(COMMANDS.testAcl)!();
    expect(vs.state.shown.at(-1)!.kind).toBe('warning');
    expect(vs.state.shown.at(-1)!.message).toContain('10.0.0.1 → DENY by ACL "lan". Why: no node matched');
    expect(vs.state.opened[0]!.selection!.startLine).toBe(3);

    vs.state.inputBox = '999.1.1.1';
    expect(await vs.state.commands.get(COMMANDS.testAcl)!()).toBeUndefined();
  });

  it('errors from the server are shown, not thrown', async () => {
    const { controller, context, vs } = setup(
      { inputBox: '10.0.0.1' },
      {
        'fsconf.aclLists': () => {
          throw new Error('ACL lists are not available in this build');
        },
      },
    );
    controller.activate(context);
    await vs.state.commands.get(COMMANDS.testAcl)!();
    expect(vs.state.shown).toContainEqual({ kind: 'error', message: 'fsconf: ACL lists are not available in this build' });
  });

  it('Lint the whole configuration: asks the server, opens the Problems panel, reports the counts', async () => {
    const { controller, context, vs, fake } = setup({}, { 'fsconf.lintTree': () => ({ files: 12, errors: 2, warnings: 3, infos: 0 }) });
    controller.activate(context);
    await vs.state.commands.get(COMMANDS.lintConfiguration)!();
    expect(fake.client.started).toBe(1);
    expect(fake.log.at(-1)).toEqual({ method: 'workspace/executeCommand', params: { command: 'fsconf.lintTree', arguments: [] } });
    expect(vs.state.executed).toContain('workbench.actions.view.problems');
    expect(vs.state.shown).toContainEqual({ kind: 'info', message: 'fsconf: linted 12 files: 2 errors, 3 warnings, 0 info.' });
  });

  it('Restart server: stops and starts the client', async () => {
    const { controller, context, vs, fake } = setup({ filesInWorkspace: [`${TREE}/freeswitch.xml`] });
    controller.activate(context);
    await tick();
    await vs.state.commands.get(COMMANDS.restartServer)!();
    expect(fake.client.stopped).toBe(1);
    expect(fake.client.started).toBe(2);
  });
});

describe('fsconf: Simulate a call', () => {
  const result = {
    admission: { profile: 'external', from: '203.0.113.7', verdict: 'admitted', authenticated: false, by: 'none', reason: 'no inbound ACL and auth-calls off' },
    context: 'public',
    contexts: ['public', 'default'],
    actions: [
      {
        application: 'transfer',
        data: '1000 XML default',
        expanded: '1000 XML default',
        context: 'public',
        extension: 'public_extensions',
        uri: `file://${TREE}/dialplan/public.xml`,
        line: 41,
      },
      {
        application: 'bridge',
        data: 'user/1000@${domain_name}',
        expanded: 'user/1000@${domain_name}',
        context: 'default',
        extension: 'Local_Extension',
        uri: `file://${TREE}/dialplan/default.xml`,
        line: 268,
      },
    ],
    outcome: {
      kind: 'bridge',
      endpoint: 'user/1000@${domain_name}',
      external: false,
      reason: 'bridge to a local user',
      where: 'stays on the switch',
      targets: [{ target: 'user/1000@${domain_name}', kind: 'local-user' }],
    },
    trace: [{ kind: 'transfer', text: 'transfer to 1000 in context default', uri: `file://${TREE}/dialplan/public.xml`, line: 41, depth: 0 }],
    premises: ['time conditions are evaluated at …'],
  };

  it('asks profile, address and number, runs fsconf.route and shows the trace beside the editor with file:line links', async () => {
    const answers = ['external', '203.0.113.7', '1000'];
    const { vs, fake, controller, context } = setup({ folders: [TREE], filesInWorkspace: [`${TREE}/freeswitch.xml`] }, { 'fsconf.route': () => result });
    (vs.raw.window as { showInputBox: unknown }).showInputBox = async () => answers.shift();
    controller.activate(context);
    await tick();
    const r = await vs.state.commands.get(COMMANDS.simulateCall)!();
    expect(r).toEqual(result);
    expect(fake.log).toContainEqual({
      method: 'workspace/executeCommand',
      params: { command: 'fsconf.route', arguments: [{ profile: 'external', from: '203.0.113.7', to: '1000' }] },
    });
    const md = vs.state.untitled[0]!;
    expect(md.language).toBe('markdown');
    expect(md.content).toContain('**Outcome:** bridge `user/1000@${domain_name}` — stays on the switch');
    expect(md.content).toContain(`[dialplan/public.xml:42](file://${TREE}/dialplan/public.xml#L42)`);
    expect(md.content).toMatch(/2\. `bridge\(user\/1000@\$\{domain_name\}\)` — default\/Local\\_Extension \[dialplan\/default\.xml:269\]/);
  });

  it("the code lens command (the server's fsconf.route) shows its answer too", async () => {
    const { vs, controller } = setup();
    const m = controller.middleware() as unknown as {
      executeCommand: (c: string, a: unknown[], n: (c: string, a: unknown[]) => Promise<unknown>) => Promise<unknown>;
    };
    const got = await m.executeCommand('fsconf.route', [{ profile: 'external', from: '203.0.113.7', to: '1000' }], async () => result);
    expect(got).toEqual(result);
    expect(vs.state.untitled).toHaveLength(1);
    await m.executeCommand('fsconf.aclLists', [], async () => []);
    expect(vs.state.untitled).toHaveLength(1);
  });
});
