#!/usr/bin/env node
// Optional start-up speed-up: bundles dist/render.js (Ink, React, the app) into dist/render.bundle.js,
// one file instead of ~300 modules (about 0.3 s less to first frame here). main.js uses the bundle only
// when it is newer than every other file in dist/, so a later `tsc -b` never runs stale code.
// Run after `tsc -b`:  node tui/scripts/bundle.mjs
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const stub = path.join(dist, 'devtools-stub.js');
// ink imports react-devtools-core only when DEV=true; the bundle must not need it
writeFileSync(stub, 'export default { initialize() {}, connectToDevTools() {} };\n');
await build({
  entryPoints: [path.join(dist, 'render.js')],
  outfile: path.join(dist, 'render.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  alias: { 'react-devtools-core': stub },
  banner: { js: "import { createRequire as __fsconfRequire } from 'node:module'; const require = __fsconfRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
