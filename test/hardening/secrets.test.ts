/**
 * Secrets never appear in full in any output: a tree full of weak and default passwords goes through
 * every output format — text, JSON, SARIF, the language server's diagnostics and hovers, and the
 * terminal UI's screen in tmux (Problems, File views, fix diffs; needs `npx tsc -b`) — and none of the
 * passwords shows up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, LSP, REPO, fsconf } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';
import { positionOf, TestClient, uri } from '../lsp/client.js';
import { Tmux, requireTmux } from '../tui/tmux.js';

/** Distinctive values chosen by the "admin": each trips a rule or sits in a param whose hover could show it. */
export const SECRETS = ['qwertyuiop', 'Zz9', 'gwS3cretTrunk!', 'amqpPa55word', 'vmPIN4711x'];
/**
 * FreeSWITCH's stock passwords (event_socket ClueCon, xml_rpc works) are public knowledge: the knowledge
 * base may name them as defaults, but no finding may print them as the value it saw.
 */
export const STOCK = ['ClueCon', 'works'];

export const SECRET_TREE: Record<string, string> = {
  'freeswitch.xml': `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
  </section>
  <section name="directory">
    <X-PRE-PROCESS cmd="include" data="directory/*.xml"/>
  </section>
</document>
`,
  'vars.xml': '<include>\n  <X-PRE-PROCESS cmd="set" data="default_password=qwertyuiop"/>\n</include>\n',
  'autoload_configs/event_socket.conf.xml':
    '<configuration name="event_socket.conf">\n  <settings>\n    <param name="listen-ip" value="0.0.0.0"/>\n    <param name="password" value="ClueCon"/>\n    <param name="apply-inbound-acl" value="any_v4.auto"/>\n  </settings>\n</configuration>\n',
  'autoload_configs/xml_rpc.conf.xml':
    '<configuration name="xml_rpc.conf">\n  <settings>\n    <param name="auth-realm" value="freeswitch"/>\n    <param name="auth-user" value="freeswitch"/>\n    <param name="auth-pass" value="works"/>\n  </settings>\n</configuration>\n',
  'autoload_configs/amqp.conf.xml':
    '<configuration name="amqp.conf">\n  <producers>\n    <profile name="default">\n      <connections>\n        <connection name="primary">\n          <param name="hostname" value="mq.example.net"/>\n          <param name="password" value="amqpPa55word"/>\n        </connection>\n      </connections>\n    </profile>\n  </producers>\n</configuration>\n',
  'autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf">
  <profiles>
    <profile name="external">
      <gateways>
        <gateway name="trunk">
          <param name="username" value="acct"/>
          <param name="password" value="gwS3cretTrunk!"/>
        </gateway>
      </gateways>
      <settings>
        <param name="context" value="public"/>
        <param name="apply-inbound-acl" value="loopback.auto"/>
      </settings>
    </profile>
  </profiles>
</configuration>
`,
  'directory/default.xml': `<include>
  <domain name="example.net">
    <users>
      <user id="1000"><params><param name="password" value="$\${default_password}"/><param name="vm-password" value="vmPIN4711x"/></params></user>
      <user id="1001"><params><param name="password" value="Zz9"/></params></user>
    </users>
  </domain>
</include>
`,
};

function assertNoSecret(where: string, text: string): void {
  for (const s of SECRETS) expect(text.includes(s), `${where} shows the secret ${s}`).toBe(false);
}

function assertNoStockInMessages(where: string, messages: string[]): void {
  for (const m of messages) for (const s of STOCK) expect(new RegExp(`\\b${s}\\b`).test(m), `${where}: "${m}" shows ${s}`).toBe(false);
}

describe('no secret in any output format', () => {
  const dir = writeTree(SECRET_TREE, 'fsconf-secrets-');

  it('the tree really is full of findings about those passwords', () => {
    const r = fsconf(['lint', dir, '--format', 'json'], { cwd: dir });
    const rules = new Set((JSON.parse(r.stdout) as { rule: string }[]).map((f) => f.rule));
    for (const rule of ['directory/password-too-simple', 'directory/password-too-short', 'esl/default-password', 'xmlrpc/default-credentials'])
      expect(rules).toContain(rule);
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`fsconf lint --format ${format}`, () => {
      const r = fsconf(['lint', dir, '--format', format], { cwd: dir });
      expect([0, 1]).toContain(r.code);
      assertNoSecret(format, r.stdout + r.stderr);
      const messages =
        format === 'text'
          ? r.stdout.split('\n').filter((l) => / (error|warning|info) /.test(l))
          : format === 'json'
            ? (JSON.parse(r.stdout) as { message: string }[]).map((f) => f.message)
            : (JSON.parse(r.stdout) as { runs: { results: { message: { text: string } }[] }[] }).runs[0]!.results.map((x) => x.message.text);
      expect(messages.length).toBeGreaterThan(3);
      assertNoStockInMessages(format, messages);
    });
  }

  describe('language server', () => {
    let c: TestClient;
    beforeAll(async () => {
      c = new TestClient();
      await c.initialize(dir);
      await c.waitForAnalysis(0);
    });
    afterAll(async () => {
      await c.shutdown();
    });

    it('diagnostics (messages and related information) of every file', () => {
      expect(c.diagnostics.size).toBeGreaterThan(0);
      assertNoSecret('LSP diagnostics', JSON.stringify([...c.diagnostics.values()]));
      const messages = [...c.diagnostics.values()]
        .flat()
        .flatMap((d) => [typeof d.message === 'string' ? d.message : d.message.value, ...(d.relatedInformation ?? []).map((r) => r.message)]);
      assertNoStockInMessages('LSP diagnostics', messages);
    });

    it('hovers on every password value and on the variable that holds one', async () => {
      const texts: string[] = [];
      for (const [rel, needle] of [
        ['directory/default.xml', 'Zz9'],
        ['directory/default.xml', 'vmPIN4711x'],
        ['directory/default.xml', '$${default_password}'],
        ['autoload_configs/sofia.conf.xml', 'gwS3cretTrunk!'],
        ['autoload_configs/event_socket.conf.xml', 'ClueCon'],
        ['autoload_configs/amqp.conf.xml', 'amqpPa55word'],
        ['vars.xml', 'qwertyuiop'],
      ] as const) {
        const file = path.join(dir, rel);
        const text = fs.readFileSync(file, 'utf8');
        c.open(file, text);
        const h = await c.hover(file, positionOf(text, needle, 2));
        texts.push(JSON.stringify(h ?? ''));
      }
      assertNoSecret('LSP hover', texts.join('\n'));
    });

    it('fsconf.secretRanges covers every secret of every file (what the terminal UI masks)', async () => {
      const covered = new Set<string>();
      for (const rel of Object.keys(SECRET_TREE)) {
        const file = path.join(dir, rel);
        const text = fs.readFileSync(file, 'utf8');
        const ranges = await c.command<{ start: { line: number; character: number }; end: { line: number; character: number } }[]>('fsconf.secretRanges', {
          uri: uri(file),
          text,
        });
        const lines = text.split('\n');
        for (const r of ranges) {
          expect(r.start.line).toBe(r.end.line);
          covered.add(lines[r.start.line]!.slice(r.start.character, r.end.character));
        }
      }
      for (const s of [...SECRETS, ...STOCK]) expect(covered, `no range covers ${s}`).toContain(s);
      // names and non-secret values are never masked
      for (const s of ['acct', 'public', 'freeswitch', '0.0.0.0', 'mq.example.net', '$${default_password}']) expect(covered).not.toContain(s);
    });
  });
});

describe('no secret on the terminal UI screen (tmux, 80×24)', () => {
  const ready = (s: string) => /^fsconf\s/.test(s) && !s.split('\n')[0]!.includes('analysing') && /Problems \(\d+\)/.test(s);
  const selected = (s: string) => s.split('\n').find((l) => l.startsWith('❯')) ?? '';
  let tmux: Tmux | undefined;
  let tree: string | undefined;

  beforeAll(() => {
    requireTmux();
    for (const f of [CLI, LSP, path.join(REPO, 'tui', 'dist', 'main.js')]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run \`npx tsc -b\` first`);
  });
  afterAll(() => {
    tmux?.kill();
    if (tree) fs.rmSync(tree, { recursive: true, force: true });
  });

  it('Problems, the File view of the directory, sofia, event_socket and vars.xml, and the diff of password fixes', async () => {
    tree = writeTree(SECRET_TREE, 'fsconf-secrets-tui-');
    const before = Object.fromEntries(Object.keys(SECRET_TREE).map((rel) => [rel, fs.readFileSync(path.join(tree!, rel), 'utf8')]));
    const t = (tmux = new Tmux('secrets', path.join(tree, '.exit-status')));
    t.start([process.execPath, CLI, tree], {
      PATH: process.env.PATH ?? '',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      HOME: tree,
    });
    const screens: [string, string][] = [];
    const shot = (where: string, screen = t.capture()) => {
      screens.push([where, screen]);
      return screen;
    };

    shot('Problems', await t.waitFor(ready, 'the first full Problems view', 30000));

    const filterProblems = async (words: string) => {
      t.keys('/');
      await t.waitFor((s) => s.includes('enter keep filter'), 'the filter prompt');
      t.keys('C-u');
      t.text(words);
      t.keys('Enter');
      await t.waitFor((s) => new RegExp(`^/${words}\\s+\\(1 shown`, 'm').test(s), `the filter ${words}`);
      t.keys('j');
      return t.waitFor((s) => selected(s).includes('password is too'), 'the finding selected');
    };
    /** The File view of the open file at three horizontal scroll positions (long lines hide values on the right). */
    const fileScreens = async (rel: string) => {
      const title = new RegExp(`${rel.replace(/[.]/g, '\\.')}\\s+\\d+/\\d+`);
      shot(`File ${rel}`, await t.waitFor((s) => title.test(s) && / 1 │ /.test(s), `the File view of ${rel}`));
      for (const col of [49, 97]) {
        t.keys('l', 'l', 'l', 'l', 'l', 'l');
        shot(`File ${rel} from column ${col}`, await t.waitFor((s) => s.includes(`col ${col}+`), `${rel} scrolled to column ${col}`));
      }
      t.keys('0');
      return shot(`File ${rel}`, await t.waitFor((s) => title.test(s) && !/col \d+\+/.test(s), `${rel} back to column 1`));
    };
    const openFromFiles = async (words: string, rel: string) => {
      t.keys('BTab'); // File → Files
      await t.waitFor((s) => /Files \(\d+\)/.test(s) && !/ \d+ │ /.test(s), 'the Files view');
      t.keys('/');
      await t.waitFor((s) => /^\//m.test(s), 'the find prompt');
      t.keys('C-u');
      t.text(words);
      t.keys('Enter');
      const s = await t.waitFor((x) => x.split('\n').some((l) => l.includes(path.basename(rel))), `${rel} found`);
      const row = s.split('\n').findIndex((l) => l.includes(path.basename(rel)));
      const at = s.split('\n').findIndex((l) => l.startsWith('❯'));
      for (let i = at; i < row; i++) t.keys('j');
      await t.waitFor((x) => selected(x).includes(path.basename(rel)), `${rel} selected`);
      t.keys('Enter');
      return fileScreens(rel);
    };

    // directory/default.xml from its finding
    await filterProblems('password-too-simple');
    t.keys('Enter');
    let s = await fileScreens('directory/default.xml');
    expect(s).toContain('$${default_password}'); // a reference names the secret, it is not one
    expect(screens.some(([, x]) => x.includes('value="Z**"'))).toBe(true);
    expect(screens.some(([, x]) => x.includes('value="v*********"'))).toBe(true);

    s = await openFromFiles('sofia', 'autoload_configs/sofia.conf.xml');
    expect(s).toContain('<param name="password" value="g*************"/>');
    expect(s).toContain('<param name="username" value="acct"/>');
    s = await openFromFiles('event_socket', 'autoload_configs/event_socket.conf.xml');
    expect(s).toContain('<param name="password" value="C******"/>');
    s = await openFromFiles('vars', 'vars.xml');
    expect(s).toContain('default_password=q*********');

    // v reveals in the File view (the only way, with E, to read a secret on screen); v masks again
    t.keys('v');
    await t.waitFor((x) => x.includes('default_password=qwertyuiop') && x.includes('secrets shown'), 'the secrets revealed');
    t.keys('v');
    shot(
      'vars.xml masked again',
      await t.waitFor((x) => x.includes('default_password=q*********') && !x.includes('secrets shown'), 'the secrets masked again'),
    );

    // the diffs of password fixes: the old and the generated password are both masked
    t.keys('BTab'); // File → Files
    await t.waitFor((x) => /^\/vars/m.test(x), 'the Files view');
    t.keys('BTab'); // Files → Problems
    await t.waitFor((x) => /^\/password-too-simple/m.test(x), 'Problems');
    const fixDiff = async (words: string, action: RegExp, file: string) => {
      await filterProblems(words);
      t.keys('f');
      const pick = await t.waitFor((x) => x.includes(`fixes for directory/${words}`), 'the fixes');
      const line = pick.split('\n').find((l) => action.test(l));
      expect(line, `no action ${action} in\n${pick}`).toBeDefined();
      t.text(/(\d)\. /.exec(line!)![1]!);
      const diff = shot(`diff ${words}`, await t.waitFor((x) => x.includes('Apply this change?'), 'the diff'));
      expect(diff).toContain(file);
      t.keys('n');
      await t.waitFor((x) => !x.includes('Apply this change?'), 'the diff cancelled');
      return diff;
    };
    const short = await fixDiff('password-too-short', /Replace with a generated strong password/, 'directory/default.xml');
    expect(short).toMatch(/- .*<param name="password" value="Z\*\*"\/>/);
    expect(short).toMatch(/\+ .*<param name="password" value="[^"*]\*{7,}/);
    const shared = await fixDiff('password-too-simple', /Generate a strong password for \$\$\{default_password\}/, 'vars.xml');
    expect(shared).toMatch(/- .*data="default_password=q\*{9}"/);
    expect(shared).toMatch(/\+ .*data="default_password=[^"*]\*{7,}/);

    t.keys('q');
    expect(await t.exitCode()).toBe(0);
    for (const [where, screen] of screens) assertNoSecret(`TUI ${where}`, screen);
    // nothing was written
    for (const [rel, text] of Object.entries(before)) expect(fs.readFileSync(path.join(tree, rel), 'utf8'), rel).toBe(text);
  }, 120000);
});
