import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, chmodSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseBanInfo, unbanCommand } from './baninfo.js';
import { reloadCommands } from './reload.js';
import { findOnPath, realFsCli, showCommand } from './fscli.js';
import { editorCommand } from './editor.js';

const SAMPLE = `register_failure_config:
\tfindtime:60 maxretry:3 banmode:1 bantime:180
register_failure_history:
\t2024-12-03 15:10:57 192.168.31.242 1001
register_failure_bandata:
\t192.168.31.242 expires:
\t\t1001 expires:2024-12-03 15:13:03
`;

describe('cti show baninfo', () => {
  it('parses the sample', () => {
    const r = parseBanInfo(SAMPLE);
    expect(r).toEqual({
      ok: true,
      info: {
        policy: { findtime: 60, maxretry: 3, banmode: 1, bantime: 180, raw: { findtime: '60', maxretry: '3', banmode: '1', bantime: '180' } },
        history: [{ time: '2024-12-03 15:10:57', ip: '192.168.31.242', account: '1001' }],
        bans: [{ ip: '192.168.31.242', accounts: [{ account: '1001', expires: '2024-12-03 15:13:03' }] }],
        preamble: [],
      },
    });
  });
  it('skips a leading -ERR no reply line', () => {
    const r = parseBanInfo('-ERR no reply\n' + SAMPLE);
    expect(r.ok && r.info.preamble).toEqual(['-ERR no reply']);
    expect(r.ok && r.info.bans).toHaveLength(1);
  });
  it('reads banmode 0 (IP bans with their own expiry) and empty sections', () => {
    const r = parseBanInfo(
      'register_failure_config:\n\tfindtime:30 maxretry:5 banmode:0 bantime:600\nregister_failure_history:\nregister_failure_bandata:\n\t10.0.0.9 expires:2024-12-03 16:00:00\n\t10.0.0.10 expires:2024-12-03 16:01:00\n',
    );
    expect(r.ok && r.info.bans).toEqual([
      { ip: '10.0.0.9', expires: '2024-12-03 16:00:00', accounts: [] },
      { ip: '10.0.0.10', expires: '2024-12-03 16:01:00', accounts: [] },
    ]);
    expect(r.ok && r.info.history).toEqual([]);
  });
  it('explains a reply without ban data', () => {
    expect(parseBanInfo('-ERR cti Command not found!\n')).toEqual({ ok: false, reason: '-ERR cti Command not found!' });
    expect(parseBanInfo('')).toEqual({ ok: false, reason: 'no output' });
  });
  it('builds unban commands', () => {
    expect(unbanCommand('1.2.3.4', '1001')).toBe('cti unban 1.2.3.4 1001');
    expect(unbanCommand('1.2.3.4')).toBe('cti unban 1.2.3.4');
  });
});

describe('reload commands', () => {
  const root = '/etc/freeswitch';
  const profile = (port: string) =>
    `<profile name="internal">\n  <settings>\n    <param name="sip-port" value="${port}"/>\n    <param name="auth-calls" value="true"/>\n  </settings>\n</profile>\n`;
  it('acl.conf.xml → reloadacl', () => {
    expect(reloadCommands(root, [{ path: `${root}/autoload_configs/acl.conf.xml` }]).map((c) => c.command)).toEqual(['reloadacl']);
  });
  it('a profile → reloadxml, then rescan; a bind change → restart', () => {
    expect(
      reloadCommands(root, [{ path: `${root}/sip_profiles/internal.xml`, before: profile('5060').replace('true', 'false'), after: profile('5060') }]).map(
        (c) => c.command,
      ),
    ).toEqual(['reloadxml', 'sofia profile internal rescan']);
    const r = reloadCommands(root, [{ path: `${root}/sip_profiles/internal.xml`, before: profile('5060'), after: profile('5070') }]);
    expect(r.map((c) => c.command)).toEqual(['reloadxml', 'sofia profile internal restart']);
    expect(r[1]!.why).toContain('sip-port changed');
  });
  it('a gateway file under sip_profiles/<name>/ belongs to that profile', () => {
    expect(
      reloadCommands(root, [{ path: `${root}/sip_profiles/external/carrier.xml`, after: '<include><gateway name="carrier"/></include>' }]).map(
        (c) => c.command,
      ),
    ).toEqual(['reloadxml', 'sofia profile external rescan']);
  });
  it('dialplan and directory → reloadxml once; with acl → reloadacl covers it', () => {
    expect(reloadCommands(root, [{ path: `${root}/dialplan/default.xml` }, { path: `${root}/directory/default/1000.xml` }]).map((c) => c.command)).toEqual([
      'reloadxml',
    ]);
    expect(reloadCommands(root, [{ path: `${root}/dialplan/default.xml` }, { path: `${root}/autoload_configs/acl.conf.xml` }]).map((c) => c.command)).toEqual([
      'reloadacl',
    ]);
  });
});

describe('fs_cli', () => {
  it('runs exactly fs_cli -x <command>, without a shell, found on PATH', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-fscli-'));
    const log = path.join(dir, 'log');
    writeFileSync(path.join(dir, 'fs_cli'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${log}'; done\necho "+OK"\n`);
    chmodSync(path.join(dir, 'fs_cli'), 0o755);
    mkdirSync(path.join(dir, 'empty'));
    const env = { ...process.env, PATH: `${path.join(dir, 'empty')}:${dir}` };
    expect(findOnPath('fs_cli', env)).toBe(path.join(dir, 'fs_cli'));
    const r = await realFsCli(env).run('sofia profile internal rescan; rm -rf /');
    expect(r).toMatchObject({ code: 0, stdout: '+OK\n' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(log, 'utf8')).toBe('-x\nsofia profile internal rescan; rm -rf /\n');
    expect(findOnPath('fs_cli', { PATH: path.join(dir, 'empty') })).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
  it('shows commands shell-quoted', () => {
    expect(showCommand('reloadxml')).toBe('fs_cli -x reloadxml');
    expect(showCommand('cti unban 1.2.3.4 1001')).toBe("fs_cli -x 'cti unban 1.2.3.4 1001'");
  });
});

describe('$EDITOR', () => {
  it('puts the line where each editor expects it', () => {
    expect(editorCommand({ EDITOR: 'vim' }, '/x.xml', 7)).toEqual({ bin: 'vim', args: ['+7', '/x.xml'] });
    expect(editorCommand({ EDITOR: 'code -w' }, '/x.xml', 7)).toEqual({ bin: 'code', args: ['-w', '-g', '/x.xml:7'] });
    expect(editorCommand({ VISUAL: 'nano', EDITOR: 'vim' }, '/x.xml', 2)).toEqual({ bin: 'nano', args: ['+2', '/x.xml'] });
    expect(editorCommand({}, '/x.xml', 1).bin).toBe('vi');
  });
});
