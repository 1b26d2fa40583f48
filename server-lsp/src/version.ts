/** The server's version (kept equal to server-lsp/package.json by test/lsp/server.test.ts; a constant so bundles need no package.json). */
export const VERSION = '0.1.0';
