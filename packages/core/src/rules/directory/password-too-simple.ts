import { defineRule } from '../types.js';
import { reportWeakPasswords } from './passwords.js';

/** mod_cti refuses to load: `sip_auth user:<id> password is too simple`. */
export const passwordTooSimple = defineRule({
  meta: {
    id: 'directory/password-too-simple',
    severity: 'error',
    description: "a user's password uses fewer character classes than the policy strength",
    fixable: true,
    security: true,
    scope: 'user',
  },
  check: (ctx) => reportWeakPasswords(ctx, 'too-simple'),
});
