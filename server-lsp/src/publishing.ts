/** Diagnostics: analyse a project and publish what changed (an open document: for each version the client sent). */
import type { Finding } from '@fsconf/core';
import { count, toDiagnostic, type Counts } from './convert.js';
import { scheduleIdleGc } from './idle-gc.js';
import { advise } from './advice.js';
import type { Project } from './state.js';
import type { AnalysisDone } from './protocol.js';
import { watchDisk } from './disk-changes.js';
import type { FsconfServer } from './server.js';

/** Analyse a project and publish every file whose diagnostics changed (all of them when forced). */
export function analyse(s: FsconfServer, p: Project, force = false): { files: number } & Counts & { ms: number } {
  if (p.timer) {
    clearTimeout(p.timer);
    p.timer = undefined;
  }
  p.firstPendingAt = 0;
  const t0 = performance.now();
  const diags = p.ws.diagnostics();
  const a = p.ws.analysis();
  const ms = performance.now() - t0;
  p.files = new Set(a.tree.docs.keys());
  watchDisk(s);
  for (const doc of a.tree.order) {
    if (s.open.has(doc.path)) continue;
    if (doc.readError) {
      p.readTexts.delete(doc.path);
      continue;
    }
    p.readTexts.set(doc.path, doc.text);
    if (doc.notUtf8) p.notUtf8.add(doc.path);
    else p.notUtf8.delete(doc.path);
  }
  const totals: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const [path, findings] of diags) {
    count(findings, totals);
    publish(s, p, path, findings, force);
  }
  for (const path of [...p.published.keys()]) {
    if (diags.has(path)) continue;
    // no longer part of this tree: clear, unless another project now owns the file
    p.published.delete(path);
    let owned = false;
    for (const q of s.projects.values()) if (q !== p && q.published.has(path)) owned = true;
    if (!owned) void s.connection.sendDiagnostics({ uri: s.uriOf(path), diagnostics: [] });
  }
  const first = !p.started;
  p.started = true;
  const summary: AnalysisDone = { files: a.tree.order.length, ...totals, ms: Math.round(ms * 10) / 10 };
  // the output channel: the first analysis of a tree, whole-tree lints (forced) and slow ones
  if (first || force || ms > 250)
    s.log(
      `analysed ${p.root ?? 'files outside a conf tree'}: ${summary.files} files, ${totals.errors} errors, ${totals.warnings} warnings, ${totals.infos} info in ${summary.ms} ms`,
    );
  void s.connection.sendNotification('fsconf/analysisDone', summary);
  // hints and lenses of other files depend on this analysis (a `set` in vars.xml, a new extension)
  if (s.caps.workspace?.inlayHint?.refreshSupport) void s.connection.languages.inlayHint.refresh().catch(() => undefined);
  if (s.caps.workspace?.codeLens?.refreshSupport) void s.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  scheduleIdleGc();
  return summary;
}

export function publish(s: FsconfServer, p: Project, path: string, findings: Finding[], force: boolean): void {
  const diagnostics = findings
    .map((f) => toDiagnostic(f, s.uriOf))
    .map((d) => ({ ...d, message: typeof d.message === 'string' ? advise(d.message, s.client) : d.message }));
  const key = JSON.stringify(diagnostics);
  const open = s.open.get(path);
  const doc = open ? s.documents.get(open.uri) : undefined;
  // an edited open document always gets diagnostics for its new version, even when they did not change:
  // clients (and the TUI's live edit) wait for the version they sent
  const newVersion = doc !== undefined && s.publishedVersion.get(path) !== doc.version;
  if (!force && !newVersion && p.published.get(path) === key) return;
  p.published.set(path, key);
  if (doc) s.publishedVersion.set(path, doc.version);
  void s.connection.sendDiagnostics({ uri: s.uriOf(path), diagnostics, ...(doc ? { version: doc.version } : {}) });
}

/**
 * Diagnostics are published under the client's own URI for open documents and under ours otherwise;
 * when the two spellings differ, clear the old one so the next analysis publishes under the new.
 */
export function moveDiagnostics(s: FsconfServer, path: string, from: string, to: string): void {
  if (from === to) return;
  for (const q of s.projects.values()) {
    if (!q.published.has(path)) continue;
    q.published.delete(path);
    void s.connection.sendDiagnostics({ uri: from, diagnostics: [] });
  }
}
