import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../lsp/types.js';
import { problemRows } from './problems.js';

const diag = (code: string, severity: 1 | 2 | 3, line: number, message = code, cause?: { uri: string; line: number; message: string }): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  severity,
  code,
  message,
  ...(cause ? { data: { cause } } : {}),
});
const ROOT = '/conf';
const uri = (p: string) => `file:///conf/${p}`;
const noFilter = { text: '', hidden: new Set<number>() };

describe('Problems rows by impact', () => {
  const cause = { uri: uri('vars.xml'), line: 14, message: 'the weak $${default_password} set at vars.xml:15' };
  const diagnostics = new Map<string, Diagnostic[]>([
    [uri('autoload_configs/a.conf.xml'), [diag('config/unknown-param', 2, 3)]],
    [uri('timezones.conf.xml'), Array.from({ length: 81 }, (_, i) => diag('xml/strict', 2, i))],
    [uri('directory/1000.xml'), [diag('directory/password-too-short', 1, 3, 'short', cause)]],
    [uri('directory/1001.xml'), [diag('directory/password-too-short', 1, 3, 'short', cause)]],
    [uri('sip_profiles/public.xml'), [diag('sofia/external-inbound-acl', 2, 1)]],
    [uri('freeswitch.xml'), [diag('xml/not-well-formed', 1, 9)]],
  ]);

  it('will-not-load, then open profiles, then errors (the shared cause as one line), then warnings; 81 xml/strict fold into one', () => {
    const rows = problemRows(diagnostics, ROOT, noFilter);
    const labels = rows.map((r) => (r.kind === 'file' ? `file ${r.rel}` : r.kind === 'group' ? `group ${r.group!.label}` : `  ${String(r.diag!.code)}`));
    expect(labels).toEqual([
      'file freeswitch.xml',
      '  xml/not-well-formed',
      'file sip_profiles/public.xml',
      '  sofia/external-inbound-acl',
      'group 2 users share the weak $${default_password} set at vars.xml:15',
      'file autoload_configs/a.conf.xml',
      '  config/unknown-param',
      'file timezones.conf.xml',
      'group 81 × xml/strict in this file',
    ]);
  });

  it('an expanded group lists its members', () => {
    const rows = problemRows(
      diagnostics,
      ROOT,
      noFilter,
      new Set(['fold file:///conf/timezones.conf.xml xml/strict', 'directory/password-too-short file:///conf/vars.xml:14']),
    );
    expect(rows.filter((r) => r.member).length).toBe(81 + 2);
  });
});
