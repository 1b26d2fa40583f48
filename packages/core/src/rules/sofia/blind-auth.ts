import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { findParam } from '../../model.js';
import { switchTrue } from '../../text.js';
import { profileParamRule } from './profile-param.js';

/** accept-blind-auth without enforce-blind-auth-result: any INVITE passes the challenge. */
export const blindAuth = profileParamRule({
  meta: {
    id: 'sofia/blind-auth',
    severity: 'error',
    description: 'accept-blind-auth is true without enforce-blind-auth-result',
    fixable: true,
    security: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  param: 'accept-blind-auth',
  wrong: switchTrue,
  applies(profile) {
    const enforce = findParam(profile.settings, 'enforce-blind-auth-result');
    return !(enforce && (enforce.value.value === undefined || switchTrue(enforce.value.value)));
  },
  message: (profile, p) =>
    `accept-blind-auth is "${p!.value.value}" on profile ${profile.name} and enforce-blind-auth-result is not set: FreeSWITCH accepts any credentials on INVITE`,
  fix: { value: 'false', what: 'accept-blind-auth=false', kind: 'choice' },
  origin: true,
});
