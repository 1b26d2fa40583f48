import { defineRule, type FixInput } from '../types.js';
import { splitAssignment } from '../../preprocess/scan.js';
import { inComment } from '../../semantics/source-map.js';

/** Directives FreeSWITCH's naive parser cannot read: they are ignored. */
export const malformed = defineRule({
  meta: { id: 'preprocess/malformed', severity: 'error', description: 'a directive FreeSWITCH cannot read and ignores', fixable: true, scope: 'file' },
  check(ctx) {
    for (const doc of ctx.tree.order) {
      for (const d of doc.scan.directives) {
        if (d.malformed === 'mention') continue;
        const canonical = (cmd: string, data: string): FixInput => ({
          title: 'Rewrite in canonical form',
          kind: 'choice',
          edits: [{ doc, start: d.start, end: d.end, newText: `<X-PRE-PROCESS cmd="${cmd}" data="${data}"/>` }],
          preferred: true,
        });
        // the hash form with an unknown cmd is reported by unknown-cmd (or is the #comment convention)
        if (d.form === 'hash-comment' && !['set', 'exec-set', 'stun-set', 'include', 'exec'].includes((d.cmd ?? '').toLowerCase())) continue;
        if (d.malformed) {
          const raw = doc.text.slice(d.start, d.end);
          const cmd = /cmd\s*=\s*["']([^"']*)["']/i.exec(raw)?.[1];
          const data = /data\s*=\s*["']([^"']*)["']/i.exec(raw)?.[1];
          // FreeSWITCH's pre-processor reads one line at a time: a directive split over lines is never whole
          const split = d.form === 'tag' && !raw.includes('/>') && !raw.includes('>');
          const commented = inComment(doc, d.start) || (d.leading !== undefined && doc.text.slice(d.leading.start, d.leading.end).includes('<!--'));
          const message = split
            ? `FreeSWITCH reads one line at a time and ignores this directive: it continues on the next line (${d.malformed}); join the lines${commented ? ' — it sits in a comment, so FreeSWITCH runs neither line now; joined, it would run even there' : ''}`
            : `FreeSWITCH ignores this directive: ${d.malformed}`;
          ctx.report({
            doc,
            start: d.start,
            end: d.end,
            message,
            // in a comment nothing changes: worth knowing, not an error
            ...(commented ? { severity: 'info' as const } : {}),
            ...(cmd !== undefined && data !== undefined && d.form === 'tag' ? { fixes: [canonical(cmd, data)] } : {}),
          });
          continue;
        }
        const cmd = d.cmd?.toLowerCase();
        if (!cmd || d.data === undefined) continue;
        if (['set', 'exec-set', 'stun-set', 'env-set'].includes(cmd) && !splitAssignment(d.data)) {
          ctx.report({ doc, start: d.dataStart, end: d.dataEnd, message: `${d.cmd} needs "name=value": without "=" FreeSWITCH ignores it` });
          continue;
        }
        if (cmd === 'env-set') {
          const a = splitAssignment(d.data)!;
          if (!a.value.startsWith('$')) {
            // "sip_tls_enable=true" meant `set`; "home=HOME" meant the environment variable $HOME
            const setFix: FixInput = {
              title: `Change cmd to "set" (${a.name} = ${a.value})`,
              kind: 'choice',
              edits: [{ doc, start: d.cmdStart, end: d.cmdEnd, newText: 'set' }],
            };
            const envFix: FixInput = {
              title: `Read the environment variable $${a.value}`,
              kind: 'choice',
              edits: [{ doc, start: d.dataStart + a.valueOffset, end: d.dataStart + a.valueOffset, newText: '$' }],
            };
            const envName = /^[A-Z_][A-Z0-9_]*$/.test(a.value);
            ctx.report({
              doc,
              start: d.dataStart + a.valueOffset,
              end: d.dataEnd,
              message: `env-set reads an environment variable and its value must start with "$" (e.g. ${a.name}=$${a.value.toUpperCase() || 'VAR'}): FreeSWITCH ignores "${a.value}"`,
              fixes: envName ? [{ ...envFix, preferred: true }, setFix] : [{ ...setFix, preferred: true }],
            });
          }
        }
      }
    }
  },
});
