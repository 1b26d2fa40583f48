import { defineRule } from '../types.js';
import { configsNamed, paramsIn, sectionNodes } from '../../semantics/module-config.js';
import { findParam } from '../../model.js';
import { attr } from '../../xml/parser.js';

/** A verto profile with neither userauth nor root-password: JSON-RPC without authentication. */
export const vertoNoAuth = defineRule({
  meta: { id: 'verto/no-auth', severity: 'warning', description: 'a verto profile has neither userauth nor root-password', fixable: false, security: true },
  check(ctx) {
    for (const cfg of configsNamed(ctx.model, 'verto.conf')) {
      for (const profiles of sectionNodes(ctx.tree, cfg.node, 'profiles')) {
        for (const profile of sectionNodes(ctx.tree, profiles, 'profile')) {
          const params = paramsIn(ctx.tree, profile);
          const userauth = findParam(params, 'userauth');
          const root = findParam(params, 'root-password');
          if ((userauth && userauth.value.value !== '') || (root && root.value.value !== '')) continue;
          const name = attr(profile.el, 'name');
          ctx.report({
            doc: profile.doc,
            start: name ? name.valueStart : profile.el.nameStart,
            end: name ? name.valueEnd : profile.el.nameEnd,
            message: `verto profile ${name?.value ?? ''} has neither userauth nor root-password: mod_verto accepts JSON-RPC logins without authentication`,
          });
        }
      }
    }
  },
});
