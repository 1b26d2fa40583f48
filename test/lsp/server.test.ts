/**
 * The language server over stdio, as any editor sees it: the real built server, a protocol client,
 * documents from the vanilla corpus and from fixture trees in a temp folder.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CORPUS, LSP, REPO } from '../helpers.js';
import { applyTextEdits, positionOf, TestClient, uri } from './client.js';

const VANILLA = path.join(CORPUS, 'vanilla');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-lsp-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const MAIN = `<?xml version="1.0"?>
<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration" description="Various Configuration">
    <configuration name="sofia.conf" description="sofia Endpoint">
      <profiles>
        <X-PRE-PROCESS cmd="include" data="sip_profiles/*.xml"/>
      </profiles>
    </configuration>
  </section>
</document>
`;
const VARS = `<include>
  <X-PRE-PROCESS cmd="set" data="domain=example.com"/>
  <X-PRE-PROCESS cmd="set" data="internal_sip_port=5060"/>
</include>
`;
const PROFILE = `<profile name="internal">
  <settings>
    <param name="sip-port" value="$\${internal_sip_port}"/>
    <param name="auth-calls" value="true"/>
  </settings>
</profile>
`;

const clients: TestClient[] = [];
const dirs: string[] = [];
function client(args?: string[]): TestClient {
  const c = new TestClient(args);
  clients.push(c);
  return c;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fixture(files: Record<string, string>): string {
  const d = tree(files);
  dirs.push(d);
  return d;
}

beforeAll(() => {
  if (!existsSync(LSP)) throw new Error(`${LSP} is missing: build first (npx tsc -b server-lsp)`);
});

describe('process', () => {
  it('prints its version', () => {
    const r = spawnSync(process.execPath, [LSP, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'server-lsp/package.json'), 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(`fsconf-lsp ${pkg.version}`);
  });

  it('runs as `npx fsconf-lsp` from the repository root (the workspace bin)', () => {
    const bin = path.join(REPO, 'node_modules/.bin/fsconf-lsp');
    expect(existsSync(bin), 'node_modules/.bin/fsconf-lsp is not linked: run npm ci (or npm rebuild @fsconf/server-lsp)').toBe(true);
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', cwd: REPO });
    expect(r.stdout.trim()).toMatch(/^fsconf-lsp \d+\.\d+\.\d+$/);
  });

  it('initializes, advertises its capabilities and exits cleanly on shutdown/exit', async () => {
    const c = client();
    const r = await c.initialize(VANILLA);
    expect(r.serverInfo?.name).toBe('fsconf-lsp');
    const caps = r.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.completionProvider?.triggerCharacters).toEqual(['"', '<', '$', '{']);
    expect(caps.hoverProvider).toBe(true);
    expect(caps.definitionProvider).toBe(true);
    expect(caps.referencesProvider).toBe(true);
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.documentLinkProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBe(true);
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.fsconf', 'refactor.insert.fsconf'] });
    expect(caps.executeCommandProvider?.commands).toEqual(
      expect.arrayContaining(['fsconf.aclTest', 'fsconf.lintTree', 'fsconf.aclLists', 'fsconf.treeInfo', 'fsconf.applyEdit', 'fsconf.saveDocument']),
    );
    await c.waitForAnalysis(0);
    expect(c.logs.some((l) => l.includes('fsconf-lsp'))).toBe(true);
    const clients_ = clients.splice(0);
    expect(await clients_[0]!.shutdown()).toBe(0);
  });
});

describe('transports', () => {
  it('speaks LSP over Node IPC (--node-ipc, as VS Code starts it)', async () => {
    const { fork } = await import('node:child_process');
    const { createProtocolConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-languageserver-protocol/node');
    const child = fork(LSP, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    let done = 0;
    conn.onNotification('fsconf/analysisDone', () => {
      done++;
    });
    conn.listen();
    try {
      const r = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: uri(VANILLA), capabilities: {} })) as {
        serverInfo?: { name: string };
      };
      expect(r.serverInfo?.name).toBe('fsconf-lsp');
      await conn.sendNotification('initialized', {});
      for (let i = 0; i < 400 && !done; i++) await new Promise((res) => setTimeout(res, 25));
      expect(done).toBeGreaterThan(0);
      await conn.sendRequest('shutdown');
      const exited = new Promise<number | null>((res) => child.once('exit', res));
      await conn.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});

describe('diagnostics', () => {
  it('publishes the whole vanilla tree at start, [] for clean files, then fsconf/analysisDone', async () => {
    const c = client();
    await c.initialize(VANILLA);
    await c.waitForAnalysis(0, 'the first analysis');
    const done = c.analyses()[0]!;
    expect(done.files).toBeGreaterThan(100);
    expect(done.ms).toBeGreaterThan(0);
    expect(c.diagnostics.size).toBeGreaterThanOrEqual(done.files);
    expect(c.diagnostics.get(uri(path.join(VANILLA, 'sip_profiles/internal.xml')))).toBeDefined();
    expect(c.diagnostics.get(uri(path.join(VANILLA, 'dialplan/default.xml')))).toBeDefined();
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const list of c.diagnostics.values())
      for (const d of list) {
        if (d.severity === 1) errors++;
        else if (d.severity === 2) warnings++;
        else infos++;
      }
    expect({ errors, warnings, infos }).toEqual({ errors: done.errors, warnings: done.warnings, infos: done.infos });
    // the watcher is registered dynamically
    expect(c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles')).toBe(true);
  });

  it('reports preprocess/unknown-cmd with code, doc link, source and a quick fix that removes it', async () => {
    const dir = fixture({
      'freeswitch.xml': MAIN.replace('cmd="include" data="vars.xml"', 'cmd="inlcude" data="vars.xml"'),
      'vars.xml': VARS,
      'sip_profiles/internal.xml': PROFILE,
    });
    const main = path.join(dir, 'freeswitch.xml');
    const c = client();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
    const diags = c.diagnostics.get(uri(main))!;
    const d = diags.find((x) => x.code === 'preprocess/unknown-cmd')!;
    expect(d).toBeDefined();
    expect(d.source).toBe('fsconf');
    expect(d.severity).toBe(1);
    expect(d.codeDescription?.href).toBe('https://github.com/fsconf/fsconf/blob/main/RULES.md#preprocessunknown-cmd');
    expect(d.message).toContain('did you mean "include"');
    // the profile now sees an undefined variable (vars.xml was never included)
    const prof = c.diagnostics.get(uri(path.join(dir, 'sip_profiles/internal.xml')))!;
    expect(prof.map((x) => x.code)).toContain('preprocess/undefined-var');

    const text = c.open(main);
    const actions = (await c.codeActions(main, d.range, [d]))!;
    const quick = actions.filter((a) => a.kind === 'quickfix');
    expect(quick.length).toBeGreaterThan(0);
    expect(quick[0]!.isPreferred).toBe(true);
    // a did-you-mean is a person's choice: offered and preferred, but not part of fix-all
    expect(quick[0]!.data).toEqual({ fixKind: 'choice' });
    expect(actions.find((a) => a.kind === 'source.fixAll.fsconf')).toBeUndefined();
    const edits = quick[0]!.edit!.changes![uri(main)]!;
    const fixed = applyTextEdits(text, edits);
    expect(fixed).toContain('cmd="include" data="vars.xml"');

    // apply in the editor buffer: the finding goes, and the profile's undefined variable with it (cross-file)
    const since = c.published.length;
    c.change(main, [{ text: fixed }]);
    await c.nextDiagnostics(uri(main), since, (l) => !l.some((x) => x.code === 'preprocess/unknown-cmd'));
    const prof2 = await c.nextDiagnostics(uri(path.join(dir, 'sip_profiles/internal.xml')), since);
    expect(prof2.map((x) => x.code)).not.toContain('preprocess/undefined-var');
  });

  it('reports an undefined $${var} in a profile, and editing vars.xml re-publishes the profile', async () => {
    const dir = fixture({ 'freeswitch.xml': MAIN, 'vars.xml': VARS.replace('internal_sip_port', 'internal_sip_prt'), 'sip_profiles/internal.xml': PROFILE });
    const vars = path.join(dir, 'vars.xml');
    const profUri = uri(path.join(dir, 'sip_profiles/internal.xml'));
    const c = client();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
    const d = c.diagnostics.get(profUri)!.find((x) => x.code === 'preprocess/undefined-var');
    expect(d?.message).toContain('internal_sip_port');
    expect(d?.range.start.line).toBe(2);

    const text = c.open(vars);
    await c.waitFor(() => c.analyses().length >= 2, 'analysis after open');
    const since = c.published.length;
    const pos = positionOf(text, 'internal_sip_prt', 'internal_sip_'.length);
    c.change(vars, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 3 } }, text: 'port' }]);
    const after = await c.nextDiagnostics(profUri, since);
    expect(after.map((x) => x.code)).not.toContain('preprocess/undefined-var');
    // the edited document gets (empty) diagnostics for its new version, once; files that did not change
    // and were not edited are not re-published
    const varsPubs = c.published.slice(since).filter((p) => p.uri === uri(vars));
    expect(varsPubs.map((p) => [p.version, p.diagnostics.length])).toEqual([[2, 0]]);
    const others = c.published.slice(since).filter((p) => p.uri !== uri(vars) && p.uri !== profUri);
    expect(others).toEqual([]);
  });

  it('answers an edit that leaves the text as it was with diagnostics for its version', async () => {
    const dir = fixture({ 'freeswitch.xml': MAIN, 'vars.xml': VARS.replace('internal_sip_port', 'internal_sip_prt'), 'sip_profiles/internal.xml': PROFILE });
    const prof = path.join(dir, 'sip_profiles/internal.xml');
    const c = client();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
    const text = c.open(prof);
    await c.waitFor(() => c.analyses().length >= 2, 'analysis after open');
    await new Promise((r) => setTimeout(r, 200));
    // an edit and its undo in one batch: same text, new version (a client waiting for version 2 must get it)
    const since = c.published.length;
    c.change(prof, [{ text }]);
    await c.waitFor(() => c.published.slice(since).some((p) => p.uri === uri(prof) && p.version === 2), 'diagnostics for version 2');
    const mine = c.published.slice(since).filter((p) => p.uri === uri(prof));
    expect(mine.map((p) => p.version)).toEqual([2]);
    expect(mine[0]!.diagnostics.map((x) => x.code)).toContain('preprocess/undefined-var');
  });

  it('debounces a burst of changes into few analyses', async () => {
    const dir = fixture({ 'freeswitch.xml': MAIN, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE });
    const prof = path.join(dir, 'sip_profiles/internal.xml');
    const c = client();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
    let text = c.open(prof);
    await c.waitFor(() => c.analyses().length >= 2, 'analysis after open');
    const before = c.analyses().length;
    for (let i = 0; i < 20; i++) {
      text = text.replace('<settings>', `<settings><!--${i}-->`);
      c.change(prof, [{ text }]);
      await new Promise((r) => setTimeout(r, 10));
    }
    const t = performance.now();
    await c.waitFor(() => c.analyses().length > before + 1, 'analyses after a burst');
    await new Promise((r) => setTimeout(r, 300));
    expect(c.analyses().length - before).toBeLessThan(8);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('honours workspace/didChangeWatchedFiles for a file changed on disk', async () => {
    const dir = fixture({ 'freeswitch.xml': MAIN, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE });
    const profUri = uri(path.join(dir, 'sip_profiles/internal.xml'));
    const c = client();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
    expect(c.diagnostics.get(profUri)).toEqual([]);
    writeFileSync(path.join(dir, 'vars.xml'), VARS.replace('internal_sip_port', 'other'));
    const since = c.published.length;
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path.join(dir, 'vars.xml')), type: 2 }] });
    const after = await c.nextDiagnostics(profUri, since);
    expect(after.map((x) => x.code)).toContain('preprocess/undefined-var');
  });

  it('takes rule severities from settings (initializationOptions, workspace/configuration, didChangeConfiguration)', async () => {
    const dir = fixture({
      'freeswitch.xml': MAIN.replace('cmd="include" data="vars.xml"', 'cmd="inlcude" data="vars.xml"'),
      'vars.xml': VARS,
      'sip_profiles/internal.xml': PROFILE,
    });
    const mainUri = uri(path.join(dir, 'freeswitch.xml'));
    const c = client();
    c.settings = { rules: { 'preprocess/unknown-cmd': 'warning' }, unrelated: true };
    await c.initialize(dir, { initializationOptions: { settings: { rules: { 'preprocess/unknown-cmd': 'info', 'preprocess/undefined-var': 'off' } } } });
    await c.waitForAnalysis(0);
    const d = c.diagnostics.get(mainUri)!.find((x) => x.code === 'preprocess/unknown-cmd')!;
    expect(d.severity).toBe(2); // workspace/configuration wins over initializationOptions
    expect(c.diagnostics.get(uri(path.join(dir, 'sip_profiles/internal.xml')))).toEqual([]); // still off from initializationOptions
    c.settings = { rules: { 'preprocess/unknown-cmd': 'off' } };
    const since = c.published.length;
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await c.nextDiagnostics(mainUri, since);
    expect(after.map((x) => x.code)).not.toContain('preprocess/unknown-cmd');
  });

  it('lets .fsconf.yaml win over editor settings', async () => {
    const dir = fixture({
      'freeswitch.xml': MAIN.replace('cmd="include" data="vars.xml"', 'cmd="inlcude" data="vars.xml"'),
      'vars.xml': VARS,
      'sip_profiles/internal.xml': PROFILE,
      '.fsconf.yaml': 'rules:\n  preprocess/unknown-cmd: info\n',
    });
    const c = client();
    c.settings = { rules: { 'preprocess/unknown-cmd': 'warning' } };
    await c.initialize(dir);
    await c.waitForAnalysis(0);
    const d = c.diagnostics.get(uri(path.join(dir, 'freeswitch.xml')))!.find((x) => x.code === 'preprocess/unknown-cmd')!;
    expect(d.severity).toBe(3);
  });

  it('analyses a file outside any conf tree on its own', async () => {
    const dir = fixture({ 'loose/profile.xml': '<X-PRE-PROCESS cmd="sett" data="a=1"/>\n' + PROFILE });
    const file = path.join(dir, 'loose/profile.xml');
    const c = client();
    await c.initialize(path.join(dir, 'loose'));
    await c.waitForAnalysis(0);
    expect(c.analyses()[0]!.files).toBe(0);
    c.open(file);
    const d = await c.nextDiagnostics(uri(file), 0, (l) => l.length > 0);
    expect(d.map((x) => x.code)).toContain('preprocess/unknown-cmd');
    const since = c.published.length;
    c.close(file);
    expect(await c.nextDiagnostics(uri(file), since)).toEqual([]);
  });

  it('finds the conf root inside the opened folder', async () => {
    const dir = fixture({ 'etc/freeswitch/freeswitch.xml': MAIN, 'etc/freeswitch/vars.xml': VARS, 'etc/freeswitch/sip_profiles/internal.xml': PROFILE });
    const c = client();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
    const info = await c.command<{ root: string | null; files: { uri: string }[] }>('fsconf.treeInfo');
    expect(info.root).toBe(path.join(dir, 'etc/freeswitch'));
    expect(info.files.map((f) => f.uri).sort()).toEqual(
      ['freeswitch.xml', 'sip_profiles/internal.xml', 'vars.xml'].map((f) => uri(path.join(dir, 'etc/freeswitch', f))),
    );
  });
});

describe('language features on vanilla', () => {
  const internal = path.join(VANILLA, 'sip_profiles/internal.xml');
  const internalText = readFileSync(internal, 'utf8');
  let c: TestClient;

  beforeAll(async () => {
    c = new TestClient();
    await c.initialize(VANILLA);
    await c.waitForAnalysis(0);
    c.open(internal);
  });
  afterAll(async () => {
    await c.shutdown();
  });

  it('hovers $${internal_auth_calls}: its value and where it is set', async () => {
    const h = await c.hover(internal, positionOf(internalText, '$${internal_auth_calls}', 5));
    expect(h?.contents.value).toContain('`true`');
    expect(h?.contents.value).toContain('vars.xml line 406');
    expect(h?.range?.start.line).toBe(278);
  });

  it('completes variables after $${', async () => {
    const pos = positionOf(internalText, '$${internal_auth_calls}', 3);
    const r = await c.completion(internal, pos);
    const items = Array.isArray(r) ? r : (r?.items ?? []);
    const item = items.find((i) => i.label === 'internal_auth_calls');
    expect(item).toBeDefined();
  });

  it('goes to the definition of a variable in vars.xml, and from an include to the file', async () => {
    const defs = (await c.definition(internal, positionOf(internalText, '$${internal_auth_calls}', 6)))!;
    expect(defs).toHaveLength(1);
    expect(defs[0]!.uri).toBe(uri(path.join(VANILLA, 'vars.xml')));
    expect(defs[0]!.range.start.line).toBe(405);

    const main = path.join(VANILLA, 'freeswitch.xml');
    const mainText = readFileSync(main, 'utf8');
    const inc = (await c.definition(main, positionOf(mainText, 'data="vars.xml"', 7)))!;
    expect(inc.map((l) => l.uri)).toEqual([uri(path.join(VANILLA, 'vars.xml'))]);
  });

  it('finds references of a variable across files', async () => {
    const refs = (await c.references(internal, positionOf(internalText, '$${internal_auth_calls}', 6)))!;
    const uris = new Set(refs.map((r) => r.uri));
    expect(uris.has(uri(internal))).toBe(true);
    expect(uris.has(uri(path.join(VANILLA, 'vars.xml')))).toBe(true);
  });

  it('outlines the profile, links includes and folds elements', async () => {
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(internal) } })) as {
      name: string;
      detail?: string;
      children?: { name: string; children?: { name: string }[] }[];
    }[];
    expect(syms[0]!.name).toBe('internal');
    const settings = syms[0]!.children!.find((s) => s.name === 'settings')!;
    expect(settings.children!.map((s) => s.name)).toContain('auth-calls');
    expect(syms[0]!.children!.some((s) => s.name === 'gateways')).toBe(true);

    const links = (await c.conn.sendRequest('textDocument/documentLink', { textDocument: { uri: uri(path.join(VANILLA, 'freeswitch.xml')) } })) as {
      target: string;
    }[];
    expect(links.map((l) => l.target)).toContain(uri(path.join(VANILLA, 'vars.xml')));
    const sofia = (await c.conn.sendRequest('textDocument/documentLink', {
      textDocument: { uri: uri(path.join(VANILLA, 'autoload_configs/sofia.conf.xml')) },
    })) as { target: string }[];
    // a glob bringing in several profiles has no stacked links: go-to-definition offers every file
    expect(sofia.map((l) => l.target)).not.toContain(uri(path.join(VANILLA, 'sip_profiles/internal.xml')));
    const sofiaText = readFileSync(path.join(VANILLA, 'autoload_configs/sofia.conf.xml'), 'utf8');
    const defs = (await c.definition(path.join(VANILLA, 'autoload_configs/sofia.conf.xml'), positionOf(sofiaText, 'sip_profiles/*.xml', 3))) ?? [];
    expect(defs.map((d) => d.uri)).toContain(uri(path.join(VANILLA, 'sip_profiles/internal.xml')));

    const folds = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: uri(internal) } })) as {
      startLine: number;
      endLine: number;
      kind?: string;
    }[];
    expect(folds.some((f) => f.startLine === 0)).toBe(true);
    expect(folds.some((f) => f.kind === 'comment')).toBe(true);
  });

  it('outlines a dialplan: contexts › extensions with the first condition as detail', async () => {
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(path.join(VANILLA, 'dialplan/default.xml')) } })) as {
      name: string;
      children?: { name: string; detail?: string }[];
    }[];
    const ctx = syms.find((s) => s.name === 'default')!;
    const unloop = ctx.children!.find((e) => e.name === 'unloop')!;
    expect(unloop.detail).toBe('${unroll_loops} ~ ^true$');
  });

  it('answers treeInfo for every file of the tree', async () => {
    const info = await c.command<{ root: string; files: { uri: string; errors: number }[] }>('fsconf.treeInfo');
    expect(info.root).toBe(VANILLA);
    expect(info.files.length).toBe(c.analyses()[0]!.files);
    expect(info.files.some((f) => f.uri === uri(internal))).toBe(true);
  });

  it('re-lints the tree on fsconf.lintTree', async () => {
    const n = c.analyses().length;
    const r = await c.command<{ files: number; errors: number; warnings: number; infos: number }>('fsconf.lintTree');
    // the whole configuration: every XML file under the root, reached by an include or not (as `fsconf lint`)
    expect(r.files).toBeGreaterThanOrEqual(c.analyses()[0]!.files);
    await c.waitForAnalysis(n);
    expect(r.files).toBe(c.analyses()[n]!.files);
    expect(r.errors).toBe(c.analyses()[n]!.errors);
  });

  it('answers an error (not a crash) for a bad command and for requests on unknown documents', async () => {
    await expect(c.command('fsconf.nope')).rejects.toThrow(/unknown command/);
    await expect(c.command('fsconf.aclTest', { ip: 42 })).rejects.toThrow();
    await expect(c.command('fsconf.applyEdit', {})).rejects.toThrow(/expects/);
    expect(await c.hover('/nowhere/x.xml', { line: 0, character: 0 })).toBeNull();
    expect(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'untitled:1' } })).toEqual([]);
    // still alive
    expect((await c.hover(internal, positionOf(internalText, '$${internal_auth_calls}', 5)))?.contents.value).toContain('true');
  });

  it('answers fsconf.aclTest with the deciding node, and fsconf.aclLists', async () => {
    const acl = uri(path.join(VANILLA, 'autoload_configs/acl.conf.xml'));
    const r = await c.command<{ verdict: string; list: string; decidedBy: { uri: string; line: number; cidr: string; type: string } | null; reason: string }>(
      'fsconf.aclTest',
      { ip: '192.168.42.42', list: 'lan' },
    );
    expect(r).toMatchObject({ verdict: 'allow', list: 'lan', decidedBy: { uri: acl, line: 13, cidr: '192.168.42.42/32', type: 'allow' } });
    expect(r.reason.length).toBeGreaterThan(0);
    const d = await c.command<{ verdict: string; decidedBy: { line: number } | null }>('fsconf.aclTest', { ip: '192.168.42.7', list: 'lan' });
    expect(d).toMatchObject({ verdict: 'deny', decidedBy: { line: 12 } });
    const lists = await c.command<{ name: string; uri?: string; line?: number; builtin: boolean }[]>('fsconf.aclLists');
    expect(lists).toContainEqual(expect.objectContaining({ name: 'lan', uri: acl, line: 11, builtin: false }));
    expect(lists.some((l) => l.builtin && l.name === 'rfc1918.auto')).toBe(true);
    await expect(c.command('fsconf.aclTest', { ip: '1.2.3.4' })).rejects.toThrow(/expects/);
  });

  it('answers InvalidParams (-32602) with the usage for a malformed command argument', async () => {
    await expect(c.command('fsconf.route', { profile: 'internal', from: '1000', to: 42 })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/^fsconf\.route expects/),
    });
    await expect(c.command('fsconf.secretRanges', { uri: 7 })).rejects.toMatchObject({ code: -32602 });
    await expect(c.conn.sendRequest('workspace/executeCommand', { command: 'fsconf.saveDocument', arguments: ['file:///x.xml'] })).rejects.toMatchObject({
      code: -32602,
    });
    await expect(c.command('fsconf.nope')).rejects.toMatchObject({ code: -32602 });
  });
});

describe('robustness', () => {
  it('answers hover and completion in a document that does not parse', async () => {
    const dir = fixture({ 'freeswitch.xml': MAIN, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE });
    const prof = path.join(dir, 'sip_profiles/internal.xml');
    const broken = PROFILE.replace(
      '<param name="auth-calls" value="true"/>',
      '<param name="auth-calls" value="true"/>\n    <param name="x" value="<<<\n  </settingz>',
    );
    const c = client();
    await c.initialize(dir);
    await c.waitForAnalysis(0);
    c.open(prof, broken);
    const d = await c.nextDiagnostics(uri(prof), 0, (l) => l.some((x) => x.code === 'xml/not-well-formed'));
    expect(d.length).toBeGreaterThan(0);
    const h = await c.hover(prof, positionOf(broken, '$${internal_sip_port}', 4));
    expect(h?.contents.value).toContain('5060');
    const items = await c.completion(prof, positionOf(broken, '$${internal_sip_port}', 3));
    expect((Array.isArray(items) ? items : (items?.items ?? [])).map((i) => i.label)).toContain('internal_sip_port');
    const syms = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(prof) } });
    expect(Array.isArray(syms)).toBe(true);
  });

  it('honours cancellation', async () => {
    const c = client();
    await c.initialize(VANILLA);
    await c.waitForAnalysis(0);
    const internal = path.join(VANILLA, 'sip_profiles/internal.xml');
    c.open(internal);
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol/node');
    // keep the server busy (a full re-lint) so the cancellation arrives before the request runs
    const busy = c.command('fsconf.lintTree');
    const src = new CancellationTokenSource();
    const p = c.conn.sendRequest(
      'textDocument/references',
      { textDocument: { uri: uri(internal) }, position: { line: 278, character: 40 }, context: { includeDeclaration: true } },
      src.token,
    );
    src.cancel();
    await expect(p).rejects.toMatchObject({ code: -32800 });
    await busy;
    // and the server still answers
    expect((await c.references(internal, { line: 278, character: 40 }))!.length).toBeGreaterThan(1);
  });
});

describe('writing files (fsconf.applyEdit / fsconf.saveDocument)', () => {
  const BROKEN = MAIN.replace('cmd="include" data="vars.xml"', 'cmd="inlcude" data="vars.xml"');

  async function start(files: Record<string, string>, initializationOptions?: unknown) {
    const dir = fixture(files);
    const c = client();
    await c.initialize(dir, initializationOptions !== undefined ? { initializationOptions } : {});
    await c.waitForAnalysis(0);
    return { dir, c };
  }

  async function fixEdit(c: TestClient, file: string) {
    const d = c.diagnostics.get(uri(file))!.find((x) => x.code === 'preprocess/unknown-cmd')!;
    const actions = (await c.codeActions(file, d.range, [d], ['quickfix']))!;
    return actions[0]!.edit!;
  }

  it('applies a quick fix on disk: .bak kept, mode kept, finding gone after re-analysis', async () => {
    const { dir, c } = await start({ 'freeswitch.xml': BROKEN, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE });
    const main = path.join(dir, 'freeswitch.xml');
    chmodSync(main, 0o640);
    const edit = await fixEdit(c, main);
    const since = c.published.length;
    const r = await c.command<{ applied: boolean; files: { uri: string; backup?: string }[] }>('fsconf.applyEdit', { edit });
    expect(r.applied).toBe(true);
    expect(r.files).toEqual([{ uri: uri(main), backup: uri(main + '.bak') }]);
    expect(readFileSync(main, 'utf8')).toContain('cmd="include" data="vars.xml"');
    expect(readFileSync(main + '.bak', 'utf8')).toBe(BROKEN);
    expect(statSync(main).mode & 0o777).toBe(0o640);
    const after = await c.nextDiagnostics(uri(main), since);
    expect(after.map((x) => x.code)).not.toContain('preprocess/unknown-cmd');
  });

  it('refuses when the file changed on disk since the server read it', async () => {
    const { dir, c } = await start({ 'freeswitch.xml': BROKEN, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE });
    const main = path.join(dir, 'freeswitch.xml');
    const edit = await fixEdit(c, main);
    writeFileSync(main, BROKEN + '<!-- edited elsewhere -->\n');
    const r = await c.command<{ applied: boolean; message?: string }>('fsconf.applyEdit', { edit });
    expect(r.applied).toBe(false);
    expect(r.message).toMatch(/changed on disk/);
    expect(readFileSync(main, 'utf8')).toBe(BROKEN + '<!-- edited elsewhere -->\n');
    expect(existsSync(main + '.bak')).toBe(false);
  });

  it('keeps CRLF line endings, and writes no .bak when backup=false', async () => {
    const crlf = BROKEN.replace(/\n/g, '\r\n');
    const { dir, c } = await start({ 'freeswitch.xml': crlf, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE });
    const main = path.join(dir, 'freeswitch.xml');
    const edit = await fixEdit(c, main);
    // a multi-line insertion too: written with the file's CRLF
    edit.changes![uri(main)]!.push({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '<!-- a\nb -->\n' });
    const r = await c.command<{ applied: boolean; files: { backup?: string }[] }>('fsconf.applyEdit', { edit, backup: false });
    expect(r.applied).toBe(true);
    expect(r.files[0]!.backup).toBeUndefined();
    expect(existsSync(main + '.bak')).toBe(false);
    const out = readFileSync(main, 'utf8');
    expect(out).toContain('cmd="include" data="vars.xml"');
    expect(out).toContain('<!-- a\r\nb -->\r\n');
    expect(out.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('applies edits across files, checking every file before writing any', async () => {
    const { dir, c } = await start({ 'freeswitch.xml': MAIN, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE });
    const vars = path.join(dir, 'vars.xml');
    const prof = path.join(dir, 'sip_profiles/internal.xml');
    const edit = {
      changes: {
        [uri(vars)]: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '  <X-PRE-PROCESS cmd="set" data="x=1"/>\n' }],
        [uri(prof)]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '<!-- x -->\n' }],
      },
    };
    writeFileSync(prof, PROFILE + '\n');
    const refused = await c.command<{ applied: boolean }>('fsconf.applyEdit', { edit });
    expect(refused.applied).toBe(false);
    expect(readFileSync(vars, 'utf8')).toBe(VARS);
    // after a re-lint the server has read the new text: now it applies
    await c.command('fsconf.lintTree');
    const ok = await c.command<{ applied: boolean; files: unknown[] }>('fsconf.applyEdit', { edit });
    expect(ok.applied).toBe(true);
    expect(ok.files).toHaveLength(2);
    expect(readFileSync(vars, 'utf8')).toContain('data="x=1"');
    expect(readFileSync(prof, 'utf8').startsWith('<!-- x -->\n<profile')).toBe(true);
  });

  it('saves an open document (refusing when the disk changed since didOpen)', async () => {
    const { dir, c } = await start({ 'freeswitch.xml': MAIN, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE });
    const prof = path.join(dir, 'sip_profiles/internal.xml');
    c.open(prof);
    c.change(prof, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<!-- edited -->\n' }]);
    const r = await c.command<{ applied: boolean; files: { uri: string; backup?: string }[] }>('fsconf.saveDocument', { uri: uri(prof) });
    expect(r.applied).toBe(true);
    expect(readFileSync(prof, 'utf8')).toBe('<!-- edited -->\n' + PROFILE);
    expect(readFileSync(prof + '.bak', 'utf8')).toBe(PROFILE);
    // a second save works from the new baseline; an outside change makes the next one refuse
    writeFileSync(prof, 'outside\n');
    c.change(prof, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<!-- 2 -->\n' }]);
    const r2 = await c.command<{ applied: boolean; message: string }>('fsconf.saveDocument', { uri: uri(prof) });
    expect(r2.applied).toBe(false);
    expect(r2.message).toMatch(/changed on disk/);
    expect(readFileSync(prof, 'utf8')).toBe('outside\n');
  });

  it('refuses both writes when read-only', async () => {
    const { dir, c } = await start({ 'freeswitch.xml': BROKEN, 'vars.xml': VARS, 'sip_profiles/internal.xml': PROFILE }, { readonly: true });
    const main = path.join(dir, 'freeswitch.xml');
    const edit = await fixEdit(c, main);
    const r = await c.command<{ applied: boolean; message: string }>('fsconf.applyEdit', { edit });
    expect(r).toMatchObject({ applied: false });
    expect(r.message).toMatch(/read-only/);
    c.open(main);
    const s = await c.command<{ applied: boolean }>('fsconf.saveDocument', { uri: uri(main) });
    expect(s.applied).toBe(false);
    expect(readFileSync(main, 'utf8')).toBe(BROKEN);
  });
});
