import { defineRule } from '../types.js';
import { exposureOf } from '../../simulate/exposure.js';
import { parseLocalNet } from '../../semantics/network-lists.js';
import { EXPOSURE_READS, pathRelated, pathText, profileAnchor } from './exposure-report.js';

/**
 * A caller with no password, from an internet address, reaches a bridge out of the switch (a gateway
 * or an external SIP URI): the path toll fraud takes. Found by simulating such calls (simulate/exposure.ts).
 */
export const tollFraudPath = defineRule({
  meta: {
    id: 'security/toll-fraud-path',
    severity: 'error',
    description: 'a caller without a password from an internet address reaches a bridge to a gateway or an external SIP URI',
    fixable: false,
    security: true,
    reads: EXPOSURE_READS,
  },
  check(ctx) {
    const ln = ctx.config.localNet ? parseLocalNet(ctx.config.localNet) : undefined;
    for (const pe of exposureOf(ctx.tree, ctx.model, ln ? { localNet: ln } : {})) {
      const seen = new Set<string>();
      for (const r of pe.reaches) {
        if (r.kind !== 'external') continue;
        const key = `${r.action?.file}:${r.action?.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const gw = r.targets?.find((t) => t.kind === 'gateway');
        const what = gw ? `gateway ${gw.name}` : `the external SIP address ${r.targets?.find((t) => t.kind === 'external-uri')?.target ?? r.endpoint}`;
        const how =
          pe.admission.by === 'none'
            ? 'is let in without a password'
            : pe.admission.by === 'blind'
              ? 'is taken as authenticated by accept-blind-auth'
              : `passes the inbound ACL (${pe.admission.reason})`;
        const when = r.assumptions.length ? ` when ${r.assumptions.join('; ')}` : '';
        ctx.report({
          ...profileAnchor(pe.profile),
          message: `toll fraud: a caller from the internet (${pe.caller}) ${how} on profile ${pe.profile.name} and dialling ${r.number} reaches ${what}${when}: ${pathText(pe.profile.name, r)}`,
          related: pathRelated(ctx.tree, r),
        });
      }
    }
  },
});
