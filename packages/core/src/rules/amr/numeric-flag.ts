import { defineRule } from '../types.js';
import { findParam } from '../../model.js';
import { switchTrue } from '../../kb/index.js';
import { originOf, setValueFixes } from '../params.js';
import { amrSettings, type AmrCodec } from './settings.js';

const FLAGS: Record<AmrCodec, readonly string[]> = {
  amr: ['volte', 'adjust-bitrate', 'force-oa'],
  amrwb: ['volte', 'adjust-bitrate', 'force-oa', 'mode-set-overwrite'],
};

/** Words FreeSWITCH's switch_false() reads as false: written as a word, they still mean what they say. */
const FALSE_WORDS = /^(no|off|false|f|disabled|inactive|disallow)$/i;

/**
 * mod_amr / mod_amrwb read these flags with atoi(), not switch_true(): any word is 0, so `true` means off.
 */
export const numericFlag = defineRule({
  meta: { id: 'amr/numeric-flag', severity: 'error', description: 'an amr/amrwb flag written as a word: atoi() reads every word as 0 (off)', fixable: true },
  check(ctx) {
    for (const s of amrSettings(ctx)) {
      for (const name of FLAGS[s.codec]) {
        const p = findParam(s.params, name);
        if (!p || !p.valueAttr || p.value.value === undefined) continue;
        const value = p.value.value.trim();
        if (value === '' || /^[+-]?\d/.test(value)) continue;
        const file = `${s.codec}.conf`;
        if (FALSE_WORDS.test(value)) {
          ctx.report({
            doc: p.node.doc,
            start: p.valueAttr.valueStart,
            end: p.valueAttr.valueEnd,
            severity: 'info',
            message: `${name} "${value}" in ${file} is read with atoi() as 0 (off) - what it says, but only because every word reads as 0 (even "true"); write 0`,
            related: originOf(p),
            fixes: setValueFixes(p, '0', `${name}=0`, 'choice'),
          });
          continue;
        }
        const meantOn = switchTrue(value);
        const on = setValueFixes(p, '1', `${name}=1 (on)`, 'choice').map((f) => ({ ...f, preferred: meantOn && f.preferred === true }));
        const off = setValueFixes(p, '0', `${name}=0 (off)`, 'choice').map((f) => ({ ...f, preferred: false }));
        ctx.report({
          doc: p.node.doc,
          start: p.valueAttr.valueStart,
          end: p.valueAttr.valueEnd,
          message: `${name} "${value}" in ${file} is read with atoi(), not as a boolean: FreeSWITCH takes it as 0, so ${name} is off${meantOn ? ' although it says on' : ''}; write 1 or 0`,
          related: originOf(p),
          fixes: [...on, ...off],
        });
      }
    }
  },
});
