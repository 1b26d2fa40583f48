/**
 * Secrets never appear in full in any output: a tree full of weak and default passwords goes through
 * every output format — text, JSON, SARIF, the language server's diagnostics and hovers, and the
 * terminal UI's screen (test/tui) — and none of the passwords shows up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsconf } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';
import { positionOf, TestClient } from '../lsp/client.js';

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
  'autoload_configs/event_socket.conf.xml': '<configuration name="event_socket.conf">\n  <settings>\n    <param name="listen-ip" value="0.0.0.0"/>\n    <param name="password" value="ClueCon"/>\n    <param name="apply-inbound-acl" value="any_v4.auto"/>\n  </settings>\n</configuration>\n',
  'autoload_configs/xml_rpc.conf.xml': '<configuration name="xml_rpc.conf">\n  <settings>\n    <param name="auth-realm" value="freeswitch"/>\n    <param name="auth-user" value="freeswitch"/>\n    <param name="auth-pass" value="works"/>\n  </settings>\n</configuration>\n',
  'autoload_configs/amqp.conf.xml': '<configuration name="amqp.conf">\n  <producers>\n    <profile name="default">\n      <connections>\n        <connection name="primary">\n          <param name="hostname" value="mq.example.net"/>\n          <param name="password" value="amqpPa55word"/>\n        </connection>\n      </connections>\n    </profile>\n  </producers>\n</configuration>\n',
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
    for (const rule of ['directory/password-too-simple', 'directory/password-too-short', 'esl/default-password', 'xmlrpc/default-credentials']) expect(rules).toContain(rule);
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
      const messages = [...c.diagnostics.values()].flat().flatMap((d) => [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)]);
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
  });
});
