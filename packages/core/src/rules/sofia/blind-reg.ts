import { ACL_ELEMENTS, SOFIA_ELEMENTS, reads } from '../reads.js';
import { switchTrue } from '../../text.js';
import { profileParamRule } from './profile-param.js';

/** accept-blind-reg: any REGISTER succeeds without a password. */
export const blindReg = profileParamRule({
  meta: {
    id: 'sofia/blind-reg',
    severity: 'error',
    description: 'accept-blind-reg is true: anyone can register as anyone',
    fixable: true,
    security: true,
    reads: reads(SOFIA_ELEMENTS, ACL_ELEMENTS),
  },
  param: 'accept-blind-reg',
  wrong: switchTrue,
  message: (profile, p) =>
    `accept-blind-reg is "${p!.value.value}" on profile ${profile.name}: FreeSWITCH accepts every REGISTER without a password, so anyone can register as any user`,
  fix: { value: 'false', what: 'accept-blind-reg=false', kind: 'choice' },
  origin: true,
});
