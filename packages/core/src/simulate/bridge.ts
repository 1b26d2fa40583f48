// What a bridge dials: each endpoint of the data string (`,` = at once, `|` = one after the other,
// `:_:` = enterprise), with its `{}`/`<>`/`[]` variable blocks removed, classified by where it goes.
import type { Model } from '../model.js';
import type { Tree } from '../tree.js';
import { findGateway, gatewayDefs } from '../semantics/gateways.js';
import type { BridgeTarget, Outcome } from './types.js';
import { display, hasUnknown, U_CLOSE, U_OPEN } from './values.js';

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === U_OPEN) {
      const e = s.indexOf(U_CLOSE, i);
      cur += s.slice(i, e + 1);
      i = e;
      continue;
    }
    if (c === '{' || c === '[' || c === '<') depth++;
    else if ((c === '}' || c === ']' || c === '>') && depth > 0) depth--;
    if (depth === 0 && (c === ',' || c === '|')) {
      out.push(cur);
      cur = '';
      continue;
    }
    if (depth === 0 && s.startsWith(':_:', i)) {
      out.push(cur);
      cur = '';
      i += 2;
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** Drop leading `{…}`, `<…>` and `[…]` variable blocks (their values may hold `${…}` with braces of their own). */
function stripBlocks(s: string): string {
  let t = s.trim();
  for (;;) {
    const open = t[0];
    const close = open === '{' ? '}' : open === '<' ? '>' : open === '[' ? ']' : undefined;
    if (!close) return t;
    let depth = 0;
    let end = -1;
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (c === U_OPEN) {
        i = t.indexOf(U_CLOSE, i);
        if (i < 0) return t;
        continue;
      }
      if (c === open || (open !== '{' && c === '{')) depth++;
      else if (c === close || (open !== '{' && c === '}')) {
        depth--;
        if (depth === 0 && c === close) {
          end = i;
          break;
        }
      }
    }
    if (end < 0) return t;
    t = t.slice(end + 1).trim();
  }
}

export interface Classified {
  targets: BridgeTarget[];
  /** `sofia/gateway/<name>` targets whose gateway no profile (nor directory user) defines: mod_sofia fails the leg (INVALID_GATEWAY) */
  missing: BridgeTarget[];
}

export function classifyBridge(tree: Tree, model: Model, data: string): Classified {
  const out: BridgeTarget[] = [];
  const missing: BridgeTarget[] = [];
  for (const part of splitTop(stripBlocks(data))) {
    const target = stripBlocks(part);
    const parts = target.split('/');
    const tech = parts[0] ?? '';
    const t: BridgeTarget = { target: display(target), kind: 'unknown' };
    if (hasUnknown(tech)) t.kind = 'unknown';
    else if (tech === 'user') {
      t.kind = 'local-user';
      t.name = display(parts.slice(1).join('/'));
    } else if (tech === 'group') {
      t.kind = 'group';
      t.name = display(parts.slice(1).join('/'));
    } else if (tech === 'loopback') t.kind = 'loopback';
    else if (tech === 'sofia') {
      const second = parts[1] ?? '';
      if (hasUnknown(second)) t.kind = 'unknown';
      else if (second === 'gateway') {
        t.kind = 'gateway';
        const name = parts[2] ?? '';
        t.name = display(name);
        // the gateways FreeSWITCH knows (profiles and directory users; `profile::name`), as dialplan/unknown-gateway sees them
        const defs = hasUnknown(name) ? undefined : gatewayDefs(tree, model);
        const gw = defs && findGateway(defs, name);
        if (gw) t.location = { file: gw.node.doc.path, line: gw.node.doc.lines.lineOf(gw.node.el.start) + 1 };
        else if (defs && name) {
          t.missing = true;
          missing.push(t);
        }
      } else {
        const rest = parts.slice(2).join('/');
        // sofia/<profile>/<user>%<domain>: a user registered on that profile
        t.kind = rest.includes('%') ? 'local-user' : 'external-uri';
        if (t.kind === 'local-user') t.name = display(rest.replace('%', '@'));
      }
    } else if (tech === 'error' || tech === 'null') t.kind = 'other';
    else if (tech) t.kind = 'other';
    out.push(t);
  }
  return { targets: out, missing };
}

/**
 * Where a bridge takes the call, in words for a person: out of the switch, nowhere (every leg names a gateway
 * no sofia profile defines), or to an endpoint on the switch. The CLI prints it; the server sends it as
 * `outcome.where` for the terminal UI and VS Code.
 */
export function bridgeWhere(o: Pick<Outcome, 'kind' | 'external' | 'targets'>): string | undefined {
  if (o.kind !== 'bridge') return undefined;
  if (o.external) return 'leaves the switch';
  if (o.targets?.length && o.targets.every((t) => t.missing))
    return `fails: no sofia profile defines gateway ${o.targets.map((t) => t.name).join(', ')} (INVALID_GATEWAY)`;
  return 'stays on the switch';
}
