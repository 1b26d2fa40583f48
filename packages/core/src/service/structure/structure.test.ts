import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS_DIR } from '../../testing/paths.js';
import { NodeFileSystem } from '../../host/node-fs.js';
import { analyze, type Analysis } from '../../analysis.js';
import { applyEdits } from '../../edits.js';
import { parseXml } from '../../xml/parser.js';
import { buildStructure, structuralEdit, TEMPLATES, type StructuralEdit, type StructuralEditResult } from './index.js';
import type { Finding } from '../../rules/types.js';

const VANILLA = `${CORPUS_DIR}/vanilla`;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function copyVanilla(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsconf-structure-'));
  dirs.push(dir);
  fs.cpSync(VANILLA, dir, { recursive: true });
  return dir;
}
const uriOf = (p: string) => `file://${p}`;
const pathOf = (u: string) => (u.startsWith('file://') ? u.slice(7) : undefined);
const run = (root: string) => analyze(new NodeFileSystem(), { root });
const edit = (a: Analysis, req: StructuralEdit) => structuralEdit({ analysis: a, uriOf, pathOf }, req);

/** Write an edit's result to disk, as the server's applyEdit would. */
function write(r: StructuralEditResult): void {
  for (const [uri, edits] of Object.entries(r.changes)) {
    const p = pathOf(uri)!;
    const before = fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '';
    fs.writeFileSync(p, applyEdits(before, edits));
  }
}
/**
 * Findings without positions (an edit moves lines; a new finding is a new rule/message pair in a file). The
 * open-context warning lists what strangers reach: a new local extension that vanilla's public context passes
 * on (public_extensions, 1000-1019) joins that list, the warning itself is not new.
 */
const keys = (fs_: Finding[]) =>
  fs_.map((f) => `${path.basename(f.file)} ${f.rule} ${f.rule === 'security/open-context' ? f.message.replace(/ reach .*/, '') : f.message}`).sort();
const newFindings = (before: Finding[], after: Finding[]) => {
  const left = [...keys(before)];
  return keys(after).filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
};

describe('structure of the vanilla tree', () => {
  const s = buildStructure(run(VANILLA), uriOf);
  it('lists the default context in hunt order, included files where the include sits', () => {
    const def = s.contexts.find((c) => c.name === 'default')!;
    const names = def.extensions.map((e) => e.name);
    expect(names.indexOf('Local_Extension')).toBeGreaterThan(names.indexOf('global-intercept'));
    // dialplan/default/*.xml is included near the end of the context, after Local_Extension
    expect(names.indexOf('local.example.com')).toBeGreaterThan(names.indexOf('Local_Extension'));
    const local = def.extensions.find((e) => e.name === 'Local_Extension')!;
    expect(local.uri).toMatch(/dialplan\/default\.xml$/);
    expect(local.range.start.line).toBe(246);
    const cond = local.conditions.find((c) => c.field === 'destination_number')!;
    const bridge = cond.actions.find((a) => a.application === 'bridge')!;
    expect(bridge.meaning).toContain('ring user');
  });
  it('explains read args by name and $N against the expression', () => {
    const all = s.contexts.flatMap((x) => x.extensions.flatMap((e) => e.conditions.flatMap((c) => c.actions)));
    expect(all.find((a) => a.application === 'read')?.meaning).toMatch(/min=\S+ max=\S+ file=/);
    const withCapture = all.find((a) => /\$1/.test(a.data) && a.meaning.includes('$1 = '));
    expect(withCapture?.meaning).toMatch(/\$1 = \(/);
    expect(all.find((a) => a.application === 'transfer')?.meaning).toMatch(/^transfer to \S+ in context/);
  });
  it('lists profiles with params and gateways, users with inherited variables, ACL lists and $${} variables', () => {
    const ext = s.profiles.find((p) => p.name === 'external')!;
    expect(ext.params.find((p) => p.name === 'inbound-codec-prefs')?.value).toBe('$${global_codec_prefs}');
    expect(ext.params.find((p) => p.name === 'inbound-codec-prefs')?.expanded).toMatch(/OPUS|PCMU/);
    const dom = s.domains[0]!;
    const u = dom.users.find((x) => x.id === '1000')!;
    expect(u.group).toBe('default');
    expect(u.params.find((p) => p.name === 'vm-password')?.secret).toBe(true);
    expect(u.params.find((p) => p.name === 'vm-password')?.value).not.toBe('1000');
    const inherited = u.effective.variables.find((v) => v.name === 'default_gateway');
    expect(inherited?.from).toBe('domain');
    expect(s.aclLists.map((l) => l.name)).toContain('domains');
    expect(s.variables.find((v) => v.name === 'domain')).toBeDefined();
    expect(s.variables.find((v) => v.name === 'default_password')?.value).toBe('1***');
  });
});

describe('secrets in the structure', () => {
  it('masks a password set in the dialplan, keeps other sets as written', () => {
    const root = copyVanilla();
    const file = path.join(root, 'dialplan/default/00_pizza_demo.xml');
    fs.writeFileSync(
      file,
      '<include>\n  <extension name="s">\n    <condition field="destination_number" expression="^7$">\n      <action application="set" data="sip_auth_password=Hunter22x"/>\n      <action application="set" data="call_timeout=30"/>\n    </condition>\n  </extension>\n</include>\n',
    );
    const ext = buildStructure(run(root), uriOf)
      .contexts.find((c) => c.name === 'default')!
      .extensions.find((e) => e.name === 's')!;
    const [pw, timeout] = ext.conditions[0]!.actions;
    expect(pw!.data).toBe('sip_auth_password=H***');
    expect(pw!.meaning).toBe('set sip_auth_password = H***');
    expect(JSON.stringify(ext)).not.toContain('Hunter22x');
    expect(timeout!.data).toBe('call_timeout=30');
  });
});

describe('structural edits keep the file as written', () => {
  it('sets a param in place (value escaped), keeping every other byte', () => {
    const root = copyVanilla();
    const a = run(root);
    const ext = buildStructure(a, uriOf).profiles.find((p) => p.name === 'external')!;
    const file = path.join(root, 'sip_profiles/external.xml');
    const before = fs.readFileSync(file, 'utf8');
    write(edit(a, { op: 'setParam', target: ext.at, name: 'inbound-codec-prefs', value: 'PCMU,PCMA&"x"' }));
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toBe(
      before.replace('name="inbound-codec-prefs" value="$${global_codec_prefs}"', 'name="inbound-codec-prefs" value="PCMU,PCMA&amp;&quot;x&quot;"'),
    );
    const p2 = buildStructure(run(root), uriOf)
      .profiles.find((p) => p.name === 'external')!
      .params.find((p) => p.name === 'inbound-codec-prefs')!;
    expect(p2.expanded).toBe('PCMU,PCMA&"x"');
  });

  it('adds a param that is not set at the end of <settings> with the indentation of its siblings', () => {
    const root = copyVanilla();
    const a = run(root);
    const ext = buildStructure(a, uriOf).profiles.find((p) => p.name === 'external')!;
    write(edit(a, { op: 'setParam', target: ext.at, name: 'disable-transfer', value: 'true' }));
    const text = fs.readFileSync(path.join(root, 'sip_profiles/external.xml'), 'utf8');
    const lines = text.split('\n');
    const i = lines.findIndex((l) => /^\s*<param name="disable-transfer"/.test(l));
    expect(lines[i]).toMatch(/^ {4}<param name="disable-transfer" value="true"\/>$/);
    expect(lines[i + 1]).toMatch(/^ {2}<\/settings>/);
    write(edit(run(root), { op: 'removeParam', target: ext.at, name: 'disable-transfer' }));
    expect(fs.readFileSync(path.join(root, 'sip_profiles/external.xml'), 'utf8')).toBe(
      fs.readFileSync(path.join(VANILLA, 'sip_profiles/external.xml'), 'utf8'),
    );
  });

  it('adds an extension from a template as dialplan/default/NN_name.xml, then moves it above Local_Extension', () => {
    const root = copyVanilla();
    const r = edit(run(root), { op: 'addExtension', context: 'default', template: 'gateway-route', values: { name: 'route_11' } });
    expect(r.created).toEqual([uriOf(path.join(root, 'dialplan/default/02_route_11.xml'))]);
    write(r);
    let s = buildStructure(run(root), uriOf);
    let def = s.contexts.find((c) => c.name === 'default')!;
    const added = def.extensions.find((e) => e.name === 'route_11')!;
    expect(added.uri).toMatch(/02_route_11\.xml$/);
    const local = def.extensions.find((e) => e.name === 'Local_Extension')!;
    const mv = edit(run(root), { op: 'move', target: added.at, before: local.at });
    expect(Object.keys(mv.changes)).toHaveLength(2);
    write(mv);
    s = buildStructure(run(root), uriOf);
    def = s.contexts.find((c) => c.name === 'default')!;
    const names = def.extensions.map((e) => e.name);
    expect(names.indexOf('route_11')).toBe(names.indexOf('Local_Extension') - 1);
    const text = fs.readFileSync(path.join(root, 'dialplan/default.xml'), 'utf8');
    // the file's tab indentation: the moved extension sits at the same depth as Local_Extension
    // eslint-disable-next-line no-regex-spaces -- the indentation is what is asserted; literal spaces show it
    expect(text).toMatch(/\n    <extension name="route_11">\n      <condition field="destination_number" expression="\^\(\\d\{11\}\)\$">\n/);
    expect(text).toContain('<extension name="route_11">\n      <condition');
    expect(parseXml(text).fatal).toBeUndefined();
    expect(parseXml(fs.readFileSync(path.join(root, 'dialplan/default/02_route_11.xml'), 'utf8')).fatal).toBeUndefined();
  });

  it('moves up/down in hunt order, duplicates with a new name, deletes', () => {
    const root = copyVanilla();
    const file = path.join(root, 'dialplan/default.xml');
    const original = fs.readFileSync(file, 'utf8');
    let def = buildStructure(run(root), uriOf).contexts.find((c) => c.name === 'default')!;
    const i = def.extensions.findIndex((e) => e.name === 'Local_Extension');
    write(edit(run(root), { op: 'move', target: def.extensions[i]!.at, direction: 'up' }));
    def = buildStructure(run(root), uriOf).contexts.find((c) => c.name === 'default')!;
    expect(def.extensions[i - 1]!.name).toBe('Local_Extension');
    write(edit(run(root), { op: 'move', target: def.extensions[i - 1]!.at, direction: 'down' }));
    // back where it was, with the comment that describes it (only a blank line may have moved)
    const noBlank = (t: string) => t.replace(/\n\s*\n/g, '\n');
    expect(noBlank(fs.readFileSync(file, 'utf8'))).toBe(noBlank(original));
    def = buildStructure(run(root), uriOf).contexts.find((c) => c.name === 'default')!;
    write(edit(run(root), { op: 'duplicate', target: def.extensions[i]!.at }));
    def = buildStructure(run(root), uriOf).contexts.find((c) => c.name === 'default')!;
    expect(def.extensions[i + 1]!.name).toBe('Local_Extension_2');
    write(edit(run(root), { op: 'delete', target: def.extensions[i + 1]!.at }));
    expect(noBlank(fs.readFileSync(file, 'utf8'))).toBe(noBlank(original));
  });

  it('inserts a condition and an action, sets and removes an attribute', () => {
    const root = copyVanilla();
    let def = buildStructure(run(root), uriOf).contexts.find((c) => c.name === 'default')!;
    const ext = def.extensions.find((e) => e.name === 'Local_Extension')!;
    const cond = ext.conditions.find((c) => c.field === 'destination_number')!;
    write(
      edit(run(root), {
        op: 'insert',
        parent: cond.at,
        element: {
          name: 'action',
          attrs: [
            ['application', 'log'],
            ['data', 'INFO a <b> & "c"'],
          ],
        },
        before: cond.actions[0]!.at,
      }),
    );
    def = buildStructure(run(root), uriOf).contexts.find((c) => c.name === 'default')!;
    const c2 = def.extensions.find((e) => e.name === 'Local_Extension')!.conditions.find((c) => c.field === 'destination_number')!;
    expect(c2.actions[0]!.application).toBe('log');
    expect(c2.actions[0]!.data).toBe('INFO a <b> & "c"');
    write(edit(run(root), { op: 'setAttribute', target: c2.at, name: 'break', value: 'on-false' }));
    def = buildStructure(run(root), uriOf).contexts.find((c) => c.name === 'default')!;
    const c3 = def.extensions.find((e) => e.name === 'Local_Extension')!.conditions.find((c) => c.field === 'destination_number')!;
    expect(c3.attrs.break).toBe('on-false');
    write(edit(run(root), { op: 'removeAttribute', target: c3.at, name: 'break' }));
    write(
      edit(run(root), {
        op: 'insert',
        parent: def.extensions.find((e) => e.name === 'Local_Extension')!.at,
        element: {
          name: 'condition',
          attrs: [
            ['field', 'caller_id_number'],
            ['expression', '^1\\d{3}$'],
          ],
        },
        first: true,
      }),
    );
    def = buildStructure(run(root), uriOf).contexts.find((c) => c.name === 'default')!;
    expect(def.extensions.find((e) => e.name === 'Local_Extension')!.conditions[0]!.field).toBe('caller_id_number');
  });

  it('keeps CRLF line endings', () => {
    const root = copyVanilla();
    const file = path.join(root, 'sip_profiles/external.xml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const ext = buildStructure(run(root), uriOf).profiles.find((p) => p.name === 'external')!;
    const r = edit(run(root), { op: 'setParam', target: ext.at, name: 'sip-trace', value: 'no' });
    write(r);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('adds a user (generated password and PIN ≠ id), a gateway and an ACL node where FreeSWITCH keeps them', () => {
    const root = copyVanilla();
    const u = edit(run(root), { op: 'addUser', values: { id: '1020' } });
    expect(u.created).toEqual([uriOf(path.join(root, 'directory/default/1020.xml'))]);
    expect(u.generated?.password).toMatch(/^.{16,}$/);
    expect(u.generated?.['vm-password']).toMatch(/^\d{6}$/);
    expect(u.generated?.['vm-password']).not.toBe('1020');
    write(u);
    const g = edit(run(root), {
      op: 'addGateway',
      profile: 'external',
      template: 'gateway',
      values: { name: 'carrier', realm: 'sip.carrier.example', username: 'acct', password: 'Xy7-secret-Provider' },
    });
    expect(g.created).toEqual([uriOf(path.join(root, 'sip_profiles/external/carrier.xml'))]);
    expect(g.reload).toEqual(['reloadxml', 'sofia profile external rescan']);
    write(g);
    write(edit(run(root), { op: 'addAclNode', list: 'domains', type: 'allow', cidr: '192.0.2.0/24' }));
    const s = buildStructure(run(root), uriOf);
    expect(s.domains[0]!.users.find((x) => x.id === '1020')?.group).toBe('default');
    expect(s.profiles.find((p) => p.name === 'external')!.gateways.map((x) => x.name)).toContain('carrier');
    expect(s.aclLists.find((l) => l.name === 'domains')!.nodes.map((n) => n.cidr)).toContain('192.0.2.0/24');
    expect(() => edit(run(root), { op: 'addUser', values: { id: '1020' } })).toThrow(/has a user 1020 already/);
  });
});

describe('every template lints clean on the vanilla tree', () => {
  const base = run(VANILLA).findings;
  for (const t of TEMPLATES) {
    it(t.id, () => {
      const root = copyVanilla();
      const a = run(root);
      const r =
        t.kind === 'extension'
          ? edit(a, { op: 'addExtension', context: 'default', template: t.id })
          : t.kind === 'user'
            ? edit(a, { op: 'addUser', template: t.id, values: { id: '1020' } })
            : edit(a, { op: 'addGateway', profile: 'external', template: t.id, values: { username: 'acct', password: 'Xy7-secret-Provider' } });
      expect(r.created).toHaveLength(1);
      write(r);
      const after = run(root);
      expect(newFindings(base, after.findings)).toEqual([]);
      for (const doc of after.tree.order) expect(doc.xml.fatal, doc.path).toBeUndefined();
    });
  }
});
