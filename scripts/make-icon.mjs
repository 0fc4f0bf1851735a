// The app icon, drawn in code so a clone has it and anyone can change it: `node scripts/make-icon.mjs` writes
// resources/icon.png (512×512), which electron-builder (electron-builder.yml, buildResources: resources) turns
// into each platform's format. A patch panel: two columns of jacks joined by three crossing cords.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const ICON_SIZE = 512;
const SUPERSAMPLE = 4; // 4×4 samples a pixel: smooth edges without a drawing library

const BACKGROUND_TOP = [33, 58, 99];
const BACKGROUND_BOTTOM = [20, 33, 61];
const JACK_RING = [236, 241, 248];
const JACK_HOLE = [15, 23, 42];
const CORDS = [
  { from: 0, to: 2, color: [74, 222, 128] },
  { from: 1, to: 0, color: [251, 191, 36] },
  { from: 2, to: 1, color: [244, 114, 182] },
];
const JACK_Y = [160, 256, 352];
const LEFT_X = 152;
const RIGHT_X = 360;

function insideRoundedSquare(x, y) {
  const margin = 24;
  const radius = 96;
  const cx = Math.min(Math.max(x, margin + radius), ICON_SIZE - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), ICON_SIZE - margin - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= margin && x <= ICON_SIZE - margin && y >= margin && y <= ICON_SIZE - margin;
}

function distanceToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The colour at one sample point, or null outside the icon (transparent). Later layers paint over earlier ones. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  const t = y / ICON_SIZE;
  let color = BACKGROUND_TOP.map((top, i) => Math.round(top + (BACKGROUND_BOTTOM[i] - top) * t));
  for (const cord of CORDS) {
    if (distanceToSegment(x, y, LEFT_X, JACK_Y[cord.from], RIGHT_X, JACK_Y[cord.to]) <= 13) color = cord.color;
  }
  for (const jackX of [LEFT_X, RIGHT_X]) {
    for (const jackY of JACK_Y) {
      const d = Math.hypot(x - jackX, y - jackY);
      if (d <= 34) color = d <= 16 ? JACK_HOLE : JACK_RING;
    }
  }
  return color;
}

/** RGBA pixels, row by row. */
export function drawIcon() {
  const pixels = Buffer.alloc(ICON_SIZE * ICON_SIZE * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < ICON_SIZE; py++) {
    for (let px = 0; px < ICON_SIZE; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const color = sample(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE);
          if (!color) continue;
          covered += 1;
          for (let i = 0; i < 3; i++) sum[i] += color[i];
        }
      }
      const at = (py * ICON_SIZE + px) * 4;
      if (covered) for (let i = 0; i < 3; i++) pixels[at + i] = Math.round(sum[i] / covered);
      pixels[at + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, each scanline with filter 0. */
export function encodePng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive filtering, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICON_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icon.png');

export function renderIconPng() {
  return encodePng(drawIcon(), ICON_SIZE, ICON_SIZE);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(ICON_PATH, renderIconPng());
  console.log(`Wrote ${ICON_PATH} (${ICON_SIZE}×${ICON_SIZE}).`);
}
