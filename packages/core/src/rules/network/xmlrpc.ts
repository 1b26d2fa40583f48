import { defineRule, type RuleContext, type Severity } from '../types.js';
import { configsNamed, moduleLoaded, paramsIn, sectionNodes } from '../../semantics/module-config.js';
import { findParam, type Param } from '../../model.js';
import { lazyEdit, lazyPassword } from '../../passwords.js';

function xmlrpcSettings(ctx: RuleContext): { params: Param[]; node: import('../../model.js').Node }[] {
  const out = [];
  for (const cfg of configsNamed(ctx.model, 'xml_rpc.conf'))
    for (const s of sectionNodes(ctx.tree, cfg.node, 'settings')) out.push({ params: paramsIn(ctx.tree, s), node: s });
  return out;
}

function severityFor(ctx: RuleContext): { severity: Severity; note: string } {
  const loaded = moduleLoaded(ctx.model, 'mod_xml_rpc');
  return loaded ? { severity: 'error', note: 'mod_xml_rpc is loaded' } : { severity: 'info', note: 'mod_xml_rpc is not loaded in modules.conf today' };
}

/** No realm and no user: every HTTP request to mod_xml_rpc is authorised. */
export const xmlrpcNoAuth = defineRule({
  meta: {
    id: 'xmlrpc/no-auth',
    severity: 'error',
    description: 'mod_xml_rpc without auth-realm/auth-user authorises every request',
    fixable: false,
    security: true,
  },
  check(ctx) {
    for (const s of xmlrpcSettings(ctx)) {
      const realm = findParam(s.params, 'auth-realm', true);
      const user = findParam(s.params, 'auth-user', true);
      if ((realm && realm.value.value !== '') || (user && user.value.value !== '')) continue;
      const { severity, note } = severityFor(ctx);
      ctx.report({
        doc: s.node.doc,
        start: s.node.el.nameStart,
        end: s.node.el.nameEnd,
        severity,
        message: `xml_rpc has neither auth-realm nor auth-user: every HTTP request may run API commands (${note})`,
      });
    }
  },
});

/** The shipped credentials freeswitch/works. */
export const xmlrpcDefaultCredentials = defineRule({
  meta: { id: 'xmlrpc/default-credentials', severity: 'error', description: 'mod_xml_rpc auth-pass is the stock "works"', fixable: true, security: true },
  check(ctx) {
    for (const s of xmlrpcSettings(ctx)) {
      const pass = findParam(s.params, 'auth-pass', true);
      if (!pass || !pass.valueAttr || pass.value.value !== 'works') continue;
      const { severity, note } = severityFor(ctx);
      ctx.report({
        doc: pass.node.doc,
        start: pass.valueAttr.valueStart,
        end: pass.valueAttr.valueEnd,
        severity,
        message: `xml_rpc auth-pass is the stock "w***" that ships with FreeSWITCH: anyone who knows it can run API commands over HTTP (${note})`,
        fixes: [
          {
            title: 'Replace with a generated strong password',
            kind: 'credential',
            edits: [lazyEdit(pass.node.doc, pass.valueAttr.valueStart, pass.valueAttr.valueEnd, lazyPassword(ctx.config.passwords))],
            preferred: true,
          },
        ],
      });
    }
  },
});
