import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { amqpConf } from './fixture-amqp.js';

describe('amqp/unknown-event', () => {
  it('flags entries that are no event name; the prefix is optional and ^Subclass is allowed', () => {
    const r = checkFindings({
      'autoload_configs/amqp.conf.xml': amqpConf({
        producer: `        <param name="event_filter" value="SWITCH_EVENT_CHANNEL_CREAT, channel_hangup,CUSTOM^sofia::register,HEARTBEAT ,SWITCH_EVENT_ALL"/>
                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^ amqp/unknown-event: "SWITCH_EVENT_CHANNEL_CREAT" in event_filter of amqp producer "default" is no event name: FreeSWITCH logs "The switch event SWITCH_EVENT_CHANNEL_CREAT was not recognised." and the first slot keeps its start value, so the producer publishes ALL events (did you mean "SWITCH_EVENT_CHANNEL_CREATE"?)
        <param name="event_filter" value="DTMF,CHANEL_ANSWER"/>
                                               ^^^^^^^^^^^^^ amqp/unknown-event: the slot stays 0, so the producer subscribes to every CUSTOM event instead (did you mean "CHANNEL_ANSWER"?)`,
      }),
    });
    const fixed = r.applyFix('amqp/unknown-event');
    expect(fixed['autoload_configs/amqp.conf.xml']).toContain('value="SWITCH_EVENT_CHANNEL_CREATE, channel_hangup,');
    expect(fixed['autoload_configs/amqp.conf.xml']).toContain('value="DTMF,CHANNEL_ANSWER"');
  });

  it('only producers have an event filter; $${} values are judged after expansion', () => {
    checkFindings(
      {
        'freeswitch.xml': `<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="set" data="events=CHANNEL_CREATE,NOPE"/>
  <X-PRE-PROCESS cmd="exec-set" data="more=cat /etc/events"/>
  <section name="configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
  </section>
</document>
`,
        'autoload_configs/amqp.conf.xml': amqpConf({
          producer: `        <param name="event_filter" value="$\${events}"/>
                                          ^^^^^^^^^^ amqp/unknown-event: "NOPE"
        <param name="event_filter" value="$\${more}"/>`,
          logging: `        <param name="event_filter" value="NOPE"/>`,
        }),
      },
      { root: true },
    );
  });
});
