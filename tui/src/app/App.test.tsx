import { describe, expect, it } from 'vitest';
import { ACL, INTERNAL, KEYS, VARS, diag, loadedTree, setup, tick, uri } from '../testing/harness.js';
import { makeTheme } from '../ui/theme.js';

const FILES = { 'sip_profiles/internal.xml': INTERNAL, 'vars.xml': VARS, 'autoload_configs/acl.conf.xml': ACL, 'freeswitch.xml': '<document/>\n' };

function lines(frame: string) {
  return frame.split('\n');
}

describe('start and header', () => {
  it('shows a spinner until fsconf/analysisDone, then the counts from the diagnostics it received', async () => {
    const h = setup({ files: FILES });
    await tick(10);
    expect(h.client.started).toBe(true);
    expect(h.frame()).toContain('analysing');
    h.client.publish(uri('vars.xml'), [diag(1, 21, 25, 1, 'preprocess/unknown-cmd', 'bad cmd')]);
    await h.waitFor((f) => f.includes('1 error'));
    expect(h.frame()).toContain('analysing');
    // the summary's numbers are not trusted: the header counts what was published
    h.client.done({ errors: 99 });
    await h.waitFor((f) => !f.includes('analysing'));
    expect(lines(h.frame())[0]).toMatch(/✖ 1 error\s+⚠ 0 warnings\s+ℹ 0 infos/);
    h.unmount();
  });

  it('fits 80×24 exactly', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    const l = lines(h.frame());
    expect(l.length).toBe(24);
    for (const x of l) expect(x.length).toBeLessThanOrEqual(80);
    h.unmount();
  });

  it('redraws at a new size', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    h.rerender({ columns: 100, rows: 30 });
    await tick(20);
    expect(lines(h.frame()).length).toBe(30);
    h.rerender({ columns: 80, rows: 24 });
    await tick(20);
    const l = lines(h.frame());
    expect(l.length).toBe(24);
    for (const x of l) expect(x.length).toBeLessThanOrEqual(80);
    h.unmount();
  });

  it('shows the start notice (e.g. the bundled example) in the status line', async () => {
    const h = setup({ files: FILES, notice: { level: 'info', message: 'showing the bundled example' } });
    await tick(10);
    expect(lines(h.frame())[22]).toContain('showing the bundled example');
    h.unmount();
  });

  it('uses ASCII symbols on a non-UTF-8 terminal', async () => {
    const h = setup({ files: FILES, theme: makeTheme({ unicode: false, color: false }) });
    await loadedTree(h);
    expect(h.frame()).toContain('E 2 errors');
    // eslint-disable-next-line no-control-regex -- ASCII is every code unit from NUL to DEL
    expect(h.frame()).toMatch(/^[\x00-\x7f]*$/);
    h.unmount();
  });

  it('reports a server crash in the status line', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    h.client.emit({ type: 'status', level: 'warning', message: 'the language server stopped (exit code 1); restarted it' });
    h.client.emit({ type: 'reset' });
    await h.waitFor((f) => f.includes('restarted it') && f.includes('analysing'));
    expect(h.frame()).not.toMatch(/at \S+ \(/); // no stack trace
    h.unmount();
  });
});

describe('Problems', () => {
  it('groups by file, worst first, and sorts by severity inside a file', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    const l = lines(h.frame());
    const at = (s: string) => l.findIndex((x) => x.includes(s));
    expect(at('sip_profiles/internal.xml')).toBeLessThan(at('auth-calls not true'));
    expect(at('auth-calls not true')).toBeLessThan(at('does not log'));
    expect(at('vars.xml')).toBeGreaterThan(at('does not log'));
    expect(at('acl.conf.xml')).toBeGreaterThan(at('vars.xml')); // warnings-only file after error files
    expect(h.frame()).not.toContain('freeswitch.xml'); // clean files are not listed
    h.unmount();
  });

  it('moves with j/k (a burst of keys moves once per key) and shows the selected rule', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press('jjj');
    expect(h.frame()).toMatch(/❯ vars\.xml/);
    await h.press('j');
    expect(h.frame()).toContain('preprocess/unknown-cmd');
    await h.press('g');
    expect(h.frame()).toMatch(/❯ sip_profiles\/internal\.xml/);
    await h.press('G');
    expect(h.frame()).toContain('acl/host-bits');
    await h.press('k', KEYS.up);
    expect(h.frame()).toContain('preprocess/unknown-cmd');
    h.unmount();
  });

  it('filters with / and toggles severities with 1/2/3', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press('/');
    await h.type('host');
    let f = h.frame();
    expect(f).toContain('the address has host bits set');
    expect(f).not.toContain('auth-calls not true');
    // q types into the filter instead of quitting
    await h.type('q');
    expect(h.exits).toEqual([]);
    await h.press(KEYS.backspace, KEYS.enter);
    await h.press(KEYS.escape);
    f = h.frame();
    expect(f).toContain('auth-calls not true');
    await h.press('1');
    f = h.frame();
    expect(f).not.toContain('auth-calls not true');
    expect(f).toContain('(hidden)');
    await h.press('1', '3');
    f = h.frame();
    expect(f).toContain('auth-calls not true');
    expect(f).not.toContain('does not log');
    h.unmount();
  });

  it('ctrl-c quits even while typing a filter; q quits with 0', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press('/');
    await h.type('abc');
    await h.press(KEYS.ctrlC);
    expect(h.exits).toEqual([0]);
    h.unmount();
    const h2 = setup({ files: FILES });
    await loadedTree(h2);
    await h2.press('q');
    expect(h2.exits).toEqual([0]);
    h2.unmount();
  });
});

describe('views', () => {
  it('tab cycles Problems → Files → File → Dialplan → Profiles → Directory → Bans → Assembled → Help, ? toggles help, esc goes back', async () => {
    const h = setup({ files: FILES });
    h.client.commands['fsconf.assembled'] = () => ({
      text: '<?xml version="1.0"?>\n<configuration name="sofia.conf">\n</configuration>\n',
      origins: [{ line: 1, uri: 'file:///conf/sofia.conf.xml', sourceLine: 0 }],
    });
    await loadedTree(h);
    await h.press(KEYS.tab);
    expect(h.frame()).toMatch(/sip_profiles\//);
    expect(h.frame()).toMatch(/internal\.xml\s+✖ 1 ℹ 1/);
    await h.press(KEYS.tab);
    expect(h.frame()).toContain('no file open');
    await h.press(KEYS.tab);
    // a server without the structure commands: the editing views say so instead of failing
    expect(h.frame()).toMatch(/contexts → extensions in hunt order|fsconf\.structure/);
    await h.press(KEYS.tab);
    expect(h.frame()).toMatch(/sofia profiles|fsconf\.structure/);
    await h.press(KEYS.tab);
    expect(h.frame()).toMatch(/domains → users|fsconf\.structure/);
    await h.press(KEYS.tab);
    expect(h.frame()).toContain('fs_cli is not on PATH');
    await h.press(KEYS.tab);
    expect(h.frame()).toContain('<configuration name="sofia.conf">');
    await h.press('j');
    expect(h.frame()).toMatch(/❯<configuration name="sofia.conf">/);
    await h.press(KEYS.tab);
    expect(h.frame()).toContain('ctrl-c');
    await h.press(KEYS.tab);
    expect(h.frame()).toContain('auth-calls not true');
    await h.press('?');
    expect(h.frame()).toContain('quit at once, even while typing');
    await h.press(KEYS.escape);
    expect(h.frame()).toContain('auth-calls not true');
    h.unmount();
  });

  it('enter opens the File view at the finding with its message and the hover of the line', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    h.client.hovers.set(`${uri('sip_profiles/internal.xml')}:4`, '**auth-calls** — challenge INVITEs with digest authentication');
    await h.press('j', KEYS.enter);
    const f = await h.waitFor((x) => x.includes('challenge INVITEs'), 'hover');
    expect(f).toContain('sip_profiles/internal.xml  5/8');
    expect(f).toMatch(/✖ ?5 │\s+<param name="auth-calls" value="false"\/>/);
    expect(f).toContain('[sofia/internal-auth-calls]');
    const hoverReq = h.client.sent.find((m) => m.method === 'textDocument/hover');
    expect(hoverReq?.params).toEqual({ uri: uri('sip_profiles/internal.xml'), position: { line: 4, character: 17 } });
    await h.press('k');
    expect(h.frame()).toContain('4/8');
    await h.press(KEYS.escape);
    expect(h.frame()).toContain('Problems (4)');
    expect(h.frame()).toMatch(/❯\s+✖ 5:37/);
    h.unmount();
  });

  it('Files view finds files with /', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press(KEYS.tab, '/');
    await h.type('free');
    await h.press(KEYS.enter);
    const f = h.frame();
    expect(f).toMatch(/❯\s+freeswitch\.xml/);
    expect(f).not.toContain('vars.xml');
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('<document/>'));
    h.unmount();
  });

  it('an escape joined to the next key (alt+key) counts as escape, then the key', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press('?');
    expect(h.frame()).toContain('quit at once');
    await h.press('\u001b\t'); // esc + tab in one read
    expect(h.frame()).toMatch(/sip_profiles\//); // back to Problems, then on to Files
    expect(h.frame()).not.toContain('quit at once');
    await h.press('?', '\u001bq'); // esc + q: back, then quit
    expect(h.exits).toEqual([0]);
    h.unmount();
  });

  it('Files view opens a clean file', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press(KEYS.tab);
    const l = lines(h.frame());
    const idx = l.findIndex((x) => x.includes('freeswitch.xml'));
    expect(idx).toBeGreaterThan(1);
    await h.press(...Array(idx - 2).fill('j'));
    expect(h.frame()).toMatch(/❯\s+freeswitch\.xml/);
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('<document/>'));
    h.unmount();
  });
});

describe('fixes', () => {
  const quickfix = (title: string, newText: string) => ({
    title,
    kind: 'quickfix',
    isPreferred: true,
    edit: { changes: { [uri('sip_profiles/internal.xml')]: [{ range: { start: { line: 4, character: 36 }, end: { line: 4, character: 41 } }, newText }] } },
  });

  it('f lists the code actions, shows the diff, and y applies it through fsconf.applyEdit', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    h.client.actions = (_u, _r, _d, only) =>
      only?.includes('quickfix') ? [quickfix('Set auth-calls=true', 'true'), { ...quickfix('Set auth-calls=false?', 'false'), isPreferred: false }] : [];
    let applied: unknown;
    h.client.commands['fsconf.applyEdit'] = (args) => {
      applied = args;
      h.files.set('/conf/sip_profiles/internal.xml', INTERNAL.replace('"false"', '"true"'));
      return { applied: true, files: [{ uri: uri('sip_profiles/internal.xml'), backup: uri('sip_profiles/internal.xml.bak') }] };
    };
    await h.press('j', 'f');
    let f = await h.waitFor((x) => x.includes('1. Set auth-calls=true'), 'actions');
    expect(f).toContain('fixes for sofia/internal-auth-calls');
    const req = h.client.sent.find((m) => m.method === 'textDocument/codeAction')!.params as { diagnostics: { code: string }[]; only: string[] };
    expect(req.diagnostics[0]!.code).toBe('sofia/internal-auth-calls');
    expect(req.only).toEqual(['quickfix']);
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => x.includes('Apply this change?'), 'diff');
    expect(f).toMatch(/5 - +<param name="auth-calls" value="false"\/>\n\s+5 \+ +<param name="auth-calls" value="true"\/>/);
    expect(f).toMatch(/5 \+ +<param name="auth-calls" value="true"\/>/);
    await h.press('y');
    f = await h.waitFor((x) => x.includes('wrote'), 'written');
    expect(applied).toEqual([{ edit: { changes: quickfix('', 'true').edit.changes }, backup: true }]);
    expect(f).toContain('backup internal.xml.bak');
    // the server is told about the new text
    expect(
      h.client
        .methods()
        .filter((m) => m.startsWith('textDocument/did'))
        .slice(-3),
    ).toEqual(['textDocument/didOpen', 'textDocument/didSave', 'textDocument/didClose']);
    expect((h.client.sent.filter((m) => m.method === 'textDocument/didOpen').at(-1)!.params as { text: string }).text).toContain('value="true"');
    h.unmount();
  });

  it('n cancels; a refused write is shown with the server message', async () => {
    const h = setup({ files: FILES, backup: false });
    await loadedTree(h);
    h.client.actions = () => [quickfix('Set auth-calls=true', 'true')];
    let calls = 0;
    h.client.commands['fsconf.applyEdit'] = (args) => {
      calls++;
      expect((args[0] as { backup: boolean }).backup).toBe(false);
      return { applied: false, files: [], message: 'sip_profiles/internal.xml changed on disk since it was read; nothing written' };
    };
    await h.press('j', 'f');
    await h.waitFor((x) => x.includes('1. Set auth-calls=true'));
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('Apply this change?'));
    await h.press('n');
    expect(h.frame()).toContain('auth-calls not true');
    expect(calls).toBe(0);
    await h.press('f');
    await h.waitFor((x) => x.includes('1. Set auth-calls=true'));
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('Apply this change?'));
    await h.press(KEYS.enter);
    const f = await h.waitFor((x) => x.includes('not written'));
    expect(f).toContain('changed on disk');
    expect(calls).toBe(1);
    h.unmount();
  });

  it('--readonly refuses before any dialog and never writes', async () => {
    const h = setup({ files: FILES, readonly: true });
    await loadedTree(h);
    h.client.actions = () => [quickfix('Set auth-calls=true', 'true')];
    await h.press('j', 'f');
    const f = await h.waitFor((x) => x.includes('read-only (--readonly): fixes cannot be written'));
    expect(f).not.toContain('1. Set auth-calls=true');
    expect(h.client.methods()).not.toContain('textDocument/codeAction');
    await h.press('F');
    await h.waitFor((x) => x.includes('read-only (--readonly): fixes cannot be written'));
    expect(h.client.methods()).not.toContain('workspace/executeCommand fsconf.applyEdit');
    expect(f).toContain('[read-only]');
    await h.press('e');
    expect(h.frame()).toContain('editing is disabled');
    await h.press('R');
    expect(h.frame()).toContain('reload is disabled');
    h.unmount();
  });

  it('F asks for source.fixAll.fsconf on the whole file', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    h.client.actions = (_u, _r, _d, only) =>
      only?.[0] === 'source.fixAll.fsconf' ? [{ ...quickfix('Fix all auto-fixable problems (1)', 'true'), kind: 'source.fixAll.fsconf' }] : [];
    await h.press('F');
    await h.waitFor((x) => x.includes('Apply this change?'));
    const req = h.client.sent.find((m) => m.method === 'textDocument/codeAction')!.params as { range: unknown; diagnostics: unknown[]; only: string[] };
    expect(req.only).toEqual(['source.fixAll.fsconf']);
    expect(req.diagnostics).toHaveLength(2);
    expect(req.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 7, character: 0 } });
    h.unmount();
  });

  it('F goes on until no safe fix is left (a second pass for fixes that overlapped), in one confirmation', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    let asked = 0;
    h.client.actions = (_u, _r, _d, only) => {
      if (only?.[0] !== 'source.fixAll.fsconf') return [];
      asked++;
      return asked <= 2 ? [{ ...quickfix(`Fix all auto-fixable problems (${3 - asked})`, 'true'), kind: 'source.fixAll.fsconf' }] : [];
    };
    let writes = 0;
    h.client.commands['fsconf.applyEdit'] = () => {
      writes++;
      return { applied: true, files: [{ uri: uri('sip_profiles/internal.xml') }] };
    };
    await h.press('F');
    await h.waitFor((x) => x.includes('Apply this change?'));
    await h.press('y');
    const f = await h.waitFor((x) => x.includes('wrote'), 'written');
    expect(writes).toBe(2);
    expect(asked).toBe(3);
    expect(f).toContain('(2 passes)');
    h.unmount();
  });

  it('a credential fix is labelled, and after the write the status says where the new secret is and who must be told; m shows it whole', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    const notice =
      'new secret at vars.xml:15 ($${default_password}); update: 21 directory users share $${default_password} (1000, 1001, 1002, 1003, 1004, …): re-provision their phones with the new password';
    h.client.actions = (_u, _r, _d, only) =>
      only?.includes('quickfix')
        ? [
            {
              ...quickfix('Generate a strong password for $${default_password} in vars.xml (line 15; every user of the variable gets it)', 'true'),
              data: { fixKind: 'credential', notice },
            },
          ]
        : [];
    h.client.commands['fsconf.applyEdit'] = () => ({ applied: true, files: [{ uri: uri('sip_profiles/internal.xml') }] });
    await h.press('j', 'f');
    let f = await h.waitFor((x) => x.includes('changes a secret'), 'the kind label');
    // the whole title, though the row cuts it
    expect(f.replace(/\s+/g, ' ')).toContain('(line 15; every user of the variable gets it)');
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('Apply this change?'));
    await h.press('y');
    f = await h.waitFor((x) => x.includes('wrote'), 'written');
    expect(f).toContain('m: whole message');
    await h.press('m');
    f = await h.waitFor((x) => x.replace(/\s+/g, ' ').includes('re-provision their phones'), 'the whole message');
    expect(f.replace(/\s+/g, ' ')).toContain('new secret at vars.xml:15 ($${default_password}); update: 21 directory users share');
    h.unmount();
  });

  it('a file that is not UTF-8 is said before the diff (the server would refuse to rewrite it)', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    h.files.set('/conf/sip_profiles/internal.xml', INTERNAL.replace('<settings>', '<!-- Gr\ufffd\ufffde --><settings>'));
    h.client.actions = () => [quickfix('Set auth-calls=true', 'true')];
    await h.press('j', 'f');
    await h.waitFor((x) => x.includes('1. Set auth-calls=true'));
    await h.press(KEYS.enter);
    const f = await h.waitFor((x) => x.includes('is not UTF-8'), 'the refusal before the diff');
    expect(f).not.toContain('Apply this change?');
    expect(h.client.methods()).not.toContain('workspace/executeCommand fsconf.applyEdit');
    h.unmount();
  });

  it('m shows the selected finding whole (the row cuts it)', async () => {
    const h = setup({ files: FILES, size: { columns: 50, rows: 24 } });
    await loadedTree(h);
    await h.press('j');
    await h.waitFor((x) => /❯\s+✖ 5:37/.test(x), 'the finding selected');
    await h.press('m');
    const f = await h.waitFor((x) => x.includes('── finding'), 'the whole finding');
    expect(f.replace(/\s+/g, ' ')).toContain('sofia_profile:internal auth-calls not true refuse load [sofia/internal-auth-calls]');
    h.unmount();
  });

  it('says so when a finding has no fix', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press('j', 'f');
    await h.waitFor((x) => x.includes('no quick fix for sofia/internal-auth-calls'));
    h.unmount();
  });
});

describe('editing', () => {
  it('e edits a value in place with live diagnostics; enter saves through fsconf.saveDocument', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    let saved: unknown;
    h.client.commands['fsconf.saveDocument'] = (args) => {
      saved = args;
      return { applied: true, files: [{ uri: uri('sip_profiles/internal.xml'), backup: uri('sip_profiles/internal.xml.bak') }] };
    };
    await h.press('j', 'e');
    let f = await h.waitFor((x) => x.includes('auth-calls = false'), 'edit pane');
    expect(h.client.methods()).toContain('textDocument/didOpen');
    await h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await h.type('true');
    const changes = h.client.sent.filter((m) => m.method === 'textDocument/didChange');
    expect((changes.at(-1)!.params as { text: string }).text).toContain('<param name="auth-calls" value="true"/>');
    // the server re-publishes for the open document: the pane follows
    h.client.publish(uri('sip_profiles/internal.xml'), [
      diag(2, 4, 10, 3, 'sofia/auth-failures-not-logged', 'profile internal does not log authentication failures'),
    ]);
    f = await h.waitFor((x) => x.includes('no finding on this line'), 'live diagnostics');
    expect(f).toContain('value="true"');
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => x.includes('saved'), 'saved');
    expect(saved).toEqual([{ uri: uri('sip_profiles/internal.xml'), backup: true }]);
    expect(
      h.client
        .methods()
        .filter((m) => m.startsWith('textDocument/did'))
        .slice(-2),
    ).toEqual(['textDocument/didSave', 'textDocument/didClose']);
    h.unmount();
  });

  it('esc cancels the edit and restores the document in the server', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press('j', 'e');
    await h.waitFor((x) => x.includes('auth-calls = false'));
    await h.type('xyz');
    await h.press(KEYS.escape);
    await h.waitFor((x) => x.includes('edit cancelled'));
    const change = h.client.sent.filter((m) => m.method === 'textDocument/didChange').at(-1)!.params as { text: string };
    expect(change.text).toBe(INTERNAL);
    expect(
      h.client
        .methods()
        .filter((m) => m.startsWith('textDocument/did'))
        .at(-1),
    ).toBe('textDocument/didClose');
    h.unmount();
  });

  it('esc then q read before the screen was redrawn: the pane stays closed, nothing is written, q quits', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    const saves: unknown[] = [];
    h.client.commands['fsconf.saveDocument'] = (args) => {
      saves.push(args);
      return { applied: true };
    };
    await h.press('j', 'e');
    await h.waitFor((x) => x.includes('auth-calls = false'), 'edit pane');
    // q used to reach the closed pane's input: it typed "falseq" and opened the pane again
    await h.burst(KEYS.escape, 'q');
    expect(h.exits).toEqual([0]);
    const f = h.frame();
    expect(f).toContain('edit cancelled; nothing written');
    expect(f).not.toContain('auth-calls = false');
    expect(f).not.toContain('falseq');
    const change = h.client.sent.filter((m) => m.method === 'textDocument/didChange').at(-1)!.params as { text: string };
    expect(change.text).toBe(INTERNAL);
    expect(
      h.client
        .methods()
        .filter((m) => m.startsWith('textDocument/did'))
        .at(-1),
    ).toBe('textDocument/didClose');
    expect(saves).toEqual([]);
    expect(h.files.get('/conf/sip_profiles/internal.xml')).toBe(INTERNAL);
    h.unmount();
  });

  it('E opens $EDITOR at the line and tells the server about the new text', async () => {
    const h = setup({
      files: FILES,
      editor: (file, _line, files) => files.set(file, INTERNAL.replace('"false"', '"true"')),
    });
    await loadedTree(h);
    await h.press('j', 'E');
    await h.waitFor((x) => x.includes('after $EDITOR'));
    expect(h.editorCalls).toEqual([{ file: '/conf/sip_profiles/internal.xml', line: 5 }]);
    expect(h.client.methods().filter((m) => m.startsWith('textDocument/did'))).toEqual([
      'textDocument/didOpen',
      'textDocument/didChange',
      'textDocument/didSave',
      'textDocument/didClose',
    ]);
    h.unmount();
  });
});

describe('ACL tester', () => {
  it('completes list names and shows the verdict and deciding node', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    h.client.commands['fsconf.aclLists'] = () => [
      { name: 'lan', uri: uri('autoload_configs/acl.conf.xml'), line: 2, builtin: false },
      { name: 'loopback.auto', builtin: true },
    ];
    h.client.commands['fsconf.aclTest'] = (args) => {
      expect(args).toEqual([{ ip: '192.168.10.7', list: 'lan', port: 5060 }]);
      return {
        verdict: 'allow',
        list: 'lan',
        decidedBy: { uri: uri('autoload_configs/acl.conf.xml'), line: 3, cidr: '192.168.10.0/24', type: 'allow' },
        reason: 'longest matching prefix /24 allows',
      };
    };
    await h.press('a');
    await h.waitFor((x) => x.includes('ACL tester') && x.includes('loopback.auto'));
    await h.type('192.168.10.7:5060');
    await h.press(KEYS.tab);
    await h.type('l');
    await h.press(KEYS.tab); // completes "lan"
    await h.press(KEYS.enter);
    const f = await h.waitFor((x) => x.includes('ALLOW'));
    expect(f).toContain('autoload_configs/acl.conf.xml:4');
    expect(f).toContain('longest matching prefix');
    await h.press('\u000f'); // ctrl-o opens the deciding node
    await h.waitFor((x) => x.includes('acl.conf.xml  4/8'));
    h.unmount();
  });

  it('rejects something that is not an address', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    h.client.commands['fsconf.aclLists'] = () => [];
    await h.press('a');
    await h.type('not-an-ip');
    await h.press(KEYS.tab);
    await h.type('lan');
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('is not an IP address'));
    h.unmount();
  });
});

describe('fs_cli: reload and bans', () => {
  const BANINFO = `-ERR no reply
register_failure_config:
\tfindtime:60 maxretry:3 banmode:1 bantime:180
register_failure_history:
\t2024-12-03 15:10:57 192.168.31.242 1001
register_failure_bandata:
\t192.168.31.242 expires:
\t\t1001 expires:2024-12-03 15:13:03
`;

  it('R shows the exact commands for what changed, asks, runs them and shows the output', async () => {
    const h = setup({ files: FILES, fsCli: true });
    await loadedTree(h);
    h.client.actions = () => [
      {
        title: 'Set auth-calls=true',
        kind: 'quickfix',
        edit: {
          changes: { [uri('sip_profiles/internal.xml')]: [{ range: { start: { line: 4, character: 36 }, end: { line: 4, character: 41 } }, newText: 'true' }] },
        },
      },
    ];
    h.client.commands['fsconf.applyEdit'] = () => {
      h.files.set('/conf/sip_profiles/internal.xml', INTERNAL.replace('"false"', '"true"'));
      return { applied: true, files: [{ uri: uri('sip_profiles/internal.xml') }] };
    };
    await h.press('j', 'f');
    await h.waitFor((x) => x.includes('1. Set auth-calls=true'));
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('Apply this change?'));
    await h.press('y');
    await h.waitFor((x) => x.includes('R reloads FreeSWITCH'));
    h.fsCliReplies.set('sofia profile internal rescan', { code: 0, stdout: 'Reload XML [Success]\n+OK scan complete\n', stderr: '' });
    await h.press('R');
    let f = await h.waitFor((x) => x.includes('Run these commands?'));
    expect(f).toContain('fs_cli -x reloadxml');
    expect(f).toContain("fs_cli -x 'sofia profile internal rescan'");
    expect(h.fsCliLog).toEqual([]);
    await h.press('y');
    f = await h.waitFor((x) => x.includes('reload done'));
    expect(h.fsCliLog).toEqual(['reloadxml', 'sofia profile internal rescan']);
    expect(f).toContain('+OK scan complete');
    h.unmount();
  });

  it('R without fs_cli says why', async () => {
    const h = setup({ files: FILES });
    await loadedTree(h);
    await h.press('R');
    expect(h.frame()).toContain('fs_cli is not on PATH');
    h.unmount();
  });

  it('the Bans view parses cti show baninfo and u unbans after confirmation', async () => {
    const h = setup({ files: FILES, fsCli: true });
    await loadedTree(h);
    h.fsCliReplies.set('cti show baninfo', { code: 0, stdout: BANINFO, stderr: '' });
    await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab);
    let f = await h.waitFor((x) => x.includes('Current bans (1)'));
    expect(f).toContain('findtime 60 s  maxretry 3  bantime 180 s  banmode 1 (IP+account pair)');
    expect(f).toMatch(/❯\s+192\.168\.31\.242/);
    expect(f).toMatch(/1001\s+expires 2024-12-03 15:13:03/);
    expect(f).toContain('2024-12-03 15:10:57  192.168.31.242   1001');
    await h.press('j', 'u');
    f = await h.waitFor((x) => x.includes('Unban?'));
    expect(f).toContain("fs_cli -x 'cti unban 192.168.31.242 1001'");
    await h.press('y');
    await h.waitFor((x) => x.includes('unbanned'));
    expect(h.fsCliLog).toEqual(['cti show baninfo', 'cti unban 192.168.31.242 1001', 'cti show baninfo']);
    await h.press(KEYS.escape, 'k', 'u');
    f = await h.waitFor((x) => x.includes('Unban?'));
    expect(f).toContain('Lifts every ban of 192.168.31.242 (all accounts).');
    expect(f).toContain("fs_cli -x 'cti unban 192.168.31.242'");
    await h.press('n');
    expect(h.fsCliLog).toHaveLength(3);
    h.unmount();
  });

  it('the Bans view says why it is empty when mod_cti does not answer', async () => {
    const h = setup({ files: FILES, fsCli: true });
    await loadedTree(h);
    h.fsCliReplies.set('cti show baninfo', { code: 0, stdout: '-ERR cti Command not found!\n', stderr: '' });
    await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab);
    const f = await h.waitFor((x) => x.includes('-ERR cti Command not found!') && x.includes('loaded?'));
    expect(f.split('\n')).toHaveLength(24);
    h.unmount();
  });
});
