import { describe, expect, it } from 'vitest';
import type { Finding } from '@fsconf/core';
import { count, ruleAnchor, toCodeAction, toDiagnostic } from './convert.js';

const f: Finding = {
  rule: 'preprocess/undefined-var',
  severity: 'warning',
  file: '/c/a.xml',
  range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } },
  message: 'm',
  related: [{ file: '/c/vars.xml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'set here' }],
  fixes: [
    { title: 't', kind: 'safe', edits: [{ file: '/c/vars.xml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }] },
  ],
  security: true,
};
const uriOf = (p: string) => 'file://' + p;

describe('convert', () => {
  it('maps a finding to a diagnostic with code, doc link, source and related information', () => {
    expect(ruleAnchor('sofia/internal-auth-calls')).toBe('https://github.com/fsconf/fsconf/blob/main/RULES.md#sofiainternal-auth-calls');
    expect(toDiagnostic(f, uriOf)).toEqual({
      range: f.range,
      severity: 2,
      code: 'preprocess/undefined-var',
      codeDescription: { href: 'https://github.com/fsconf/fsconf/blob/main/RULES.md#preprocessundefined-var' },
      source: 'fsconf',
      message: 'm',
      relatedInformation: [{ location: { uri: 'file:///c/vars.xml', range: f.related![0]!.range }, message: 'set here' }],
      data: { fixes: 1, security: true },
    });
    expect(toDiagnostic({ ...f, severity: 'info' }, uriOf).severity).toBe(3);
    expect(count([f, { ...f, severity: 'error' }])).toEqual({ errors: 1, warnings: 1, infos: 0 });
  });

  it('maps a file action to a code action with a WorkspaceEdit across files', () => {
    const a = toCodeAction(
      {
        title: 't',
        kind: 'quickfix',
        preferred: true,
        fixKind: 'credential',
        edits: new Map([['/c/vars.xml', [{ range: f.range, newText: 'x' }]]]),
        findings: [f],
      },
      uriOf,
    );
    expect(a).toMatchObject({
      title: 't',
      kind: 'quickfix',
      isPreferred: true,
      data: { fixKind: 'credential' },
      edit: { changes: { 'file:///c/vars.xml': [{ range: f.range, newText: 'x' }] } },
    });
    expect(a.diagnostics).toHaveLength(1);
    const all = toCodeAction({ title: 'all', kind: 'source.fixAll.fsconf', preferred: false, fixKind: 'safe', edits: new Map(), findings: [] }, uriOf);
    expect(all.isPreferred).toBeUndefined();
  });
});

describe('settings schema', () => {
  it('lists exactly the keys core reads', async () => {
    const { SETTINGS_KEYS } = await import('@fsconf/core');
    const { SETTINGS_SCHEMA } = await import('./settings-schema.js');
    expect(Object.keys(SETTINGS_SCHEMA.properties).sort()).toEqual([...SETTINGS_KEYS].sort());
  });
});

describe('a finding with a cause', () => {
  it('carries it in data.cause (clients group by it) and as related information', () => {
    const withCause: Finding = {
      ...f,
      rule: 'directory/password-too-short',
      related: [],
      cause: {
        file: '/c/vars.xml',
        range: { start: { line: 14, character: 50 }, end: { line: 14, character: 54 } },
        message: 'the weak $${default_password} set at vars.xml:15',
      },
    };
    const d = toDiagnostic(withCause, uriOf);
    expect(d.data).toMatchObject({ cause: { uri: 'file:///c/vars.xml', line: 14, message: 'the weak $${default_password} set at vars.xml:15' } });
    expect(d.relatedInformation).toEqual([
      { location: { uri: 'file:///c/vars.xml', range: withCause.cause!.range }, message: 'cause: the weak $${default_password} set at vars.xml:15' },
    ]);
  });
});
