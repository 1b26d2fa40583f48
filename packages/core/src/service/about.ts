/**
 * What this build of fsconf knows, in one line, for a client's log (the VS Code output channel): how much
 * FreeSWITCH knowledge and how many rules, and which FreeSWITCH source the knowledge was read from.
 */
import { KB } from '../kb/data.generated.js';
import { ALL_RULES } from '../rules/index.js';

/** The FreeSWITCH source the knowledge base was read from (packages/core/kb/README.md). */
const KNOWLEDGE_SOURCE = 'signalwire/freeswitch@cc93a683';

export function knowledgeSummary(): string {
  const params = KB.paramSets.reduce((n, s) => n + s.params.length, 0);
  return `knowledge: ${params} params of ${KB.paramSets.length} configurations, ${KB.applications.length} applications, ${KB.modules.length} modules, ${KB.events.length} events, ${KB.coreGlobals.length} core globals (FreeSWITCH source ${KNOWLEDGE_SOURCE}); ${ALL_RULES.length} rules`;
}
