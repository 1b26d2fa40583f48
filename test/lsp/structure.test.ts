/**
 * fsconf.structure and fsconf.structuralEdit over stdio, on a copy of FreeSWITCH's vanilla tree: the
 * structure as FreeSWITCH assembles it, every kind of structural edit written through fsconf.applyEdit
 * (backup kept, the analysis updated), and the templates offered as code actions in dialplan files.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS } from '../helpers.js';
import { TestClient, uri } from './client.js';
import type { Structure, StructuralEdit, StructuralEditResult, TemplateInfo } from '../../server-lsp/src/protocol.js';

const VANILLA = path.join(CORPUS, 'vanilla');
const clients: TestClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function start(initializationOptions?: unknown) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-structure-'));
  dirs.push(dir);
  cpSync(VANILLA, dir, { recursive: true });
  const c = new TestClient();
  clients.push(c);
  await c.initialize(dir, initializationOptions !== undefined ? { initializationOptions } : {});
  await c.waitForAnalysis(0);
  return { dir, c };
}
const structure = (c: TestClient) => c.command<Structure>('fsconf.structure', {});
const apply = (c: TestClient, edit: StructuralEdit) => c.command<StructuralEditResult>('fsconf.structuralEdit', { edit, apply: true });
const ctx = (s: Structure, name: string) => s.contexts.find((x) => x.name === name)!;
const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const original = (rel: string) => readFileSync(path.join(VANILLA, rel), 'utf8');

describe('fsconf.structure', () => {
  it('returns contexts in hunt order with file:line, profiles, directory with inheritance, ACL lists and $${} variables', async () => {
    const { dir, c } = await start();
    const s = await structure(c);
    expect(s.root).toBe(dir);
    const def = ctx(s, 'default');
    const names = def.extensions.map((e) => e.name);
    expect(names.indexOf('Local_Extension')).toBeLessThan(names.indexOf('local.example.com'));
    const local = def.extensions.find((e) => e.name === 'Local_Extension')!;
    expect(local.uri).toBe(uri(path.join(dir, 'dialplan/default.xml')));
    expect(local.at.line).toBe(246);
    expect(def.extensions.find((e) => e.name === 'local.example.com')!.uri).toBe(uri(path.join(dir, 'dialplan/default/01_example.com.xml')));
    const bridge = def.extensions.find((e) => e.name === 'domestic.example.com')!.conditions[1]!.actions.find((a) => a.application === 'bridge')!;
    expect(bridge.meaning).toBe('call out through gateway ${default_gateway}: sofia/gateway/${default_gateway}/$1  [$1 = (\\d{11})]');
    const ext = s.profiles.find((p) => p.name === 'external')!;
    expect(ext.params.find((p) => p.name === 'inbound-codec-prefs')!.value).toBe('$${global_codec_prefs}');
    const u = s.domains[0]!.users.find((x) => x.id === '1000')!;
    expect(u.params.find((p) => p.name === 'vm-password')!.value).toBe('1***');
    expect(u.effective.variables.find((v) => v.name === 'default_gateway')!.from).toBe('domain');
    expect(s.aclLists.find((l) => l.name === 'lan')!.nodes.length).toBeGreaterThan(0);
    expect(s.variables.find((v) => v.name === 'default_password')!.value).toBe('1***');
  });
});

describe('fsconf.structuralEdit written through fsconf.applyEdit', () => {
  it('addExtension from a template: a new dialplan/default/NN_name.xml, then move above Local_Extension (.bak holds the original)', async () => {
    const { dir, c } = await start();
    const added = await apply(c, { op: 'addExtension', context: 'default', template: 'gateway-route', values: { name: 'route_us' } });
    expect(added.created).toEqual([uri(path.join(dir, 'dialplan/default/02_route_us.xml'))]);
    expect(added.written).toMatchObject({ applied: true });
    expect(read(dir, 'dialplan/default/02_route_us.xml')).toContain('<action application="bridge" data="sofia/gateway/${default_gateway}/$1"/>');
    let s = await structure(c);
    const route = ctx(s, 'default').extensions.find((e) => e.name === 'route_us')!;
    const local = ctx(s, 'default').extensions.find((e) => e.name === 'Local_Extension')!;
    const moved = await apply(c, { op: 'move', target: route.at, before: local.at });
    expect(moved.summary).toMatch(/move <extension name="route_us"> above <extension name="Local_Extension"> \(from 02_route_us.xml to default.xml\)/);
    expect(moved.reload).toEqual(['reloadxml']);
    expect(read(dir, 'dialplan/default.xml.bak')).toBe(original('dialplan/default.xml'));
    s = await structure(c);
    const names = ctx(s, 'default').extensions.map((e) => e.name);
    expect(names.indexOf('route_us') + 1).toBe(names.indexOf('Local_Extension'));
  });

  it('insert, setAttribute, removeAttribute, duplicate, delete, move up/down', async () => {
    const { dir, c } = await start();
    let s = await structure(c);
    let local = ctx(s, 'default').extensions.find((e) => e.name === 'Local_Extension')!;
    const cond = local.conditions[0]!;
    await apply(c, {
      op: 'insert',
      parent: cond.at,
      element: {
        name: 'action',
        attrs: [
          ['application', 'log'],
          ['data', 'INFO <call> & "more"'],
        ],
      },
      first: true,
    });
    expect(read(dir, 'dialplan/default.xml')).toContain('<action application="log" data="INFO &lt;call> &amp; &quot;more&quot;"/>');
    s = await structure(c);
    local = ctx(s, 'default').extensions.find((e) => e.name === 'Local_Extension')!;
    expect(local.conditions[0]!.actions[0]!.data).toBe('INFO <call> & "more"');
    await apply(c, { op: 'setAttribute', target: local.conditions[0]!.at, name: 'expression', value: '^(10[0-2][0-9])$' });
    s = await structure(c);
    local = ctx(s, 'default').extensions.find((e) => e.name === 'Local_Extension')!;
    expect(local.conditions[0]!.expression).toBe('^(10[0-2][0-9])$');
    await apply(c, { op: 'setAttribute', target: local.at, name: 'continue', value: 'true' });
    s = await structure(c);
    local = ctx(s, 'default').extensions.find((e) => e.name === 'Local_Extension')!;
    expect(local.continue).toBe('true');
    await apply(c, { op: 'removeAttribute', target: local.at, name: 'continue' });
    await apply(c, {
      op: 'duplicate',
      target: (await structure(c)).contexts.find((x) => x.name === 'default')!.extensions.find((e) => e.name === 'Local_Extension')!.at,
    });
    s = await structure(c);
    const names = ctx(s, 'default').extensions.map((e) => e.name);
    expect(names[names.indexOf('Local_Extension') + 1]).toBe('Local_Extension_2');
    await apply(c, { op: 'delete', target: ctx(s, 'default').extensions.find((e) => e.name === 'Local_Extension_2')!.at });
    s = await structure(c);
    expect(ctx(s, 'default').extensions.some((e) => e.name === 'Local_Extension_2')).toBe(false);
    const i = ctx(s, 'default').extensions.findIndex((e) => e.name === 'Local_Extension');
    await apply(c, { op: 'move', target: ctx(s, 'default').extensions[i]!.at, direction: 'up' });
    s = await structure(c);
    expect(ctx(s, 'default').extensions[i - 1]!.name).toBe('Local_Extension');
    // the first written version is the one kept: .bak holds the file as it was before fsconf touched it
    expect(existsSync(path.join(dir, 'dialplan/default.xml.bak'))).toBe(true);
  });

  it('conditions and actions: move, duplicate, delete, insert a condition', async () => {
    const { dir, c } = await start();
    const local = async () => ctx(await structure(c), 'default').extensions.find((e) => e.name === 'Local_Extension')!;
    let ext = await local();
    const acts = () => ext.conditions[0]!.actions.map((a) => a.application);
    const first = acts();
    await apply(c, { op: 'move', target: ext.conditions[0]!.actions[0]!.at, direction: 'down' });
    ext = await local();
    expect(acts()).toEqual([first[1], first[0], ...first.slice(2)]);
    await apply(c, { op: 'duplicate', target: ext.conditions[0]!.actions[0]!.at });
    ext = await local();
    expect(acts()).toEqual([first[1], first[1], first[0], ...first.slice(2)]);
    await apply(c, { op: 'delete', target: ext.conditions[0]!.actions[1]!.at });
    ext = await local();
    expect(acts()).toEqual([first[1], first[0], ...first.slice(2)]);
    await apply(c, {
      op: 'insert',
      parent: ext.at,
      element: {
        name: 'condition',
        attrs: [
          ['field', '${toll_allow}'],
          ['expression', 'local'],
        ],
      },
      first: true,
    });
    ext = await local();
    expect(ext.conditions.map((x) => x.field)).toEqual(['${toll_allow}', 'destination_number']);
    await apply(c, { op: 'move', target: ext.conditions[0]!.at, after: ext.conditions[1]!.at });
    ext = await local();
    expect(ext.conditions.map((x) => x.field)).toEqual(['destination_number', '${toll_allow}']);
    await apply(c, { op: 'delete', target: ext.conditions[1]!.at });
    ext = await local();
    expect(ext.conditions.map((x) => x.field)).toEqual(['destination_number']);
    // the file still parses, and the comment lines inside Local_Extension are all still there
    const text = read(dir, 'dialplan/default.xml');
    for (const comment of original('dialplan/default.xml').match(/<!--[^]*?-->/g)!) expect(text).toContain(comment);
  });

  it('setParam / removeParam on a profile, addGateway, addUser with generated secrets, addAclNode', async () => {
    const { dir, c } = await start();
    let s = await structure(c);
    const ext = s.profiles.find((p) => p.name === 'external')!;
    const set = await apply(c, { op: 'setParam', target: ext.at, name: 'inbound-codec-prefs', value: 'OPUS,PCMU,PCMA' });
    expect(set.reload).toEqual(['reloadxml', 'sofia profile external rescan']);
    expect(read(dir, 'sip_profiles/external.xml')).toBe(
      original('sip_profiles/external.xml').replace(
        'name="inbound-codec-prefs" value="$${global_codec_prefs}"',
        'name="inbound-codec-prefs" value="OPUS,PCMU,PCMA"',
      ),
    );
    await apply(c, { op: 'setParam', target: ext.at, name: 'disable-transfer', value: 'true' });
    await apply(c, { op: 'removeParam', target: ext.at, name: 'disable-transfer' });
    expect(read(dir, 'sip_profiles/external.xml')).not.toContain('disable-transfer');
    const gw = await apply(c, {
      op: 'addGateway',
      profile: 'external',
      template: 'gateway',
      values: { name: 'carrier', realm: 'sip.carrier.example', username: 'acct', password: 'Provider-Secret-42' },
    });
    expect(gw.created).toEqual([uri(path.join(dir, 'sip_profiles/external/carrier.xml'))]);
    const user = await apply(c, { op: 'addUser', values: { id: '1020', 'caller-id-name': 'Front desk' } });
    expect(user.created).toEqual([uri(path.join(dir, 'directory/default/1020.xml'))]);
    const pw = user.generated!.password!;
    expect(pw.length).toBeGreaterThanOrEqual(16);
    expect(user.generated!['vm-password']).not.toBe('1020');
    expect(read(dir, 'directory/default/1020.xml')).toContain(`<param name="password" value="${pw.replace(/&/g, '&amp;')}"/>`);
    // a password reset: the server generates the secret, the file gets it, the structure masks it
    const u1000 = (await structure(c)).domains[0]!.users.find((x) => x.id === '1000')!;
    const reset = await apply(c, { op: 'setParam', target: u1000.at, name: 'password', value: '', generate: 'password' });
    expect(reset.summary).toBe('set param password = (generated) on <user id="1000">');
    const fresh = reset.generated!.password!;
    expect(fresh).toMatch(/^(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{16,}$/);
    expect(read(dir, 'directory/default/1000.xml')).toContain(`<param name="password" value="${fresh}"/>`);
    expect(read(dir, 'directory/default/1000.xml.bak')).toBe(original('directory/default/1000.xml'));
    await apply(c, { op: 'addAclNode', list: 'lan', type: 'allow', cidr: '198.51.100.0/24' });
    s = await structure(c);
    expect(s.profiles.find((p) => p.name === 'external')!.gateways.map((g) => g.name)).toContain('carrier');
    const u = s.domains[0]!.users.find((x) => x.id === '1020')!;
    expect(u.group).toBe('default');
    // the structure never shows the secret itself
    expect(u.params.find((p) => p.name === 'password')!.value).toBe(`${pw[0]}***`);
    expect(s.aclLists.find((l) => l.name === 'lan')!.nodes.map((n) => n.cidr)).toContain('198.51.100.0/24');
    // every analysis after the writes: no finding in the new files
    for (const f of ['sip_profiles/external/carrier.xml', 'directory/default/1020.xml']) expect(c.diagnostics.get(uri(path.join(dir, f))) ?? []).toEqual([]);
  });

  it('refuses a bad request with a clear message, and writes nothing when read-only', async () => {
    const { dir, c } = await start({ readonly: true });
    await expect(apply(c, { op: 'addExtension', context: 'nope', template: 'conference' })).rejects.toThrow(/no dialplan context named "nope"/);
    await expect(c.command('fsconf.structuralEdit', {})).rejects.toThrow(/expects/);
    const r = await apply(c, { op: 'addUser', values: { id: '1021' } });
    expect(r.written).toMatchObject({ applied: false });
    expect(existsSync(path.join(dir, 'directory/default/1021.xml'))).toBe(false);
  });
});

describe('templates', () => {
  it('lists the templates and offers the extension ones as code actions in a dialplan file', async () => {
    const { dir, c } = await start();
    const t = await c.command<TemplateInfo[]>('fsconf.templates', {});
    expect(t.map((x) => x.id)).toEqual(['local-extension', 'gateway-route', 'ivr-entry', 'time-of-day', 'conference', 'user', 'gateway']);
    const file = path.join(dir, 'dialplan/default.xml');
    c.open(file);
    const pos = { line: 250, character: 8 };
    const actions = (await c.codeActions(file, { start: pos, end: pos }, [])) as {
      title: string;
      kind: string;
      edit: { changes: Record<string, { newText: string }[]> };
    }[];
    const add = actions.filter((a) => a.kind === 'refactor.insert.fsconf');
    expect(add.map((a) => a.title)).toContain('Add extension: Gateway route (send numbers matching a pattern out through a gateway)');
    const edit = add.find((a) => a.title.includes('Gateway route'))!.edit.changes[uri(file)]![0]!;
    // eslint-disable-next-line no-regex-spaces -- the indentation is what is asserted; literal spaces show it
    expect(edit.newText).toMatch(/^    <extension name="route_11_digits">\n      <condition field="destination_number"/);
    // a quick-fix request (the terminal UI's) does not get them
    const fixes = (await c.codeActions(file, { start: pos, end: pos }, [], ['quickfix'])) as { kind: string }[];
    expect(fixes.some((a) => a.kind === 'refactor.insert.fsconf')).toBe(false);
  });
});
