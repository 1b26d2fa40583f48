/**
 * Hover for mod_cti's `cti.json` (JSON with comments). It is not an XML document of the tree, so it is
 * read through the workspace file system (editor buffers win) and parsed with jsonc-parser.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { findNodeAtOffset, getLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { ctiKey, mdCode, renderCtiKeyHover } from '../kb/index.js';
import { decodeBytes } from '../fs.js';
import { LineIndex } from '../text.js';
import type { FsconfWorkspace } from './workspace.js';

const MAX_BYTES = 1024 * 1024;

/** The property node (key + value) that holds offset. */
function propertyAt(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  let n = root ? findNodeAtOffset(root, offset, true) : undefined;
  while (n && n.type !== 'property') n = n.parent;
  return n;
}

export function ctiHover(ws: FsconfWorkspace, path: string, pos: Position): Hover | null {
  let text: string;
  try {
    text = decodeBytes(ws.fs.readFile(path, MAX_BYTES)).text;
  } catch {
    return null;
  }
  const lines = new LineIndex(text);
  const offset = lines.offsetAt(pos);
  const loc = getLocation(text, offset);
  const keys = loc.path.filter((p): p is string => typeof p === 'string');
  if (!keys.length) return null;
  const name = keys[keys.length - 1]!;
  const parent = keys.length > 1 ? keys[keys.length - 2] : undefined;
  const entry = ctiKey(name, parent);
  if (!entry) return null;
  const prop = propertyAt(parseTree(text, [], { allowTrailingComma: true, disallowComments: false }), offset);
  const keyNode = prop?.children?.[0];
  const valNode = prop?.children?.[1];
  const parts = [renderCtiKeyHover(entry)];
  if (valNode && valNode.type !== 'object' && valNode.type !== 'array') {
    const raw = text.slice(valNode.offset, valNode.offset + valNode.length);
    const hit = entry.values?.find((v) => v.value === raw);
    const bad =
      entry.type === 'int' &&
      (valNode.type !== 'number' ||
        !Number.isInteger(valNode.value) ||
        (entry.range?.min !== undefined && (valNode.value as number) < entry.range.min) ||
        (entry.range?.max !== undefined && (valNode.value as number) > entry.range.max));
    parts.push(
      hit?.doc ? `Value ${mdCode(raw)}: ${hit.doc}.` : bad ? `Value ${mdCode(raw)} is not accepted: mod_cti refuses the file.` : `Value ${mdCode(raw)}.`,
    );
  } else if (!valNode && entry.default !== undefined) {
    parts.push(`Not set: mod_cti uses ${mdCode(entry.default)}.`);
  }
  const target = loc.isAtPropertyKey ? keyNode : (valNode ?? keyNode);
  return {
    contents: { kind: 'markdown', value: parts.join('\n\n') },
    ...(target ? { range: lines.range(target.offset, target.offset + target.length) } : {}),
  };
}
