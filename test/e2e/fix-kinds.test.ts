/**
 * Fix kinds through the real CLI on FreeSWITCH's vanilla tree, as an operator runs it (issue 15):
 * `--fix` changes no secret and makes no choice; `--fix-credentials` says where each new secret is
 * and who must be told, on the line of the file that changed; a second `--fix` has nothing left to do.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, fsconf } from '../helpers.js';
import { writeTree } from '../fixtures/trees.js';
import { CALL_CENTER_TREE, PBX_TEMPLATE_TREE } from '../fixtures/fix-trees.js';

function vanilla(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsconf-vanilla-'));
  fs.cpSync(path.join(CORPUS, 'vanilla'), dir, { recursive: true });
  return dir;
}

describe('fsconf lint --fix on vanilla', () => {
  it('rotates no credential: vars.xml, event_socket and xml_rpc keep their passwords; the weak secrets are named with --fix-credentials', () => {
    const dir = vanilla();
    try {
      const vars = fs.readFileSync(path.join(dir, 'vars.xml'), 'utf8');
      const esl = fs.readFileSync(path.join(dir, 'autoload_configs/event_socket.conf.xml'), 'utf8');
      const rpc = fs.readFileSync(path.join(dir, 'autoload_configs/xml_rpc.conf.xml'), 'utf8');
      const r = fsconf(['lint', dir, '--fix'], { cwd: dir });
      expect(fs.readFileSync(path.join(dir, 'vars.xml'), 'utf8')).toBe(vars);
      expect(fs.readFileSync(path.join(dir, 'autoload_configs/event_socket.conf.xml'), 'utf8')).toBe(esl);
      expect(fs.readFileSync(path.join(dir, 'autoload_configs/xml_rpc.conf.xml'), 'utf8')).toBe(rpc);
      expect(r.stderr).toMatch(/weak secrets?: --fix-credentials replaces them/);
      // what it did fix is safe: only log-auth-failures was inserted
      for (const l of r.stderr.split('\n').filter((x) => x.startsWith('fixed ')))
        expect(l).toMatch(/sofia\/auth-failures-not-logged: Insert log-auth-failures=true/);
      // a fixpoint: nothing safe is left for a second run
      const again = fsconf(['lint', dir, '--fix'], { cwd: dir });
      expect(again.stderr.split('\n').filter((x) => x.startsWith('fixed '))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--fix-credentials: the log names vars.xml:15 (the line that changed, not the finding's line in a user file), the 20 users, the provider and fs_cli — never a secret", () => {
    const dir = vanilla();
    try {
      const r = fsconf(['lint', dir, '--fix-credentials'], { cwd: dir });
      const err = r.stderr;
      expect(err).toMatch(/fixed \S*\/vars\.xml:15 directory\/password-too-short: Generate a strong password for \$\$\{default_password\}/);
      expect(err).toMatch(
        /new secret at \S*\/vars\.xml:15 \(\$\$\{default_password\}\); update: 2\d directory users share \$\$\{default_password\} \(1000, 1001, 1002, 1003, 1004, …\): re-provision their phones/,
      );
      expect(err).toMatch(
        /new secret at \S*\/vars\.xml:379 \(\$\$\{default_provider_password\}\); update: .*gateway example\.com: the provider must be given the same password/,
      );
      expect(err).toMatch(/new secret at \S*\/event_socket\.conf\.xml:6; update: fs_cli and every event-socket client/);
      const vars = fs.readFileSync(path.join(dir, 'vars.xml'), 'utf8');
      const pw = /data="default_password=([^"]+)"/.exec(vars)![1]!;
      expect(pw).not.toBe('1234');
      expect(err + r.stdout).not.toContain(pw);
      expect(fs.readFileSync(path.join(dir, 'vars.xml.bak'), 'utf8')).toContain('default_password=1234');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fsconf lint --fix-credentials: who must be told', () => {
  it('event_socket took $${default_password} and gets its own new password in the same pass: the default_password notice no longer names fs_cli', () => {
    const dir = writeTree({
      'freeswitch.xml': `<?xml version="1.0"?>
<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration">
    <configuration name="event_socket.conf">
      <settings>
        <param name="listen-ip" value="::"/>
        <param name="password" value="$\${default_password}"/>
      </settings>
    </configuration>
  </section>
  <section name="directory">
    <domain name="example.com">
      <groups><group name="default"><users>
        <user id="100"><params><param name="password" value="$\${default_password}"/></params></user>
        <user id="101"><params><param name="password" value="$\${default_password}"/></params></user>
      </users></group></groups>
    </domain>
  </section>
</document>
`,
      'vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="default_password=1234"/>
</include>
`,
    });
    try {
      const err = fsconf(['lint', dir, '--fix-credentials', '--no-backup'], { cwd: dir }).stderr;
      expect(err).toMatch(/new secret at \S*freeswitch\.xml:8; update: fs_cli and every event-socket client/);
      const vars = err.split('\n').find((l) => l.includes('new secret at') && l.includes('vars.xml'));
      expect(vars).toMatch(/update: 2 directory users share \$\$\{default_password\} \(100, 101\): re-provision their phones with the new password$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("fsconf lint --fix on the issue's trees", () => {
  it('a call-center image: no did-you-mean, context or ACL is applied, only the safe fixes (swap min/max, drop inline)', () => {
    const dir = writeTree(CALL_CENTER_TREE);
    const r = fsconf(['lint', dir, '--fix', '--no-backup'], { cwd: dir });
    const modules = fs.readFileSync(path.join(dir, 'autoload_configs/modules.conf.xml'), 'utf8');
    expect(modules).toBe(CALL_CENTER_TREE['autoload_configs/modules.conf.xml']);
    expect(fs.readFileSync(path.join(dir, 'sip_profiles/external.xml'), 'utf8')).toContain('<param name="context" value="default"/>');
    const dp = fs.readFileSync(path.join(dir, 'dialplan/default.xml'), 'utf8');
    expect(dp).toContain('data="3 5 ivr/enter.wav digits 5000 #"');
    expect(dp).toContain('<action application="answer"/>');
    expect(dp).toContain('destination_numbr');
    expect(r.stderr).toMatch(/findings? left with fixes a person must pick/);
  });

  it('a PBX template: the commented directive that decides the TLS port is left for a person (its removal moves 5061 → 5081)', () => {
    const dir = writeTree(PBX_TEMPLATE_TREE);
    const r = fsconf(['lint', dir, '--fix', '--no-backup'], { cwd: dir });
    const vars = fs.readFileSync(path.join(dir, 'vars.xml'), 'utf8');
    expect(vars).toContain('external_tls_port=5061');
    // the harmless one (nothing uses unused_var) is removed, whole
    expect(vars).not.toContain('unused_var');
    expect(vars).toContain('<!--\n  -->');
    expect(fs.readFileSync(path.join(dir, 'sip_profiles/external.xml'), 'utf8')).toContain('value="PBX &amp; Co"');
    expect(r.stderr).toMatch(/fixed \S*\/vars\.xml:7 preprocess\/commented-directive: Delete the directive \(no value changes\)/);
  });
});
