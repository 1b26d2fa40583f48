import { defineRule } from '../types.js';
import { amqpProfiles } from './profiles.js';

/** mod_amqp MAX_ROUTING_KEY_FORMAT_FIELDS. */
const MAX_FIELDS = 10;

/** More than 10 `format_fields` (counted by their commas): the producer profile is not created. */
export const tooManyFields = defineRule({
  meta: { id: 'amqp/too-many-fields', severity: 'error', description: 'more than 10 amqp format_fields: the producer profile fails to load', fixable: false },
  check(ctx) {
    for (const profile of amqpProfiles(ctx)) {
      if (profile.kind !== 'producer') continue;
      for (const p of profile.params) {
        if (p.kbName !== 'format_fields' || !p.valueAttr || p.value.value === undefined) continue;
        const fields = p.value.value.split(',').length;
        if (fields <= MAX_FIELDS) continue;
        ctx.report({
          doc: p.node.doc,
          start: p.valueAttr.valueStart,
          end: p.valueAttr.valueEnd,
          message: `format_fields of amqp producer "${profile.name}" has ${fields} fields: FreeSWITCH allows at most ${MAX_FIELDS}, logs "You can have only ${MAX_FIELDS} routing fields in the routing key." and does not start the profile`,
        });
      }
    }
  },
});
