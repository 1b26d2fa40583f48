/** Does a named ACL admit addresses beyond loopback / on the public internet? (for the network-service rules) */
import type { Model } from '../../model.js';
import { switchTrue } from '../../text.js';

const LOOPBACK = /^(127\.|::1\/128$|::1$)/;

/** true / false, or undefined when it depends on something unknown. */
export function admitsNonLoopback(model: Model, name: string): boolean | undefined {
  const n = name.trim();
  if (n === '' || n === 'loopback.auto') return false;
  const list = [...model.aclLists].reverse().find((l) => l.name === n); // the last definition wins
  if (!list) {
    if (n.endsWith('.auto')) return n !== 'loopback.auto';
    if (n.includes('/')) return n.split(',').some((c) => !LOOPBACK.test(c.trim()));
    return false; // an unknown name denies everything
  }
  const def = list.defaultAttr?.expanded.value;
  if (list.defaultAttr && def === undefined) return undefined;
  if (!list.defaultAttr || switchTrue(def)) return true;
  for (const node of list.nodes) {
    const type = node.attrs.get('type')?.expanded.value;
    const allows = node.attrs.has('type') ? switchTrue(type) : false;
    if (!allows) continue;
    if (node.attrs.has('domain')) return true;
    const cidr = node.attrs.get('cidr')?.expanded.value ?? node.attrs.get('host')?.expanded.value;
    if (cidr === undefined) return undefined;
    if (cidr.split(',').some((c) => !LOOPBACK.test(c.trim()))) return true;
  }
  return false;
}

/** Does it admit public (non-private, non-reserved) IPv4 space? */
export function admitsPublic(model: Model, name: string): boolean | undefined {
  const n = name.trim();
  if (['loopback.auto', 'rfc1918.auto', 'rfc6598.auto', 'localnet.auto', 'nat.auto'].includes(n)) return false;
  if (['wan.auto', 'wan_v4.auto', 'wan_v6.auto', 'any_v4.auto', 'any_v6.auto'].includes(n)) return true;
  const list = [...model.aclLists].reverse().find((l) => l.name === n);
  if (!list) return n.includes('/') ? n.split(',').some((c) => !/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|127\.)/.test(c.trim())) : false;
  const def = list.defaultAttr?.expanded.value;
  if (list.defaultAttr && def === undefined) return undefined;
  if (!list.defaultAttr || switchTrue(def)) return true;
  for (const node of list.nodes) {
    if (!node.attrs.has('type') || !switchTrue(node.attrs.get('type')?.expanded.value)) continue;
    const cidr = node.attrs.get('cidr')?.expanded.value;
    if (cidr === undefined) continue;
    if (cidr.split(',').some((c) => !/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|127\.|::1|fe80|fc|fd)/i.test(c.trim()))) return true;
  }
  return false;
}
