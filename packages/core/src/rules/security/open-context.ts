import { defineRule } from '../types.js';
import { exposureOf, type Reach } from '../../simulate/exposure.js';
import { parseLocalNet } from '../../semantics/network-lists.js';
import { display } from '../../simulate/values.js';
import { EXPOSURE_READS, pathRelated, profileAnchor } from './exposure-report.js';

const WHAT: Record<string, string> = { 'local-user': 'local users', voicemail: 'voicemail', conference: 'conferences' };

/** Strangers reach local users, voicemail or conferences (vanilla's public context does, for 1000-1019). */
export const openContext = defineRule({
  meta: {
    id: 'security/open-context',
    severity: 'warning',
    description: 'a caller without a password from an internet address reaches local users, voicemail or conferences',
    fixable: false,
    security: true,
    reads: EXPOSURE_READS,
  },
  check(ctx) {
    const ln = ctx.config.localNet ? parseLocalNet(ctx.config.localNet) : undefined;
    for (const pe of exposureOf(ctx.tree, ctx.model, ln ? { localNet: ln } : {})) {
      const local = pe.reaches.filter((r) => r.kind in WHAT);
      if (!local.length) continue;
      const byKind = new Map<string, Reach[]>();
      for (const r of local) {
        let l = byKind.get(r.kind);
        if (!l) byKind.set(r.kind, (l = []));
        if (!l.some((x) => x.number === r.number)) l.push(r);
      }
      const parts = [...byKind].map(
        ([k, rs]) =>
          `${WHAT[k]} (${rs
            .slice(0, 4)
            .map((r) => `${r.number} → ${display(r.endpoint ?? '')}`)
            .join(', ')}${rs.length > 4 ? ', …' : ''})`,
      );
      ctx.report({
        ...profileAnchor(pe.profile),
        message: `callers without a password from the internet (${pe.caller}) on profile ${pe.profile.name} reach ${parts.join(', ')} through context ${pe.context}: make sure each is meant to be reachable from outside`,
        related: local
          .slice(0, 6)
          .flatMap((r) => pathRelated(ctx.tree, r))
          .slice(0, 12),
      });
    }
  },
});
