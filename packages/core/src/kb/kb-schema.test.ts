import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { validateKbFile, compileKb } from '../../scripts/kb-schema.mjs';
import { loadKb, renderModule, OUT_FILE } from '../../scripts/build-kb.mjs';

const goodParams = () => ({
  kind: 'params',
  scope: 'config',
  config: 'demo.conf',
  title: 'demo',
  doc: 'Demo config.',
  sections: [{ id: 'settings', path: 'settings/param', element: 'param', matching: 'case-insensitive', doc: 'Settings.' }],
  params: [{ name: 'alpha', type: 'bool', doc: 'Turns alpha on.' }],
});

describe('kb schema validator', () => {
  it('accepts a well-formed file', () => {
    expect(validateKbFile('kb/demo.yaml', goodParams())).toEqual([]);
  });

  it('reports a malformed entry with file: path: problem', () => {
    const doc = goodParams();
    doc.params.push({ name: 'beta', type: 'boolean', doc: '' } as never);
    const errors: string[] = validateKbFile('kb/demo.yaml', doc);
    expect(errors).toContain('kb/demo.yaml: params[1].type: must be one of: ' + errors[0]!.split('must be one of: ')[1]);
    expect(errors.some((e) => /^kb\/demo\.yaml: params\[1\]\.doc: /.test(e))).toBe(true);
  });

  it('catches missing required fields, unknown fields and wrong kinds', () => {
    expect(validateKbFile('f', { kind: 'nope' })[0]).toMatch(/^f: kind: must be one of/);
    const doc = goodParams() as Record<string, unknown>;
    delete doc.title;
    (doc.params as object[]).push({ name: 'gamma', type: 'int', doc: 'x', colour: 'red' });
    const errors: string[] = validateKbFile('f', doc);
    expect(errors).toContain('f: title: is required');
    expect(errors.some((e) => e.startsWith('f: params[1].colour: unknown field'))).toBe(true);
  });

  it('catches duplicate names the way FreeSWITCH compares them', () => {
    const doc = goodParams();
    doc.params.push({ name: 'ALPHA', type: 'bool', doc: 'Same name, other case.' });
    expect(validateKbFile('f', doc)).toEqual(['f: params[1].name: duplicate name "ALPHA" in section settings (first at params[0])']);
    doc.sections[0]!.matching = 'case-sensitive';
    expect(validateKbFile('f', doc)).toEqual([]);
  });

  it('catches an enum without values, a bad section and a dangling alias', () => {
    const doc = goodParams();
    doc.params.push({ name: 'mode', type: 'enum', doc: 'A mode.' } as never);
    doc.params.push({ name: 'x', section: 'nowhere', type: 'int', doc: 'X.' } as never);
    doc.params.push({ name: 'y', type: 'int', aliasOf: 'zzz', doc: 'Y.' } as never);
    const errors: string[] = validateKbFile('f', doc);
    expect(errors).toContain('f: params[1].values: an enum needs values');
    expect(errors).toContain('f: params[2].section: no section with id "nowhere"');
    expect(errors).toContain('f: params[3].aliasOf: no param "zzz" in section settings');
  });

  it('validates the other kinds too', () => {
    expect(validateKbFile('f', { kind: 'events', events: [{ name: 'channel_answer', doc: 'x' }] })[0]).toMatch(/events\[0\]\.name/);
    expect(validateKbFile('f', { kind: 'applications', applications: [{ name: 'a', module: 'm', syntax: '', flags: ['inline'], doc: 'd' }] })[0]).toMatch(
      /applications\[0\]\.flags/,
    );
    expect(validateKbFile('f', { kind: 'modules', modules: [{ name: 'sofia', category: 'x', doc: 'd' }] })[0]).toMatch(/modules\[0\]\.name/);
    expect(validateKbFile('f', { kind: 'cti', file: 'cti.json', doc: 'd', keys: [{ name: 'k', parent: 'p', type: 'int', doc: 'd' }] })[0]).toMatch(
      /keys\[0\]\.parent/,
    );
  });

  it('reports cross-file problems when compiling', () => {
    const a = { file: 'kb/a.yaml', doc: goodParams() };
    const b = { file: 'kb/b.yaml', doc: goodParams() };
    const { errors } = compileKb([a, b]);
    expect(errors.some((e: string) => e.startsWith('kb/b.yaml: sections: section settings of demo.conf is also defined in kb/a.yaml'))).toBe(true);
  });
});

describe('the knowledge base itself', () => {
  it('validates and compiles without problems, and the generated module is current', async () => {
    const { data, errors } = await loadKb();
    expect(errors).toEqual([]);
    expect(data).toBeDefined();
    if (existsSync(OUT_FILE)) expect(readFileSync(OUT_FILE, 'utf8')).toBe(renderModule(data));
  });
});
