/**
 * The VS Code extension end to end, in a real VS Code: code-server 4.100.3 (VS Code 1.100 in the browser)
 * driven by playwright-core and Debian's Chromium, following the code-server recipe (setup.sh).
 *
 *  1. `npm run package` builds client-vscode/fsconf-<version>.vsix (checked: size, contents);
 *  2. code-server (cached under ~/.cache by test/vscode/setup.sh, which this test runs) installs that .vsix
 *     into a scratch profile and opens a folder holding a conf tree (conf/) and an unrelated XML file (notes/);
 *  3. a sofia profile that lacks `auth-calls` shows fsconf's diagnostic in the Problems panel, a hover
 *     shows fsconf's text, the quick fix (Ctrl+.) inserts the param and, saved, changes the file on disk;
 *     the unrelated XML file gets nothing from fsconf.
 *
 * Nothing is skipped: a missing dependency fails the suite with what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO } from '../helpers.js';
import { listVsix } from '../../client-vscode/scripts/vsix.mjs';

const EXT = path.join(REPO, 'client-vscode');
const VERSION = JSON.parse(readFileSync(path.join(EXT, 'package.json'), 'utf8')).version as string;
const VSIX = path.join(EXT, `fsconf-${VERSION}.vsix`);
const FIXTURE = path.join(REPO, 'test', 'vscode', 'fixture');
const CHROMIUM = '/usr/bin/chromium';

/** Messages as the server words them (see RULES.md). */
const AUTH_CALLS = 'auth-calls is not set';
const UNKNOWN_CMD = 'is not a pre-processor command';

let e2e = '';
let work = '';
let codeServer: ChildProcess | undefined;
let codeServerLog = '';
let browser: Browser | undefined;
let page: Page | undefined;
let port = 0;
let failed = false;

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  const r = spawnSync(cmd, args, {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    timeout: opts.timeout ?? 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor<T>(what: string, f: () => T | undefined | Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await f();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** code-server with every folder it writes to inside the scratch folder (recipe: same dirs, HOME, TMPDIR). */
function codeServerArgs(): { env: NodeJS.ProcessEnv; base: string[] } {
  return {
    env: {
      HOME: path.join(e2e, 'home'),
      TMPDIR: path.join(e2e, 'tmp'),
      XDG_CONFIG_HOME: path.join(e2e, 'home', '.config'),
      XDG_DATA_HOME: path.join(e2e, 'home', '.local', 'share'),
    },
    base: ['--user-data-dir', path.join(e2e, 'data'), '--extensions-dir', path.join(e2e, 'extensions'), '--config', path.join(e2e, 'config.yaml')],
  };
}

async function stopCodeServer(): Promise<void> {
  const p = codeServer;
  codeServer = undefined;
  if (!p || p.exitCode !== null || p.pid === undefined) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  try {
    process.kill(-p.pid, 'SIGTERM'); // its own process group: code-server and the extension host it started
  } catch {
    p.kill('SIGTERM');
  }
  const t = setTimeout(() => {
    try {
      process.kill(-p.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 5000);
  await exited;
  clearTimeout(t);
}

/** Open a file of the workspace by name through Quick Open (recipe: wait for the row, then Enter). */
async function openFile(p: Page, name: string, rowLabel: string): Promise<void> {
  await p.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } });
  await p.keyboard.press('Control+P');
  await p.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await p.keyboard.type(name);
  // Results arrive asynchronously and recently opened files are listed first: click the row itself.
  const row = p.locator(`.quick-input-list .monaco-list-row[aria-label*="${rowLabel}"]`).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await p.locator(`.monaco-editor .view-lines`).filter({ hasText: '<' }).first().waitFor({ timeout: 10_000 });
  await p.locator('.tab.active').filter({ hasText: name }).waitFor({ timeout: 10_000 });
}

/** Move the cursor with Go to Line (Ctrl+G), `line:column` 1-based. */
async function goTo(p: Page, line: number, column: number): Promise<void> {
  await p.locator('.monaco-editor .view-lines').first().click();
  await p.keyboard.press('Control+G');
  await p.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await p.keyboard.type(`${line}:${column}`);
  await p.keyboard.press('Enter');
  await p.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

async function markerLabels(p: Page): Promise<string[]> {
  return p.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

describe('VS Code extension in code-server', () => {
  beforeAll(async () => {
    try {
      await startEverything();
    } catch (e) {
      failed = true;
      throw e;
    }
  }, 720_000);

  async function startEverything(): Promise<void> {
    // 1. dependencies: Debian packages + cached code-server (installs on the first run, about a minute)
    const setup = spawnSync('bash', [path.join(REPO, 'test', 'vscode', 'setup.sh')], { encoding: 'utf8', timeout: 600_000 });
    if (setup.status !== 0) throw new Error(`test/vscode/setup.sh failed — the VS Code E2E needs it:\n${setup.stderr}`);
    const entry = setup.stdout.trim().split('\n').pop()!;
    if (!existsSync(entry)) throw new Error(`code-server entry ${entry} missing after test/vscode/setup.sh`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium (test/vscode/setup.sh does)`);

    // 2. the .vsix, built the way users get it
    rmSync(VSIX, { force: true });
    run(process.execPath, [path.join(EXT, 'scripts', 'package.mjs')]);

    // 3. a scratch profile and workspace
    e2e = mkdtempSync(path.join(tmpdir(), 'fsconf-vscode-e2e-'));
    for (const d of ['home', 'tmp', 'data/User', 'extensions']) mkdirSync(path.join(e2e, d), { recursive: true });
    work = path.join(e2e, 'workspace');
    cpSync(FIXTURE, work, { recursive: true });
    writeFileSync(path.join(e2e, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
    writeFileSync(
      path.join(e2e, 'data', 'User', 'settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'security.workspace.trust.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'extensions.autoUpdate': false,
          'extensions.autoCheckUpdates': false,
          'extensions.ignoreRecommendations': true,
          'update.mode': 'none',
          'workbench.tips.enabled': false,
          'files.autoSave': 'off',
          'editor.lightbulb.enabled': 'on',
          // typed text stays exactly as typed (the completion step types `$${loc`)
          'editor.autoClosingBrackets': 'never',
          'editor.autoClosingQuotes': 'never',
        },
        null,
        2,
      ),
    );
    const { env, base } = codeServerArgs();
    const installed = run(process.execPath, [entry, ...base, '--install-extension', VSIX], { env });
    expect(installed).toContain('successfully installed');

    // 4. start code-server, wait for /healthz
    port = await freePort();
    codeServer = spawn(
      process.execPath,
      [
        entry,
        ...base,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        work,
      ],
      { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    codeServer.stdout!.on('data', (d: Buffer) => (codeServerLog += d.toString()));
    codeServer.stderr!.on('data', (d: Buffer) => (codeServerLog += d.toString()));
    await waitFor(
      'code-server /healthz',
      async () => {
        if (codeServer?.exitCode !== null && codeServer?.exitCode !== undefined)
          throw new Error(`code-server exited ${codeServer.exitCode}:\n${codeServerLog}`);
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        return r.status === 200 ? true : undefined;
      },
      20_000,
    );

    // 5. Chromium on the workbench
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, ...env },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-dev-shm-usage',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(work)}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
  }

  afterAll(async () => {
    if (failed && e2e) {
      await page?.screenshot({ path: path.join(e2e, 'failure.png') }).catch(() => undefined);
      writeFileSync(path.join(e2e, 'code-server.log'), codeServerLog);
      console.error(`VS Code E2E failed: screenshot, logs and profile kept in ${e2e}`);
    }
    await browser?.close().catch(() => undefined);
    await stopCodeServer();
    if (!failed && e2e) rmSync(e2e, { recursive: true, force: true });
  }, 30_000);

  /** Mark the suite failed (keep the scratch folder and a screenshot) when a step throws. */
  const step = (name: string, f: () => Promise<void>, timeout = 60_000) =>
    it(
      name,
      async () => {
        try {
          await f();
        } catch (e) {
          failed = true;
          throw e;
        }
      },
      timeout,
    );

  step('the .vsix bundles client and server as single files, no node_modules, under 2 MB', async () => {
    const size = statSync(VSIX).size;
    expect(size).toBeLessThan(2 * 1024 * 1024);
    const names = (listVsix(VSIX) as { name: string }[]).map((e) => e.name);
    expect(names).toContain('extension/bundle/extension.js');
    expect(names).toContain('extension/bundle/server.js');
    expect(names).toContain('extension/package.json');
    expect(names).toContain('extension/icon.png');
    expect(names.some((n) => /readme\.md$/i.test(n))).toBe(true);
    expect(names.some((n) => /changelog\.md$/i.test(n))).toBe(true);
    expect(names.filter((n) => n.includes('node_modules'))).toEqual([]);
    expect(names.filter((n) => n.endsWith('.js')).sort()).toEqual(['extension/bundle/extension.js', 'extension/bundle/server.js']);
    expect(names.filter((n) => n.endsWith('.node'))).toEqual([]); // nothing native: Remote-SSH and code-server safe
  });

  step('a sofia profile without auth-calls: the Problems panel shows the fsconf diagnostic', async () => {
    const p = page!;
    await openFile(p, 'internal.xml', 'internal.xml');
    // also open an unrelated XML file: fsconf must leave it alone (checked in the last step)
    await openFile(p, 'plain.xml', 'plain.xml');
    await openFile(p, 'internal.xml', 'internal.xml');
    await p.keyboard.press('Control+Shift+M');
    await p.locator('.markers-panel').waitFor({ timeout: 10_000 });
    const row = p.locator(`.markers-panel .monaco-list-row[aria-label*="${AUTH_CALLS}"]`).first();
    await row.waitFor({ timeout: 30_000 });
    const label = (await row.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(
      /^Error: auth-calls is not set \(the default is off\): FreeSWITCH takes INVITEs on profile internal without a password from any address.* at line 2 and character 4\. generated by fsconf/,
    );
    // the whole tree is linted: vars.xml's misspelled X-PRE-PROCESS is listed too, without being opened
    await p.locator(`.markers-panel .monaco-list-row[aria-label*="${UNKNOWN_CMD}"]`).first().waitFor({ timeout: 10_000 });
    // VS Code's own counter and fsconf's status bar item
    const problems = await p.locator('#status\\.problems').getAttribute('aria-label');
    expect(problems).toMatch(/Errors: 2\b/);
    const fsconfItem = p.locator('.statusbar-item').filter({ hasText: 'fsconf' });
    await waitFor(
      'fsconf status bar item with 2 errors',
      async () => ((await fsconfItem.first().innerText()).replace(/\s+/g, ' ').includes('2 0 fsconf') ? true : undefined),
      10_000,
    );
  });

  step('a hover on $${var} shows its value and where it is set', async () => {
    const p = page!;
    // line 3: <param name="sip-port" value="$${internal_sip_port}"/> — the cursor on the variable
    await goTo(p, 3, 40);
    await p.keyboard.press('Control+K');
    await p.keyboard.press('Control+I');
    const hover = p.locator('.monaco-hover').filter({ hasText: 'pre-processor variable' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('$${internal_sip_port}');
    expect(text).toContain('5060');
    expect(text).toContain('set at vars.xml line 3');
    await p.keyboard.press('Escape');
  });

  step('the quick fix (Ctrl+.) inserts auth-calls=true, and saving changes the file on disk', async () => {
    const p = page!;
    const file = path.join(work, 'conf', 'sip_profiles', 'internal.xml');
    const before = readFileSync(file, 'utf8');
    expect(before).not.toContain('auth-calls');
    await goTo(p, 2, 5); // <settings>: the diagnostic's range
    await p.keyboard.press('Control+.');
    const action = p.locator('.action-widget .monaco-list-row').filter({ hasText: 'Insert auth-calls=true' }).first();
    await action.waitFor({ state: 'visible', timeout: 15_000 });
    // the widget focuses its first action; ours is the only quick fix there
    await p.locator('.action-widget .monaco-list-row.focused').filter({ hasText: 'Insert auth-calls=true' }).waitFor({ timeout: 5_000 });
    await p.keyboard.press('Enter');
    await p.locator('.monaco-editor .view-lines').filter({ hasText: 'auth-calls' }).first().waitFor({ timeout: 10_000 });
    await p.keyboard.press('Control+S');
    const after = await waitFor(
      'internal.xml to change on disk',
      () => {
        const t = readFileSync(file, 'utf8');
        return t !== before ? t : undefined;
      },
      15_000,
    );
    expect(after).toBe(
      before.replace('<param name="context" value="public"/>', '<param name="context" value="public"/>\n    <param name="auth-calls" value="true"/>'),
    );
    // and the diagnostic goes away
    await waitFor(
      'the auth-calls diagnostic to disappear',
      async () => ((await markerLabels(p)).some((l) => l.includes(AUTH_CALLS)) ? undefined : true),
      15_000,
    );
  });

  step("a hover on auth-calls shows fsconf's explanation of the param", async () => {
    const p = page!;
    // line 5 is now: <param name="auth-calls" value="true"/>
    await goTo(p, 5, 20);
    await p.keyboard.press('Control+K');
    await p.keyboard.press('Control+I');
    const hover = p.locator('.monaco-hover').filter({ hasText: 'mod_sofia' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/^auth-calls — /);
    expect(text).toContain('default false');
    await p.keyboard.press('Escape');
  });

  step('fsconf: Test an address against an ACL — verdict shown, deciding node revealed', async () => {
    const p = page!;
    await p.locator('.monaco-editor .view-lines').first().click();
    await p.keyboard.press('F1');
    await p.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await p.keyboard.type('fsconf: Test an address');
    const cmd = p.locator('.quick-input-list .monaco-list-row[aria-label*="fsconf: Test an address against an ACL"]').first();
    await cmd.waitFor({ timeout: 10_000 });
    await cmd.click();
    // input box for the address
    await p.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Test an address against an ACL' }).waitFor({ timeout: 10_000 });
    await p.keyboard.type('203.0.113.66');
    await p.keyboard.press('Enter');
    // quick pick of the lists from the server: the tree's "trunks" (with where it is defined) and the built-ins
    const trunks = p.locator('.quick-input-list .monaco-list-row[aria-label*="trunks"]').first();
    await trunks.waitFor({ timeout: 10_000 });
    expect(await trunks.innerText()).toContain('acl.conf.xml:3');
    await expect.poll(() => p.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'built-in' }).count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await trunks.click();
    // the verdict: 203.0.113.66 is in the allowed /24, but the /32 deny is the longer prefix
    const toast = p.locator('.notification-toast').filter({ hasText: '203.0.113.66 → DENY by ACL "trunks"' }).first();
    await toast.waitFor({ timeout: 15_000 });
    expect((await toast.innerText()).replace(/\s+/g, ' ')).toContain('decided by deny 203.0.113.66/32 at conf/autoload_configs/acl.conf.xml:5');
    // and the deciding node is revealed: acl.conf.xml active, cursor on line 5
    await p.locator('.tab.active').filter({ hasText: 'acl.conf.xml' }).waitFor({ timeout: 10_000 });
    await p
      .locator('#status\\.editor\\.selection')
      .filter({ hasText: /Ln 5\b/ })
      .waitFor({ timeout: 10_000 });
    // the whole verdict, one click away from the toast: every node that matched, with where it is
    await toast.locator('.monaco-button').filter({ hasText: 'Show the whole verdict' }).first().click();
    const detail = p.locator('.monaco-editor .view-lines').filter({ hasText: 'Every node that matched' }).first();
    await detail.waitFor({ timeout: 15_000 });
    const text = (await detail.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('allow 203.0.113.0/24');
    expect(text).toContain('deny 203.0.113.66/32');
    await palette(p, 'View: Revert and Close Editor');
  });

  step('plain XML outside a conf tree gets nothing from fsconf', async () => {
    const labels = await markerLabels(page!);
    expect(labels.some((l) => l.includes(UNKNOWN_CMD))).toBe(true); // vars.xml, in the tree
    expect(labels.filter((l) => /plain\.xml/.test(l) || (l.includes('generated by fsconf') && l.includes('nothing.xml')))).toEqual([]);
    // Exactly one file row with findings is left (vars.xml): plain.xml's identical line was never analysed.
    const fsconfRows = labels.filter((l) => l.includes('generated by fsconf'));
    expect(fsconfRows).toHaveLength(1);
  });

  step('settings reach the server: fsconf.rules turning a rule off removes its findings', async () => {
    const p = page!;
    // workspace settings (code-server does not pick up edits of the user settings file on disk)
    mkdirSync(path.join(work, '.vscode'), { recursive: true });
    writeFileSync(path.join(work, '.vscode', 'settings.json'), JSON.stringify({ 'fsconf.rules': { 'preprocess/unknown-cmd': 'off' } }, null, 2));
    await waitFor('the unknown-cmd finding to go', async () => ((await markerLabels(p)).some((l) => l.includes(UNKNOWN_CMD)) ? undefined : true), 20_000);
    await waitFor(
      'fsconf status bar item at 0 errors',
      async () =>
        (await p.locator('.statusbar-item').filter({ hasText: 'fsconf' }).first().innerText()).replace(/\s+/g, ' ').includes('0 0 fsconf') ? true : undefined,
      10_000,
    );
  });

  /** Run a command from the palette by its title. */
  async function palette(p: Page, title: string): Promise<void> {
    await p.locator('.monaco-editor .view-lines').first().click();
    await p.keyboard.press('F1');
    await p.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await p.keyboard.type(title);
    const cmd = p.locator(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`).first();
    await cmd.waitFor({ timeout: 10_000 });
    await cmd.click();
  }

  step("$${ completion keeps filtering as a prefix is typed, and offers FreeSWITCH's own globals", async () => {
    const p = page!;
    await openFile(p, 'internal.xml', 'internal.xml');
    try {
      await completionAndHover(p);
    } finally {
      await p.keyboard.press('Escape');
      await palette(p, 'File: Revert File');
    }
    await p.locator('.monaco-editor .view-lines').filter({ hasText: 'local_ip_v4' }).waitFor({ state: 'detached', timeout: 10_000 });
  });

  async function completionAndHover(p: Page): Promise<void> {
    await goTo(p, 3, 1);
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await p.keyboard.type('<param name="rtp-ip" value="$${loc');
    await p.keyboard.press('Control+Space');
    const rows = p.locator('.suggest-widget .monaco-list-row');
    await rows.filter({ hasText: 'local_ip_v4' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const labels = await rows.evaluateAll((r) => r.map((x) => x.getAttribute('aria-label') ?? ''));
    // VS Code filters fuzzily on the typed prefix (l…o…c): the best matches first, nothing else offered
    expect(
      labels.slice(0, 3).every((l) => l.startsWith('local_')),
      labels.join(' | '),
    ).toBe(true);
    expect(labels.some((l) => l.startsWith('local_ip_v6'))).toBe(true);
    expect(
      labels.some((l) => /^(sounds_dir|domain|internal_sip_port|base_dir),/.test(l)),
      labels.join(' | '),
    ).toBe(false);
    // accept: the typed prefix is replaced, not doubled
    await rows.filter({ hasText: 'local_ip_v4' }).first().click();
    await p.keyboard.type('}"/>');
    await p.locator('.monaco-editor .view-lines').filter({ hasText: 'value="$${local_ip_v4}"/>' }).first().waitFor({ timeout: 10_000 });
    // and its hover says what FreeSWITCH puts there
    await goTo(p, 4, 36);
    await p.keyboard.press('Control+K');
    await p.keyboard.press('Control+I');
    const hover = p.locator('.monaco-hover').filter({ hasText: 'pre-processor variable' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    expect((await hover.innerText()).replace(/\s+/g, ' ')).toContain("this host's IPv4 address");
  }

  step('inlay hints: the value of $${internal_sip_port} is shown after it', async () => {
    const p = page!;
    await openFile(p, 'internal.xml', 'internal.xml');
    const line = p.locator('.monaco-editor .view-line').filter({ hasText: 'internal_sip_port' }).first();
    await waitFor('the inlay hint "= 5060"', async () => ((await line.innerText()).replace(/\s+/g, ' ').includes('= 5060') ? true : undefined), 20_000);
  });

  step('rename (F2) of a $${} variable changes its set in vars.xml and its use here', async () => {
    const p = page!;
    await openFile(p, 'internal.xml', 'internal.xml');
    await goTo(p, 3, 40); // inside $${internal_sip_port}
    await p.keyboard.press('F2');
    const input = p.locator('.rename-box input, .rename-box textarea').first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await input.inputValue()).toBe('internal_sip_port');
    await input.fill('sip_port_internal');
    await p.keyboard.press('Enter');
    await p.locator('.monaco-editor .view-lines').filter({ hasText: '$${sip_port_internal}' }).first().waitFor({ timeout: 15_000 });
    await palette(p, 'File: Save All Files');
    const vars = path.join(work, 'conf', 'vars.xml');
    const profile = path.join(work, 'conf', 'sip_profiles', 'internal.xml');
    await waitFor('vars.xml renamed on disk', () => (readFileSync(vars, 'utf8').includes('data="sip_port_internal=5060"') ? true : undefined), 15_000);
    expect(readFileSync(profile, 'utf8')).toContain('value="$${sip_port_internal}"');
    expect(readFileSync(vars, 'utf8')).not.toContain('internal_sip_port');
  });

  step('fsconf: Show the assembled configuration opens it read-only, linked back to the sources', async () => {
    const p = page!;
    await palette(p, 'fsconf: Show the assembled configuration');
    const pick = p.locator('.quick-input-list .monaco-list-row[aria-label*="configuration"]').filter({ hasNotText: 'whole' }).first();
    await pick.waitFor({ timeout: 10_000 });
    await pick.click();
    await p.locator('.tab.active').filter({ hasText: 'configuration.fsxml.xml' }).waitFor({ timeout: 15_000 });
    const view = p.locator('.monaco-editor .view-lines').filter({ hasText: '<profile name="internal">' }).first();
    await view.waitFor({ timeout: 10_000 });
    // the profile is spliced in from sip_profiles/*.xml and its $${} expanded (renamed in the previous step)
    await p.locator('.monaco-editor .view-line').filter({ hasText: '<param name="sip-port" value="5060"/>' }).first().waitFor({ timeout: 10_000 });
    expect(await p.locator('.monaco-editor .view-lines').first().innerText()).not.toContain('X-PRE-PROCESS');
    // read-only: typing changes nothing
    await view.click();
    await p.keyboard.type('zzz');
    expect(await p.locator('.monaco-editor .view-lines').first().innerText()).not.toContain('zzz');
    // a link on <profile leads to sip_profiles/internal.xml
    const tag = p
      .locator('.monaco-editor .view-line')
      .filter({ hasText: '<profile name="internal">' })
      .locator('span > span', { hasText: /^<?profile$/ })
      .first();
    await tag.click({ modifiers: ['Control'] });
    await p.locator('.tab.active').filter({ hasText: 'internal.xml' }).waitFor({ timeout: 15_000 });
  });

  step('in a dialplan file, Ctrl+. offers the templates: "Add extension: Gateway route" inserts it after the extension', async () => {
    const p = page!;
    await openFile(p, 'default.xml', 'default.xml');
    await goTo(p, 3, 8); // inside <extension name="echo">
    await p.keyboard.press('Control+.');
    const action = p.locator('.action-widget .monaco-list-row').filter({ hasText: 'Add extension: Gateway route' }).first();
    await action.waitFor({ state: 'visible', timeout: 15_000 });
    // the widget animates its rows: choose by keyboard (first row is focused; move down to ours)
    const rows = await p.locator('.action-widget .monaco-list-row').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const at = rows.findIndex((r) => r.includes('Add extension: Gateway route'));
    for (
      let i = 0;
      i < rows.length && !((await p.locator('.action-widget .monaco-list-row.focused').first().textContent()) ?? '').includes('Add extension: Gateway route');
      i++
    )
      await p.keyboard.press('ArrowDown');
    expect(at).toBeGreaterThanOrEqual(0);
    await p.keyboard.press('Enter');
    await p.locator('.monaco-editor .view-lines').filter({ hasText: 'route_11_digits' }).first().waitFor({ timeout: 10_000 });
    const text = (await p.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    expect(text.indexOf('name="echo"')).toBeLessThan(text.indexOf('name="route_11_digits"'));
    expect(text).toContain('sofia/gateway/${default_gateway}/$1');
  });
});
