// Types for kb-schema.mjs (plain ESM used by build-kb.mjs and the KB tests).
export declare const PARAM_TYPES: readonly string[];
export declare const MATCHING: readonly string[];
export declare const ELEMENTS: readonly string[];
export declare const DUPLICATES: readonly string[];
export declare const UNKNOWN: readonly string[];
export declare const SCOPES: readonly string[];
export declare const APP_FLAGS: readonly string[];
export declare const GLOBAL_TIMINGS: readonly string[];
export declare const CTI_TYPES: readonly string[];
export declare const KINDS: readonly string[];
/** Problems as `file: path: problem`; empty when the parsed file is valid. */
export declare function validateKbFile(file: string, doc: unknown): string[];
/** Compile validated files ({file, doc}, sorted by file) into the KbData object plus cross-file problems. */
export declare function compileKb(files: ReadonlyArray<{ file: string; doc: unknown }>): { data: unknown; errors: string[] };
