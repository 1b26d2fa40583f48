// Cold start of what users install: `fsconf lint` of FreeSWITCH's vanilla tree as a new process, for the
// npm package (npm run pack, installed offline into a temporary prefix) and the single binary (npm run
// sea), against `xmllint --noout` of the same files — measured interleaved in one run (each round runs
// every command once, so a busy machine slows all alike), as a ratio of medians (target ≤ 15×).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vanilla = path.join(repo, 'test/corpus/freeswitch/vanilla');
const ROUNDS = Number(process.env.FSCONF_BENCH_ROUNDS ?? 11);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (name, value, unit, target) => console.log(`${name}: ${value} ${unit}${target ? ` (target ${target})` : ''}`);

function must(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.status}\n${r.stdout}${r.stderr}`);
  return r;
}

// the artefacts, built as `npm run pack` / `npm run sea` build them
let t = performance.now();
must(process.execPath, [path.join(repo, 'scripts/pack.mjs')]);
line('npm run pack', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
const sea = must(process.execPath, [path.join(repo, 'scripts/sea.mjs')]).stdout.trim();
line('npm run sea', (performance.now() - t).toFixed(0), 'ms', sea.includes('up to date') ? '(cached: unchanged bundle)' : '');
const version = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: repo, encoding: 'utf8' }));
const tgz = path.join(repo, 'dist', `fsconf-${version}.tgz`);
const binary = path.join(repo, 'dist', `fsconf-${process.platform}-${process.arch}`);
line('package size', (statSync(tgz).size / 1024).toFixed(0), 'KiB');
line('binary size', (statSync(binary).size / 1048576).toFixed(1), 'MiB');
line('binary .xz size', (statSync(`${binary}.xz`).size / 1048576).toFixed(1), 'MiB');

const prefix = mkdtempSync(path.join(tmpdir(), 'fsconf-bench-'));
try {
  must('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tgz]);
  const env = { ...process.env, XDG_CACHE_HOME: path.join(prefix, 'cache'), NO_COLOR: '1' };
  const installed = path.join(prefix, 'bin', 'fsconf');
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.xml')) files.push(p);
    }
  };
  walk(vanilla);

  const cmds = {
    xmllint: ['xmllint', ['--noout', ...files]],
    package: [installed, ['lint', vanilla, '--format', 'json']],
    binary: [binary, ['lint', vanilla, '--format', 'json']],
    workspace: [process.execPath, [path.join(repo, 'packages/cli/dist/main.js'), 'lint', vanilla, '--format', 'json']],
  };
  // NODE_EXTRA_CA_CERTS makes every Node start load that CA bundle before any script runs (with OpenSSL 3,
  // tens of ms; nodejs/node#40524): package and binary pay it, xmllint does not. Where it is set, the rounds
  // also time Node alone and the package without it, so that the figures can be read apart (the target ratios
  // stay those of this environment)
  const extraCa = process.env.NODE_EXTRA_CA_CERTS;
  if (extraCa) {
    cmds.node = [process.execPath, ['-e', '0']];
    cmds.nodeNoCa = ['env', ['-u', 'NODE_EXTRA_CA_CERTS', process.execPath, '-e', '0']];
    cmds.packageNoCa = ['env', ['-u', 'NODE_EXTRA_CA_CERTS', installed, 'lint', vanilla, '--format', 'json']];
  }
  // CPU time of the finished children (user + system, Linux clock ticks of 10 ms): less sensitive to a busy
  // machine than wall time; summed over the rounds
  const childCpu = () => {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * 10;
  };
  const cpu = {};
  const once = ([cmd, args], name) => {
    const c = childCpu();
    const s = performance.now();
    const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.error || r.status === 2) throw new Error(`${cmd}: ${r.error ?? r.stderr}`);
    const ms = performance.now() - s;
    if (name) cpu[name] = (cpu[name] ?? 0) + childCpu() - c;
    return ms;
  };
  // the first run of each build compiles its code (and writes the code cache for the next ones)
  line('first run, package (no code cache yet)', once(cmds.package).toFixed(0), 'ms');
  line('first run, binary (no code cache yet)', once(cmds.binary).toFixed(0), 'ms');
  // a loaded machine slows the short xmllint run most: read the ratio with the load beside it
  line('machine load average (1 min) before the rounds', `${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs`, '');
  const times = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) for (const [k, c] of Object.entries(cmds)) times[k].push(once(c, k));
  const m = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
  line(`xmllint --noout, ${files.length} files (median of ${ROUNDS})`, m.xmllint.toFixed(1), 'ms');
  line(`cold fsconf lint, npm package (median of ${ROUNDS})`, m.package.toFixed(0), 'ms');
  line(`cold fsconf lint, single binary (median of ${ROUNDS})`, m.binary.toFixed(0), 'ms');
  line(`cold fsconf lint, workspace build (median of ${ROUNDS})`, m.workspace.toFixed(0), 'ms');
  line('npm package / xmllint', (m.package / m.xmllint).toFixed(1), '×', '≤ 15×');
  line('single binary / xmllint', (m.binary / m.xmllint).toFixed(1), '×', '≤ 15×');
  line('workspace build / xmllint', (m.workspace / m.xmllint).toFixed(1), '×');
  line(
    'CPU time per run (user + system, mean): xmllint / package / binary',
    `${(cpu.xmllint / ROUNDS).toFixed(0)} / ${(cpu.package / ROUNDS).toFixed(0)} / ${(cpu.binary / ROUNDS).toFixed(0)}`,
    'ms',
  );
  if (extraCa) {
    line(`NODE_EXTRA_CA_CERTS is set (${extraCa}): node -e 0 with / without it (median of ${ROUNDS})`, `${m.node.toFixed(1)} / ${m.nodeNoCa.toFixed(1)}`, 'ms');
    line(
      `cold fsconf lint, npm package, NODE_EXTRA_CA_CERTS unset (median of ${ROUNDS})`,
      `${m.packageNoCa.toFixed(0)} ms (${(m.packageNoCa / m.xmllint).toFixed(1)} × xmllint)`,
      '',
    );
  }
} finally {
  rmSync(prefix, { recursive: true, force: true });
}
