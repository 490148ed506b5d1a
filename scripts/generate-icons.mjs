// Draws Doorstep's icons (a white door with its step, on GOV.UK blue) and writes them to
// public/ as PNG, plus a PNG-in-ICO favicon. Node built-ins only, so anyone can rerun it:
//   node scripts/generate-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

/** The mark in unit coordinates (0..1): which colour covers the point, or null for background. */
function mark(x, y) {
  const inCircle = (cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  if (inCircle(0.585, 0.6, 0.028)) return BLUE; // door knob
  const doorBody = x >= 0.34 && x <= 0.66 && y >= 0.38 && y <= 0.78;
  const doorArch = y < 0.38 && inCircle(0.5, 0.38, 0.16);
  if (doorBody || doorArch) return WHITE;
  if (x >= 0.26 && x <= 0.74 && y >= 0.81 && y <= 0.86) return WHITE; // the doorstep
  return null;
}

/**
 * Renders one icon. `scale` shrinks the mark about the centre: maskable icons keep it inside
 * the central safe zone (a circle of 40% radius) because launchers crop the edges.
 */
function render(size, { scale = 1 } = {}) {
  const samples = 4; // 4x4 supersampling for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const ux = (px + (sx + 0.5) / samples) / size;
          const uy = (py + (sy + 0.5) / samples) / size;
          const colour = mark(0.5 + (ux - 0.5) / scale, 0.5 + (uy - 0.5) / scale) ?? BLUE;
          r += colour[0]; g += colour[1]; b += colour[2];
        }
      }
      const n = samples * samples;
      const i = (py * size + px) * 4;
      rgba[i] = Math.round(r / n);
      rgba[i + 1] = Math.round(g / n);
      rgba[i + 2] = Math.round(b / n);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO holding one PNG image (supported by every browser that runs the app). */
function encodeIco(size, png) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header[6] = size; // width
  header[7] = size; // height
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // image data offset
  return Buffer.concat([header, png]);
}

const files = {
  'icon-192.png': render(192),
  'icon-512.png': render(512),
  'icon-maskable-512.png': render(512, { scale: 0.72 }),
  'apple-touch-icon.png': render(180, { scale: 0.85 }),
  'favicon.ico': encodeIco(32, render(32)),
};
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(join(publicDir, name), bytes);
  console.log(`public/${name}  ${bytes.length} bytes`);
}
