#!/usr/bin/env node
// The `fsconf-lsp` command. A committed file (npm links bins at install time, before anything is built)
// that runs the built server, dist/main.js.
import('../dist/main.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/main.js')) {
    process.stderr.write('fsconf-lsp: the server is not built yet: run `npm run build` (or `npx tsc -b server-lsp`)\n');
    process.exit(2);
  }
  throw e;
});
