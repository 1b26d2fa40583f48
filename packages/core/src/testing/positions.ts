/** Helpers shared by the language-service tests: find a position by text, read a hover's markdown. */
import type { MarkupContent, Position } from 'vscode-languageserver-types';
import { hover } from '../service/features.js';
import type { FsconfWorkspace } from '../service/workspace.js';

/** Position of the n-th occurrence of `needle` in `text`, plus `delta` characters. */
export function positionIn(text: string, needle: string, delta = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** The hover's markdown at a position ('' when there is none). */
export function hoverText(ws: FsconfWorkspace, path: string, p: Position): string {
  const h = hover(ws, path, p);
  return h ? (h.contents as MarkupContent).value : '';
}
