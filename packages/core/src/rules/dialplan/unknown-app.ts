import { defineRule, type RuleContext } from '../types.js';
import { allApplications, application, existsIn, module as kbModule } from '../../kb/index.js';
import { logicalChildren } from '../../model.js';
import { attr } from '../../xml/parser.js';
import { attrText } from '../../semantics/source-map.js';
import { closestFixes } from '../../semantics/gateways.js';
import { dialplanActions } from '../../semantics/dialplan.js';

/**
 * Not applications: mod_skinny hunts its patterns context itself and reads these names from the
 * resulting extension (skinny_server.c), without executing them.
 */
const SKINNY_PSEUDO_APPS = new Set(['skinny-route', 'skinny-process', 'skinny-drop', 'skinny-wait']);

/**
 * Modules the tree loads: `<load module>` of modules.conf, pre_load_modules.conf and
 * post_load_modules.conf in files reached from freeswitch.xml. Undefined when the tree has no
 * modules.conf (nothing to compare with).
 */
function loadedModules(ctx: RuleContext): Set<string> | undefined {
  const out = new Set<string>();
  let seen = false;
  const add = (v: string | undefined) => {
    if (v) out.add(v.trim().replace(/\.(so|dll|dylib)$/i, ''));
  };
  for (const l of ctx.model.moduleLoads) {
    if (!l.node.doc.reachable) continue;
    seen = true;
    add(l.module);
  }
  for (const cfg of ctx.model.configs) {
    if (!cfg.node.doc.reachable) continue;
    const name = cfg.name.trim().toLowerCase();
    if (name === 'modules.conf') seen = true;
    if (name !== 'modules.conf' && name !== 'pre_load_modules.conf' && name !== 'post_load_modules.conf') continue;
    for (const m of logicalChildren(ctx.tree, cfg.node)) {
      if (m.el.name !== 'modules') continue;
      for (const l of logicalChildren(ctx.tree, m)) if (l.el.name === 'load') add(attr(l.el, 'module')?.value);
    }
  }
  return seen ? out : undefined;
}

/**
 * An `application` no FreeSWITCH module registers (and not declared in `.fsconf.yaml`
 * known.applications): at call time FreeSWITCH logs "Invalid Application" and hangs up. When the app
 * exists but its module is not loaded by modules.conf, the same happens unless something else loads it
 * (reported as info).
 */
export const unknownApp = defineRule({
  meta: {
    id: 'dialplan/unknown-app',
    severity: 'warning',
    description: 'an application no FreeSWITCH module registers, or whose module is not loaded',
    fixable: true,
    scope: 'extension',
  },
  check(ctx) {
    const known = ctx.config.known.applications;
    const knownLower = new Set(known.map((k) => k.toLowerCase()));
    let candidates: string[] | undefined;
    let loaded: Set<string> | undefined | null = null;
    for (const action of dialplanActions(ctx.model)) {
      const a = action.appAttr;
      if (!a) continue;
      const t = attrText(ctx.tree, action.node.doc, a);
      const name = t.value?.trim();
      if (!name || name.includes('$')) continue;
      if (knownLower.has(name.toLowerCase()) || SKINNY_PSEUDO_APPS.has(name)) continue;
      const app = application(name);
      if (app && !existsIn(app, ctx.config.freeswitch)) {
        ctx.report({
          doc: t.doc,
          start: t.start,
          end: t.end,
          message: `"${name}" is registered by ${app.module}, which FreeSWITCH ${app.removedIn} removed, and .fsconf.yaml says this switch runs ${ctx.config.freeswitch}: FreeSWITCH logs "Invalid Application ${name}" and hangs up the call`,
        });
        continue;
      }
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
      if (app.module === 'core' || !action.node.doc.reachable) continue;
      if (loaded === null) loaded = loadedModules(ctx);
      const have = loaded;
      if (!have || have.has(app.module)) continue;
      // another module registers the same name on this switch's version (mod_python's `python` on 1.10)
      const also = (app.alsoModules ?? []).filter((m) => {
        const entry = kbModule(m);
        return !entry || existsIn(entry, ctx.config.freeswitch);
      });
      if (also.some((m) => have.has(m))) continue;
      const alsoText = also.map((m) => ` or ${m}${kbModule(m)?.removedIn ? ' (FreeSWITCH 1.10)' : ''}`).join('');
      ctx.report({
        doc: t.doc,
        start: t.start,
        end: t.end,
        severity: 'info',
        message: `"${name}" is registered by ${app.module}${app.removedIn ? ` (FreeSWITCH 1.10 only; removed in ${app.removedIn})` : ''}${alsoText}, which modules.conf does not load: unless it is loaded by hand, FreeSWITCH logs "Invalid Application ${name}" and hangs up the call`,
      });
    }
  },
});
