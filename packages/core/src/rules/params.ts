/**
 * Fix builders shared by rules that set a `<param>`: replace its value, change the variable it comes
 * from, or insert it (indented like its siblings) when it is missing.
 */
import type { Node, Param } from '../model.js';
import type { FixInput, FixKind } from './types.js';
import { eol, indentAt } from './util.js';
import { lazyEdit } from '../passwords.js';

/** Insert `<param name value/>` as the last param of a settings-like element. */
export function insertParamFix(
  container: Node,
  params: Param[],
  name: string,
  value: string | (() => string),
  title: string,
  kind: FixKind,
  preferred = false,
): FixInput | undefined {
  const doc = container.doc;
  // a lazy value (a generated password) stays lazy: see lazyPassword
  const insert = (at: number, ind: string) => {
    const text = (v: string) => `${nl}${ind}<param name="${name}" value="${v}"/>`;
    return typeof value === 'string' ? { doc, start: at, end: at, newText: text(value) } : lazyEdit(doc, at, at, () => text(value()));
  };
  const nl = eol(doc);
  const own = params.filter((p) => p.node.doc === doc && p.node.parent?.el === container.el);
  const last = own[own.length - 1];
  if (last) {
    const ind = indentAt(doc, last.node.el.start);
    return { title, kind, edits: [insert(last.node.el.end, ind)], ...(preferred ? { preferred } : {}) };
  }
  const el = container.el;
  if (el.selfClosing) return undefined;
  const ind = indentAt(doc, el.start) + '  ';
  return { title, kind, edits: [insert(el.startTagEnd, ind)], ...(preferred ? { preferred } : {}) };
}

/**
 * Fixes that make a param hold `value`: replace the value here; when the value is `$${var}` alone, also
 * offer to change the variable's definition (which fixes every place that uses it).
 */
export function setValueFixes(p: Param, value: string, what: string, kind: FixKind, preferHere = true): FixInput[] {
  const out: FixInput[] = [];
  if (!p.valueAttr) {
    if (p.nameAttr) {
      const doc = p.node.doc;
      out.push({
        title: `Set ${what}`,
        kind,
        edits: [{ doc, start: p.nameAttr.valueEnd + 1, end: p.nameAttr.valueEnd + 1, newText: ` value="${value}"` }],
        preferred: true,
      });
    }
    return out;
  }
  const ref = p.value.refs.length === 1 && p.value.raw.trim() === `$\${${p.value.refs[0]!.name}}` ? p.value.refs[0] : undefined;
  const def = ref?.def;
  if (def && def.cmd === 'set') {
    out.push({
      title: `Set ${what} in the definition of $\${${def.name}} (${def.doc.path.split('/').pop()} line ${def.directive.line + 1})`,
      kind,
      edits: [{ doc: def.doc, start: def.valueStart, end: def.valueEnd, newText: value }],
      ...(preferHere ? {} : { preferred: true }),
    });
  }
  out.push({
    title: `Set ${what} here`,
    kind,
    edits: [{ doc: p.node.doc, start: p.valueAttr.valueStart, end: p.valueAttr.valueEnd, newText: value }],
    ...(preferHere || !def ? { preferred: true } : {}),
  });
  return out;
}

/** Related information: where a value came from. */
export function originOf(p: Param): { doc: Param['node']['doc']; start: number; end: number; message: string }[] {
  const out = [];
  for (const r of p.value.refs) {
    if (r.def) out.push({ doc: r.def.doc, start: r.def.valueStart, end: r.def.valueEnd, message: `$\${${r.name}} is set here` });
  }
  return out;
}
