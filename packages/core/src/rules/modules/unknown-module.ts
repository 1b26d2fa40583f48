import { defineRule, type RuleContext } from '../types.js';
import { allModules, defaultMaxDistance, existsIn, kbDidYouMean, module as kbModule, nonModule } from '../../kb/index.js';
import { attr } from '../../xml/parser.js';
import { expandAttr, logicalChildren, type Node } from '../../model.js';
import type { FixInput } from '../types.js';
import { wholeLine } from '../util.js';

/** `<load>` elements of modules.conf and of pre_load_modules.conf / post_load_modules.conf. */
export function loadNodes(ctx: RuleContext): Node[] {
  const out = new Map<unknown, Node>();
  for (const l of ctx.model.moduleLoads) out.set(l.node.el, l.node);
  for (const cfg of ctx.model.configs) {
    const name = cfg.name.trim().toLowerCase();
    if (name !== 'modules.conf' && name !== 'pre_load_modules.conf' && name !== 'post_load_modules.conf') continue;
    for (const m of logicalChildren(ctx.tree, cfg.node)) {
      if (m.el.name !== 'modules') continue;
      for (const l of logicalChildren(ctx.tree, m)) if (l.el.name === 'load' && !out.has(l.el)) out.set(l.el, l);
    }
  }
  return [...out.values()];
}

/**
 * Modules that are not FreeSWITCH's but are real and common (a did-you-mean to a FreeSWITCH module
 * would swap a working third-party module for another one), and names whose codec lives elsewhere.
 */
const THIRD_PARTY: Record<string, string> = {
  mod_bcg729: 'a third-party G.729 codec module (bcg729), not part of FreeSWITCH: mod_g729 is not a substitute (pass-through only)',
  mod_g722: 'there is no mod_g722: G.722 is provided by mod_spandsp',
  mod_audio_fork: 'a third-party module (audio streaming over websockets), not part of FreeSWITCH',
  mod_unimrcp: 'a third-party module (UniMRCP), not part of FreeSWITCH',
};

/** The digits of a name ("mod_g722" → "722"): a codec number is never a typo of another codec's. */
const digitsOf = (s: string) => s.replace(/\D+/g, '');

/** Did-you-mean on the part after `mod_` (every name shares that prefix, so it must not count as similarity). */
function suggest(doc: Node['doc'], start: number, end: number, name: string, candidates: string[]): { fixes: FixInput[]; hint: string } {
  if (THIRD_PARTY[name]) return { fixes: [], hint: '' };
  const s = kbDidYouMean(name, candidates, { max: 3, maxDistance: defaultMaxDistance(name.replace(/^mod_/, '').length) }).filter(
    (x) => digitsOf(x) === digitsOf(name),
  );
  return {
    fixes: s.map((x, i) => ({
      title: `Change to "${x}"`,
      kind: 'choice' as const,
      edits: [{ doc, start, end, newText: x }],
      ...(s.length === 1 && i === 0 ? { preferred: true } : {}),
    })),
    hint: s.length ? ` (did you mean "${s[0]}"?)` : '',
  };
}

/**
 * `<load module="…">` that names no FreeSWITCH module (and no module the user declared in
 * `.fsconf.yaml` known.modules): FreeSWITCH cannot find the file, logs an error and starts without it.
 */
export const unknownModule = defineRule({
  meta: { id: 'modules/unknown-module', severity: 'warning', description: 'a <load module> names no FreeSWITCH module', fixable: true },
  check(ctx) {
    const known = new Set(ctx.config.known.modules);
    const candidates = [...allModules().map((m) => m.name), ...known];
    for (const node of loadNodes(ctx)) {
      const a = attr(node.el, 'module');
      if (!a || attr(node.el, 'path')) continue; // a module loaded from an explicit path is someone else's
      const value = expandAttr(ctx.tree, node.doc, a).value;
      if (value === undefined || !value.trim()) continue;
      // FreeSWITCH accepts the name with or without its extension
      const name = value.trim().replace(/\.(so|dll|dylib)$/i, '');
      if (name.includes('/') || name.includes('\\')) continue;
      if (known.has(name) || known.has(value.trim())) continue;
      const entry = kbModule(name);
      if (entry && existsIn(entry, ctx.config.freeswitch)) continue;
      if (entry) {
        // a 1.10 module on a switch said (in .fsconf.yaml) to run a later version
        ctx.report({
          doc: node.doc,
          start: a.valueStart,
          end: a.valueEnd,
          message: `"${name}" was removed in FreeSWITCH ${entry.removedIn} (1.10.12 is the last version with it), and .fsconf.yaml says this switch runs ${ctx.config.freeswitch}: FreeSWITCH fails to load it and starts without it`,
        });
        continue;
      }
      const literal = node.doc.text.slice(a.valueStart, a.valueEnd) === value;
      const not = nonModule(name);
      const line = wholeLine(node.doc, node.el.start);
      const alone = node.doc.text.slice(line.start, line.end).trim() === node.doc.text.slice(node.el.start, node.el.end).trim();
      const { fixes, hint } = not
        ? alone
          ? {
              fixes: [
                { title: `Remove the <load module="${name}"/> line`, kind: 'safe' as const, edits: [{ doc: node.doc, ...line, newText: '' }], preferred: true },
              ],
              hint: '',
            }
          : { fixes: [], hint: '' }
        : literal
          ? suggest(node.doc, a.valueStart, a.valueEnd, name, candidates)
          : { fixes: [], hint: '' };
      const why = not ? ` - ${not.doc.split('\n')[0]!.replace(/\.$/, '')}` : THIRD_PARTY[name] ? ` - ${THIRD_PARTY[name]}` : '';
      const critical = /^(true|yes|on|1)$/i.test(attr(node.el, 'critical')?.value ?? '');
      ctx.report({
        doc: node.doc,
        start: a.valueStart,
        end: a.valueEnd,
        message: `"${name}" is no FreeSWITCH module${why}: FreeSWITCH fails to load it${critical ? ' and, because it is critical, refuses to start' : ' and starts without it'}${not ? '' : '; add it to known.modules in .fsconf.yaml if it is a third-party module'}${hint}`,
        fixes,
      });
    }
  },
});
