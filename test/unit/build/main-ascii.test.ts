import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { mainBuildOptions } from '../../../scripts/build.mjs';
import { mainBundleHarness } from './main-bundle-harness';

/**
 * Main's bundle is ASCII only (scripts/ascii-bundle.mjs): one non-ASCII character, even in a
 * comment, makes Node read the whole bundle as a two-byte string and V8 scan twice the bytes at
 * every start. The escaping keeps every value, and refuses the one case where it would not.
 */
const { outDir, bundle, run } = mainBundleHarness('rk-main-ascii-');

const nonAscii = /[\u0080-\uffff]/;

describe('main bundle: ASCII only', () => {
  it("main's real bundle, as scripts/build.mjs builds it, is ASCII only, with its source map", async () => {
    const outfile = path.join(outDir, 'index.cjs');
    await build({ ...mainBuildOptions, entryPoints: ['electron/main/index.ts'], outfile });
    const text = readFileSync(outfile, 'utf8');
    expect(text.length).toBeGreaterThan(100_000);
    expect(text.match(nonAscii)?.[0] ?? null).toBeNull();
    // The sources do have comments with such characters (zod's too): they were escaped.
    expect(text).toContain('\\u2026');
    expect(existsSync(`${outfile}.map`)).toBe(true);
  }, 60_000);

  it('escapes comments only, and every value stays as it was', async () => {
    const file = await bundle(
      'values',
      `const café = 'x…y';
       export const values = () => ({
         /** § in a property's comment, and \\u2026 written out */
         text: café,
         // ≤ a line comment
         same: '≤',
         pattern: /^[…]+$/u.test('……'),
         template: \`≤\${café}\`,
       });`,
    );
    const text = readFileSync(file, 'utf8');
    // esbuild escaped the strings and the name; the regular expression it keeps as written.
    expect(text.match(/[\u0080-\uffff]+/g)).toEqual(['…']);
    expect(text).toContain('// \\u2264 a line comment');
    expect(text).toContain('/** \\u00a7 in a property');
    const result = run(`console.log(JSON.stringify(require(${JSON.stringify(file)}).values()));`);
    expect(result).toEqual({ text: 'x…y', same: '≤', pattern: true, template: '≤x…y' });
  }, 60_000);
});
