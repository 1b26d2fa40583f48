import { defineRule, type FixInput } from '../types.js';
import { allLogLevels, logLevel } from '../../kb/index.js';
import { didYouMean } from '../../kb/did-you-mean.js';
import { amqpProfiles, listEntries } from './profiles.js';

/** switch_log_str2level(): a level name (any case) or a number; switch_log_str2mask() adds `all`. */
function isLevel(s: string): boolean {
  return logLevel(s) !== undefined || s.toLowerCase() === 'all' || /^[+-]?\d+$/.test(s);
}

/** A mod_amqp logging profile `log-levels` entry that is not a level: switch_log_str2mask() drops it. */
export const badLogLevel = defineRule({
  meta: { id: 'amqp/bad-log-level', severity: 'warning', description: 'an amqp log-levels entry is not a log level name', fixable: true },
  check(ctx) {
    const names = allLogLevels().map((l) => l.name);
    for (const profile of amqpProfiles(ctx)) {
      if (profile.kind !== 'logging') continue;
      for (const p of profile.params) {
        if (p.kbName !== 'log-levels') continue;
        for (const entry of listEntries(p)) {
          if (isLevel(entry.text)) continue;
          const lower = entry.text.toLowerCase();
          const near = didYouMean(entry.text, names);
          const suggestions =
            lower === 'error' ? ['err'] : near.length ? near : names.filter((n) => lower.length >= 3 && (n.startsWith(lower) || lower.startsWith(n)));
          const exact = entry.end - entry.start === entry.text.length;
          const fixes: FixInput[] = exact
            ? suggestions.map((s, i) => ({
                title: `Change to "${s}"`,
                kind: 'choice' as const,
                edits: [{ doc: p.node.doc, start: entry.start, end: entry.end, newText: s }],
                ...(i === 0 && suggestions.length === 1 ? { preferred: true } : {}),
              }))
            : [];
          ctx.report({
            doc: p.node.doc,
            start: entry.start,
            end: entry.end,
            message: `"${entry.text}" in log-levels of amqp logging profile "${profile.name}" is not a log level: FreeSWITCH silently drops it, so those log lines are never published${suggestions.length ? ` (did you mean "${suggestions[0]}"?)` : ''}`,
            fixes,
          });
        }
      }
    }
  },
});
