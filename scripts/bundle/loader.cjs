'use strict';
// Starts lib/fsconf.cjs — or, in the single binary, its embedded copy — through V8's code cache: the
// compiled code of a first run is kept in ~/.cache/fsconf (XDG_CACHE_HOME) and reused by the next, so
// a cold `fsconf lint` does not compile 2 MB of JavaScript again (Node 20 has no module compile cache).
// The cache is keyed by the Node version and the bundle's size and time; V8 checks it again and
// rejects a stale one, which is then rewritten. FSCONF_CODE_CACHE=0 turns it off.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const os = require('node:os');
const { wrap } = require('node:module');

function seaApi() {
  try {
    const sea = require('node:sea');
    return sea.isSea() ? sea : undefined;
  } catch {
    return undefined;
  }
}

function cacheFile(filename, stamp, mode) {
  if (process.env.FSCONF_CODE_CACHE === '0') return undefined;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  // one cache per installed copy (the npm package and the binary side by side keep theirs)
  let h = 0x811c9dc5; // FNV-1a of the path (node:crypto would cost more to load than it saves)
  for (let i = 0; i < filename.length; i++) h = Math.imul(h ^ filename.charCodeAt(i), 0x01000193) >>> 0;
  const owner = `code-${h.toString(16).padStart(8, '0')}-`;
  const key = `${process.version}-${process.arch}-${stamp}`.replace(/[^\w.-]/g, '_');
  // and one per V8 flag set (see ONE_SHOT): V8 rejects a cache made under other flags, so a shared one
  // would be rewritten whenever `fsconf lint` and `fsconf lsp` alternate
  const name = (m) => `${owner}${key}${m ? `-${m}` : ''}.bin`;
  return { dir: path.join(base, 'fsconf'), owner, keep: new Set([name(''), name('batch')]), name: name(mode) };
}

/** How scripts/bundle.mjs starts the bundle it writes (the same text as there). */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) { ';

/**
 * Commands that print and end within a fraction of a second. V8's optimising compiler (TurboFan) picks
 * up functions after a few thousand iterations and compiles them on background threads: for a cold
 * `fsconf lint` of the vanilla tree that was ~100 ms of CPU (beside ~170 ms of the run itself) whose code
 * arrived too late to pay off — on a switch with two busy cores it is time taken from the run. An 8×
 * larger interrupt budget keeps optimisation for what is really hot (the parser on a 30 MB tree).
 */
const ONE_SHOT = new Set(['lint', 'acl', 'show', 'route', 'exposure']);
const ONE_SHOT_FLAGS = '--interrupt-budget=540672';

/** Run the bundle as the main program; `args` go before the user's arguments (fsconf-lsp → `lsp`). */
function start(args) {
  const sea = seaApi();
  let source;
  let filename;
  let stamp;
  if (sea) {
    source = Buffer.from(sea.getAsset('fsconf.cjs')).latin1Slice();
    filename = process.execPath;
    const st = fs.statSync(process.execPath);
    stamp = `sea-${st.size}-${Math.round(st.mtimeMs)}`;
  } else {
    filename = path.join(__dirname, 'fsconf.cjs');
    // the bundle is ASCII (scripts/bundle.mjs checks it), so latin1 reads it right and ~3x faster than
    // UTF-8 decoding of 2 MB, which a cold start pays for every run
    source = fs.readFileSync(filename, 'latin1');
    const st = fs.statSync(filename);
    stamp = `${st.size}-${Math.round(st.mtimeMs)}`;
  }
  if (args.length) process.argv.splice(2, 0, ...args);
  const oneShot = ONE_SHOT.has(process.argv[2]);
  // before the bundle is compiled: the flags are part of what its code cache is checked against
  if (oneShot) require('node:v8').setFlagsFromString(ONE_SHOT_FLAGS);
  const cache = cacheFile(filename, stamp, oneShot ? 'batch' : '');
  let cachedData;
  if (cache) {
    try {
      cachedData = fs.readFileSync(path.join(cache.dir, cache.name));
    } catch {
      // first run
    }
  }
  // scripts/bundle.mjs writes the bundle already wrapped as a module function (no 2 MB string to join
  // here); a bundle built otherwise is wrapped now
  if (!source.startsWith(WRAP_HEAD)) {
    if (source.startsWith('#!')) source = `//${source.slice(2)}`; // the entry's #! line, kept by esbuild
    source = wrap(source);
  }
  const script = new vm.Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  if (cache && (!cachedData || script.cachedDataRejected)) {
    // after the run, so that the functions it compiled are in the cache too
    process.once('exit', () => {
      try {
        fs.mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
        // caches of this copy for another Node or an older bundle go; the other flag set's stays
        for (const f of fs.readdirSync(cache.dir)) if (f.startsWith(cache.owner) && !cache.keep.has(f)) fs.rmSync(path.join(cache.dir, f), { force: true });
        const tmp = path.join(cache.dir, `${cache.name}.${process.pid}`);
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, path.join(cache.dir, cache.name));
      } catch {
        // a cache that cannot be written only costs speed
      }
    });
  }
  const mod = { exports: {}, filename, id: '.', loaded: false };
  script.runInThisContext()(mod.exports, require, mod, filename, path.dirname(filename));
}

module.exports = { start };
if (require.main === module || seaApi()) start([]);
