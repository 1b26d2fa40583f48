/**
 * What the subcommands share: the usage error they exit 2 on, the conf root of a CONF argument, and
 * paths shown relative to where the command was run.
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { findConfRoot, type NodeFileSystem } from '@fsconf/core';

/** Bad input: the command prints the message on one line and exits 2. */
export class UsageError extends Error {}

/** The conf root for a CONF argument (a folder at or below the root, or a file in it); `label` names it in messages. */
export function confRootOf(fs: NodeFileSystem, conf: string, label: string = conf): string {
  const abs = nodePath.resolve(conf);
  if (!nodeFs.existsSync(abs)) throw new UsageError(`${label}: no such file or directory`);
  const root = findConfRoot(fs, abs);
  if (!root) throw new UsageError(`${label}: no freeswitch.xml there or in a folder above it`);
  return root;
}

/** A path relative to the current folder when it is below it, else as given. */
export function rel(file: string): string {
  const r = nodePath.relative(process.cwd(), file);
  return r === '' || r.startsWith('..') ? file : r;
}
