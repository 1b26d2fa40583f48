/**
 * One source of rule ids, through the real CLI (issue 18): a misspelled rule id in `.fsconf.yaml` is a
 * config/fsconf-yaml finding with a did-you-mean instead of a silent no-op, and SARIF describes every id a
 * finding can carry (cti.json's and .fsconf.yaml's included) from the rule list.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fsconf } from '../helpers.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsconf-ruleids-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const PROFILE =
  '<document type="freeswitch/xml">\n  <section name="configuration">\n    <configuration name="sofia.conf">\n      <profiles>\n        <profile name="internal">\n          <settings>\n            <param name="accept-blind-reg" value="true"/>\n            <param name="auth-calls" value="true"/>\n          </settings>\n        </profile>\n      </profiles>\n    </configuration>\n  </section>\n</document>\n';

describe('rule ids in .fsconf.yaml', () => {
  it('a misspelled id is reported at its key with a did-you-mean; the rule it meant still runs', () => {
    const dir = tree({ 'freeswitch.xml': PROFILE, '.fsconf.yaml': 'rules:\n  sofia/blind-regs: off\n' });
    try {
      const r = fsconf(['lint', dir, '--format', 'json'], { cwd: dir });
      const findings = JSON.parse(r.stdout) as { file: string; rule: string; message: string; line: number; column: number }[];
      const yaml = findings.find((f) => f.rule === 'config/fsconf-yaml');
      expect(yaml).toMatchObject({ file: '.fsconf.yaml', line: 2, column: 3 });
      expect(yaml!.message).toContain('unknown rule id "sofia/blind-regs": did you mean sofia/blind-reg?');
      expect(findings.some((f) => f.rule === 'sofia/blind-reg')).toBe(true);
      expect(r.code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a correct id is no problem (and turns its rule off)', () => {
    const dir = tree({ 'freeswitch.xml': PROFILE, '.fsconf.yaml': 'rules:\n  sofia/blind-reg: off\n' });
    try {
      const findings = JSON.parse(fsconf(['lint', dir, '--format', 'json'], { cwd: dir }).stdout) as { rule: string }[];
      expect(findings.filter((f) => f.rule === 'config/fsconf-yaml' || f.rule === 'sofia/blind-reg')).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SARIF rule descriptors', () => {
  it('a cti.json finding points at its descriptor, taken from the rule list', () => {
    const dir = tree({ 'freeswitch.xml': PROFILE, 'cti.json': '{ "password_minimum": 8, "pasword_strength": 2 }\n' });
    try {
      const sarif = JSON.parse(fsconf(['lint', dir, '--format', 'sarif'], { cwd: dir }).stdout) as {
        runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; ruleIndex?: number }[] }[];
      };
      const run = sarif.runs[0]!;
      const ids = run.tool.driver.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ['cti/invalid', 'cti/unknown-key', 'config/fsconf-yaml']) expect(ids).toContain(id);
      const cti = run.results.find((x) => x.ruleId === 'cti/unknown-key')!;
      expect(run.tool.driver.rules[cti.ruleIndex!]!.shortDescription.text).toBe('a cti.json key mod_cti does not read');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
