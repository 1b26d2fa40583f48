/**
 * An independent LSP client: headless Neovim (Debian's 0.7.2: vim.lsp.start_client + buf_attach_client;
 * vim.lsp.start only exists from 0.8) runs `fsconf-lsp --stdio`, opens a sip profile and must receive
 * the server's diagnostics and answer a hover — proof that the server works outside our own client code.
 * Neovim missing is a failure, not a skip (.ci/run installs the Debian package `neovim`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ruleById } from '@fsconf/core';
import { LSP } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-nvim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nvimPath(): string {
  const r = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' });
  const p = r.stdout.trim();
  if (r.status !== 0 || !p) throw new Error('nvim is not installed: this test needs Neovim (Debian package "neovim"; .ci/run installs it)');
  return p;
}

function luaString(s: string): string {
  return JSON.stringify(s); // a JSON string literal is a valid Lua string literal for these paths
}

describe('Neovim as an LSP client', () => {
  it('receives fsconf diagnostics and hovers for a sip profile', () => {
    const nvim = nvimPath();
    const root = path.join(dir, 'conf');
    mkdirSync(path.join(root, 'sip_profiles'), { recursive: true });
    writeFileSync(
      path.join(root, 'freeswitch.xml'),
      `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration">
    <configuration name="sofia.conf">
      <profiles>
        <X-PRE-PROCESS cmd="include" data="sip_profiles/*.xml"/>
      </profiles>
    </configuration>
  </section>
</document>
`,
    );
    writeFileSync(path.join(root, 'vars.xml'), '<include>\n  <X-PRE-PROCESS cmd="set" data="internal_sip_port=5060"/>\n</include>\n');
    // a profile without auth-calls, and a variable nobody sets
    const profile = path.join(root, 'sip_profiles', 'internal.xml');
    writeFileSync(
      profile,
      `<profile name="internal">
  <settings>
    <param name="sip-port" value="$\${internal_sip_port}"/>
    <param name="rtp-ip" value="$\${undefined_rtp_ip}"/>
  </settings>
</profile>
`,
    );
    const script = path.join(dir, 'client.lua');
    writeFileSync(
      script,
      `
local id = vim.lsp.start_client({ name = "fsconf", cmd = { ${luaString(process.execPath)}, ${luaString(LSP)}, "--stdio" }, root_dir = ${luaString(root)} })
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(("DIAG %d:%d %s %s %s\\n"):format(d.lnum + 1, d.col + 1, tostring(d.code), tostring(d.source), d.message))
end
-- hover on $\${internal_sip_port} (line 3)
vim.api.nvim_win_set_cursor(0, { 3, 36 })
local res = vim.lsp.buf_request_sync(0, "textDocument/hover", vim.lsp.util.make_position_params(), 5000)
for _, r in pairs(res or {}) do
  if r.result and r.result.contents then
    io.stdout:write("HOVER " .. (r.result.contents.value or vim.inspect(r.result.contents)):gsub("\\n", " ") .. "\\n")
  end
end
if not ok then io.stdout:write("TIMEOUT\\n") end
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
`,
    );
    const r = spawnSync(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', profile, '-c', `luafile ${script}`, '-c', 'qa!'], {
      encoding: 'utf8',
      timeout: 60000,
      cwd: root,
      env: { ...process.env, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir, XDG_DATA_HOME: dir },
    });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.error, out).toBeUndefined();
    expect(out).not.toContain('TIMEOUT');
    const diags = out.split('\n').filter((l) => l.startsWith('DIAG '));
    expect(diags, out).toContainEqual(expect.stringMatching(/^DIAG 4:\d+ preprocess\/undefined-var fsconf \$\$\{undefined_rtp_ip\} is never set/));
    // The security rule for this very case; asserted whenever core has it (it is being written now).
    if (ruleById('sofia/internal-auth-calls'))
      expect(diags, out).toContainEqual(expect.stringMatching(/^DIAG \d+:\d+ sofia\/internal-auth-calls fsconf .*auth-calls/));
    expect(out).toMatch(/HOVER .*internal_sip_port.*5060/);
  });
});
