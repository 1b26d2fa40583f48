import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';

describe('json_cdr/delay-seconds', () => {
  it('a delay written as milliseconds waits that many seconds; 5 is fine', () => {
    const conf = (v: string) => ({
      'autoload_configs/json_cdr.conf.xml': `<configuration name="json_cdr.conf">\n  <settings>\n    <param name="retries" value="3"/>\n    <param name="delay" value="${v}"/>\n  </settings>\n</configuration>\n`,
    });
    const r = runFixture(conf('5000'), { only: ['json_cdr/delay-seconds'] });
    expect(r.findings.map((f) => f.message)).toEqual([
      'json_cdr delay is in seconds, not milliseconds: 5000 waits 1.4 hours before each retry of a failed CDR post',
    ]);
    expect(r.applyFix('json_cdr/delay-seconds')['autoload_configs/json_cdr.conf.xml']).toContain('name="delay" value="5"');
    expect(runFixture(conf('5'), { only: ['json_cdr/delay-seconds'] }).findings).toEqual([]);
  });
});
