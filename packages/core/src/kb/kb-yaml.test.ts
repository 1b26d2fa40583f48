import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { kbNode, kbText, newKbFile, orderKeys, parseKbDocument } from '../../scripts/kb-yaml.mjs';

const KB = fileURLToPath(new URL('../../kb/', import.meta.url));
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );

describe('KB YAML is written by the yaml package', () => {
  it('every KB file round-trips unchanged, so an edit by import-reference touches only what it edits', () => {
    const files = yamlFiles(KB);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(kbText(parseKbDocument(text)), f).toBe(text);
    }
  });

  it('a new file: header comment, short lists and small mappings on one line, entries apart, docs as block scalars', () => {
    const text = newKbFile(
      {
        kind: 'params',
        title: 'demo',
        modes: [
          { mode: 0, kbps: 4.75 },
          { mode: 1, kbps: 5.15 },
        ],
        params: [
          { name: 'alpha', type: 'enum', values: ['on', 'off'], range: { min: 1 }, doc: 'Turns alpha on.\n\nSecond paragraph.' },
          { name: 'beta', type: 'bool', doc: 'Beta.' },
        ],
      },
      ['fsconf knowledge base', '', 'edit freely'],
    );
    expect(text).toBe(`# fsconf knowledge base
#
# edit freely
kind: params
title: demo
modes:
  - {mode: 0, kbps: 4.75}
  - {mode: 1, kbps: 5.15}
params:
  - name: alpha
    type: enum
    values: [on, off]
    range: {min: 1}
    doc: |-
      Turns alpha on.

      Second paragraph.

  - name: beta
    type: bool
    doc: Beta.
`);
  });

  it('an edit keeps comments, order and the other entries as they were', () => {
    const before = `# header
kind: events
# the list
events:
  - name: A # inline
    doc: A.

  # about B
  - name: B
    generated: true
    doc: B.
`;
    const doc = parseKbDocument(before);
    const list = doc.get('events') as YAMLSeq;
    list.items.push(kbNode(doc, { name: 'C', doc: 'C.' }, true));
    const b = list.items[1] as YAMLMap;
    b.set('doc', 'Better B.');
    b.delete('generated');
    orderKeys(b, ['name', 'doc']);
    expect(kbText(doc)).toBe(`# header
kind: events
# the list
events:
  - name: A # inline
    doc: A.

  # about B
  - name: B
    doc: Better B.

  - name: C
    doc: C.
`);
  });
});
