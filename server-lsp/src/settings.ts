/** Settings: initializationOptions merged with the client's fsconf.* (pulled or pushed), applied to every project. */
import { validateConfig, SETTINGS_KEYS, type FsconfConfig } from '@fsconf/core';
import { analyse } from './publishing.js';
import type { FsconfServer } from './server.js';
import { errorMessage } from './log.js';

export function mergedSettings(s: FsconfServer): FsconfConfig | undefined {
  const a = s.initSettings;
  const b = s.clientSettings;
  if (!a && !b) return undefined;
  return {
    ...a,
    ...b,
    ...(a?.rules || b?.rules ? { rules: { ...a?.rules, ...b?.rules } } : {}),
  };
}

export function pick(s: FsconfServer, obj: unknown, from: string): FsconfConfig | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  const src = obj as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  // a client's defaults ("" for localNet) mean "not set"
  for (const k of SETTINGS_KEYS) if (src[k] !== undefined && src[k] !== null && src[k] !== '') picked[k] = src[k];
  const { config, problems } = validateConfig(picked);
  for (const pr of problems) s.warn(`${from}: ${pr.path.join('.') || '(root)'}: ${pr.message}; ignored`);
  return config;
}

export async function pullSettings(s: FsconfServer): Promise<void> {
  if (!s.caps.workspace?.configuration) return;
  try {
    const cfg = await Promise.race([
      s.connection.workspace.getConfiguration({ section: 'fsconf' }) as Promise<unknown>,
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000)),
    ]);
    s.clientSettings = pick(s, cfg, 'settings (fsconf.*)');
  } catch (e) {
    s.warn(`could not read the fsconf settings: ${errorMessage(e)}`);
  }
}

function applySettings(s: FsconfServer): void {
  const merged = mergedSettings(s);
  for (const p of s.projects.values()) p.ws.setSettings(merged);
}

export async function onConfigurationChange(s: FsconfServer, settings: unknown): Promise<void> {
  if (s.caps.workspace?.configuration) await pullSettings(s);
  else if (settings && typeof settings === 'object' && 'fsconf' in settings)
    s.clientSettings = pick(s, (settings as { fsconf: unknown }).fsconf, 'settings (fsconf.*)');
  applySettings(s);
  if (s.ready) for (const p of s.projects.values()) analyse(s, p);
}
