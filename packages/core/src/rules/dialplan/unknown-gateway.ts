import { defineRule } from '../types.js';
import { closestFixes, findGateway, gatewayDefs, gatewayTargets } from '../../semantics/gateways.js';
import { replaceIn, subRange } from '../../semantics/source-map.js';

/**
 * A literal `sofia/gateway/<name>/…` in a dial string (bridge, att_xfer, conference_set_auto_outcall)
 * naming a gateway no sofia profile (nor a directory user's `<gateways>`) defines: mod_sofia logs
 * "Invalid Gateway" and the leg fails with INVALID_GATEWAY. `profile::name` is understood.
 */
export const unknownGateway = defineRule({
  meta: {
    id: 'dialplan/unknown-gateway',
    severity: 'warning',
    description: 'a sofia/gateway/<name> dial string names a gateway no profile defines',
    fixable: true,
    scope: 'extension',
  },
  // an extension's findings depend on the gateways the tree defines
  unitKey(ctx) {
    if (!ctx.tree.root) return '';
    const defs = gatewayDefs(ctx.tree, ctx.model);
    return defs ? defs.map((d) => `${d.profile ?? ''}::${d.name}`).join('\u0000') : '\u0001unknown';
  },
  check(ctx) {
    if (!ctx.tree.root) return;
    let defs: ReturnType<typeof gatewayDefs> | null = null;
    for (const t of gatewayTargets(ctx.model)) {
      if (!t.action.node.doc.reachable) continue;
      defs ??= gatewayDefs(ctx.tree, ctx.model);
      if (!defs) return; // a gateway name depends on an unknown variable
      if (findGateway(defs, t.name)) continue;
      const where = subRange(t.data, t.start, t.end);
      const sep = t.name.indexOf('::');
      const bare = sep >= 0 ? t.name.slice(sep + 2) : t.name;
      const off = sep >= 0 ? sep + 2 : 0;
      const nameRange = subRange(t.data, t.start + off, t.end);
      const { fixes, hint } = closestFixes(
        t.data.doc,
        nameRange.start,
        nameRange.end,
        bare,
        defs.map((d) => d.name),
        !!replaceIn(t.data, t.start, t.end, ''),
      );
      ctx.report({
        doc: t.data.doc,
        start: where.start,
        end: where.end,
        message: `no sofia profile defines the gateway "${t.name}": mod_sofia logs "Invalid Gateway '${t.name}'" and the call leg fails (INVALID_GATEWAY)${hint}`,
        fixes,
      });
    }
  },
});
