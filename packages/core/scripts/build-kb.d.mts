// Types for build-kb.mjs.
export declare const OUT_FILE: string;
export declare function loadKb(kbDir?: string): Promise<{ data: unknown; errors: string[]; files: Array<{ file: string; doc: unknown }> }>;
export declare function renderModule(data: unknown): string;
