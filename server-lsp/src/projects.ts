/** Projects: one per conf root (a FsconfWorkspace with editor overlays), created on first use. */
import { FsconfWorkspace } from '@fsconf/core';
import { confRootsFor } from './paths.js';
import type { Project } from './state.js';
import { mergedSettings } from './settings.js';
import type { FsconfServer } from './server.js';
import { describeError } from './log.js';

export function newProject(s: FsconfServer, root: string | undefined): Project {
  const key = root ?? '';
  const settings = mergedSettings(s);
  // a provider that keeps failing on one document (every hover there) is logged once for it
  const loggedProviderErrors = new Set<string>();
  const ws = new FsconfWorkspace(s.fs, root, {
    ...(settings ? { settings } : {}),
    onRuleError: (rule, err) => {
      if (s.loggedRuleErrors.has(rule)) return;
      s.loggedRuleErrors.add(rule);
      s.error(`rule ${rule} failed and was skipped (the other rules still ran): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    },
    onProviderError: ({ feature, provider, path }, err) => {
      const key = `${feature} ${provider} ${path}`;
      if (loggedProviderErrors.has(key)) return;
      loggedProviderErrors.add(key);
      s.error(`${feature} provider ${provider} failed on ${path} and was skipped (the other providers still answered): ${describeError(err)}`);
    },
  });
  const p: Project = {
    key,
    root,
    ws,
    published: new Map(),
    readTexts: new Map(),
    notUtf8: new Set(),
    files: new Set(),
    timer: undefined,
    firstPendingAt: 0,
    lastChangeAt: 0,
    started: false,
  };
  s.projects.set(key, p);
  return p;
}

export function addFolder(s: FsconfServer, folder: string): void {
  const roots = confRootsFor(s.fs, folder);
  if (!roots.length) s.info(`no freeswitch.xml at, above or inside ${folder}: files are analysed on their own`);
  for (const root of roots.slice(0, 16)) {
    if (s.projects.has(root)) continue;
    newProject(s, root);
    s.info(`conf root ${root}`);
  }
}
