import type { Rule } from '../types.js';
import { allApplications, application } from '../../kb/index.js';
import { moduleLoaded } from '../../config-sections.js';
import { logicalChildren } from '../../model.js';
import { attr } from '../../xml/parser.js';
import { attrText, closestFixes } from './shared.js';

/** Modules loaded by pre_load_modules.conf / post_load_modules.conf (besides modules.conf). */
function extraLoads(ctx: Parameters<Rule['check']>[0]): Set<string> {
  const out = new Set<string>();
  for (const cfg of ctx.model.configs) {
    const name = cfg.name.trim().toLowerCase();
    if (name !== 'pre_load_modules.conf' && name !== 'post_load_modules.conf') continue;
    for (const m of logicalChildren(ctx.tree, cfg.node)) {
      if (m.el.name !== 'modules') continue;
      for (const l of logicalChildren(ctx.tree, m)) {
        const v = l.el.name === 'load' ? attr(l.el, 'module')?.value : undefined;
        if (v) out.add(v.trim().replace(/\.(so|dll|dylib)$/i, ''));
      }
    }
  }
  return out;
}

/**
 * An `application` no FreeSWITCH module registers (and not declared in `.fsconf.yaml`
 * known.applications): at call time FreeSWITCH logs "Invalid Application" and hangs up. When the app
 * exists but its module is not loaded by modules.conf, the same happens unless something else loads it
 * (reported as info).
 */
export const unknownApp: Rule = {
  meta: { id: 'dialplan/unknown-app', severity: 'warning', description: 'an application no FreeSWITCH module registers, or whose module is not loaded', fixable: true },
  check(ctx) {
    const known = ctx.config.known.applications;
    const knownLower = new Set(known.map((k) => k.toLowerCase()));
    let candidates: string[] | undefined;
    let extra: Set<string> | undefined;
    for (const action of ctx.model.actions) {
      const a = action.appAttr;
      if (!a) continue;
      const t = attrText(ctx.tree, action.node.doc, a);
      const name = t.value?.trim();
      if (!name || name.includes('$')) continue;
      if (knownLower.has(name.toLowerCase())) continue;
      const app = application(name);
      if (!app) {
        candidates ??= [...allApplications().map((x) => x.name), ...known];
        const { fixes, hint } = closestFixes(t.doc, t.start, t.end, name, candidates, !!t.map && t.value === name);
        ctx.report({
          doc: t.doc,
          start: t.start,
          end: t.end,
          message: `no FreeSWITCH module registers the application "${name}": FreeSWITCH logs "Invalid Application ${name}" and hangs up the call${hint}; add it to known.applications in .fsconf.yaml if a third-party module provides it`,
          fixes,
        });
        continue;
      }
      if (app.module === 'core') continue;
      if (moduleLoaded(ctx.model, app.module) !== false) continue;
      extra ??= extraLoads(ctx);
      if (extra.has(app.module)) continue;
      ctx.report({
        doc: t.doc,
        start: t.start,
        end: t.end,
        severity: 'info',
        message: `"${name}" is registered by ${app.module}, which modules.conf does not load: unless it is loaded by hand, FreeSWITCH logs "Invalid Application ${name}" and hangs up the call`,
      });
    }
  },
};
