#!/usr/bin/env node
// Draws the app icon (a white key on a blue rounded square) and writes the PNG set electron-builder
// and the tray use: build/icons/<N>x<N>.png (16…1024) and build/icon.png (1024, for macOS and
// Windows); and build/tray/: macOS's menu bar template (a black key on transparency, 16 px and
// @2x; macOS tints it for light and dark menu bars) and Windows' taskbar overlays (an amber and a
// red badge). A tiny PNG encoder on Node's zlib: no image dependency. Deterministic output.
//   node scripts/make-icons.mjs [--out <dir>]   (default: build)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export const iconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks use it (ISO 3309). */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels (width × height × 4 bytes) as a PNG (8-bit RGBA, no filter). */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The glyph in unit coordinates (0…1 across the icon).
const background = [0x1f, 0x5f, 0xd1];
const inRoundedSquare = (x, y) => {
  const m = 0.04;
  const r = 0.2;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inKey = (x, y) => {
  const d2 = (x - 0.33) ** 2 + (y - 0.5) ** 2;
  const bow = d2 <= 0.17 ** 2 && d2 >= 0.075 ** 2;
  const shaft = inRect(x, y, 0.45, 0.455, 0.82, 0.545);
  const tooth1 = inRect(x, y, 0.64, 0.545, 0.7, 0.66);
  const tooth2 = inRect(x, y, 0.74, 0.545, 0.82, 0.63);
  return bow || shaft || tooth1 || tooth2;
};

/** Renders the icon at `size` pixels, 4×4 supersampled for smooth edges. */
export function drawIcon(size) {
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (inRoundedSquare(x, y)) {
            bg++;
            if (inKey(x, y)) fg++;
          }
        }
      }
      const alpha = bg / (ss * ss);
      const white = bg === 0 ? 0 : fg / bg;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++)
        rgba[i + c] = Math.round(background[c] * (1 - white) + 255 * white);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/** Renders `size` pixels of colour `rgb` with alpha = how much of each pixel `inside` covers. */
function drawCoverage(size, rgb, inside) {
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          if (inside((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)) hits++;
        }
      }
      const i = (py * size + px) * 4;
      rgba.set(rgb, i);
      rgba[i + 3] = Math.round((hits / (ss * ss)) * 255);
    }
  }
  return rgba;
}

/**
 * The macOS menu bar icon as a template image: only black and alpha (macOS draws it in the menu
 * bar's own colour), the key alone, scaled to fill the square's width.
 */
export function drawTrayTemplate(size) {
  // The key spans x 0.16…0.82 of the app icon: stretch that span to 0.04…0.96 here.
  const scale = 0.92 / 0.66;
  const inScaledKey = (x, y) => inKey(0.16 + (x - 0.04) / scale, 0.5 + (y - 0.5) / scale);
  return encodePng(size, size, drawCoverage(size, [0, 0, 0], inScaledKey));
}

/** Windows' taskbar overlay colours: expiring soon (amber) and expired (red). */
export const overlayColours = { expiring: [0xd9, 0x8a, 0x00], expired: [0xc6, 0x28, 0x28] };

/** A taskbar overlay badge: a filled circle in `rgb` with a white "!" (alpha from coverage). */
export function drawOverlay(size, rgb) {
  const inCircle = (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.47 ** 2;
  const inMark = (x, y) =>
    inRect(x, y, 0.43, 0.18, 0.57, 0.6) || (x - 0.5) ** 2 + (y - 0.77) ** 2 <= 0.08 ** 2;
  const disc = drawCoverage(size, rgb, inCircle);
  const mark = drawCoverage(size, [255, 255, 255], inMark);
  for (let i = 0; i < disc.length; i += 4) {
    const white = mark[i + 3] / 255;
    for (let c = 0; c < 3; c++) disc[i + c] = Math.round(disc[i + c] * (1 - white) + 255 * white);
  }
  return encodePng(size, size, disc);
}

/** build/tray: file name → PNG. `Template` in a name is what macOS (and Electron) key on. */
export function trayImages() {
  return {
    'trayTemplate.png': drawTrayTemplate(16),
    'trayTemplate@2x.png': drawTrayTemplate(32),
    'overlay-expiring.png': drawOverlay(16, overlayColours.expiring),
    'overlay-expiring@2x.png': drawOverlay(32, overlayColours.expiring),
    'overlay-expired.png': drawOverlay(16, overlayColours.expired),
    'overlay-expired@2x.png': drawOverlay(32, overlayColours.expired),
  };
}

/** Writes the whole set under `outDir` and returns the files written. */
export function makeIcons(outDir) {
  const iconsDir = path.join(outDir, 'icons');
  mkdirSync(iconsDir, { recursive: true });
  const written = [];
  for (const size of iconSizes) {
    const file = path.join(iconsDir, `${size}x${size}.png`);
    writeFileSync(file, drawIcon(size));
    written.push(file);
  }
  const main = path.join(outDir, 'icon.png');
  writeFileSync(main, drawIcon(1024));
  written.push(main);
  const trayDir = path.join(outDir, 'tray');
  mkdirSync(trayDir, { recursive: true });
  for (const [name, png] of Object.entries(trayImages())) {
    const file = path.join(trayDir, name);
    writeFileSync(file, png);
    written.push(file);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--out');
  const outDir = at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : 'build';
  const files = makeIcons(outDir);
  console.log(`wrote ${files.length} icons under ${outDir}`);
}
