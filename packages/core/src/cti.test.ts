import { describe, expect, it } from 'vitest';
import { checkCtiJson } from './cti.js';

const at = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
};

describe('cti.json (mod_cti, JSON with comments)', () => {
  it('reads the policy through comments', () => {
    const r = checkCtiJson('/c/cti.json', '{\n  // the policy\n  "password_minimum": 10, /* chars */\n  "password_strength": 4\n}\n');
    expect(r.findings).toEqual([]);
    expect(r.policy).toEqual({ minimum: 10, strength: 4 });
  });

  it('cti/invalid with exact ranges: bad minimum, strength out of 0–4, register_failure values', () => {
    const text =
      '{\n  "password_minimum": 0,\n  "password_strength": 5,\n  "register_failure": { "findtime": -1, "maxretry": "3", "banmode": 2, "bantime": 180 }\n}\n';
    const r = checkCtiJson('/c/cti.json', text);
    const got = r.findings.map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character}`);
    expect(got).toEqual([
      `cti/invalid ${at(text, '0,').line}:${at(text, '0,').character}`,
      `cti/invalid ${at(text, '5,').line}:${at(text, '5,').character}`,
      `cti/invalid ${at(text, '-1').line}:${at(text, '-1').character}`,
      `cti/invalid ${at(text, '"3"').line}:${at(text, '"3"').character}`,
      `cti/invalid ${at(text, '2,').line}:${at(text, '2,').character}`,
    ]);
    expect(r.findings[4]!.message).toContain('banmode must be 0 (ban the address) or 1 (ban the address+account pair)');
  });

  it('syntax errors are cti/invalid; the defaults do not silently apply a broken file', () => {
    const r = checkCtiJson('/c/cti.json', '{ "password_minimum": 8,, }');
    expect(r.findings.some((f) => f.rule === 'cti/invalid' && f.message.includes('syntax error'))).toBe(true);
    expect(r.policy).toBeUndefined();
  });

  it('cti/unknown-key with did-you-mean', () => {
    const text = '{ "password_minimun": 8, "register_failure": { "max_retry": 3 } }';
    const r = checkCtiJson('/c/cti.json', text);
    expect(r.findings.map((f) => [f.rule, f.range.start.character, f.message])).toEqual([
      [
        'cti/unknown-key',
        text.indexOf('"password_minimun"'),
        '"password_minimun" is not a key mod_cti reads: it is ignored (did you mean "password_minimum"?)',
      ],
      ['cti/unknown-key', text.indexOf('"max_retry"'), '"max_retry" is not a register_failure key mod_cti reads: it is ignored (did you mean "maxretry"?)'],
    ]);
    expect(r.findings[0]!.fixes[0]!.edits[0]!.newText).toBe('"password_minimum"');
  });
});
