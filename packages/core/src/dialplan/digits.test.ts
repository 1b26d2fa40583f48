import { describe, expect, it } from 'vitest';
import { analyzePlayAndGetDigits, analyzeRead, cAtoi, type DigitsFinding } from './digits.js';

const summary = (fs: DigitsFinding[]): Array<[string, number]> => fs.map((f) => [f.severity, f.argIndex]);

function applyFix(data: string, finding: DigitsFinding, fixIndex = 0): string {
  const fix = finding.fixes[fixIndex]!;
  if (fix.argIndex < 0) return fix.newText;
  // the finding's range is the argument's raw text when argIndex matches
  expect(fix.argIndex).toBe(finding.argIndex);
  return data.slice(0, finding.start) + fix.newText + data.slice(finding.end);
}

describe('cAtoi', () => {
  it('behaves like atoi', () => {
    expect(cAtoi('42')).toEqual({ value: 42, clean: true });
    expect(cAtoi(' 42x')).toEqual({ value: 42, clean: false });
    expect(cAtoi('abc')).toEqual({ value: 0, clean: false });
    expect(cAtoi('-7')).toEqual({ value: -7, clean: true });
    expect(cAtoi('')).toEqual({ value: 0, clean: false });
  });
});

describe('read', () => {
  it('is silent for correct data, including min == max', () => {
    expect(analyzeRead('1 4 ivr/ivr-enter_ext.wav digits 5000 #')).toEqual([]);
    expect(analyzeRead('11 11 $${base_dir}/sounds/x.wav res 10000 #')).toEqual([]);
    expect(analyzeRead("1 1 'silence' choice 3000 # 2000")).toEqual([]);
  });

  it('min > max: FreeSWITCH raises max to min; fixes swap or raise', () => {
    const d = '5 3 x.wav v 5000 #';
    const fs = analyzeRead(d);
    expect(summary(fs)).toEqual([['error', 1]]);
    expect(fs[0]!.message).toBe('min 5 > max 3: FreeSWITCH raises max to 5');
    expect(applyFix(d, fs[0]!, 0)).toBe('3 5 x.wav v 5000 #');
    expect(applyFix(d, fs[0]!, 1)).toBe('5 5 x.wav v 5000 #');
  });

  it('min below 1 is raised to 1', () => {
    const fs = analyzeRead('0 4 x.wav v 5000 #');
    expect(summary(fs)).toEqual([['warning', 0]]);
    expect(fs[0]!.message).toMatch(/min 0 is raised to 1/);
  });

  it('max 0 becomes min', () => {
    const fs = analyzeRead('2 0 x.wav v 5000 #');
    expect(summary(fs)).toEqual([['error', 1]]);
    expect(fs[0]!.message).toMatch(/max 0: FreeSWITCH raises max to min \(2\)/);
  });

  it('max above 128 fails with "Buffer too small!"', () => {
    const d = '1 200 x.wav v 5000 #';
    const fs = analyzeRead(d);
    expect(summary(fs)).toEqual([['error', 1]]);
    expect(fs[0]!.message).toMatch(/Buffer too small!/);
    expect(applyFix(d, fs[0]!)).toBe('1 128 x.wav v 5000 #');
    expect(analyzeRead('1 128 x.wav v 5000 #')).toEqual([]);
    expect(summary(analyzeRead('200 5 x.wav v 5000 #'))).toEqual([
      ['error', 1],
      ['error', 0],
    ]);
  });

  it('timeout below 1000 ms is raised to 1000', () => {
    const d = '1 4 x.wav v 5 #';
    const fs = analyzeRead(d);
    expect(summary(fs)).toEqual([['warning', 4]]);
    expect(fs[0]!.message).toMatch(/timeout 5 ms is raised to 1000 ms/);
    expect(applyFix(d, fs[0]!)).toBe('1 4 x.wav v 5000 #');
    expect(analyzeRead('1 4 x.wav v 1000 #')).toEqual([]); // <= 1000 becomes 1000: 1000 is unchanged
    expect(summary(analyzeRead('1 4 x.wav v 0 #'))).toEqual([['warning', 4]]);
  });

  it('warns about numbers atoi reads differently', () => {
    const fs = analyzeRead('1 4 x.wav v 5s #');
    expect(fs[0]!.message).toMatch(/"5s" is not a plain number: FreeSWITCH reads it as 5/);
  });

  it('does not judge arguments with variables', () => {
    expect(analyzeRead('${min} 3 x.wav v ${t} #')).toEqual([]);
    expect(analyzeRead('5 ${max} x.wav v 5000 #')).toEqual([]);
    expect(analyzeRead('$1 3 x.wav v 5000 #')).toEqual([]);
  });

  it('reports missing arguments', () => {
    expect(summary(analyzeRead(''))).toEqual([['error', -1]]);
    expect(analyzeRead('1 4 x.wav').map((f) => f.message)).toEqual(['no variable name (4th argument): the digits are not stored (only read_result is set)']);
  });
});

describe('play_and_get_digits', () => {
  const good = "1 4 3 5000 # ivr/enter.wav ivr/invalid.wav digits \\d+ 3000 '1000 XML default'";

  it('is silent for correct data', () => {
    expect(analyzePlayAndGetDigits(good)).toEqual([]);
    expect(analyzePlayAndGetDigits('0 1 3 5000 # a.wav b.wav v ^[0-9]$')).toEqual([]);
    expect(analyzePlayAndGetDigits('2 5 3 7000 # a.wav b.wav v \\d+ 3000 1000 XML default')).toEqual([]); // last arg takes the rest
  });

  it('tries 0 fails at once', () => {
    const d = '1 4 0 5000 # a.wav b.wav v \\d+';
    const fs = analyzePlayAndGetDigits(d);
    expect(summary(fs)).toEqual([['error', 2]]);
    expect(fs[0]!.message).toMatch(/tries 0: play_and_get_digits never prompts and fails at once/);
    expect(applyFix(d, fs[0]!)).toBe('1 4 3 5000 # a.wav b.wav v \\d+');
    expect(analyzePlayAndGetDigits("1 4 0 5000 # a.wav b.wav v \\d+ 3000 'op XML default'")[0]!.message).toMatch(/then runs the transfer-on-failure/);
  });

  it('min < 0 becomes 0 and min 0 is allowed', () => {
    expect(summary(analyzePlayAndGetDigits('-1 4 3 5000 # a.wav b.wav v \\d+'))).toEqual([['warning', 0]]);
  });

  it('min > max and max > 128', () => {
    expect(analyzePlayAndGetDigits('5 3 3 5000 # a.wav b.wav v \\d+')[0]!.message).toBe('min 5 > max 3: FreeSWITCH raises max to 5');
    expect(summary(analyzePlayAndGetDigits('1 129 3 5000 # a.wav b.wav v \\d+'))).toEqual([['error', 1]]);
  });

  it('max 0 with min 0 collects nothing', () => {
    expect(summary(analyzePlayAndGetDigits('0 0 3 5000 # a.wav b.wav v \\d+'))).toEqual([['error', 1]]);
  });

  it('a transfer target in the 10th position is read as the digit timeout', () => {
    const d = "1 4 3 5000 # a.wav b.wav v \\d+ '1000 XML default'";
    const fs = analyzePlayAndGetDigits(d);
    expect(summary(fs)).toEqual([['error', 9]]);
    expect(fs[0]!.message).toMatch(/must be the 11th argument/);
    expect(applyFix(d, fs[0]!)).toBe("1 4 3 5000 # a.wav b.wav v \\d+ 5000 '1000 XML default'");
  });

  it('checks the quoted 11th argument', () => {
    expect(summary(analyzePlayAndGetDigits('1 4 3 5000 # a.wav b.wav v \\d+ 3000 "1000 XML default"'))).toEqual([['warning', 10]]);
    expect(analyzePlayAndGetDigits("1 4 3 5000 # a.wav b.wav v \\d+ 3000 '1000 XML default extra'")[0]!.message).toMatch(/"extra" is ignored/);
  });

  it('checks the digit regex with switch_regex_match rules', () => {
    expect(summary(analyzePlayAndGetDigits('1 4 3 5000 # a.wav b.wav v ^(\\d+$'))).toEqual([['error', 8]]);
    expect(analyzePlayAndGetDigits('1 4 3 5000 # a.wav b.wav v _1X')).toEqual([]); // no Asterisk form, but still valid
  });

  it('reports a digit_timeout that looks like seconds', () => {
    expect(summary(analyzePlayAndGetDigits('1 4 3 5000 # a.wav b.wav v \\d+ 3'))).toEqual([['warning', 9]]);
  });
});
