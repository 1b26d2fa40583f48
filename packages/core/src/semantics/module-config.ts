/** Module configuration helpers: `<configuration name="x.conf">` → its sections and params. */
import { attr } from '../xml/parser.js';
import { logicalChildren, type ModuleConfig, type Model, type Node, type Param } from '../model.js';
import { expandAttr } from '../model.js';
import type { Tree } from '../tree.js';

export function configsNamed(model: Model, name: string): ModuleConfig[] {
  return model.configs.filter((c) => c.name === name);
}

export function sectionNodes(tree: Tree, node: Node, name: string): Node[] {
  return logicalChildren(tree, node).filter((c) => c.el.name === name);
}

export function paramsIn(tree: Tree, node: Node, child = 'param'): Param[] {
  const out: Param[] = [];
  for (const c of logicalChildren(tree, node)) {
    if (c.el.name !== child) continue;
    const nameAttr = attr(c.el, 'name');
    const valueAttr = attr(c.el, 'value');
    out.push({
      node: c,
      name: nameAttr?.value ?? '',
      nameAttr,
      valueAttr,
      value: valueAttr ? expandAttr(tree, c.doc, valueAttr) : { raw: '', value: '', refs: [] },
    });
  }
  return out;
}

/** Is a module loaded in modules.conf? (undefined when the tree has no modules.conf) */
export function moduleLoaded(model: Model, module: string): boolean | undefined {
  if (!model.configs.some((c) => c.name === 'modules.conf') && !model.moduleLoads.length) return undefined;
  return model.moduleLoads.some((l) => l.module === module);
}
