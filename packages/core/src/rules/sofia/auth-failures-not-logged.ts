import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { switchTrue } from '../../text.js';
import { isExternal } from './roles.js';
import { profileParamRule } from './profile-param.js';

/** Without log-auth-failures, fail2ban has nothing to act on. */
export const authFailuresNotLogged = profileParamRule({
  meta: {
    id: 'sofia/auth-failures-not-logged',
    severity: 'info',
    description: 'an external profile does not log authentication failures',
    fixable: true,
    security: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  param: 'log-auth-failures',
  wrong: (v) => !switchTrue(v),
  missing: true,
  applies: (profile, ctx) => isExternal(profile, ctx.config),
  message: (profile) =>
    `profile ${profile.name} does not log authentication failures (log-auth-failures=true), so fail2ban and similar tools see no failed attempts`,
  fix: { value: 'true', what: 'log-auth-failures=true', kind: 'safe' },
});
