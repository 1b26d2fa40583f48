/**
 * Completion and hover details an editor user notices (issue 17): `$${` completion that keeps filtering
 * as a prefix is typed and offers FreeSWITCH's own globals, chained variables explained, param names
 * completed with their value="…", applications ranked by the modules the switch loads.
 */
import { describe, expect, it } from 'vitest';
import type { CompletionItem, Hover, Position, TextEdit } from 'vscode-languageserver-types';
import { MemoryFileSystem } from '../fs.js';
import { FsconfWorkspace } from './workspace.js';
import { completion, definitionLinks, hover } from './features.js';
import { FREESWITCH_XML } from '../testing/trees.js';

const CARET = '‸';
const VARS = `<include>
  <X-PRE-PROCESS cmd="set" data="domain=$\${local_ip_v4}"/>
  <X-PRE-PROCESS cmd="set" data="internal_sip_port=5060"/>
</include>
`;

function open(files: Record<string, string>): { ws: FsconfWorkspace; path: string; pos: Position } {
  const all: Record<string, string> = { 'freeswitch.xml': FREESWITCH_XML, 'vars.xml': VARS, ...files };
  const clean: Record<string, string> = {};
  let target: { path: string; pos: Position; text: string } | undefined;
  for (const [name, text] of Object.entries(all)) {
    const i = text.indexOf(CARET);
    const t = i >= 0 ? text.slice(0, i) + text.slice(i + 1) : text;
    clean[`/conf/${name}`] = t;
    if (i >= 0) {
      const before = text.slice(0, i);
      target = { path: `/conf/${name}`, pos: { line: before.split('\n').length - 1, character: i - (before.lastIndexOf('\n') + 1) }, text: t };
    }
  }
  if (!target) throw new Error('no caret');
  const ws = new FsconfWorkspace(new MemoryFileSystem(clean), '/conf');
  ws.open(target.path, target.text);
  return { ws, path: target.path, pos: target.pos };
}
const items = (o: ReturnType<typeof open>): CompletionItem[] => completion(o.ws, o.path, o.pos);
const hoverText = (o: ReturnType<typeof open>): string =>
  ((hover(o.ws, o.path, o.pos) as Hover | null)?.contents as { value: string } | undefined)?.value ?? '';

describe('$${ completion', () => {
  it('replaces the typed prefix (textEdit + filterText), so a client keeps filtering after `$${loc`', () => {
    const o = open({
      'dialplan/a.xml': `<include>\n  <context name="x"><extension name="e"><condition><action application="set" data="a=$\${loc‸}"/></condition></extension></context>\n</include>\n`,
    });
    const list = items(o);
    const ip = list.find((i) => i.label === 'local_ip_v4');
    expect(ip, 'FreeSWITCH sets local_ip_v4 itself').toBeDefined();
    const edit = ip!.textEdit as TextEdit;
    const line = '  <context name="x"><extension name="e"><condition><action application="set" data="a=$${';
    expect(edit.range.start).toEqual({ line: 1, character: line.length });
    expect(edit.range.end).toEqual({ line: 1, character: line.length + 3 }); // "loc"; the `}` is kept
    expect(edit.newText).toBe('local_ip_v4');
    expect(ip!.filterText).toBe('local_ip_v4');
    // the tree's own variables and the core's directories are offered too
    expect(list.map((i) => i.label)).toEqual(expect.arrayContaining(['domain', 'internal_sip_port', 'base_dir', 'sounds_dir', 'hostname']));
    // a variable set in the tree comes before a core global
    expect(list.find((i) => i.label === 'domain')!.sortText! < ip!.sortText!).toBe(true);
    expect(list.find((i) => i.label === 'domain')!.detail).toBe('= $${local_ip_v4}');
  });
});

describe('hover on a chained variable', () => {
  it('$${domain} set to $${local_ip_v4}: shows the chain and where it is set, not "fsconf never runs it"', () => {
    const md = hoverText(
      open({
        'dialplan/a.xml': `<include>\n  <context name="x"><extension name="e"><condition><action application="set" data="a=$\${dom‸ain}"/></condition></extension></context>\n</include>\n`,
      }),
    );
    expect(md).toContain('= `$${local_ip_v4}`');
    expect(md).toContain("this host's IPv4 address");
    expect(md).toContain('vars.xml line 2');
    expect(md).not.toContain('never runs it');
  });

  it('$${local_ip_v4} itself: what FreeSWITCH puts there', () => {
    const o = open({ 'vars.xml': VARS.replace('local_ip_v4', () => 'local_ip‸_v4') });
    const md = hoverText(o);
    expect(md).toContain("this host's IPv4 address");
  });
});

describe('param name completion', () => {
  it('adds value="…" as a snippet (default value selected) when the param has none', () => {
    const o = open({
      'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf">\n  <profiles>\n    <profile name="internal">\n      <settings>\n        <param name="sip-po‸"/>\n      </settings>\n    </profile>\n  </profiles>\n</configuration>\n`,
    });
    const port = items(o).find((i) => i.label === 'sip-port')!;
    expect(port.insertTextFormat).toBe(2);
    expect((port.textEdit as TextEdit).newText).toMatch(/^sip-port" value="\$\{1:[^}]*\}$/);
  });

  it('leaves an existing value alone', () => {
    const o = open({
      'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf">\n  <profiles>\n    <profile name="internal">\n      <settings>\n        <param name="sip-po‸" value="5060"/>\n      </settings>\n    </profile>\n  </profiles>\n</configuration>\n`,
    });
    const port = items(o).find((i) => i.label === 'sip-port')!;
    expect((port.textEdit as TextEdit).newText).toBe('sip-port');
  });
});

describe('application completion', () => {
  it('ranks applications of loaded modules first and says which module is not loaded', () => {
    const modules = `<configuration name="modules.conf">\n  <modules>\n    <load module="mod_dptools"/>\n  </modules>\n</configuration>\n`;
    const o = open({
      'autoload_configs/modules.conf.xml': modules,
      'dialplan/a.xml': `<include>\n  <context name="x"><extension name="e"><condition><action application="‸"/></condition></extension></context>\n</include>\n`,
    });
    const list = items(o);
    const bridge = list.find((i) => i.label === 'bridge')!;
    const fax = list.find((i) => i.label === 'rxfax')!;
    expect(bridge.sortText! < fax.sortText!).toBe(true);
    expect(fax.detail).toContain('mod_spandsp is not loaded');
    expect(bridge.detail).not.toContain('not loaded');
  });
});

describe('include glob', () => {
  it('go to definition offers every file the glob brings in, as links from the whole path', () => {
    const o = open({
      'freeswitch.xml': FREESWITCH_XML.replace('data="dialplan/*.xml"', 'data="dialplan/*‸.xml"'),
      'dialplan/a.xml': '<include/>\n',
      'dialplan/b.xml': '<include/>\n',
    });
    const d = definitionLinks(o.ws, o.path, o.pos) as { targetUri: string; originSelectionRange: unknown }[];
    expect(d.map((l) => l.targetUri)).toEqual(['file:///conf/dialplan/a.xml', 'file:///conf/dialplan/b.xml']);
    expect(d[0]!.originSelectionRange).toBeDefined();
  });
});
