import { defineRule } from '../types.js';
import { configsNamed, sectionNodes } from '../../semantics/module-config.js';
import { expandAttr } from '../../model.js';
import { attr } from '../../xml/parser.js';

const ANY = new Set(['0.0.0.0', '::', '[::]', '*']);

/**
 * mod_rayo (FreeSWITCH 1.10; removed in 1.11) `<listen>` on every address with no `acl`: xmpp_streams.c:1689
 * keeps an ACL only when one is given, so any host that reaches the port may try to log in as a Rayo client
 * (and control calls) with the users of rayo.conf.
 */
export const rayoOpenListener = defineRule({
  meta: {
    id: 'rayo/open-listener',
    severity: 'warning',
    description: 'a mod_rayo listener on every address without an acl',
    fixable: false,
    security: true,
    reads: ['configuration', 'domain', 'listen'],
  },
  check(ctx) {
    for (const cfg of configsNamed(ctx.model, 'rayo.conf')) {
      for (const domain of sectionNodes(ctx.tree, cfg.node, 'domain')) {
        for (const l of sectionNodes(ctx.tree, domain, 'listen')) {
          const a = attr(l.el, 'address');
          if (!a) continue;
          const address = expandAttr(ctx.tree, l.doc, a).value?.trim();
          if (address === undefined || !ANY.has(address)) continue;
          const acl = attr(l.el, 'acl');
          const aclValue = acl ? expandAttr(ctx.tree, l.doc, acl).value : '';
          if (aclValue === undefined || aclValue.trim() !== '') continue;
          const type = attr(l.el, 'type')?.value ?? 'c2s';
          const port = attr(l.el, 'port')?.value ?? '';
          ctx.report({
            doc: l.doc,
            start: a.valueStart,
            end: a.valueEnd,
            message: `mod_rayo's ${type} listener${port ? ` on port ${port}` : ''} binds every address (${address}) with no acl: any host that reaches it may try the rayo.conf users' passwords and, once in, control calls; give acl="<list>"`,
          });
        }
      }
    }
  },
});
