import { defineRule } from '../types.js';
import { reportWeakPasswords } from './passwords.js';

/** mod_cti refuses to load: `sip_auth user:<id> password is too short`. */
export const passwordTooShort = defineRule({
  meta: {
    id: 'directory/password-too-short',
    severity: 'error',
    description: "a user's password is shorter than the policy minimum",
    fixable: true,
    security: true,
    scope: 'user',
  },
  check: (ctx) => reportWeakPasswords(ctx, 'too-short'),
});
