/**
 * Editor depth over stdio (issue 17): rename of variables, ACL lists, contexts and gateways across files
 * (refused with a reason where a use is computed), workspace symbols, advice worded for the client,
 * "Lint the whole configuration" counting what `fsconf lint` counts, include globs offering every file.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-protocol';
import { CORPUS, fsconf } from '../helpers.js';
import { CAPABILITIES, positionOf, TestClient, uri } from './client.js';

const VANILLA = path.join(CORPUS, 'vanilla');

const FILES: Record<string, string> = {
  'freeswitch.xml': `<?xml version="1.0"?>
<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration" description="Various Configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
    <configuration name="sofia.conf" description="sofia Endpoint">
      <profiles>
        <X-PRE-PROCESS cmd="include" data="sip_profiles/*.xml"/>
      </profiles>
    </configuration>
  </section>
  <section name="dialplan" description="Regex/XML Dialplan">
    <X-PRE-PROCESS cmd="include" data="dialplan/*.xml"/>
  </section>
</document>
`,
  'vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="internal_sip_port=5060"/>
  <X-PRE-PROCESS cmd="set" data="alt_port=$\${internal_sip_port}"/>
</include>
`,
  'autoload_configs/acl.conf.xml': `<configuration name="acl.conf" description="Network Lists">
  <network-lists>
    <list name="trunks" default="deny">
      <node type="allow" cidr="192.0.2.0/24"/>
    </list>
  </network-lists>
</configuration>
`,
  'sip_profiles/internal.xml': `<profile name="internal">
  <gateways>
    <gateway name="carrier">
      <param name="proxy" value="192.0.2.1"/>
      <param name="register" value="false"/>
    </gateway>
  </gateways>
  <settings>
    <param name="sip-port" value="$\${internal_sip_port}"/>
    <param name="apply-inbound-acl" value="trunks"/>
    <param name="context" value="public"/>
  </settings>
</profile>
`,
  'dialplan/public.xml': `<include>
  <context name="public">
    <extension name="in">
      <condition field="destination_number" expression="^(\\d+)$">
        <action application="transfer" data="$1 XML default"/>
      </condition>
    </extension>
  </context>
</include>
`,
  'dialplan/default.xml': `<include>
  <context name="default">
    <extension name="out">
      <condition field="destination_number" expression="^9(\\d+)$">
        <action application="bridge" data="sofia/gateway/carrier/$1"/>
      </condition>
    </extension>
    <extension name="back">
      <condition field="destination_number" expression="^0$">
        <action application="transfer" data="0 XML public"/>
      </condition>
    </extension>
  </context>
</include>
`,
};

const dirs: string[] = [];
const clients: TestClient[] = [];
function fixture(files: Record<string, string> = FILES): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-i17-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  dirs.push(dir);
  return dir;
}
async function start(root: string, init?: unknown, caps = CAPABILITIES): Promise<TestClient> {
  const c = new TestClient();
  clients.push(c);
  await c.initialize(root, { ...(init !== undefined ? { initializationOptions: init } : {}), capabilities: caps });
  await c.waitForAnalysis(0);
  return c;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Edit = { range: Range; newText: string };
type WorkspaceEdit = { changes: Record<string, Edit[]> };
const rename = (c: TestClient, file: string, pos: { line: number; character: number }, newName: string) =>
  c.conn.sendRequest('textDocument/rename', { textDocument: { uri: uri(file) }, position: pos, newName }) as Promise<WorkspaceEdit>;
const prepare = (c: TestClient, file: string, pos: { line: number; character: number }) =>
  c.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri(file) }, position: pos }) as Promise<{ range: Range; placeholder: string }>;
function lineTexts(root: string, e: WorkspaceEdit): string[] {
  // "file:line newText" for every edit, sorted: what the rename would change
  return Object.entries(e.changes)
    .flatMap(([u, edits]) => edits.map((x) => `${path.relative(root, decodeURIComponent(u.replace('file://', '')))}:${x.range.start.line + 1} ${x.newText}`))
    .sort();
}

describe('rename', () => {
  it('a $${} variable: its set and every use, across files', async () => {
    const root = fixture();
    const c = await start(root);
    const file = path.join(root, 'sip_profiles/internal.xml');
    const pos = positionOf(FILES['sip_profiles/internal.xml']!, 'internal_sip_port', 2);
    expect((await prepare(c, file, pos)).placeholder).toBe('internal_sip_port');
    const e = await rename(c, file, pos, 'sip_port_internal');
    expect(lineTexts(root, e)).toEqual(['sip_profiles/internal.xml:9 sip_port_internal', 'vars.xml:2 sip_port_internal', 'vars.xml:3 sip_port_internal']);
  });

  it('an ACL list: <list name> and the profile param naming it', async () => {
    const root = fixture();
    const c = await start(root);
    const file = path.join(root, 'autoload_configs/acl.conf.xml');
    const e = await rename(c, file, positionOf(FILES['autoload_configs/acl.conf.xml']!, 'trunks', 1), 'carriers');
    expect(lineTexts(root, e)).toEqual(['autoload_configs/acl.conf.xml:3 carriers', 'sip_profiles/internal.xml:10 carriers']);
  });

  it('a context: <context name>, transfer targets and the profile context param', async () => {
    const root = fixture();
    const c = await start(root);
    const file = path.join(root, 'dialplan/public.xml');
    const e = await rename(c, file, positionOf(FILES['dialplan/public.xml']!, 'public', 1), 'from-carriers');
    expect(lineTexts(root, e)).toEqual([
      'dialplan/default.xml:10 from-carriers',
      'dialplan/public.xml:2 from-carriers',
      'sip_profiles/internal.xml:11 from-carriers',
    ]);
  });

  it('a gateway: <gateway name> and sofia/gateway/NAME/ in dial strings', async () => {
    const root = fixture();
    const c = await start(root);
    const file = path.join(root, 'dialplan/default.xml');
    const e = await rename(c, file, positionOf(FILES['dialplan/default.xml']!, 'carrier', 2), 'carrier-b');
    expect(lineTexts(root, e)).toEqual(['dialplan/default.xml:5 carrier-b', 'sip_profiles/internal.xml:3 carrier-b']);
  });

  it('refuses, with the reason, where a use is computed at call time', async () => {
    const files: Record<string, string> = {
      ...FILES,
      'dialplan/default.xml': FILES['dialplan/default.xml']!.replace('data="0 XML public"', () => 'data="0 XML ${target_context}"').replace(
        'sofia/gateway/carrier/$1',
        () => 'sofia/gateway/carrier/$1,sofia/gateway/${fallback}/$1',
      ),
    };
    const root = fixture(files);
    const c = await start(root);
    await expect(prepare(c, path.join(root, 'dialplan/public.xml'), positionOf(files['dialplan/public.xml']!, 'public', 1))).rejects.toThrow(
      /chooses its context at call time/,
    );
    await expect(rename(c, path.join(root, 'sip_profiles/internal.xml'), positionOf(files['sip_profiles/internal.xml']!, 'carrier', 1), 'x')).rejects.toThrow(
      /picks its gateway at call time/,
    );
  });

  it('refuses where a use comes through a $${} variable, and a name that is not one', async () => {
    const files: Record<string, string> = {
      ...FILES,
      'vars.xml': FILES['vars.xml']!.replace('</include>', () => '  <X-PRE-PROCESS cmd="set" data="acl_name=trunks"/>\n</include>'),
      'sip_profiles/internal.xml': FILES['sip_profiles/internal.xml']!.replace('value="trunks"', () => 'value="$${acl_name}"'),
    };
    const root = fixture(files);
    const c = await start(root);
    await expect(
      prepare(c, path.join(root, 'autoload_configs/acl.conf.xml'), positionOf(files['autoload_configs/acl.conf.xml']!, 'trunks', 1)),
    ).rejects.toThrow(/names it through `\$\$\{acl_name\}`/);
    await expect(rename(c, path.join(root, 'vars.xml'), positionOf(files['vars.xml']!, 'internal_sip_port', 1), 'bad name')).rejects.toThrow(
      /not a valid variable name/,
    );
  });
});

describe('workspace/symbol', () => {
  it('finds vanilla profiles, gateways, contexts, extensions, users, domains and ACL lists', async () => {
    const c = await start(VANILLA);
    const ask = (query: string) =>
      c.conn.sendRequest('workspace/symbol', { query }) as Promise<{ name: string; kind: number; containerName?: string; location: { uri: string } }[]>;
    const all = await ask('');
    const has = (name: string, container: RegExp) => all.some((s) => s.name === name && container.test(s.containerName ?? ''));
    expect(has('internal', /sofia profile/)).toBe(true);
    expect(has('external', /sofia profile/)).toBe(true);
    expect(has('default', /dialplan context/)).toBe(true);
    expect(has('public', /dialplan context/)).toBe(true);
    expect(has('1000', /user/)).toBe(true);
    expect(has('lan', /ACL network list/)).toBe(true);
    expect(all.some((s) => /directory domain/.test(s.containerName ?? ''))).toBe(true);
    expect(all.some((s) => /extension in default/.test(s.containerName ?? '') && s.name === 'tod_example')).toBe(true);
    // the query filters (characters in order), and each answer points into its file
    const some = await ask('intrnl');
    expect(some.map((s) => s.name)).toContain('internal');
    expect(some.every((s) => /i.*n.*t.*r.*n.*l/i.test(s.name))).toBe(true);
    expect(some.find((s) => s.name === 'internal')!.location.uri).toMatch(/sip_profiles\/internal\.xml$/);
  });

  it('gateways, with their profile (vanilla ships its gateways commented out)', async () => {
    const c = await start(fixture());
    const gw = (await c.conn.sendRequest('workspace/symbol', { query: 'carr' })) as {
      name: string;
      containerName?: string;
      location: { uri: string; range: Range };
    }[];
    expect(gw.map((s) => [s.name, s.containerName])).toEqual([['carrier', 'gateway of internal']]);
    expect(gw[0]!.location.range.start).toEqual({ line: 2, character: 19 });
  });
});

describe('advice for the client', () => {
  const TREE = {
    ...FILES,
    'dialplan/public.xml': FILES['dialplan/public.xml']!.replace('application="transfer" data="$1 XML default"', () => 'application="cti_robot" data="x"'),
  };
  it('VS Code (initializationOptions.client) is told about its fsconf.known setting, other editors about .fsconf.yaml', async () => {
    const root = fixture(TREE);
    const file = uri(path.join(root, 'dialplan/public.xml'));
    const vs = await start(root, { client: 'vscode' });
    const m1 = vs.diagnostics.get(file)!.find((d) => d.code === 'dialplan/unknown-app')!.message;
    expect(m1).toContain('add it to the fsconf.known setting (applications)');
    expect(m1).not.toContain('.fsconf.yaml');
    const other = await start(root);
    const m2 = other.diagnostics.get(file)!.find((d) => d.code === 'dialplan/unknown-app')!.message;
    expect(m2).toContain('known.applications in .fsconf.yaml');
  });
});

describe('Lint the whole configuration', () => {
  it('counts the files and infos `fsconf lint` counts on vanilla', async () => {
    const c = await start(VANILLA);
    const r = await c.command<{ files: number; errors: number; warnings: number; infos: number }>('fsconf.lintTree', {});
    const cli = fsconf(['lint', VANILLA]);
    const m = /(\d+) errors?, (\d+) warnings?, (\d+) info in \d+ of (\d+) files?/.exec(cli.stdout + cli.stderr);
    expect(m, cli.stdout.slice(-400)).not.toBeNull();
    expect(r.files).toBe(Number(m![4]));
    expect([r.errors, r.warnings, r.infos]).toEqual([Number(m![1]), Number(m![2]), Number(m![3])]);
  });
});

describe('include globs', () => {
  it('definition offers every file of a glob as LocationLinks from the whole path; no stacked document links', async () => {
    const root = fixture();
    const c = await start(root, undefined, { ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, definition: { linkSupport: true } } });
    const file = path.join(root, 'freeswitch.xml');
    const links = (await c.conn.sendRequest('textDocument/definition', {
      textDocument: { uri: uri(file) },
      position: positionOf(FILES['freeswitch.xml']!, 'dialplan/*.xml', 3),
    })) as { targetUri: string; originSelectionRange: Range }[];
    expect(links.map((l) => path.basename(l.targetUri))).toEqual(['default.xml', 'public.xml']);
    expect(links[0]!.originSelectionRange.end.character - links[0]!.originSelectionRange.start.character).toBe('dialplan/*.xml'.length);
    const docLinks = (await c.conn.sendRequest('textDocument/documentLink', { textDocument: { uri: uri(file) } })) as { target: string }[];
    expect(docLinks.map((l) => path.basename(l.target))).toEqual(['vars.xml', 'acl.conf.xml', 'internal.xml']); // one file each
  });
});

describe('inlay hints', () => {
  const TREE: Record<string, string> = {
    ...FILES,
    'vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="internal_sip_port=5060"/>
  <X-PRE-PROCESS cmd="set" data="default_password=s3cret-pw"/>
  <X-PRE-PROCESS cmd="set" data="late=$\${later}"/>
  <X-PRE-PROCESS cmd="set" data="later=now"/>
  <X-PRE-PROCESS cmd="set" data="wb=8"/>
</include>
`,
    'autoload_configs/amrwb.conf.xml': `<configuration name="amrwb.conf" description="AMR-WB">
  <settings>
    <param name="default-bitrate" value="$\${wb}"/>
  </settings>
</configuration>
`,
    'dialplan/public.xml': `<include>
  <context name="public">
    <extension name="in">
      <condition field="destination_number" expression="^(\\d+)$">
        <action application="set" data="pw=$\${default_password}"/>
        <action application="read" data="1 4 ivr/pin.wav pin 5000 #"/>
      </condition>
    </extension>
  </context>
</include>
`,
  };
  type Hint = { position: { line: number; character: number }; label: string };
  const hints = (c: TestClient, file: string) =>
    c.conn.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: uri(file) },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    }) as Promise<Hint[]>;

  it('values at that line (a later set does not reach back), masked secrets, AMR bitrates, read arguments', async () => {
    const root = fixture(TREE);
    const c = await start(root);
    const vars = (await hints(c, path.join(root, 'vars.xml'))).map((h) => `${h.position.line}:${h.label}`);
    expect(vars).toContain('3:= "" (set only later)'); // $${later} on line 4 is set on line 5
    const amr = await hints(c, path.join(root, 'autoload_configs/amrwb.conf.xml'));
    expect(amr.map((h) => h.label)).toEqual(['= 8', '23.85 kbit/s']);
    const dp = await hints(c, path.join(root, 'dialplan/public.xml'));
    const labels = dp.map((h) => h.label);
    expect(labels).toContain('= s***');
    expect(labels.join(' ')).not.toContain('s3cret');
    expect(labels.filter((l) => l.endsWith(':'))).toEqual(['min:', 'max:', 'file:', 'var:', 'timeout:', 'terminators:']);
    // each argument name sits right before its argument
    const line = TREE['dialplan/public.xml']!.split('\n')[5]!;
    expect(line.slice(dp.find((h) => h.label === 'timeout:')!.position.character)).toMatch(/^5000 #"/);
  });

  it('each kind can be turned off (settings inlayHints.*)', async () => {
    const root = fixture(TREE);
    const c = await start(root, { settings: { inlayHints: { variables: false, arguments: false } } });
    const dp = await hints(c, path.join(root, 'dialplan/public.xml'));
    expect(dp).toEqual([]);
    const amr = await hints(c, path.join(root, 'autoload_configs/amrwb.conf.xml'));
    expect(amr.map((h) => h.label)).toEqual(['23.85 kbit/s']);
  });
});

describe('code lenses', () => {
  type Lens = { range: Range; command?: { title: string; command: string; arguments?: unknown[] } };
  const lenses = (c: TestClient, file: string) => c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(file) } }) as Promise<Lens[]>;

  it('an ACL list says who uses it; a gateway how many extensions dial it', async () => {
    const files = {
      ...FILES,
      'autoload_configs/event_socket.conf.xml': `<configuration name="event_socket.conf" description="Socket Client">\n  <settings>\n    <param name="apply-inbound-acl" value="trunks"/>\n  </settings>\n</configuration>\n`,
    };
    const root = fixture(files);
    const c = await start(root);
    const acl = await lenses(c, path.join(root, 'autoload_configs/acl.conf.xml'));
    expect(acl.map((l) => [l.range.start.line, l.command?.title])).toEqual([[2, 'used by: internal (inbound), event_socket']]);
    // clicking peeks at the two places
    expect(acl[0]!.command!.command).toBe('fsconf.peekReferences');
    const locs = acl[0]!.command!.arguments![2] as { uri: string }[];
    expect(locs.map((l) => path.basename(l.uri)).sort()).toEqual(['event_socket.conf.xml', 'internal.xml']);
    const gw = await lenses(c, path.join(root, 'sip_profiles/internal.xml'));
    expect(gw.map((l) => [l.range.start.line, l.command?.title])).toEqual([[2, 'dialled by 1 extension']]);
  });
});

describe('disable this rule here', () => {
  it('offers next-line and file suppression comments; applied, the finding goes', async () => {
    const files = {
      ...FILES,
      'dialplan/public.xml': FILES['dialplan/public.xml']!.replace('application="transfer" data="$1 XML default"', () => 'application="cti_robot" data="x"'),
    };
    const root = fixture(files);
    const c = await start(root);
    const file = path.join(root, 'dialplan/public.xml');
    const d = c.diagnostics.get(uri(file))!.find((x) => x.code === 'dialplan/unknown-app')!;
    const actions = (await c.codeActions(file, d.range, [d])) ?? [];
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Disable dialplan/unknown-app for this line');
    expect(titles).toContain('Disable dialplan/unknown-app in this file');
    const next = actions.find((a) => a.title === 'Disable dialplan/unknown-app for this line')!;
    const edit = next.edit!.changes![uri(file)]!;
    expect(edit).toEqual([
      {
        range: { start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line, character: 0 } },
        newText: '        <!-- fsconf-disable-next-line dialplan/unknown-app -->\n',
      },
    ]);
    // apply it through the server (as the TUI does): the finding is gone
    const r = await c.command<{ applied: boolean }>('fsconf.applyEdit', { edit: { changes: { [uri(file)]: edit } }, backup: false });
    expect(r.applied).toBe(true);
    await c.waitFor(() => !(c.diagnostics.get(uri(file)) ?? []).some((x) => x.code === 'dialplan/unknown-app'), 'the finding to go');
  });
});

describe('.fsconf.yaml', () => {
  it('rule ids complete under rules: and explain themselves on hover', async () => {
    const root = fixture();
    const c = await start(root);
    const file = path.join(root, '.fsconf.yaml');
    const text = 'rules:\n  "dialplan/unk\n';
    writeFileSync(file, text);
    c.open(file, text);
    const items = (await c.completion(file, { line: 1, character: 15 })) as { label: string; textEdit?: { newText: string } }[];
    const hit = items.find((i) => i.label === 'dialplan/unknown-app')!;
    expect(hit.textEdit!.newText).toBe('"dialplan/unknown-app": ');
    expect(items.length).toBeGreaterThan(40); // every rule; the client filters on the typed prefix
    const after = 'rules:\n  "dialplan/unknown-app": w\n';
    c.change(file, [{ text: after }]);
    const sev = (await c.completion(file, { line: 1, character: 26 })) as { label: string; detail?: string }[];
    expect(sev.map((s) => s.label)).toEqual(['error', 'warning', 'info', 'off']);
    const def = sev.filter((s) => s.detail === 'the default').map((s) => s.label);
    expect(def).toHaveLength(1);
    const h = await c.hover(file, { line: 1, character: 8 });
    expect(h!.contents.value).toMatch(new RegExp(`^\\*\\*dialplan/unknown-app\\*\\* — ${def[0]} by default`));
    expect(h!.contents.value).toContain('RULES.md#dialplanunknown-app');
    // outside rules: nothing
    expect(await c.completion(file, { line: 0, character: 2 })).toEqual([]);
  });
});

describe('log (the VS Code output channel)', () => {
  it('names the server version, the knowledge, the tree root, its files and the analysis time', async () => {
    const c = await start(VANILLA);
    await c.waitFor(() => c.logs.some((l) => l.startsWith('analysed ')), 'the analysis line');
    const log = c.logs.join('\n');
    expect(log).toMatch(/fsconf-lsp \d+\.\d+\.\d+ \(node v\d+/);
    expect(log).toMatch(
      /knowledge: \d+ params of \d+ configurations, \d+ applications, \d+ modules, .*FreeSWITCH source signalwire\/freeswitch@[0-9a-f]+\); \d+ rules/,
    );
    expect(log).toContain(`conf root ${VANILLA}`);
    expect(log).toMatch(
      new RegExp(`analysed ${VANILLA.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\d+ files, \\d+ errors, \\d+ warnings, \\d+ info in [\\d.]+ ms`),
    );
  });
});

describe('param name completion', () => {
  const line = '    <param name="rtp-time"/>';
  const files = {
    ...FILES,
    'sip_profiles/internal.xml': FILES['sip_profiles/internal.xml']!.replace(
      '    <param name="context" value="public"/>',
      () => `    <param name="context" value="public"/>\n${line}`,
    ),
  };
  const at = { line: 11, character: '    <param name="rtp-time'.length };
  type Item = { label: string; insertTextFormat?: number; textEdit?: { newText: string } };

  it('adds value="…" as a snippet for clients that take snippets', async () => {
    const root = fixture(files);
    const c = await start(root, undefined, {
      ...CAPABILITIES,
      textDocument: { ...CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: true } } },
    });
    const file = path.join(root, 'sip_profiles/internal.xml');
    const item = ((await c.completion(file, at)) as Item[]).find((i) => i.label === 'rtp-timeout-sec')!;
    expect(item.insertTextFormat).toBe(2);
    expect(item.textEdit!.newText).toMatch(/^rtp-timeout-sec" value="\$\{1:\d*\}$/);
  });

  it('as plain text for clients without snippet support', async () => {
    const root = fixture(files);
    const c = await start(root);
    const file = path.join(root, 'sip_profiles/internal.xml');
    const item = ((await c.completion(file, at)) as Item[]).find((i) => i.label === 'rtp-timeout-sec')!;
    expect(item.insertTextFormat).toBe(1);
    expect(item.textEdit!.newText).toMatch(/^rtp-timeout-sec" value="\d*$/);
  });
});
