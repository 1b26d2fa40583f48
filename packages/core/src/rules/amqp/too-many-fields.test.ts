import { describe, it } from 'vitest';
import { checkFindings } from '../../testing/check.js';
import { amqpConf } from './fixture-amqp.js';

describe('amqp/too-many-fields', () => {
  it('more than 10 format_fields: the producer is not created; 10 is fine', () => {
    checkFindings({
      'autoload_configs/amqp.conf.xml': amqpConf({
        producer: `        <param name="format_fields" value="#FS,a,b,c,d,e,f,g,h,i,j"/>
                                           ^^^^^^^^^^^^^^^^^^^^^^^ amqp/too-many-fields: format_fields of amqp producer "default" has 11 fields: FreeSWITCH allows at most 10, logs "You can have only 10 routing fields in the routing key." and does not start the profile`,
      }),
      'autoload_configs/amqp2.conf.xml': amqpConf({ producer: `        <param name="format_fields" value="#FS,a,b,c,d,e,f,g,h,i"/>` }),
    });
  });
});
