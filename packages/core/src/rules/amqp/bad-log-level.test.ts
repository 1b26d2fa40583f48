import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { amqpConf } from './fixture-amqp.js';

describe('amqp/bad-log-level', () => {
  it('"error" is not a level (err is); numbers and all are fine', () => {
    const r = checkFindings({
      'autoload_configs/amqp.conf.xml': amqpConf({
        logging: `        <param name="log-levels" value="debug,INFO, error,warn,7,all"/>
                                                    ^^^^^ amqp/bad-log-level: "error" in log-levels of amqp logging profile "log" is not a log level: FreeSWITCH silently drops it, so those log lines are never published (did you mean "err"?)
                                                          ^^^^ amqp/bad-log-level: (did you mean "warning"?)`,
        producer: `        <param name="log-levels" value="error"/>`,
      }),
    });
    const fixed = r.applyFix('amqp/bad-log-level');
    expect(fixed['autoload_configs/amqp.conf.xml']).toContain('value="debug,INFO, err,warning,7,all"');
  });
});
