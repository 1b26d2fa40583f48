#!/usr/bin/env node
// Draw the extension icon (128×128 PNG) with nothing but zlib: a rounded dark-blue tile, three lines of
// "configuration" and a green check mark. Deterministic; rerun after changing the drawing.
//   node client-vscode/scripts/make-icon.mjs [out.png]
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SS = 4; // supersampling per axis
const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'icon.png');

const BG = [0x1d, 0x3f, 0x6e];
const LINE = [0xd6, 0xe4, 0xf5];
const DIM = [0x7f, 0xa3, 0xcc];
const GREEN = [0x3c, 0xc4, 0x6a];
const WHITE = [0xff, 0xff, 0xff];

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Colour (rgba) of one sample point, painter's order. */
function sample(x, y) {
  let c = null;
  if (inRoundRect(x, y, 4, 4, 124, 124, 22)) c = BG;
  if (!c) return [0, 0, 0, 0];
  // "<tag" angle bracket and three config lines
  if (distToSegment(x, y, 30, 28, 20, 36) < 3.2 || distToSegment(x, y, 20, 36, 30, 44) < 3.2) c = DIM;
  if (inRoundRect(x, y, 38, 32, 96, 40, 4)) c = LINE;
  if (inRoundRect(x, y, 28, 54, 80, 62, 4)) c = DIM;
  if (inRoundRect(x, y, 28, 76, 62, 84, 4)) c = LINE;
  // check badge
  const bx = 92,
    by = 92,
    br = 24;
  const d = Math.hypot(x - bx, y - by);
  if (d <= br + 3) c = BG;
  if (d <= br) c = GREEN;
  if (d <= br && (distToSegment(x, y, 80, 92, 89, 101) < 4 || distToSegment(x, y, 89, 101, 105, 83) < 4)) c = WHITE;
  return [...c, 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const s = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        acc[0] += s[0] * s[3];
        acc[1] += s[1] * s[3];
        acc[2] += s[2] * s[3];
        acc[3] += s[3];
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const a = acc[3];
    raw[o] = a ? Math.round(acc[0] / a) : 0;
    raw[o + 1] = a ? Math.round(acc[1] / a) : 0;
    raw[o + 2] = a ? Math.round(acc[2] / a) : 0;
    raw[o + 3] = Math.round(a / (SS * SS));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`icon: ${out} (${png.length} bytes)`);
