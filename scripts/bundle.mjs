// The single-file builds, shared by every artefact that ships fsconf without node_modules:
//   bundleServer(outfile)  the language server alone (server-lsp/src/main.ts): the VS Code extension
//   bundleFsconf(outfile)  the whole command (packages/cli/src/main.ts): lint, acl, the terminal UI and
//                          `fsconf lsp`, for the npm package (scripts/pack.mjs) and the single binary
//                          (scripts/sea.mjs). Commands initialise their part only when they run.
// Both are CommonJS (a Node 20 single executable runs one CommonJS script), target Node 20, sources
// compiled straight from TypeScript, the knowledge base inside.
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const coreEntry = join(REPO, 'packages/core/src/index.ts');

// ESM sources bundled to CommonJS: give `import.meta.url` the bundle's own URL
const importMetaShim = {
  banner: { js: "const __fsconf_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__fsconf_import_meta_url' },
};

function common({ dev = false } = {}) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: !dev && !process.env.FSCONF_NO_MINIFY,
    sourcemap: dev ? 'inline' : false,
    legalComments: 'none',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    alias: { '@fsconf/core': coreEntry },
    ...importMetaShim,
  };
}

/** The language server alone. */
export async function bundleServer(outfile, opts = {}) {
  await build({ ...common(opts), entryPoints: [join(REPO, 'server-lsp/src/main.ts')], outfile });
}

// workspace files the single-file build replaces (the dev build loads these parts by package name)
const SWAPS = new Map(
  [
    ['packages/cli/src/linked.ts', 'scripts/bundle/linked.ts'],
    ['tui/src/host.ts', 'scripts/bundle/tui-host.ts'],
    ['tui/src/lsp/server-path.ts', 'scripts/bundle/server-path.ts'],
  ].map(([from, to]) => [join(REPO, from), join(REPO, to)]),
);

const swaps = {
  name: 'fsconf-swaps',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const ts = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const to = SWAPS.get(ts);
      return to ? { path: to } : undefined;
    });
  },
};

/** `fsconf:example`: the example tree as { relative path: text } (only the single binary carries it). */
function example(embed) {
  const dir = join(REPO, 'tui/example');
  const files = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  if (embed) walk(dir);
  return {
    name: 'fsconf-example',
    setup(b) {
      b.onResolve({ filter: /^fsconf:example$/ }, () => ({ path: 'example', namespace: 'fsconf-example' }));
      b.onLoad({ filter: /.*/, namespace: 'fsconf-example' }, () => ({ contents: JSON.stringify(files), loader: 'json' }));
    },
  };
}

/**
 * Top-level await has no CommonJS form: yoga-layout awaits its WebAssembly, and Ink awaits only in
 * development mode (DEV=true, React devtools). Yoga is started synchronously instead (its Emscripten
 * loader takes an instantiateWasm hook), and Ink's development-only awaits are dropped.
 */
const noTopLevelAwait = {
  name: 'fsconf-no-top-level-await',
  setup(b) {
    const patch = (file, pairs) => {
      let text = readFileSync(file, 'utf8');
      for (const [from, to] of pairs) {
        if (!text.includes(from)) throw new Error(`bundle: ${relative(REPO, file)} no longer holds ${JSON.stringify(from)}: update scripts/bundle.mjs`);
        text = text.replace(from, to);
      }
      return text;
    };
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, (args) => {
      const wasm = readFileSync(join(dirname(args.path), '../binaries/yoga-wasm-base64-esm.js'), 'utf8');
      const m = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(wasm);
      if (!m) throw new Error('bundle: yoga-layout: no embedded WebAssembly found: update scripts/bundle.mjs');
      const contents = patch(args.path, [
        [
          'const Yoga = wrapAssembly(await loadYoga());',
          `const yogaModule = { instantiateWasm(imports, done) { done(new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(${JSON.stringify(m[1])}, 'base64')), imports)); return {}; } };
loadYoga(yogaModule);
if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');
const Yoga = wrapAssembly(yogaModule);`,
        ],
      ]);
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => ({
      contents: patch(args.path, [
        ["await import('./devtools.js');", "throw Object.assign(new Error('React devtools are not part of this build'), { code: 'ERR_MODULE_NOT_FOUND' });"],
        ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
      ]),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/** The whole command. `sea`: also embed the example tree (a single binary has no folder beside it). */
export async function bundleFsconf(outfile, { dev = false, sea = false } = {}) {
  const result = await build({
    ...common({ dev }),
    entryPoints: [join(REPO, 'packages/cli/src/main.ts')],
    outfile,
    plugins: [swaps, example(sea), noTopLevelAwait],
    metafile: true,
  });
  // an unminified build keeps comments, some of them not ASCII (harmless: latin1 only garbles those)
  if (!dev && !process.env.FSCONF_NO_MINIFY) assertAscii(outfile);
  wrapAsFunction(outfile);
  return result.metafile;
}

/**
 * lib/loader.cjs compiles the bundle as the body of a CommonJS module function. Written here already
 * wrapped (the entry's #! line made a comment, on the same line: line numbers stay), the loader compiles
 * the file's text as it is: joining the wrapper to 2 MB of source at every start made V8 copy it into one
 * flat string first (~1 ms of a cold run). The file is no longer a module `node` runs by itself: the bins
 * start it through the loader. Keep WRAP_HEAD equal to the loader's.
 */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
function wrapAsFunction(file) {
  let text = readFileSync(file, 'latin1');
  if (text.startsWith('#!')) text = `//${text.slice(2)}`;
  writeFileSync(file, `${WRAP_HEAD}${text}\n});`, 'latin1');
}

/** lib/loader.cjs reads the bundle as latin1 (fast): any byte over 0x7f would be read wrong. */
function assertAscii(file) {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at < 0) return;
  const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
  throw new Error(
    `bundle: ${relative(REPO, file)} line ${line} holds a non-ASCII character (esbuild escapes strings but not regular expressions): write it as \\uXXXX in the source`,
  );
}

export function kib(file) {
  return `${(statSync(file).size / 1024).toFixed(0)} KiB`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? join(REPO, 'dist/lib/fsconf.cjs');
  await bundleFsconf(out, { sea: process.argv.includes('--sea') });
  console.log(`bundle: ${relative(REPO, out)} ${kib(out)}`);
}
