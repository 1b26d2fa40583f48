/**
 * Shared body of dialplan/read-digits and dialplan/pagd-digits: run the mod_dptools argument analysis
 * (dialplan/digits.ts) on every `read` / `play_and_get_digits` action and report each finding on the
 * argument it concerns, inside the data attribute (or element text).
 */
import type { RuleContext, FixInput } from '../types.js';
import { analyzeDigitsApp, separateArgs, type DigitsApp } from '../../dialplan/index.js';
import { actionData, replaceIn, subRange } from '../../semantics/source-map.js';
import { canonicalApp, dialplanActions } from '../../semantics/dialplan.js';

export function reportDigits(ctx: RuleContext, app: DigitsApp): void {
  const max = app === 'read' ? 7 : 11;
  for (const action of dialplanActions(ctx.model)) {
    if (canonicalApp(action) !== app) continue;
    const data = actionData(action);
    const v = data.value;
    if (v === undefined) continue;
    const findings = analyzeDigitsApp(app, v);
    if (!findings.length) continue;
    const args = separateArgs(v, max);
    for (const f of findings) {
      const where = f.argIndex >= 0 ? subRange(data, f.start, f.end) : { start: data.start, end: data.end };
      const fixes: FixInput[] = [];
      for (const fx of f.fixes) {
        const a = fx.argIndex >= 0 ? args[fx.argIndex] : undefined;
        const edits = fx.argIndex >= 0 ? (a ? replaceIn(data, a.start, a.end, fx.newText) : undefined) : replaceIn(data, 0, v.length, fx.newText);
        if (!edits) continue;
        // swapping min and max is what FreeSWITCH does anyway (safe); a clamp or a new value is a person's choice
        fixes.push({
          title: fx.title,
          kind: fx.title.startsWith('Swap') ? 'safe' : 'choice',
          edits,
          ...(fx.title.startsWith('Swap') ? { preferred: true } : {}),
        });
      }
      ctx.report({
        doc: data.doc,
        start: where.start,
        end: where.end,
        message: `${app}: ${f.message}`,
        severity: f.severity,
        fixes,
      });
    }
  }
}
