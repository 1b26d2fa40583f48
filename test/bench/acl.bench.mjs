// ACL evaluator figures: 100 000 address lookups against a 1 000-node list (string addresses, as
// FreeSWITCH receives them), warm, plus the explained variant used by hovers and `fsconf acl`.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const core = await import(path.join(repo, 'packages/core/dist/index.js'));

const line = (name, value, unit, target) => console.log(`${name}: ${value} ${unit}${target ? ` (target ${target})` : ''}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// deterministic pseudo-random numbers (mulberry32)
let seed = 0x5eed;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const ip4 = (n) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

// a 1 000-node list: prefixes /8…/32 clustered in 10.0.0.0/8 and a few public ranges, mixed verdicts
const nodes = [];
for (let i = 0; i < 1000; i++) {
  const bits = 8 + Math.floor(rnd() * 25);
  const base = [0x0a000000, 0xc0a80000, 0xcb007100, 0x08080000][i % 4];
  const addr = (base + Math.floor(rnd() * 0x00ffffff)) >>> 0;
  nodes.push({ type: rnd() < 0.5 ? 'allow' : 'deny', cidr: `${ip4(addr)}/${bits}` });
}
const lists = core.buildNetworkLists([{ name: 'big', default: 'deny', nodes }]);
const N = 100000;
const addrs = [];
for (let i = 0; i < N; i++) {
  const base = [0x0a000000, 0xc0a80000, 0xcb007100, 0x08080000, 0][i % 5];
  addrs.push(ip4(base ? (base + Math.floor(rnd() * 0x00ffffff)) >>> 0 : Math.floor(rnd() * 4294967296) >>> 0));
}
const nums = addrs.map((a) => core.ipv4ToNumber(a));

// sanity: the fast path agrees with the explained evaluator
for (let i = 0; i < 2000; i++) {
  const a = addrs[i];
  const fast = core.checkAddressFast(lists, 'big', a);
  const slow = core.checkAddress(lists, 'big', a).verdict === 'allow';
  if (fast !== slow) throw new Error(`mismatch for ${a}`);
}

function round(fn) {
  const t = performance.now();
  let allowed = 0;
  for (let i = 0; i < N; i++) if (fn(i)) allowed++;
  return { ms: performance.now() - t, allowed };
}
const strFn = (i) => core.checkAddressFast(lists, 'big', addrs[i]);
const numFn = (i) => core.checkAddressFast(lists, 'big', nums[i]);
for (let w = 0; w < 5; w++) {
  round(strFn);
  round(numFn);
}
const str = [];
const num = [];
for (let r = 0; r < 11; r++) {
  str.push(round(strFn).ms);
  num.push(round(numFn).ms);
}
const rate = (ms) => (N / (ms / 1000) / 1e6).toFixed(2);
// best round = the machine's speed when nothing else competes for the core; the median is shown too
const best = (xs) => Math.min(...xs);
line('acl lookups warm', rate(best(str)), 'M/s', '≥ 1 M/s');
console.log(
  `  (${N} string-address lookups against a 1 000-node list, best of 11 rounds; median ${rate(median(str))} M/s; IPv4 as numbers ${rate(best(num))} M/s)`,
);
const tb = performance.now();
for (let i = 0; i < 20; i++) core.buildNetworkLists([{ name: 'big', default: 'deny', nodes }]);
line('build a 1 000-node list', ((performance.now() - tb) / 20).toFixed(2), 'ms');
const te = performance.now();
for (let i = 0; i < 2000; i++) core.checkAddress(lists, 'big', addrs[i]);
line('explained lookups (checkAddress, hover/CLI path)', ((2000 / (performance.now() - te)) * 1000).toFixed(0), 'per s');
