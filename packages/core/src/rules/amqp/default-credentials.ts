import { defineRule } from '../types.js';
import { maskSecret } from '../../text.js';
import { amqpParam, amqpProfiles } from './profiles.js';

const isLocalHost = (h: string) => {
  const v = h
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return v === '' || v === 'localhost' || v.startsWith('127.') || v === '::1' || v.endsWith('.localhost');
};

/** A connection to a broker on another host that logs in as guest/guest (mod_amqp's defaults). */
export const defaultCredentials = defineRule({
  meta: {
    id: 'amqp/default-credentials',
    severity: 'warning',
    description: 'an amqp connection to a non-local host uses guest/guest',
    fixable: false,
    security: true,
  },
  check(ctx) {
    for (const profile of amqpProfiles(ctx)) {
      for (const c of profile.connections) {
        const host = amqpParam(c.params, 'hostname');
        const user = amqpParam(c.params, 'username');
        const pass = amqpParam(c.params, 'password');
        const hostname = host ? host.value.value : 'localhost';
        const username = user ? user.value.value : 'guest';
        const password = pass ? pass.value.value : 'guest';
        if (hostname === undefined || username === undefined || password === undefined) continue;
        if (isLocalHost(hostname) || username !== 'guest' || password !== 'guest') continue;
        const omitted = [!user && 'username', !pass && 'password'].filter(Boolean);
        const at = pass?.valueAttr
          ? { doc: pass.node.doc, start: pass.valueAttr.valueStart, end: pass.valueAttr.valueEnd }
          : user?.valueAttr
            ? { doc: user.node.doc, start: user.valueAttr.valueStart, end: user.valueAttr.valueEnd }
            : { doc: c.node.doc, start: c.node.el.nameStart, end: c.node.el.nameEnd };
        ctx.report({
          ...at,
          message: `connection "${c.name}" of amqp ${profile.kind} "${profile.name}" logs in to ${hostname} as guest with password "${maskSecret('guest')}"${omitted.length ? ` (${omitted.join(' and ')} not set: that is the default)` : ''}: RabbitMQ refuses guest from other hosts unless it was opened up, and then anyone who reaches the broker can read and inject these messages`,
        });
      }
    }
  },
});
