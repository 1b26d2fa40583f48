import { describe, expect, it } from 'vitest';
import type { CompletionItem, Hover, Position } from 'vscode-languageserver-types';
import { MemoryFileSystem } from '../fs.js';
import { FsconfWorkspace } from './workspace.js';
import { completion, hover } from './features.js';
import { FREESWITCH_XML } from '../testing/trees.js';

/** The cursor is written as `‸` in a file's text. */
const CARET = '‸';

const MAIN = FREESWITCH_XML;
const VARS = `<include>
  <X-PRE-PROCESS cmd="set" data="wb_mode=8"/>
  <X-PRE-PROCESS cmd="exec-set" data="rate=cat /etc/rate"/>
  <X-PRE-PROCESS cmd="set" data="internal_sip_port=5060"/>
</include>
`;
const SOFIA = `<configuration name="sofia.conf" description="sofia Endpoint">
  <global_settings>
    <param name="log-level" value="0"/>
  </global_settings>
  <profiles>
    <X-PRE-PROCESS cmd="include" data="../sip_profiles/*.xml"/>
  </profiles>
</configuration>
`;

interface Opened {
  ws: FsconfWorkspace;
  path: string;
  pos: Position;
}

/** A tree (MAIN, VARS, SOFIA plus `files`); the file holding `‸` is opened with the caret removed. */
function open(
  files: Record<string, string>,
  base: Record<string, string> = { 'freeswitch.xml': MAIN, 'vars.xml': VARS, 'autoload_configs/sofia.conf.xml': SOFIA },
): Opened {
  const all = { ...base, ...files };
  let target: { path: string; pos: Position; text: string } | undefined;
  const clean: Record<string, string> = {};
  for (const [name, text] of Object.entries(all)) {
    const i = text.indexOf(CARET);
    const t = i >= 0 ? text.slice(0, i) + text.slice(i + 1) : text;
    clean[`/conf/${name}`] = t;
    if (i >= 0) {
      const before = text.slice(0, i);
      const line = before.split('\n').length - 1;
      target = { path: `/conf/${name}`, pos: { line, character: i - (before.lastIndexOf('\n') + 1) }, text: t };
    }
  }
  if (!target) throw new Error('no caret');
  const fs = new MemoryFileSystem(clean);
  const ws = new FsconfWorkspace(fs, 'freeswitch.xml' in base ? '/conf' : undefined);
  ws.open(target.path, target.text);
  return { ws, path: target.path, pos: target.pos };
}

function hoverText(o: Opened): string {
  const h: Hover | null = hover(o.ws, o.path, o.pos);
  if (!h) return '';
  const c = h.contents as { value: string };
  return c.value;
}

function labels(o: Opened): string[] {
  return completion(o.ws, o.path, o.pos).map((i: CompletionItem) => i.label);
}

describe('hover on params', () => {
  it('amrwb default-bitrate 8 names 23.85 kbit/s and shows the whole (correct) mode table', () => {
    const md = hoverText(
      open({
        'autoload_configs/amrwb.conf.xml': `<configuration name="amrwb.conf">\n  <settings>\n    <param name="default-bitrate" value="‸8"/>\n  </settings>\n</configuration>\n`,
      }),
    );
    expect(md.split('\n')[0]).toMatch(/^\*\*default-bitrate\*\* — /);
    expect(md).toContain('23.85 kbit/s');
    for (const rate of ['6.60', '8.85', '12.65', '14.25', '15.85', '18.25', '19.85', '23.05', '23.85']) expect(md).toContain(rate);
    expect(md).toContain('| **8** | **23.85** |');
    expect(md).toContain('| 0 | 6.60 |');
  });

  it('shows the value after $${} expansion and where it came from', () => {
    const md = hoverText(
      open({
        'autoload_configs/amrwb.conf.xml': `<configuration name="amrwb.conf">\n  <settings>\n    <param name="default-bi‸trate" value="$\${wb_mode}"/>\n  </settings>\n</configuration>\n`,
      }),
    );
    expect(md).toContain('`$${wb_mode}` → `8`');
    expect(md).toContain('vars.xml:2');
    expect(md).toContain('| **8** | **23.85** |');
  });

  it('says when a value is unknown (exec-set) instead of guessing', () => {
    const md = hoverText(
      open({
        'autoload_configs/amr.conf.xml': `<configuration name="amr.conf">\n  <settings>\n    <param name="default-bitrate‸" value="$\${rate}"/>\n  </settings>\n</configuration>\n`,
      }),
    );
    expect(md).toContain('unknown to fsconf');
    expect(md).toContain('`exec-set` at vars.xml:3');
  });

  it('amr volte says words are read as 0', () => {
    const md = hoverText(
      open({
        'autoload_configs/amr.conf.xml': `<configuration name="amr.conf">\n  <settings>\n    <param name="volte" value="tr‸ue"/>\n  </settings>\n</configuration>\n`,
      }),
    );
    expect(md).toMatch(/words are read as 0/);
    expect(md).toContain('`true` is read with atoi() as 0 → **off**');
  });

  it('sofia profile settings through the include, gateway params case-sensitive, global settings', () => {
    const profile = `<profile name="internal">\n  <gateways>\n    <gateway name="gw">\n      <param name="regi‸ster" value="true"/>\n    </gateway>\n  </gateways>\n  <settings>\n    <param name="sip-port" value="$\${internal_sip_port}"/>\n  </settings>\n</profile>\n`;
    expect(hoverText(open({ 'sip_profiles/internal.xml': profile }))).toMatch(/^\*\*register\*\* — /);
    const md = hoverText(open({ 'sip_profiles/internal.xml': profile.replace('regi‸ster', 'register').replace('sip-port"', 'sip-p‸ort"') }));
    expect(md).toMatch(/^\*\*sip-port\*\* — /);
    expect(md).toContain('→ `5060`');
    expect(hoverText(open({ 'autoload_configs/sofia.conf.xml': SOFIA.replace('log-level', 'log-le‸vel') }))).toMatch(/^\*\*log-level\*\* — /);
  });

  it('a sip profile file on its own (no freeswitch.xml) is still a sofia profile', () => {
    const md = hoverText(
      open(
        {
          'sip_profiles/internal.xml': `<profile name="internal">\n  <settings>\n    <param name="apply-inbound-a‸cl" value="domains"/>\n  </settings>\n</profile>\n`,
        },
        {},
      ),
    );
    expect(md).toMatch(/^\*\*apply-inbound-acl\*\* — /);
  });

  it('directory user params, event_socket, xml_rpc, verto, switch.conf and amqp params', () => {
    const user = `<include>\n  <user id="1000">\n    <params>\n      <param name="pass‸word" value="s3cret-Pass"/>\n    </params>\n  </user>\n</include>\n`;
    const md = hoverText(open({ 'directory/1000.xml': user }));
    expect(md).toMatch(/^\*\*password\*\* — /);
    expect(md).not.toContain('s3cret-Pass');
    const cfg = (config: string, body: string) => ({ [`autoload_configs/${config}.xml`]: `<configuration name="${config}">\n${body}\n</configuration>\n` });
    expect(hoverText(open(cfg('event_socket.conf', `  <settings>\n    <param name="listen-i‸p" value="::"/>\n  </settings>`)))).toMatch(
      /^\*\*listen-ip\*\* — /,
    );
    expect(hoverText(open(cfg('xml_rpc.conf', `  <settings>\n    <param name="auth-re‸alm" value="x"/>\n  </settings>`)))).toMatch(/^\*\*auth-realm\*\* — /);
    expect(
      hoverText(
        open(cfg('verto.conf', `  <profiles>\n    <profile name="v">\n      <param name="bind-lo‸cal" value="0.0.0.0:8081"/>\n    </profile>\n  </profiles>`)),
      ),
    ).toMatch(/^\*\*bind-local\*\* — /);
    expect(hoverText(open(cfg('switch.conf', `  <settings>\n    <param name="max-ses‸sions" value="1000"/>\n  </settings>`)))).toMatch(
      /^\*\*max-sessions\*\* — /,
    );
    const amqp = `  <producers>\n    <profile name="default">\n      <connections>\n        <connection name="primary">\n          <param name="host‸name" value="localhost"/>\n        </connection>\n      </connections>\n      <params>\n        <param name="event_filter" value="SWITCH_EVENT_CHANNEL_CREATE,HEART‸BEAT"/>\n      </params>\n    </profile>\n  </producers>`;
    expect(hoverText(open(cfg('amqp.conf', amqp.replace('HEART‸BEAT', 'HEARTBEAT'))))).toMatch(/^\*\*hostname\*\* — /);
    expect(hoverText(open(cfg('amqp.conf', amqp.replace('host‸name', 'hostname'))))).toMatch(/^\*\*HEARTBEAT\*\* — /);
  });

  it('an unknown name says FreeSWITCH ignores it, with did-you-mean', () => {
    const md = hoverText(
      open({
        'autoload_configs/amr.conf.xml': `<configuration name="amr.conf">\n  <settings>\n    <param name="volt‸" value="1"/>\n  </settings>\n</configuration>\n`,
      }),
    );
    expect(md).toContain('ignores it');
    expect(md).toContain('`volte`');
  });

  it('a later duplicate wins', () => {
    const md = hoverText(
      open({
        'autoload_configs/amr.conf.xml': `<configuration name="amr.conf">\n  <settings>\n    <param name="volte" value="‸1"/>\n    <param name="VOLTE" value="0"/>\n  </settings>\n</configuration>\n`,
      }),
    );
    expect(md).toContain('Not used: a later `<param name="VOLTE">` at line 4 wins');
  });
});

describe('hover on names', () => {
  it('applications, modules, caller-profile fields, X-PRE-PROCESS cmds', () => {
    const dp = `<include>\n  <context name="default">\n    <extension name="x">\n      <condition field="destination_num‸ber" expression="^1$">\n        <action application="bri‸dge" data="user/1000"/>\n      </condition>\n    </extension>\n  </context>\n</include>\n`;
    const app = hoverText(open({ 'dialplan/default.xml': dp.replace('destination_num‸ber', 'destination_number') }));
    expect(app).toMatch(/^\*\*bridge\*\* — /);
    expect(app).toContain('mod_dptools');
    const field = hoverText(open({ 'dialplan/default.xml': dp.replace('bri‸dge', 'bridge') }));
    expect(field).toMatch(/^\*\*destination_number\*\* — /);
    const mods = `<configuration name="modules.conf">\n  <modules>\n    <load module="mod_so‸fia"/>\n    <load module="mod_acl"/>\n  </modules>\n</configuration>\n`;
    expect(hoverText(open({ 'autoload_configs/modules.conf.xml': mods }))).toMatch(/^\*\*mod_sofia\*\* — /);
    const acl = hoverText(open({ 'autoload_configs/modules.conf.xml': mods.replace('mod_so‸fia', 'mod_sofia').replace('mod_acl', 'mod_a‸cl') }));
    expect(acl).toContain('Not a FreeSWITCH module');
    const pre = hoverText(open({ 'vars.xml': VARS.replace('cmd="exec-set"', 'cmd="exec‸-set"') }));
    expect(pre).toMatch(/^\*\*exec-set\*\* — /);
    // one cmd hover only: the knowledge base's
    expect(pre).not.toContain('**X-PRE-PROCESS');
  });
});

describe('cti.json hover', () => {
  const CTI = `{\n  // policy\n  "password_minimum": 8,\n  "password_strength": 4,\n  "register_failure": { "findtime": 600, "maxretry": 5, "banmode": 1, "bantime": 3600 }\n}\n`;
  function ctiAt(needle: string, delta = 1): string {
    const i = CTI.indexOf(needle) + delta;
    const before = CTI.slice(0, i);
    const fs = new MemoryFileSystem({ '/conf/freeswitch.xml': MAIN, '/conf/cti.json': CTI });
    const ws = new FsconfWorkspace(fs, '/conf');
    const h = hover(ws, '/conf/cti.json', { line: before.split('\n').length - 1, character: i - (before.lastIndexOf('\n') + 1) });
    return h ? (h.contents as { value: string }).value : '';
  }
  it('explains keys and values', () => {
    expect(ctiAt('"password_minimum"')).toMatch(/^\*\*password_minimum\*\* — /);
    const strength = ctiAt('4,', 0);
    expect(strength).toMatch(/^\*\*password_strength\*\* — /);
    expect(strength).toContain('Value `4`: all four classes');
    for (const k of ['findtime', 'maxretry', 'bantime']) expect(ctiAt(`"${k}"`)).toMatch(new RegExp(`^\\*\\*register_failure\\.${k}\\*\\* — `));
    const banmode = ctiAt('1, "bantime"', 0);
    expect(banmode).toContain('`0` — ban the source IP address');
    expect(banmode).toContain('Value `1`: ban the pair of source IP and account');
  });
});

describe('completion', () => {
  const PROFILE = (settings: string) => `<profile name="internal">\n  <settings>\n${settings}\n  </settings>\n</profile>\n`;

  it('inside a sofia <settings> offers profile params not already set', () => {
    const o = open({ 'sip_profiles/internal.xml': PROFILE(`    <param name="auth-calls" value="true"/>\n    <param name="‸"/>`) });
    const l = labels(o);
    expect(l).toContain('apply-inbound-acl');
    expect(l).not.toContain('auth-calls');
    expect(l).not.toContain('register'); // a gateway param
  });

  it('in the content of <settings> offers whole <param/> elements', () => {
    const o = open({ 'sip_profiles/internal.xml': PROFILE(`    <param name="auth-calls" value="true"/>\n    <‸`) });
    const items = completion(o.ws, o.path, o.pos);
    const acl = items.find((i) => i.label === 'apply-inbound-acl');
    expect(acl).toBeDefined();
    expect((acl!.textEdit as { newText: string }).newText).toBe('<param name="apply-inbound-acl" value=""/>');
    expect(items.map((i) => i.label)).not.toContain('auth-calls');
  });

  it('works in an unclosed <param name="auth- at the end of the file', () => {
    const o = open({
      'sip_profiles/internal.xml': `<profile name="internal">\n  <settings>\n    <param name="auth-calls" value="true"/>\n    <param name="auth-‸`,
    });
    const items = completion(o.ws, o.path, o.pos);
    const l = items.map((i) => i.label);
    expect(l).toContain('auth-calls-acl-only');
    expect(l).not.toContain('auth-calls');
    expect(l).not.toContain('sip-port');
    const it0 = items.find((i) => i.label === 'auth-calls-acl-only')!;
    expect((it0.textEdit as { range: { start: Position } }).range.start).toEqual({ line: 3, character: 17 });
  });

  it('works when the unclosed param is followed by more params', () => {
    const o = open({ 'sip_profiles/internal.xml': PROFILE(`    <param name="auth-‸\n    <param name="sip-port" value="5060"/>`) });
    expect(labels(o)).toContain('auth-calls');
  });

  it('offers true/false for a boolean param, 0/1 for an atoi flag, modes for default-bitrate', () => {
    const bool = labels(open({ 'sip_profiles/internal.xml': PROFILE(`    <param name="auth-calls" value="‸"/>`) }));
    expect(bool).toEqual(expect.arrayContaining(['true', 'false']));
    const flag = labels(open({ 'autoload_configs/amr.conf.xml': `<configuration name="amr.conf">\n  <settings>\n    <param name="volte" value="‸` }));
    expect(flag).toEqual(['0', '1']);
    const modes = completion(
      ...(({ ws, path, pos }) => [ws, path, pos] as const)(
        open({
          'autoload_configs/amrwb.conf.xml': `<configuration name="amrwb.conf">\n  <settings>\n    <param name="default-bitrate" value="‸"/>\n  </settings>\n</configuration>\n`,
        }),
      ),
    );
    expect(modes.map((m) => m.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(modes.find((m) => m.label === '8')!.detail).toBe('23.85 kbit/s');
  });

  it('offers application names with their syntax inside application="', () => {
    const o = open({
      'dialplan/default.xml': `<include>\n  <context name="default">\n    <extension name="x">\n      <condition field="destination_number" expression="^1$">\n        <action application="brid‸`,
    });
    const items = completion(o.ws, o.path, o.pos);
    const bridge = items.find((i) => i.label === 'bridge');
    expect(bridge?.detail).toMatch(/^bridge </);
    expect(items.every((i) => i.label.includes('brid'))).toBe(true);
  });

  it('event names in amqp event_filter, log levels in log-levels, module names in modules.conf', () => {
    const amqp = (params: string, kind = 'producers') => ({
      'autoload_configs/amqp.conf.xml': `<configuration name="amqp.conf">\n  <${kind}>\n    <profile name="default">\n      <params>\n${params}\n      </params>\n    </profile>\n  </${kind}>\n</configuration>\n`,
    });
    const ev = completion(
      ...(({ ws, path, pos }) => [ws, path, pos] as const)(open(amqp(`        <param name="event_filter" value="CHANNEL_CREATE,CHANNEL_H‸"/>`))),
    );
    expect(ev.map((i) => i.label)).toContain('CHANNEL_HANGUP');
    expect((ev[0]!.textEdit as { range: { start: Position } }).range.start.character).toBe('        <param name="event_filter" value="CHANNEL_CREATE,'.length);
    const lv = labels(open(amqp(`        <param name="log-levels" value="debug,‸"/>`, 'logging')));
    expect(lv).toEqual(expect.arrayContaining(['err', 'warning', 'all']));
    expect(lv).not.toContain('error');
    expect(labels(open(amqp(`        <param name="event_filter" value="‸"/>`, 'logging')))).toEqual([]);
    const mods = labels(
      open({
        'autoload_configs/modules.conf.xml': `<configuration name="modules.conf">\n  <modules>\n    <load module="mod_so‸"/>\n  </modules>\n</configuration>\n`,
      }),
    );
    expect(mods).toContain('mod_sofia');
    expect(mods).not.toContain('mod_acl');
  });

  it('param names are filtered by the section: amqp connection vs producer params', () => {
    const text = `<configuration name="amqp.conf">\n  <producers>\n    <profile name="default">\n      <connections>\n        <connection name="primary">\n          <param name="‸"/>\n        </connection>\n      </connections>\n    </profile>\n  </producers>\n</configuration>\n`;
    const l = labels(open({ 'autoload_configs/amqp.conf.xml': text }));
    expect(l).toContain('hostname');
    expect(l).not.toContain('event_filter');
  });

  it('leaves $${ to the pre-processor provider', () => {
    const l = labels(open({ 'sip_profiles/internal.xml': PROFILE(`    <param name="sip-port" value="$\${‸"/>`) }));
    expect(l).toContain('internal_sip_port');
    expect(l).not.toContain('true');
  });
});
