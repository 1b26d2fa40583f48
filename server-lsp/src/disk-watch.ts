/**
 * Watching the conf tree on disk, so a file changed by another editor, `git pull` or FreeSWITCH's own
 * tools is re-read and re-analysed even when the client does not send didChangeWatchedFiles (the
 * terminal UI, Neovim without a watcher). One fs.watch per folder holding a loaded file (and per folder
 * of a symlink's target), events coalesced for `debounceMs`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Beyond this many folders, rely on the client's watcher (fs.watch handles are not free). */
const MAX_DIRS = 2000;

export class DiskWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly pending = new Set<string>();
  /** a symlink target → the link paths the tree knows it by */
  private readonly aliases = new Map<string, string[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: (paths: string[]) => void,
    private readonly debounceMs = 60,
  ) {}

  /** Watch the folders of these files (and of their symlink targets); stop watching the others. */
  sync(files: Iterable<string>): void {
    const dirs = new Set<string>();
    this.aliases.clear();
    for (const f of files) {
      dirs.add(path.dirname(f));
      try {
        if (fs.lstatSync(f).isSymbolicLink()) {
          const real = fs.realpathSync(f);
          dirs.add(path.dirname(real));
          this.aliases.set(real, [...(this.aliases.get(real) ?? []), f]);
        }
      } catch {
        // gone: its folder is still watched
      }
      if (dirs.size >= MAX_DIRS) break;
    }
    for (const [d, w] of this.watchers) {
      if (dirs.has(d)) continue;
      w.close();
      this.watchers.delete(d);
    }
    for (const d of dirs) {
      if (this.watchers.has(d)) continue;
      try {
        const w = fs.watch(d, { persistent: false }, (_event, name) => {
          if (name) this.note(path.join(d, name.toString()));
        });
        w.on('error', () => {
          w.close();
          this.watchers.delete(d);
        });
        this.watchers.set(d, w);
      } catch {
        // unreadable or vanished folder: nothing to watch
      }
    }
  }

  private note(p: string): void {
    this.pending.add(p);
    for (const a of this.aliases.get(p) ?? []) this.pending.add(a);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const paths = [...this.pending];
      this.pending.clear();
      this.onChange(paths);
    }, this.debounceMs);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
