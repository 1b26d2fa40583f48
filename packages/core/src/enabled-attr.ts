/**
 * FusionPBX writes `enabled="false"` on params, gateways and profiles it has switched off in its database,
 * and leaves them out of what it generates. FreeSWITCH itself never reads an `enabled` attribute (no module
 * of v1.10.12 or master asks for one), so in a conf tree the element is active. A finding at such an element
 * says so, or the operator takes it for a false one.
 */
import type { Doc } from './tree.js';
import { attr, elementAt } from './xml/parser.js';

export function enabledFalseNote(doc: Doc, offset: number): string {
  if (!doc.text.includes('enabled=')) return '';
  for (let el = elementAt(doc.xml.roots, offset); el; el = el.parent) {
    const v = attr(el, 'enabled')?.value.trim().toLowerCase();
    if (v === 'false' || v === 'no' || v === '0') {
      return ` (this <${el.name}> has enabled="${attr(el, 'enabled')!.value}", a FusionPBX attribute FreeSWITCH never reads: it is active here)`;
    }
  }
  return '';
}
