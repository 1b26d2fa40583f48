/** mod_amqp's amqp.conf as profiles: `<producers|commands|logging><profile name>` with params and connections. */
import { attr } from '../../xml/parser.js';
import { configParamMatch } from '../../kb/index.js';
import type { Node, Param } from '../../model.js';
import { expandAttr } from '../../model.js';
import type { RuleContext } from '../types.js';
import { sectionParams } from '../../semantics/kb-sections.js';

type AmqpKind = 'producer' | 'command' | 'logging';

export interface AmqpParam extends Param {
  /** The KB name the module matches it as (prefix-matched: `event_filter_x` → `event_filter`). */
  kbName: string | undefined;
}

interface AmqpConnection {
  node: Node;
  name: string;
  params: AmqpParam[];
}

export interface AmqpProfile {
  kind: AmqpKind;
  node: Node;
  name: string;
  params: AmqpParam[];
  connections: AmqpConnection[];
}

const KIND: Record<string, AmqpKind> = { producers: 'producer', commands: 'command', logging: 'logging' };

function toParam(ctx: RuleContext, node: Node, section: string): AmqpParam {
  const nameAttr = attr(node.el, 'name');
  const valueAttr = attr(node.el, 'value');
  const name = nameAttr?.value ?? '';
  return {
    node,
    name,
    nameAttr,
    valueAttr,
    value: valueAttr ? expandAttr(ctx.tree, node.doc, valueAttr) : { raw: '', value: '', refs: [] },
    kbName: configParamMatch('amqp.conf', section, name)?.entry.name,
  };
}

export function amqpProfiles(ctx: RuleContext): AmqpProfile[] {
  const byEl = new Map<unknown, AmqpProfile>();
  const conns = new Map<unknown, AmqpConnection>();
  const out: AmqpProfile[] = [];
  for (const cfg of ctx.model.configs) {
    if (cfg.name.trim().toLowerCase() !== 'amqp.conf') continue;
    for (const sp of sectionParams(ctx.tree, cfg.node, 'amqp.conf')) {
      const inConnection = sp.section.id === 'connection';
      const profileNode = inConnection ? sp.container.parent?.parent : sp.container.parent;
      const kind = KIND[sp.path[0]!];
      if (!profileNode || !kind) continue;
      let profile = byEl.get(profileNode.el);
      if (!profile) {
        profile = { kind, node: profileNode, name: attr(profileNode.el, 'name')?.value ?? '', params: [], connections: [] };
        byEl.set(profileNode.el, profile);
        out.push(profile);
      }
      const param = toParam(ctx, sp.node, sp.section.id);
      if (inConnection) {
        let c = conns.get(sp.container.el);
        if (!c) {
          c = { node: sp.container, name: attr(sp.container.el, 'name')?.value ?? '', params: [] };
          conns.set(sp.container.el, c);
          profile.connections.push(c);
        }
        c.params.push(param);
      } else profile.params.push(param);
    }
  }
  return out;
}

/** The last param the module reads as `kbName` (mod_amqp: the last one wins). */
export function amqpParam(params: AmqpParam[], kbName: string): AmqpParam | undefined {
  let found: AmqpParam | undefined;
  for (const p of params) if (p.kbName === kbName) found = p;
  return found;
}

/** A comma list entry of a param value with its offsets in the file (when the value is literal text). */
export interface ListEntry {
  text: string;
  start: number;
  end: number;
}

/**
 * Split a value the way switch_separate_string(',') does (entries trimmed, empty ones dropped). Offsets
 * point at each entry when the value is written literally; otherwise at the whole value.
 */
export function listEntries(p: Param): ListEntry[] {
  const value = p.value.value;
  const a = p.valueAttr;
  if (value === undefined || !a) return [];
  const raw = p.node.doc.text.slice(a.valueStart, a.valueEnd);
  const literal = raw === value;
  const out: ListEntry[] = [];
  let pos = 0;
  for (const piece of value.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text) {
      out.push(
        literal ? { text, start: a.valueStart + pos + lead, end: a.valueStart + pos + lead + text.length } : { text, start: a.valueStart, end: a.valueEnd },
      );
    }
    pos += piece.length + 1;
  }
  return out;
}
