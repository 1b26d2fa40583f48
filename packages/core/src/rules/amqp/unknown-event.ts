import { defineRule, type FixInput } from '../types.js';
import { allEvents, event } from '../../kb/index.js';
import { didYouMean } from '../../kb/did-you-mean.js';
import { amqpProfiles, listEntries } from './profiles.js';

/** switch_name_event(): the name ignoring case, or anything after 13 leading characters (meant for SWITCH_EVENT_). */
function isEvent(name: string): boolean {
  return event(name) !== undefined || (name.length > 13 && event(name.slice(13)) !== undefined);
}

/**
 * A mod_amqp producer `event_filter` entry that is no event name: FreeSWITCH logs it as not recognised but
 * still binds the slot - to every event (first entry) or to every CUSTOM event (later entries).
 */
export const unknownEvent = defineRule({
  meta: { id: 'amqp/unknown-event', severity: 'error', description: 'an amqp event_filter entry is no event name', fixable: true },
  check(ctx) {
    const names = allEvents().map((e) => e.name);
    for (const profile of amqpProfiles(ctx)) {
      if (profile.kind !== 'producer') continue;
      for (const p of profile.params) {
        if (p.kbName !== 'event_filter') continue;
        listEntries(p).forEach((entry, index) => {
          const caret = entry.text.indexOf('^');
          const name = (caret >= 0 ? entry.text.slice(0, caret) : entry.text).trim();
          if (!name || isEvent(name)) return;
          const prefixed = /^SWITCH_EVENT_/i.test(name);
          const bare = prefixed ? name.slice('SWITCH_EVENT_'.length) : name;
          const suggestions = didYouMean(bare, names).map((s) => (prefixed ? `SWITCH_EVENT_${s}` : s));
          const exact = entry.end - entry.start === entry.text.length;
          const fixes: FixInput[] = exact
            ? suggestions.map((s, i) => ({
                title: `Change to "${s}"`,
                kind: 'choice' as const,
                edits: [{ doc: p.node.doc, start: entry.start, end: entry.start + name.length, newText: s }],
                ...(suggestions.length === 1 && i === 0 ? { preferred: true } : {}),
              }))
            : [];
          const effect =
            index === 0
              ? 'the first slot keeps its start value, so the producer publishes ALL events'
              : 'the slot stays 0, so the producer subscribes to every CUSTOM event instead';
          ctx.report({
            doc: p.node.doc,
            start: entry.start,
            end: exact ? entry.start + name.length : entry.end,
            message: `"${name}" in event_filter of amqp producer "${profile.name}" is no event name: FreeSWITCH logs "The switch event ${entry.text} was not recognised." and ${effect}${suggestions.length ? ` (did you mean "${suggestions[0]}"?)` : ''}`,
            fixes,
          });
        });
      }
    }
  },
});
