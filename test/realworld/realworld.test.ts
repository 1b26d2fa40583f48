/**
 * Real-world shaped trees through the real CLI (`fsconf lint --format json`): what each must show, and
 * regression checks for the findings real switches called false (issue 16).
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, fsconf, type JsonFinding } from '../helpers.js';

const TREES = path.join(REPO, 'test', 'realworld');

function lint(dir: string): (JsonFinding & { cause?: { file: string; line: number; message: string } })[] {
  const r = fsconf(['lint', dir, '--format', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}
const at = (fs: JsonFinding[], rule: string) => fs.filter((f) => f.rule === rule).map((f) => `${f.file.split('/').slice(-2).join('/')}:${f.line}`);

describe('a 1.10.12 call-center tree', () => {
  const findings = lint(path.join(TREES, 'callcenter-110'));

  it('mod_rayo, mod_ssml and the rayo application are real FreeSWITCH (1.10) — no "no FreeSWITCH module"', () => {
    expect(at(findings, 'modules/unknown-module')).toEqual([]);
    expect(at(findings, 'dialplan/unknown-app')).toEqual([]);
  });

  it("mod_rayo's <users> are not SIP users: no directory/empty-password or password rule fires in rayo.conf", () => {
    expect(findings.filter((f) => f.file.endsWith('rayo.conf.xml') && f.rule.startsWith('directory/'))).toEqual([]);
  });

  it('$${env(ESL_PASSWORD)} expands to "" → ClueCon on 0.0.0.0: an esl/weak-password error, and undefined-var says there is no env()', () => {
    const esl = findings.find((f) => f.rule === 'esl/weak-password')!;
    expect(esl.severity).toBe('error');
    expect(esl.message).toContain('there is no env() or other function inside $${}');
    expect(findings.find((f) => f.rule === 'preprocess/undefined-var')!.message).toContain('there is no env() inside $${}');
  });

  it('the profile named "public" (auth-calls=false, context=public, no inbound ACL) is found; no mod_cti wording without mod_cti', () => {
    const pub = findings.filter((f) => f.file.endsWith('public.xml'));
    expect(pub.map((f) => f.rule)).toContain('sofia/external-inbound-acl');
    expect(pub.find((f) => f.rule === 'sofia/external-inbound-acl')!.message).toContain(
      'takes calls without a password (auth-calls is off) from any address; they land in context "public"',
    );
    expect(findings.filter((f) => /refuse load|mod_cti/.test(f.message))).toEqual([]);
  });

  it('an unknown inbound ACL on an auth-calls=true profile falls back to digest (not "silently denies everything")', () => {
    const u = findings.find((f) => f.rule === 'acl/unknown-list')!;
    expect(u.message).toContain('with auth-calls=true every call falls back to digest authentication');
    expect(u.message).not.toContain('silently denies everything');
  });

  it('a directive split over two lines in a comment: one info saying "join the lines", no "still runs"', () => {
    const vars = findings.filter((f) => f.file.endsWith('vars.xml') && f.line === 8);
    expect(vars.map((f) => [f.rule, f.severity])).toEqual([['preprocess/malformed', 'info']]);
    expect(vars[0]!.message).toContain('join the lines');
  });

  it('the checks the tree needed: duplicate param (not the accumulated apply-inbound-acl), duplicate load, action outside condition, ext-sip-ip 0.0.0.0, sip-trace, placeholder rayo password, open rayo listener', () => {
    expect(at(findings, 'sofia/duplicate-param')).toEqual(['sip_profiles/agents.xml:9']);
    expect(at(findings, 'modules/duplicate-load')).toEqual(['autoload_configs/modules.conf.xml:12']);
    expect(at(findings, 'dialplan/action-outside-condition')).toEqual(['dialplan/agents.xml:4']);
    expect(at(findings, 'sofia/ext-ip-any')).toEqual(['sip_profiles/agents.xml:10']);
    expect(at(findings, 'sofia/sip-trace')).toEqual(['sip_profiles/agents.xml:11']);
    expect(at(findings, 'config/committed-secret')).toEqual(['callcenter-110/vars.xml:5']); // mod_rayo_password=secret; db_password=$${…} is not one
    expect(at(findings, 'rayo/open-listener')).toEqual(['autoload_configs/rayo.conf.xml:6']);
  });

  it('with freeswitch: master in .fsconf.yaml the 1.10-only modules and application are reported as removed in 1.11', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fsconf-rw-'));
    try {
      cpSync(path.join(TREES, 'callcenter-110'), path.join(dir, 'conf'), { recursive: true });
      writeFileSync(path.join(dir, 'conf', '.fsconf.yaml'), 'freeswitch: master\n');
      const m = lint(path.join(dir, 'conf'));
      expect(at(m, 'modules/unknown-module')).toEqual(['autoload_configs/modules.conf.xml:9', 'autoload_configs/modules.conf.xml:10']);
      expect(m.find((f) => f.rule === 'dialplan/unknown-app')!.message).toContain('removed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a FusionPBX-style tree', () => {
  const findings = lint(path.join(TREES, 'fusionpbx'));

  it('enabled="false" is explained: FreeSWITCH never reads it, the param is active', () => {
    const blind = findings.find((f) => f.rule === 'sofia/blind-reg')!;
    expect(blind.message).toContain('enabled="false", a FusionPBX attribute FreeSWITCH never reads: it is active here');
  });

  it('a context the dialplan lacks, a placeholder database password, a var set twice, json_cdr delay in ms; an empty db_password is no committed secret', () => {
    expect(at(findings, 'sofia/undefined-context')).toEqual(['sip_profiles/internal.xml:4']);
    expect(at(findings, 'config/committed-secret')).toEqual(['fusionpbx/vars.xml:3']);
    expect(at(findings, 'preprocess/duplicate-set')).toEqual(['fusionpbx/vars.xml:5']);
    expect(at(findings, 'json_cdr/delay-seconds')).toEqual(['autoload_configs/json_cdr.conf.xml:5']);
    // an external profile with an inbound ACL is not open to anyone
    expect(at(findings, 'sofia/external-inbound-acl')).toEqual([]);
  });
});

describe('a switch with mod_cti', () => {
  const findings = lint(path.join(TREES, 'cti-pbx'));

  it("mod_cti's refusal is worded as mod_cti's, as an error", () => {
    const f = findings.find((x) => x.rule === 'sofia/external-inbound-acl')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('mod_cti refuses to load this profile');
  });

  it('a register ACL open to the internet is one finding, not two at the same place', () => {
    const here = findings.filter((f) => f.file.endsWith('internal.xml') && f.line === 4);
    expect(here.map((f) => f.rule)).toEqual(['acl/allows-internet']);
  });
});

describe('findings grouped by cause', () => {
  it('vanilla: the 21 users inheriting $${default_password} carry cause vars.xml:15 (JSON), and the text output prints them once', () => {
    const vanilla = path.join(REPO, 'test', 'corpus', 'freeswitch', 'vanilla');
    const json = lint(vanilla).filter((f) => f.rule === 'directory/password-too-short');
    expect(json.length).toBe(21);
    expect(new Set(json.map((f) => `${f.cause?.file}:${f.cause?.line}`))).toEqual(new Set([`${path.relative(REPO, vanilla)}/vars.xml:15`]));
    const text = fsconf(['lint', vanilla]).stdout;
    expect(text).toContain('21 users share the weak $${default_password} set at vars.xml:15');
    expect(text.match(/directory\/password-too-short/g)?.length).toBe(1);
    const sarif = JSON.parse(fsconf(['lint', vanilla, '--format', 'sarif']).stdout);
    const r = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'directory/password-too-short');
    expect(r.relatedLocations.some((l: { message: { text: string } }) => l.message.text.startsWith('cause: the weak $${default_password}'))).toBe(true);
  });
});
