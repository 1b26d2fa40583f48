#!/usr/bin/env node
// The `fsconf` command. A committed file (npm links bins at install time, before anything is built)
// that runs the built CLI, dist/main.js.
import('../dist/main.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/main.js')) {
    process.stderr.write('fsconf: not built yet: run `npm run build`\n');
    process.exit(2);
  }
  throw e;
});
