/**
 * Feature services are composed of small providers, one per FreeSWITCH area (preprocess, sofia, acl,
 * dialplan, knowledge base…). Each provider looks at the cursor and answers or passes; adding an area
 * means one new provider file plus one line in the registry below.
 */
import type { CompletionItem, Hover, Location, LocationLink, Position } from 'vscode-languageserver-types';
import type { CursorContext, FsconfWorkspace } from './workspace.js';

export interface ProviderContext {
  ws: FsconfWorkspace;
  cursor: CursorContext;
  position: Position;
}

export type HoverProvider = (ctx: ProviderContext) => Hover | undefined;
export type CompletionProvider = (ctx: ProviderContext) => CompletionItem[] | undefined;
/** Locations, or LocationLinks where the origin range matters (an include glob underlines whole). */
export type DefinitionProvider = (ctx: ProviderContext) => Location[] | LocationLink[] | undefined;
export type ReferencesProvider = (ctx: ProviderContext) => Location[] | undefined;

export const hoverProviders: HoverProvider[] = [];
export const completionProviders: CompletionProvider[] = [];
export const definitionProviders: DefinitionProvider[] = [];
export const referencesProviders: ReferencesProvider[] = [];
