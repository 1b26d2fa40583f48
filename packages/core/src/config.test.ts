import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from './fs.js';
import { analyze } from './analysis.js';
import { defaultConfig, SETTING_DEFAULTS, validateConfig } from './config.js';

const tree = (yaml: string) =>
  new MemoryFileSystem({
    '/conf/freeswitch.xml': '<document>\n  <X-PRE-PROCESS cmd="inlcude" data="vars.xml"/>\n</document>\n',
    '/conf/.fsconf.yaml': yaml,
  });

describe('.fsconf.yaml', () => {
  it('turns a rule off or changes its severity', () => {
    expect(analyze(tree('rules: { "preprocess/unknown-cmd": off }\n'), { root: '/conf' }).findings.filter((f) => f.rule === 'preprocess/unknown-cmd')).toEqual(
      [],
    );
    const w = analyze(tree('rules:\n  preprocess/unknown-cmd: warning\n'), { root: '/conf' }).findings.find((f) => f.rule === 'preprocess/unknown-cmd');
    expect(w?.severity).toBe('warning');
  });

  it('a malformed file is reported on itself, at the bad key, and the defaults apply', () => {
    const a = analyze(tree('rules:\n  preprocess/unknown-cmd: loud\npasswords: { minimum: 0 }\nbogus: 1\n'), { root: '/conf' });
    const problems = a.findings.filter((f) => f.rule === 'config/fsconf-yaml');
    expect(problems.map((p) => `${p.range.start.line}:${p.range.start.character}`)).toEqual(['1:26', '2:22', '3:0']);
    expect(problems[0]!.message).toContain('"loud" is not a severity');
    expect(a.config.passwords.minimum).toBe(6);
    expect(a.findings.find((f) => f.rule === 'preprocess/unknown-cmd')?.severity).toBe('error');
  });

  it('invalid YAML is reported and does not stop the analysis', () => {
    const a = analyze(tree('rules: { a: [\n'), { root: '/conf' });
    expect(a.findings.some((f) => f.rule === 'config/fsconf-yaml' && f.message.includes('not valid YAML'))).toBe(true);
    expect(a.findings.some((f) => f.rule === 'preprocess/unknown-cmd')).toBe(true);
  });

  it('editor settings apply, and the YAML wins where both set a key', () => {
    const fs = tree('passwords: { minimum: 9 }\n');
    const a = analyze(fs, { root: '/conf', settings: { passwords: { minimum: 12, strength: 2 } } });
    expect(a.config.passwords).toMatchObject({ minimum: 9, strength: 2 });
  });
});

describe('suppression comments', () => {
  it('fsconf-disable-next-line and fsconf-disable (to end of file)', () => {
    const fs = new MemoryFileSystem({
      '/conf/freeswitch.xml': `<document>
  <!-- fsconf-disable-next-line preprocess/unknown-cmd -->
  <X-PRE-PROCESS cmd="inlcude" data="a.xml"/>
  <X-PRE-PROCESS cmd="inlcude" data="b.xml"/>
  <!-- fsconf-disable preprocess/unknown-cmd -->
  <X-PRE-PROCESS cmd="inlcude" data="c.xml"/>
</document>
`,
    });
    const lines = analyze(fs, { root: '/conf' })
      .findings.filter((f) => f.rule === 'preprocess/unknown-cmd')
      .map((f) => f.range.start.line + 1);
    expect(lines).toEqual([4]);
  });
});

describe('localNet and inlayHints settings', () => {
  it('a malformed localNet is refused with what to write and what it means for the tester', () => {
    const bad = validateConfig({ localNet: '192.168.1.10/24x' });
    expect(bad.config.localNet).toBeUndefined();
    expect(bad.problems).toEqual([
      { path: ['localNet'], message: '"192.168.1.10/24x" is not ip/bits or ip/mask (e.g. 192.168.1.10/24): localnet.auto and nat.auto stay unknown' },
    ]);
    expect(validateConfig({ localNet: '192.168.1.10/255.255.255.0' }).config.localNet).toBe('192.168.1.10/255.255.255.0');
  });

  it('inlayHints takes booleans per kind, and names an unknown kind', () => {
    expect(validateConfig({ inlayHints: { variables: false } }).config.inlayHints).toEqual({ variables: false });
    expect(validateConfig({ inlayHints: { colours: true } }).problems[0]!.message).toContain('unknown inlay hint kind "colours"');
  });
});

describe('one schema (settings-schema.ts)', () => {
  it('every object setting names a key it does not have, passwords and known included', () => {
    const r = validateConfig({ passwords: { minimum: 8, minimal: 9 }, known: { application: ['x'] } });
    expect(r.problems).toEqual([
      { path: ['passwords', 'minimal'], message: 'unknown key "minimal" (expected minimum or strength)' },
      { path: ['known', 'application'], message: 'unknown key "application" (expected applications or modules)' },
    ]);
    expect(r.config).toEqual({ passwords: { minimum: 8 }, known: {} });
  });

  it('a bad value is dropped, its neighbours apply; one string is a list of one', () => {
    const r = validateConfig({ passwords: { minimum: 0, strength: 2 }, profiles: { internal: 'lan*', external: [1] }, freeswitch: 1.1 });
    expect(r.config).toEqual({ passwords: { strength: 2 }, profiles: { internal: ['lan*'] }, freeswitch: '1.10' });
    expect(r.problems.map((p) => p.path.join('.'))).toEqual(['passwords.minimum', 'profiles.external']);
  });

  it('defaults come from the schema', () => {
    expect(defaultConfig()).toEqual({
      rules: {},
      profiles: { internal: ['internal*'], external: ['external*'] },
      passwords: { minimum: 6, strength: 3, source: 'default' },
      known: { applications: [], modules: [] },
      localNet: undefined,
      freeswitch: undefined,
      file: undefined,
    });
    expect(SETTING_DEFAULTS.inlayHints).toEqual({ variables: true, bitrates: true, arguments: true });
  });
});

describe('rule ids in rules: (.fsconf.yaml and editor settings alike)', () => {
  it('an unknown id is a problem with a did-you-mean at its key; a known one is not', () => {
    const r = validateConfig({ rules: { 'dialplan/unknown-ap': 'off', 'sofia/blind-reg': 'info', 'nothing/like-this-at-all': 'off' } });
    expect(r.problems).toEqual([
      { path: ['rules', 'dialplan/unknown-ap'], message: 'unknown rule id "dialplan/unknown-ap": did you mean dialplan/unknown-app?' },
      { path: ['rules', 'nothing/like-this-at-all'], message: 'unknown rule id "nothing/like-this-at-all" (RULES.md lists them)' },
    ]);
    expect(r.config.rules!['sofia/blind-reg']).toBe('info');
  });
});
