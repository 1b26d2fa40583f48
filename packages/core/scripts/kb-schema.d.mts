// Types for kb-schema.mjs (plain ESM used by build-kb.mjs and the KB tests); the schema is src/kb/schema.ts.
/** Problems as `file: path: problem`; empty when the parsed file is valid. */
export declare function validateKbFile(file: string, doc: unknown): string[];
/** Compile validated files ({file, doc}, sorted by file) into the KbData object plus cross-file problems. */
export declare function compileKb(files: ReadonlyArray<{ file: string; doc: unknown }>): { data: unknown; errors: string[] };
