/** file:// URIs ↔ paths, the way LSP servers write them. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

export function uriToPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Path of a URI relative to the conf root, for display. */
export function relPath(root: string, uri: string): string {
  const p = uriToPath(uri);
  const r = path.relative(root, p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
}

/** One canonical spelling for URIs from any writer. */
export function canonicalUri(uri: string): string {
  return uri.startsWith('file:') ? pathToUri(uriToPath(uri)) : uri;
}
