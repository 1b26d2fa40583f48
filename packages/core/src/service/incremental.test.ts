import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fs from 'node:fs';
import { CORPUS_DIR } from '../testing/paths.js';
import { FsconfWorkspace, OverlayFileSystem } from './workspace.js';
import { NodeFileSystem } from '../host/node-fs.js';
import { analyze, newRuleCache } from '../analysis.js';
import { newModelCache } from '../model.js';
import type { Finding, Rule } from '../rules/types.js';

const VANILLA = `${CORPUS_DIR}/vanilla`;
const key = (f: Finding) =>
  `${f.file}:${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.rule} ${f.message}`;
const flat = (m: Map<string, Finding[]>) => [...m.values()].flat().map(key).sort();

describe('incremental re-analysis (parse, model and rule caches) equals a fresh analysis', () => {
  it('after edits to a dialplan, vars.xml and a user file, and after undoing them', () => {
    const ws = new FsconfWorkspace(new NodeFileSystem(), VANILLA);
    ws.analysis();
    const dp = `${VANILLA}/dialplan/default.xml`;
    const vars = `${VANILLA}/vars.xml`;
    const user = `${VANILLA}/directory/default/1000.xml`;
    const dpText = fs.readFileSync(dp, 'utf8');
    const varsText = fs.readFileSync(vars, 'utf8');
    const userText = fs.readFileSync(user, 'utf8');
    const steps: [string, string][] = [
      [
        dp,
        dpText.replace(
          '<extension name="unloop">',
          '<extension name="unloop"><condition field="destination_numbr" expression="^(1"><action application="playbak" data="$2"/></condition>',
        ),
      ],
      [vars, varsText.replace('default_password=1234', 'default_password=Str0ng.Pass-word')],
      [user, userText.replace('$${default_password}', 'abc')],
      [dp, dpText],
      [vars, varsText],
      [user, userText],
    ];
    ws.open(dp, dpText);
    ws.open(vars, varsText);
    ws.open(user, userText);
    for (const [path, text] of steps) {
      ws.change(path, text);
      const incremental = flat(ws.diagnostics());
      const fresh = analyze(ws.fs, { root: VANILLA, files: [dp, vars, user] });
      expect(incremental).toEqual(fresh.findings.map(key).sort());
    }
  });
});

describe('incremental re-analysis on random edit sequences equals a fresh analysis', () => {
  // edits of users, group and domain params (inherited passwords), dialplans, profiles, ACLs and vars
  const FILES = [
    'dialplan/default.xml',
    'dialplan/public.xml',
    'directory/default.xml',
    'directory/default/1000.xml',
    'directory/default/1001.xml',
    'sip_profiles/internal.xml',
    'autoload_configs/acl.conf.xml',
    'vars.xml',
  ].map((f) => `${VANILLA}/${f}`);
  const SNIPPETS = [
    '\n',
    '\n\n\n',
    ' ',
    '<action application="playbak" data="$2"/>',
    '<condition field="destination_numbr" expression="^(1"><action application="bridge" data="sofia/gateway/nope/$1"/></condition>',
    '<extension name="x"><condition field="destination_number" expression="^1$"><action application="transfer" data="1 XML nowhere" inline="true"/></condition></extension>',
    '<param name="auth-calls" value="false"/>',
    '<param name="password" value="1"/>',
    '<param name="vm-password" value="1000"/>',
    '<user id="1000"><params><param name="password" value=""/></params></user>',
    '<action application="check_acl" data="${network_addr} nolist"/>',
    '<node type="allow" cidr="10.0.0.0/33"/>',
    '<X-PRE-PROCESS cmd="set" data="default_password=abc"/>',
    '$${undefined_thing}',
    '<',
    '"',
    '</condition>',
  ];
  const edit = fc.record({
    file: fc.nat(FILES.length - 1),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    del: fc.oneof(fc.constant(0), fc.nat(40)),
    ins: fc.constantFrom(...SNIPPETS),
  });
  it('dialplan, directory, sofia, acl and vars edits, one after another (fixed seed)', () => {
    const texts = FILES.map((f) => fs.readFileSync(f, 'utf8'));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const ws = new FsconfWorkspace(new NodeFileSystem(), VANILLA);
        const now = [...texts];
        for (const [i, f] of FILES.entries()) ws.open(f, now[i]!);
        ws.analysis();
        for (const e of edits) {
          const old = now[e.file]!;
          // edits land at line starts more often than not: that is where extensions and params begin
          let at = Math.floor(e.at * old.length);
          const nl = old.lastIndexOf('\n', at);
          if (e.del % 2 === 0 && nl >= 0) at = nl + 1;
          now[e.file] = old.slice(0, at) + e.ins + old.slice(Math.min(old.length, at + e.del));
          ws.change(FILES[e.file]!, now[e.file]!);
          const incremental = flat(ws.diagnostics());
          const fresh = analyze(ws.fs, { root: VANILLA, files: FILES });
          expect(incremental).toEqual(fresh.findings.map(key).sort());
        }
      }),
      { seed: 4242, numRuns: Number(process.env.FSCONF_FUZZ_RUNS ?? 30) },
    );
  }, 900_000);
});

describe('what an edit makes the rules do again', () => {
  const dp = `${VANILLA}/dialplan/default.xml`;
  const user = `${VANILLA}/directory/default/1000.xml`;
  const seen = { users: 0, extensions: [] as string[] };
  const usersRule: Rule = {
    meta: { id: 'test/users', severity: 'info', description: 'counts users', fixable: false, reads: ['user', 'param', 'params'] },
    check(ctx) {
      seen.users++;
      for (const u of ctx.model.users)
        if (u.id === '1000') ctx.report({ doc: u.node.doc, start: u.node.el.start, end: u.node.el.start + 5, message: 'user 1000' });
    },
  };
  const extensionsRule: Rule = {
    meta: { id: 'test/extensions', severity: 'info', description: 'names extensions', fixable: false, scope: 'extension' },
    check(ctx) {
      for (const e of ctx.model.extensions) {
        seen.extensions.push(e.name);
        if (e.name === 'echo') ctx.report({ doc: e.node.doc, start: e.node.el.start, end: e.node.el.start + 10, message: 'echo' });
      }
    },
  };
  it('a dialplan edit re-checks only the edited extension and keeps the directory findings; findings move with the text', () => {
    const fsys = new OverlayFileSystem(new NodeFileSystem());
    const caches = { cache: new Map(), modelCache: newModelCache(), ruleCache: newRuleCache() };
    const run = () => analyze(fsys, { root: VANILLA, rules: [usersRule, extensionsRule], ...caches });
    const dpText = fs.readFileSync(dp, 'utf8');
    const first = run();
    expect(seen.users).toBe(1);
    expect(seen.extensions.length).toBe(first.model.extensions.length);
    const echoLine = first.findings.find((f) => f.message === 'echo')!.range.start.line;

    // two new lines in the first extension: only it is checked again; echo's finding moves down two lines
    seen.extensions = [];
    fsys.overlays.set(dp, dpText.replace('<extension name="unloop">', '<extension name="unloop">\n\n'));
    const second = run();
    expect(seen.extensions).toEqual(['unloop']);
    expect(seen.users).toBe(1);
    expect(second.findings.find((f) => f.message === 'echo')!.range.start.line).toBe(echoLine + 2);
    expect(second.findings.filter((f) => f.message === 'user 1000')).toEqual(first.findings.filter((f) => f.message === 'user 1000'));

    // a directory edit runs the users rule again, not the extension rule
    seen.extensions = [];
    fsys.overlays.set(user, fs.readFileSync(user, 'utf8').replace('<user id="1000">', '<user id="1000" >'));
    run();
    expect(seen.users).toBe(2);
    expect(seen.extensions).toEqual([]);
  });
});

describe('a user whose inherited params change is checked again', () => {
  it("a password set (or weakened) in the domain's params reaches the users without their own", () => {
    const dir = `${VANILLA}/directory/default.xml`;
    const text = fs.readFileSync(dir, 'utf8');
    const ws = new FsconfWorkspace(new NodeFileSystem(), VANILLA);
    ws.open(dir, text);
    const findings = () => [...ws.diagnostics().values()].flat();
    const emptyFor = (id: string) => findings().filter((f) => f.rule === 'directory/empty-password' && f.message.startsWith(`user ${id} `));
    expect(emptyFor('default')).toHaveLength(1);
    const steps = [
      text.replace('<params>', '<params>\n      <param name="password" value="Str0ng.Passw0rd-x"/>'),
      text.replace('<params>', '<params>\n      <param name="password" value="1"/>'),
      text,
    ];
    const expected = [0, 0, 1];
    for (const [i, t] of steps.entries()) {
      ws.change(dir, t);
      expect(emptyFor('default')).toHaveLength(expected[i]!);
      const fresh = analyze(ws.fs, { root: VANILLA, files: [dir] });
      expect(findings().map(key).sort()).toEqual(fresh.findings.map(key).sort());
    }
  });
});

describe('a structural edit re-checks everything', () => {
  it('turning the dialplan section into a chatplan drops the dialplan findings of files it includes', () => {
    const root = `${VANILLA}/freeswitch.xml`;
    const text = fs.readFileSync(root, 'utf8');
    const ws = new FsconfWorkspace(new NodeFileSystem(), VANILLA);
    ws.open(root, text);
    const dialplanFindings = () => [...ws.diagnostics().values()].flat().filter((f) => f.rule.startsWith('dialplan/'));
    expect(dialplanFindings().length).toBeGreaterThan(0);
    ws.change(root, text.replace('<section name="dialplan"', '<section name="chatplan"'));
    expect(dialplanFindings()).toEqual([]);
    ws.change(root, text);
    const fresh = analyze(ws.fs, { root: VANILLA, files: [root] });
    expect([...ws.diagnostics().values()].flat().map(key).sort()).toEqual(fresh.findings.map(key).sort());
  });
});
