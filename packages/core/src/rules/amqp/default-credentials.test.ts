import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixture.js';
import { amqpConf } from './fixture-amqp.js';

describe('amqp/default-credentials', () => {
  it('guest/guest to another host, also when omitted; localhost and real credentials are fine', () => {
    const r = runFixture({
      'autoload_configs/amqp.conf.xml': amqpConf({
        connection: `          <param name="hostname" value="rabbit.example.com"/>
          <param name="username" value="guest"/>
          <param name="password" value="guest"/>
                                        ^^^^^ amqp/default-credentials: connection "primary" of amqp producer "default" logs in to rabbit.example.com as guest with password "g***"`,
        commandConnection: `          <param name="hostname" value="10.0.0.5"/>
          <param name="port" value="5672"/>`,
      }),
      'autoload_configs/amqp-local.conf.xml': amqpConf({
        connection: `          <param name="hostname" value="localhost"/>
          <param name="username" value="guest"/>
          <param name="password" value="guest"/>`,
        commandConnection: `          <param name="hostname" value="rabbit"/>
          <param name="username" value="fs"/>
          <param name="password" value="s3cret"/>`,
      }),
    });
    const omitted = r.findings.find((f) => f.message.includes('"cmd"'));
    expect(omitted?.message).toContain('logs in to 10.0.0.5 as guest with password "g***" (username and password not set: that is the default)');
    expect(r.files['autoload_configs/amqp.conf.xml']!.split('\n')[omitted!.range.start.line]).toContain('<connection name="primary">');
    expect(r.actual.filter((a) => !a.includes(`:${omitted!.range.start.line + 1}:`))).toEqual(r.expected);
    expect(r.findings).toHaveLength(2);
    expect(r.findings.every((f) => !f.message.includes('guest/guest') && !f.message.includes('"guest"'))).toBe(true);
  });
});
