/**
 * Where a `<param>` sits, in knowledge-base terms: the `<configuration name>` it belongs to and the KB
 * section (settings, producer, profile…) whose names it is looked up in. Shared by the config rules and
 * the knowledge-base hover/completion provider.
 */
import { configSections, type SectionInfo } from '../kb/index.js';
import { logicalChildren, type Node } from '../model.js';
import type { Tree } from '../tree.js';

/** Config files FreeSWITCH reads with the same code as another one. */
const CONFIG_ALIASES: Record<string, string> = {
  'post_load_switch.conf': 'switch.conf',
  'pre_load_modules.conf': 'modules.conf',
  'post_load_modules.conf': 'modules.conf',
};

/** The KB's name for a `<configuration name>` value (`amr.conf`), or undefined when the KB does not describe it. */
export function kbConfigName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  let n = name.trim().toLowerCase();
  if (n.endsWith('.xml')) n = n.slice(0, -4);
  if (n !== 'directory' && !n.endsWith('.conf')) n += '.conf';
  n = CONFIG_ALIASES[n] ?? n;
  return configSections(n).length ? n : undefined;
}

function pathMatches(pattern: string, names: readonly string[]): boolean {
  const parts = pattern.split('/');
  if (parts.length !== names.length) return false;
  for (let i = 0; i < parts.length; i++) if (parts[i] !== '*' && parts[i] !== names[i]) return false;
  return true;
}

/**
 * The param section of `config` whose path (below `<configuration>`) is exactly `names`, e.g.
 * `['producers', 'profile', 'params', 'param']` → amqp `producer`. Only sections of `<param>`-like
 * elements (element: param); sofia.conf and the directory are laid out differently (see the provider).
 */
export function paramSectionAt(config: string, names: readonly string[]): SectionInfo | undefined {
  for (const s of configSections(config)) if (s.element === 'param' && pathMatches(s.path, names)) return s;
  return undefined;
}

/** Would a child element `name` below `names` still lead to some param section of `config`? */
function leadsToSection(config: string, names: readonly string[]): boolean {
  for (const s of configSections(config)) {
    if (s.element !== 'param') continue;
    const parts = s.path.split('/');
    if (parts.length <= names.length) continue;
    let ok = true;
    for (let i = 0; i < names.length; i++) if (parts[i] !== '*' && parts[i] !== names[i]) ok = false;
    if (ok) return true;
  }
  return false;
}

export interface SectionParam {
  /** The `<param>` node. */
  node: Node;
  /** Its container (e.g. `<settings>`, `<params>`). */
  container: Node;
  /** Element names from below `<configuration>` down to the param. */
  path: string[];
  section: SectionInfo;
}

/**
 * Every param-like element of a `<configuration>` node (included files spliced in) that falls in a KB
 * param section of `config`. Elements at paths the KB does not describe are not returned.
 */
export function sectionParams(tree: Tree, configNode: Node, config: string): SectionParam[] {
  const out: SectionParam[] = [];
  const walk = (node: Node, path: string[], depth: number): void => {
    if (depth > 12) return;
    for (const c of logicalChildren(tree, node)) {
      const p = [...path, c.el.name];
      const sec = paramSectionAt(config, p);
      if (sec) out.push({ node: c, container: node, path: p, section: sec });
      else if (leadsToSection(config, p)) walk(c, p, depth + 1);
    }
  };
  walk(configNode, [], 0);
  return out;
}
