import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, fsconf, type JsonFinding } from '../helpers.js';
import { HARDENED_TREE, INSECURE_TREE, writeTree } from '../fixtures/trees.js';

const lint = (dir: string, extra: string[] = []) => {
  const r = fsconf(['lint', dir, '--format', 'json', ...extra], { cwd: dir });
  return { ...r, findings: JSON.parse(r.stdout || '[]') as JsonFinding[] };
};
const at = (fs: JsonFinding[], rule: string) =>
  fs
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file}:${f.line}`)
    .sort();

describe("security rules on FreeSWITCH's vanilla tree", () => {
  const vanilla = path.join(CORPUS, 'vanilla');
  const { findings } = lint(vanilla);

  it('default_password=1234 at vars.xml:15', () => {
    expect(at(findings, 'directory/default-password')).toEqual(['vars.xml:15']);
  });
  it('too short for users 1000–1019 and brian.xml:46 (not the commented line 19)', () => {
    const expected = [...Array.from({ length: 20 }, (_, i) => `directory/default/${1000 + i}.xml:4`), 'directory/default/brian.xml:46'].sort();
    expect(at(findings, 'directory/password-too-short')).toEqual(expected);
  });
  it('too simple at example.com.xml:22, not the gateway password at line 10', () => {
    expect(at(findings, 'directory/password-too-simple')).toEqual(['directory/default/example.com.xml:22']);
  });
  it('external-inbound-acl on external.xml and external-ipv6.xml; no internal-auth-calls', () => {
    expect(at(findings, 'sofia/external-inbound-acl')).toEqual(['sip_profiles/external-ipv6.xml:19', 'sip_profiles/external.xml:19'].sort());
    expect(at(findings, 'sofia/internal-auth-calls')).toEqual([]);
  });
  it('esl/default-password is a warning (ACL defaults to loopback.auto), no esl/open-acl', () => {
    const esl = findings.filter((f) => f.rule.startsWith('esl/'));
    expect(esl.map((f) => `${f.rule} ${f.severity}`)).toEqual(['esl/default-password warning']);
  });
  it('no password appears in full in any message', () => {
    for (const f of findings.filter((x) => x.rule.startsWith('directory/') || x.rule.startsWith('esl/') || x.rule.startsWith('xmlrpc/'))) {
      expect(f.message).not.toMatch(/"1234"|ClueCon|"works"/);
    }
  });
});

describe('an insecure tree: every mod_cti refusal reported, and `fsconf lint --fix` clears them', () => {
  it('reports each one', () => {
    const dir = writeTree(INSECURE_TREE);
    const { findings, code } = lint(dir);
    expect(code).toBe(1);
    const rules = new Set(findings.map((f) => f.rule));
    for (const r of [
      'sofia/internal-auth-calls',
      'sofia/external-context',
      'sofia/external-inbound-acl',
      'directory/password-too-short',
      'directory/password-too-simple',
    ])
      expect(rules).toContain(r);
    expect(findings.find((f) => f.rule === 'sofia/internal-auth-calls')!.message).toContain('sofia_profile:internal auth-calls not true refuse load');
    expect(findings.find((f) => f.rule === 'sofia/external-context')!.message).toContain('sofia_profile:external context:default refuse load');
    expect(findings.find((f) => f.rule === 'sofia/external-inbound-acl')!.message).toContain('sofia_profile:external apply-inbound-acl is empty refuse load');
    // cti.json minimum 8: "abcdefgh" is long enough but too simple, "1234" too short
    expect(at(findings, 'directory/password-too-short')).toEqual(['directory/default.xml:9']);
    expect(at(findings, 'directory/password-too-simple')).toEqual(['directory/default.xml:14']);
  });

  it('--fix changes no choice and no secret: auth-calls, context and the inbound ACL wait for a person, passwords for --fix-credentials', () => {
    const dir = writeTree(INSECURE_TREE);
    const r = fsconf(['lint', dir, '--fix', '--format', 'json'], { cwd: dir });
    const after = JSON.parse(r.stdout) as JsonFinding[];
    for (const rule of [
      'sofia/internal-auth-calls',
      'sofia/external-context',
      'sofia/external-inbound-acl',
      'directory/password-too-short',
      'directory/password-too-simple',
    ]) {
      expect(at(after, rule).length, rule).toBeGreaterThan(0);
    }
    expect(fs.readFileSync(path.join(dir, 'vars.xml'), 'utf8')).toBe(INSECURE_TREE['vars.xml']);
    expect(fs.readFileSync(path.join(dir, 'directory/default.xml'), 'utf8')).toBe(INSECURE_TREE['directory/default.xml']);
    expect(r.stderr).toMatch(/left with fixes a person must pick .*--fix-credentials replaces them/);
  });

  it('--fix-credentials replaces the weak passwords atomically, keeps .bak and mode, and says where the new secret is, never what', () => {
    const dir = writeTree(INSECURE_TREE);
    fs.chmodSync(path.join(dir, 'directory/default.xml'), 0o640);
    const r = fsconf(['lint', dir, '--fix-credentials', '--format', 'json'], { cwd: dir });
    const after = JSON.parse(r.stdout) as JsonFinding[];
    for (const rule of ['directory/password-too-short', 'directory/password-too-simple']) expect(at(after, rule), rule).toEqual([]);
    expect(r.stderr).toMatch(/new secret at \S*directory\/default\.xml:9; update: directory user \S+: re-provision its phone/);
    expect(fs.existsSync(path.join(dir, 'directory/default.xml.bak'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'directory/default.xml.bak'), 'utf8')).toBe(INSECURE_TREE['directory/default.xml']);
    expect(fs.statSync(path.join(dir, 'directory/default.xml')).mode & 0o777).toBe(0o640);
    const text = fs.readFileSync(path.join(dir, 'directory/default.xml'), 'utf8');
    expect(text).not.toContain('"1234"');
    expect(text).not.toContain('"abcdefgh"');
    // the generated password is not printed
    const pw = /name="password" value="([^"]+)"/.exec(text)![1]!;
    expect(r.stdout + r.stderr).not.toContain(pw);
  });
});

describe('a hardened tree', () => {
  it('gives zero errors and zero warnings (guard against false alarms)', () => {
    const dir = writeTree(HARDENED_TREE);
    const { findings, code } = lint(dir);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(code).toBe(0);
  });
});
