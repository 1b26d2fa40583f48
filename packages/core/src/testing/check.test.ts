import { describe, expect, it } from 'vitest';
import { checkFindings, checkFix } from './check.js';
import type { Rule } from '../rules/types.js';

/** Reports every file's first <param> while any file of the tree holds a <flag/>. */
const needsFlag = (reads?: readonly string[]): Rule => ({
  meta: { id: 'test/needs-flag', severity: 'warning', description: 'test rule', fixable: false, ...(reads ? { reads } : {}) },
  check(ctx) {
    if (!ctx.tree.order.some((d) => /<flag\b/.test(d.text))) return;
    for (const doc of ctx.tree.order) {
      const i = doc.text.indexOf('<param');
      if (i >= 0) ctx.report({ doc, start: i + 1, end: i + 6, message: 'a flag is set somewhere' });
    }
  },
});

const files = (marker: string) => ({
  'a.xml': `<include>\n  <param name="x" value="1"/>\n${marker}</include>\n`,
  'b.xml': '<include>\n  <flag/>\n</include>\n',
});

describe('checkFindings', () => {
  it('passes when positions, messages and the incremental re-analysis agree', () => {
    const r = checkFindings(files('   ^^^^^ test/needs-flag: flag is set\n'), { rules: [needsFlag()] });
    expect(r.findings.map((f) => f.message)).toEqual(['a flag is set somewhere']);
  });

  it('fails on a marker message the finding does not contain', () => {
    expect(() => checkFindings(files('   ^^^^^ test/needs-flag: no flag\n'), { rules: [needsFlag()] })).toThrow(/messages:[\s\S]*expected "no flag"/);
  });

  it('fails on a finding no marker expects, and on a marker no finding meets', () => {
    expect(() => checkFindings(files(''), { rules: [needsFlag()] })).toThrow(/reported, not expected: a\.xml:2:3-8 test\/needs-flag/);
    expect(() => checkFindings(files('    ^^^^ test/needs-flag\n'), { rules: [needsFlag()] })).toThrow(/expected, not reported: a\.xml:2:4-8/);
  });

  it('fails when `reads` leaves out an element the rule depends on (deleting <flag/> keeps a stale finding)', () => {
    expect(() => checkFindings(files('   ^^^^^ test/needs-flag: flag is set\n'), { rules: [needsFlag(['param'])] })).toThrow(
      /after edit \d+ of b\.xml, the incremental analysis \(\+\) differs from a fresh one \(-\):\n {2}\+ reported, not expected: \/conf\/a\.xml/,
    );
    // naming it makes the declaration true
    expect(() => checkFindings(files('   ^^^^^ test/needs-flag: flag is set\n'), { rules: [needsFlag(['param', 'flag'])] })).not.toThrow();
  });
});

describe('checkFix', () => {
  const cdr = (delay: string, marker = '') => ({
    'autoload_configs/json_cdr.conf.xml': `<configuration name="json_cdr.conf">\n  <settings>\n    <param name="delay" value="${delay}"/>\n${marker}  </settings>\n</configuration>\n`,
  });
  it('applies the fix and compares the files; the finding is gone', () => {
    checkFix(cdr('5000', '                               ^^^^ json_cdr/delay-seconds: waits 1.4 hours\n'), cdr('5'));
  });
  it('fails when the fixed file differs from `after`', () => {
    expect(() => checkFix(cdr('5000', '                               ^^^^ json_cdr/delay-seconds\n'), cdr('50'))).toThrow(
      /after the fix of json_cdr\/delay-seconds/,
    );
  });
});
