/** mod_amr / mod_amrwb `<settings>` params (amr.conf, amrwb.conf). */
import { configsNamed, paramsIn, sectionNodes } from '../../semantics/module-config.js';
import type { Param } from '../../model.js';
import type { RuleContext } from '../types.js';

export type AmrCodec = 'amr' | 'amrwb';

export interface AmrSettings {
  codec: AmrCodec;
  params: Param[];
}

export function amrSettings(ctx: RuleContext): AmrSettings[] {
  const out: AmrSettings[] = [];
  for (const codec of ['amr', 'amrwb'] as const) {
    for (const cfg of configsNamed(ctx.model, `${codec}.conf`)) {
      for (const s of sectionNodes(ctx.tree, cfg.node, 'settings')) out.push({ codec, params: paramsIn(ctx.tree, s) });
    }
  }
  return out;
}

export const CODEC_LABEL: Record<AmrCodec, string> = { amr: 'AMR', amrwb: 'AMR-WB' };
