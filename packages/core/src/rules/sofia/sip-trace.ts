import { SOFIA_ELEMENTS, reads } from '../reads.js';
import { switchTrue } from '../../text.js';
import { profileParamRule } from './profile-param.js';

/** `sip-trace` on: sofia logs every SIP message of the profile (sofia.c:4753) — disk, CPU and credentials in logs. */
export const sipTrace = profileParamRule({
  meta: { id: 'sofia/sip-trace', severity: 'info', description: 'sip-trace is on: every SIP message is logged', fixable: true, reads: reads(SOFIA_ELEMENTS) },
  param: 'sip-trace',
  wrong: switchTrue,
  message: (profile) =>
    `sip-trace is on for profile ${profile.name}: FreeSWITCH logs every SIP message it sends and receives (headers included), which fills logs on a busy switch; "sofia profile ${profile.name} siptrace on" turns it on when needed`,
  // kind: safe — only logging changes
  fix: { value: 'no', what: 'sip-trace=no', kind: 'safe' },
});
