import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A minimal PNG reader: chunk list with CRC check, then the unfiltered RGBA rows. */
function readPng(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = bytes.readUInt32BE(at + 8 + length);
    expect(crc, `CRC of ${type}`).toBe(zlibCrc(bytes.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(
    Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)),
  );
  const pixel = (x: number, y: number) => {
    const i = y * (width * 4 + 1) + 1 + x * 4;
    return [...raw.subarray(i, i + 4)];
  };
  return { types: chunks.map((c) => c.type), width, height, header, raw, pixel };
}

// An independent CRC-32 (bitwise, no table) so the script's own is not checked against itself.
function zlibCrc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const out = mkdtempSync(path.join(tmpdir(), 'rk-icons-'));
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/make-icons.mjs', '--out', out]);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('scripts/make-icons.mjs', () => {
  it('writes every size electron-builder and the tray need', () => {
    expect(readdirSync(path.join(out, 'icons')).sort()).toEqual(
      [16, 24, 32, 48, 64, 128, 256, 512, 1024].map((n) => `${n}x${n}.png`).sort(),
    );
  });

  it('writes valid 8-bit RGBA PNGs of the named size', () => {
    for (const size of [16, 256, 1024]) {
      const png = readPng(readFileSync(path.join(out, 'icons', `${size}x${size}.png`)));
      expect(png.types).toEqual(['IHDR', 'IDAT', 'IEND']);
      expect([png.width, png.height]).toEqual([size, size]);
      expect([...png.header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
      expect(png.raw.length).toBe(size * (size * 4 + 1));
    }
  });

  it('draws a white key on an opaque blue square with transparent corners', () => {
    const png = readPng(readFileSync(path.join(out, 'icon.png')));
    expect(png.width).toBe(1024);
    expect(png.pixel(0, 0)[3]).toBe(0);
    expect(png.pixel(512, 100)).toEqual([0x1f, 0x5f, 0xd1, 255]);
    // On the shaft of the key.
    expect(png.pixel(Math.round(0.6 * 1024), 512)).toEqual([255, 255, 255, 255]);
  });

  it('draws the macOS tray template in black and alpha only, at 16 px and @2x 32 px', () => {
    for (const [name, size] of [
      ['trayTemplate.png', 16],
      ['trayTemplate@2x.png', 32],
    ] as const) {
      const png = readPng(readFileSync(path.join(out, 'tray', name)));
      expect([png.width, png.height]).toEqual([size, size]);
      const alphas: number[] = [];
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const [r, g, b, a] = png.pixel(x, y);
          expect([r, g, b], `${name} at ${x},${y}`).toEqual([0, 0, 0]);
          alphas.push(a!);
        }
      }
      // A glyph on transparency: corners clear, the key's shaft solid.
      expect(png.pixel(0, 0)[3]).toBe(0);
      expect(png.pixel(Math.round(size * 0.7), size / 2)[3]).toBe(255);
      expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(size * size * 0.5);
    }
  });

  it('draws the taskbar overlays as an amber and a red badge with a white mark', () => {
    for (const [name, colour] of [
      ['overlay-expiring.png', [0xd9, 0x8a, 0x00]],
      ['overlay-expired@2x.png', [0xc6, 0x28, 0x28]],
    ] as const) {
      const png = readPng(readFileSync(path.join(out, 'tray', name)));
      const s = png.width;
      expect(png.pixel(0, 0)[3]).toBe(0);
      expect(png.pixel(Math.round(s * 0.25), Math.round(s * 0.5))).toEqual([...colour, 255]);
      expect(png.pixel(Math.round(s * 0.5), Math.round(s * 0.35))).toEqual([255, 255, 255, 255]);
    }
  });

  it('produces the committed build/icon.png byte for byte (the set is generated, not hand-edited)', () => {
    expect(readFileSync(path.join(out, 'icon.png')).equals(readFileSync('build/icon.png'))).toBe(
      true,
    );
    expect(
      readFileSync(path.join(out, 'icons', '32x32.png')).equals(
        readFileSync('build/icons/32x32.png'),
      ),
    ).toBe(true);
    for (const name of readdirSync(path.join(out, 'tray'))) {
      expect(
        readFileSync(path.join(out, 'tray', name)).equals(readFileSync(`build/tray/${name}`)),
        name,
      ).toBe(true);
    }
  });
});
