import { defineRule, type FixInput } from '../types.js';
import { findParam } from '../../model.js';
import { amrModes, atoi, bitrateToMode } from '../../kb/index.js';
import { originOf, setValueFixes } from '../params.js';
import { amrSettings, CODEC_LABEL } from './settings.js';

const kbit = (kbps: number) => `${kbps.toFixed(2)} kbit/s`;

/**
 * default-bitrate is a mode index (AMR 0-7, AMR-WB 0-8), read with atoi() into a byte without any range
 * check: a bitrate such as 12200 or 23.85 becomes a mode number that does not exist.
 */
export const modeRange = defineRule({
  meta: { id: 'amr/mode-range', severity: 'error', description: 'amr default-bitrate is not a mode index 0-7 (amrwb 0-8)', fixable: true },
  check(ctx) {
    for (const s of amrSettings(ctx)) {
      const p = findParam(s.params, 'default-bitrate');
      if (!p || !p.valueAttr || p.value.value === undefined) continue;
      const value = p.value.value;
      const t = value.trim();
      const modes = amrModes(s.codec);
      const max = modes[modes.length - 1]!.mode;
      if (/^\d+$/.test(t) && Number(t) <= max) continue;
      const label = CODEC_LABEL[s.codec];
      const byte = ((atoi(value) % 256) + 256) % 256;
      const used = modes.find((m) => m.mode === byte);
      const reads = used
        ? `FreeSWITCH reads it with atoi() as mode ${byte} and encodes at ${kbit(used.kbps)}`
        : `FreeSWITCH reads it with atoi() as mode ${byte} (no range check), which is no ${label} mode (0-${max})`;
      const asRate = bitrateToMode(s.codec, t);
      let message: string;
      const fixes: FixInput[] = [];
      if (asRate) {
        message = `default-bitrate "${value}" is a bitrate, not a mode index: ${reads}; ${kbit(asRate.kbps)} is mode ${asRate.mode}`;
        fixes.push(...setValueFixes(p, String(asRate.mode), `default-bitrate to mode ${asRate.mode} (${kbit(asRate.kbps)})`, 'choice'));
      } else {
        message = `default-bitrate "${value}" is not an ${label} mode index 0-${max}: ${reads}`;
        if (/^\d+$/.test(t)) {
          const top = modes[modes.length - 1]!;
          fixes.push(
            ...setValueFixes(p, String(top.mode), `default-bitrate to mode ${top.mode}, the highest (${kbit(top.kbps)})`, 'choice').map((f) => ({
              ...f,
              preferred: false,
            })),
          );
        }
      }
      ctx.report({ doc: p.node.doc, start: p.valueAttr.valueStart, end: p.valueAttr.valueEnd, message, related: originOf(p), fixes });
    }
  },
});
