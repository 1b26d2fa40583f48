import { defineRule, type FixInput } from '../types.js';
import { configInfo, configParamMatch, configParams } from '../../kb/index.js';
import { attr } from '../../xml/parser.js';
import { suggestionFixes } from '../util.js';
import { kbConfigName, sectionParams } from '../../semantics/kb-sections.js';

/** Configs whose unknown names other rules judge (sofia/unknown-param) or where any name is fine. */
const SKIP = new Set(['sofia.conf', 'directory']);

/**
 * A `<param>` name the owning module never compares against is silently ignored (or only logged).
 * Names are matched the way each module matches them: case-insensitively (strcasecmp), case-sensitively
 * (strcmp) or by prefix (mod_amqp's strncmp); mod_conference turns `_` into `-` first.
 */
export const unknownParam = defineRule({
  meta: { id: 'config/unknown-param', severity: 'warning', description: 'a module config param the module does not read (silently ignored)', fixable: true },
  check(ctx) {
    const seen = new Set<unknown>();
    for (const cfg of ctx.model.configs) {
      const config = kbConfigName(cfg.name);
      if (!config || SKIP.has(config)) continue;
      const module = configInfo(config)[0]?.module ?? 'the FreeSWITCH core';
      for (const sp of sectionParams(ctx.tree, cfg.node, config)) {
        if (seen.has(sp.node.el)) continue;
        seen.add(sp.node.el);
        if (sp.section.unknownNames === 'allowed') continue;
        const nameAttr = attr(sp.node.el, 'name');
        const name = nameAttr?.value ?? '';
        if (!nameAttr || !name.trim() || name.includes('$${')) continue;
        const match = configParamMatch(config, sp.section.id, name);
        // mod_amqp's `exchange` catch-all: a misspelt exchange-… name is only logged and ignored
        const catchAll = match && match.how === 'prefix' && match.entry.ignored && name !== match.entry.name;
        if (match && !catchAll) continue;
        const doc = sp.node.doc;
        const candidates = configParams(config, sp.section.id)
          .filter((p) => !p.ignored && !p.deprecated)
          .map((p) => p.name.replace(/\*$/, ''));
        const caseSensitive = sp.section.matching === 'case-sensitive' || sp.section.matching === 'prefix';
        const caseOnly = caseSensitive
          ? candidates.find(
              (n) => n.toLowerCase() === name.toLowerCase() || (sp.section.matching === 'prefix' && name.toLowerCase().startsWith(n.toLowerCase())),
            )
          : undefined;
        let fixes: FixInput[];
        let hint: string;
        if (caseOnly) {
          fixes = [
            {
              title: `Change to "${caseOnly}"`,
              kind: 'choice',
              edits: [{ doc, start: nameAttr.valueStart, end: nameAttr.valueEnd, newText: caseOnly }],
              preferred: true,
            },
          ];
          hint = ` (${module} compares names case-sensitively: "${caseOnly}")`;
        } else {
          ({ fixes, hint } = suggestionFixes(doc, nameAttr.valueStart, nameAttr.valueEnd, name, candidates));
          // `comfort-noise-level` → `comfort-noise`: a known name plus a made-up suffix
          const stem = !fixes.length
            ? candidates.filter((n) => n.length >= 5 && name.toLowerCase().startsWith(`${n.toLowerCase()}-`)).sort((a, b) => b.length - a.length)[0]
            : undefined;
          if (stem) {
            fixes = [{ title: `Change to "${stem}"`, kind: 'choice', edits: [{ doc, start: nameAttr.valueStart, end: nameAttr.valueEnd, newText: stem }] }];
            hint = ` (did you mean "${stem}"?)`;
          }
        }
        // a rename to a name already set beside it would override that param's value (the later one
        // wins): never offer it, say so instead
        const siblings = new Set(
          (sp.node.el.parent?.children ?? [])
            .filter((e) => e !== sp.node.el && e.name === sp.node.el.name)
            .map((e) => (attr(e, 'name')?.value ?? '').toLowerCase()),
        );
        const taken = fixes.filter((f) => siblings.has(f.edits[0]!.newText.toLowerCase()));
        if (taken.length) {
          fixes = fixes.filter((f) => !taken.includes(f));
          hint = ` ("${taken[0]!.edits[0]!.newText}" is already set here: renaming this one would override it)`;
        }
        const where = `<${sp.path.slice(0, -1).join('><')}>`;
        const what = catchAll
          ? `${module} only logs an error for it and ignores the value`
          : sp.section.unknownNames === 'warned'
            ? 'FreeSWITCH logs a warning and ignores it'
            : 'FreeSWITCH silently ignores it';
        ctx.report({
          doc,
          start: nameAttr.valueStart,
          end: nameAttr.valueEnd,
          message: `"${name}" is not a param ${module} reads in ${cfg.name.trim()} ${where}: ${what}${hint}`,
          fixes,
        });
      }
    }
  },
});
