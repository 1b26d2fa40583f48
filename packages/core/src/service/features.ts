/**
 * Entry points the language server calls. Each runs the registered providers for its feature;
 * a provider that throws is skipped (one bug must not take down the others) and reported through the
 * workspace's onProviderError, as a rule that throws is through onRuleError.
 */
import type { CompletionItem, Hover, Location, LocationLink, Position } from 'vscode-languageserver-types';
import type { FsconfWorkspace } from './workspace.js';
import { completionProviders, definitionProviders, hoverProviders, referencesProviders, type ProviderContext } from './providers.js';
import './register.js';
import { ctiHover } from './cti-provider.js';

function context(ws: FsconfWorkspace, path: string, position: Position): ProviderContext | undefined {
  const cursor = ws.cursor(path, position);
  return cursor ? { ws, cursor, position } : undefined;
}

type Feature = 'hover' | 'completion' | 'definition' | 'references';

function failed(ctx: ProviderContext, feature: Feature, p: { name: string }, e: unknown): void {
  ctx.ws.providerFailed({ feature, provider: p.name || '(anonymous)', path: ctx.cursor.doc.path }, e);
}

function first<T>(feature: Feature, list: ((c: ProviderContext) => T | undefined)[], ctx: ProviderContext): T | undefined {
  for (const p of list) {
    try {
      const r = p(ctx);
      if (r !== undefined) return r;
    } catch (e) {
      failed(ctx, feature, p, e);
    }
  }
  return undefined;
}

export function hover(ws: FsconfWorkspace, path: string, position: Position): Hover | null {
  if (path.endsWith('cti.json')) return ctiHover(ws, path, position);
  const ctx = context(ws, path, position);
  return (ctx && first('hover', hoverProviders, ctx)) ?? null;
}

export function completion(ws: FsconfWorkspace, path: string, position: Position): CompletionItem[] {
  const ctx = context(ws, path, position);
  if (!ctx) return [];
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const p of completionProviders) {
    try {
      for (const item of p(ctx) ?? []) {
        if (seen.has(item.label)) continue;
        seen.add(item.label);
        out.push(item);
      }
    } catch (e) {
      failed(ctx, 'completion', p, e);
    }
  }
  return out;
}

/** Definitions as LocationLinks where a provider gives them (an include glob: every file, from the whole path). */
export function definitionLinks(ws: FsconfWorkspace, path: string, position: Position): Location[] | LocationLink[] {
  const ctx = context(ws, path, position);
  return (ctx && first('definition', definitionProviders, ctx)) ?? [];
}

/** Definitions as plain Locations (for clients without LocationLink support). */
export function definition(ws: FsconfWorkspace, path: string, position: Position): Location[] {
  return definitionLinks(ws, path, position).map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange } : l));
}

export function references(ws: FsconfWorkspace, path: string, position: Position): Location[] {
  const ctx = context(ws, path, position);
  return (ctx && first('references', referencesProviders, ctx)) ?? [];
}
