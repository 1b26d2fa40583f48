import { defineRule } from '../types.js';
import { DIRECTORY_STRUCTURE, reads } from '../reads.js';
import type { User } from '../../model.js';

/** Two users answering to the same id (or number-alias) in one domain: lookups find only one. */
export const duplicateUser = defineRule({
  meta: {
    id: 'directory/duplicate-user',
    severity: 'error',
    description: 'two users with the same id or number-alias in one domain',
    fixable: false,
    reads: reads(DIRECTORY_STRUCTURE),
  },
  check(ctx) {
    for (const domain of ctx.model.domains) {
      const seen = new Map<string, User>();
      for (const user of domain.users) {
        if (user.type === 'pointer') continue;
        for (const key of [user.id, user.numberAlias].filter((k): k is string => !!k)) {
          const other = seen.get(key);
          if (other && other !== user) {
            const at = user.idAttr;
            ctx.report({
              doc: user.node.doc,
              start: at ? at.valueStart : user.node.el.nameStart,
              end: at ? at.valueEnd : user.node.el.nameEnd,
              message: `"${key}" already names user ${other.id} in domain ${domain.name ?? '(unnamed)'}: FreeSWITCH finds only one of them`,
              related: [{ doc: other.node.doc, start: other.node.el.start, end: other.node.el.nameEnd, message: `user ${other.id}` }],
            });
          } else seen.set(key, user);
        }
      }
    }
  },
});
