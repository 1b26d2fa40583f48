// Types for kb-yaml.mjs (plain ESM used by build-kb.mjs, import-reference.mjs and the KB tests).
import type { Document, YAMLMap, Node } from 'yaml';
export declare function loadYamlParser(): Promise<(text: string) => unknown>;
export declare function parseKbDocument(text: string): Document.Parsed;
export declare function kbNode(doc: Document, value: unknown, entry?: boolean): Node;
export declare function newKbFile(value: Record<string, unknown>, header?: string[]): string;
export declare function kbText(doc: Document): string;
export declare function orderKeys(map: YAMLMap, order: string[], last?: string[]): void;
