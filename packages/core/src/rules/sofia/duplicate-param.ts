import { defineRule } from '../types.js';
import { SOFIA_ELEMENTS, reads } from '../reads.js';
import type { Param } from '../../model.js';
import { configParam } from '../../kb/index.js';
import { isSecretName } from '../../semantics/secret-names.js';
import { maskSecret } from '../../text.js';
import { wholeLine } from '../util.js';

/** Params sofia adds up instead of overwriting (sofia.c: each adds a list/alias/flag; `none` clears). */
const ACCUMULATES = new Set([
  'apply-inbound-acl',
  'apply-register-acl',
  'apply-proxy-acl',
  'apply-nat-acl',
  'apply-candidate-acl',
  'rtp-ip',
  'alias',
  'media-option',
]);

function accumulates(name: string, section: 'settings' | 'gateway'): boolean {
  const n = name.toLowerCase();
  if (ACCUMULATES.has(n)) return true;
  return !!configParam('sofia.conf', section, name)?.repeatable;
}

/**
 * A profile or gateway param given twice: mod_sofia reads the params in order and the later one wins
 * (profile settings compare names ignoring case, gateway params exactly), so the earlier line is dead.
 */
export const duplicateParam = defineRule({
  meta: {
    id: 'sofia/duplicate-param',
    severity: 'warning',
    description: 'a profile or gateway param is given twice: the later one wins',
    fixable: true,
    reads: reads(SOFIA_ELEMENTS),
  },
  check(ctx) {
    const run = (params: Param[], where: string, section: 'settings' | 'gateway') => {
      const seen = new Map<string, Param>();
      for (const p of params) {
        if (!p.name) continue;
        const key = section === 'settings' ? p.name.toLowerCase() : p.name;
        const earlier = seen.get(key);
        seen.set(key, p);
        if (!earlier || accumulates(p.name, section)) continue;
        const at = p.valueAttr ?? p.nameAttr;
        if (!at) continue;
        const secret = isSecretName(p.name);
        const show = (x: Param) => (x.value.value === undefined ? x.value.raw : secret ? maskSecret(x.value.value) : x.value.value);
        const same = earlier.value.value !== undefined ? earlier.value.value === p.value.value : earlier.value.raw === p.value.raw;
        const line = (x: Param) => x.node.doc.lines.lineOf(x.node.el.start) + 1;
        const file = (x: Param) => x.node.doc.path.split('/').pop();
        const earlierLine = wholeLine(earlier.node.doc, earlier.node.el.start);
        const laterLine = wholeLine(p.node.doc, p.node.el.start);
        ctx.report({
          doc: p.node.doc,
          start: at.valueStart,
          end: at.valueEnd,
          message: same
            ? `${p.name} is given twice in ${where} with the same value "${show(p)}" (also at ${file(earlier)}:${line(earlier)}): one line is enough`
            : `${p.name} is given twice in ${where}: this "${show(p)}" wins, the "${show(earlier)}" at ${file(earlier)}:${line(earlier)} has no effect`,
          related: [{ doc: earlier.node.doc, start: earlier.node.el.start, end: earlier.node.el.end, message: `the earlier ${p.name}, overridden` }],
          fixes: [
            // kind: safe — the earlier line has no effect today; removing it changes nothing FreeSWITCH does
            {
              title: `Remove the earlier ${p.name} (line ${line(earlier)}, no effect today)`,
              kind: 'safe' as const,
              edits: [{ doc: earlier.node.doc, ...earlierLine, newText: '' }],
              ...(same ? { preferred: true } : {}),
            },
            // kind: choice — keeps the earlier value, which changes what the profile does
            ...(same
              ? []
              : [
                  {
                    title: `Remove this ${p.name} (the earlier "${show(earlier)}" then applies)`,
                    kind: 'choice' as const,
                    edits: [{ doc: p.node.doc, ...laterLine, newText: '' }],
                  },
                ]),
          ],
        });
      }
    };
    for (const profile of ctx.model.profiles) {
      run(profile.settings, `profile ${profile.name}`, 'settings');
      for (const g of profile.gateways) run(g.params, `gateway ${g.name}`, 'gateway');
    }
  },
});
