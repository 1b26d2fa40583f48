/**
 * Files changed on disk: the client's watcher (registered here) and our own (DiskWatcher on the loaded
 * files' folders, for another editor's change), re-read, re-analysed and announced.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type FileSystemWatcher } from 'vscode-languageserver/node';
import { isInside, pathToUri } from './paths.js';
import { readDisk } from './writer.js';
import { DiskWatcher } from './disk-watch.js';
import type { Project } from './state.js';
import type { FilesChanged } from './protocol.js';
import { analyse } from './publishing.js';
import { onWatchedFiles } from './documents.js';
import type { FsconfServer } from './server.js';
import { TIMING } from './debounce.js';
import { errorMessage } from './log.js';

export function watchDisk(s: FsconfServer): void {
  if (!s.disk) s.disk = new DiskWatcher((paths) => s.guard('disk change', () => onDiskChange(s, paths)));
  const all = new Set<string>();
  for (const q of s.projects.values()) for (const f of q.files) all.add(f);
  s.disk.sync(all);
}

/** The text the server last saw for a file (open: its baseline on disk), or undefined. */
function knownText(s: FsconfServer, path: string): string | undefined {
  const o = s.open.get(path);
  if (o) return o.baseline;
  for (const q of s.projects.values()) {
    const t = q.readTexts.get(path);
    if (t !== undefined) return t;
  }
  return undefined;
}

function onDiskChange(s: FsconfServer, paths: string[]): void {
  const changed: string[] = [];
  for (const path of paths) {
    if (![...s.projects.values()].some((q) => q.files.has(path))) continue;
    let disk: string | undefined;
    try {
      disk = readDisk(path);
    } catch {
      disk = undefined;
    }
    // our own writes (and touches) change nothing the server does not know
    if (disk !== undefined && disk === knownText(s, path)) continue;
    changed.push(path);
  }
  if (!changed.length) return;
  onWatchedFiles(
    s,
    changed.map((path) => ({ uri: pathToUri(path), type: FileChangeType.Changed })),
  );
  // clients holding a file open (the terminal UI) re-read it: a diff is never computed from stale text
  void s.connection.sendNotification('fsconf/filesChanged', { uris: changed.map((path) => s.uriOf(path)) } satisfies FilesChanged);
}

/** Before fixes are computed for a file the client does not hold open: make sure the server's text is the disk's. */
export function freshen(s: FsconfServer, p: Project, path: string): void {
  if (s.open.has(path)) return;
  const known = p.readTexts.get(path);
  let disk: string | undefined;
  try {
    disk = readDisk(path);
  } catch {
    return;
  }
  if (known === undefined || disk === undefined || disk === known) return;
  onWatchedFiles(s, [{ uri: pathToUri(path), type: FileChangeType.Changed }]);
  analyse(s, p);
}

export function registerWatchers(s: FsconfServer): void {
  const dyn = s.caps.workspace?.didChangeWatchedFiles;
  if (!dyn?.dynamicRegistration) return;
  const relative = dyn.relativePatternSupport === true;
  const watchers: FileSystemWatcher[] = [];
  const pattern = '**/{*.xml,.fsconf.yaml,cti.json}';
  const roots = [...s.projects.values()].map((p) => p.root).filter((r): r is string => !!r);
  if (relative && roots.length) for (const r of roots) watchers.push({ globPattern: { baseUri: pathToUri(r), pattern } });
  else watchers.push({ globPattern: '**/*.xml' }, { globPattern: '**/.fsconf.yaml' }, { globPattern: '**/cti.json' });
  // the client watches: disk reads can be kept longer (a watcher event drops them at once)
  const covered = relative || roots.every((r) => s.folders.some((f) => isInside(r, f)));
  void s.connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers })
    .then(() => {
      if (covered) s.fs.ttlMs = TIMING.watchedDiskTtlMs;
    })
    .catch((e) => s.warn(`could not watch files: ${errorMessage(e)}`));
}
