import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

/** Issue 14's budget for what the window loads: its JS and CSS, gzipped (bench/RESULTS.md). */
const BUDGET_GZIP_BYTES = 60 * 1024;

/**
 * What Vite actually bundles for the window, built once with the real vite.config.ts. The lint
 * rules (eslint.config.js) catch a direct import of zod or a schema module; this catches any path
 * by which one, or React itself, gets in.
 */
describe('renderer bundle', () => {
  let outputs: Array<Rollup.OutputChunk | Rollup.OutputAsset>;
  let modules: string[];

  beforeAll(async () => {
    const result = await build({
      configFile: path.resolve('vite.config.ts'),
      mode: 'production',
      logLevel: 'silent',
      build: { write: false, emptyOutDir: false, sourcemap: false },
    });
    outputs = (Array.isArray(result) ? result : [result]).flatMap(
      (o) => (o as Rollup.RollupOutput).output,
    );
    modules = outputs
      .flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []))
      .map((id) => id.split(path.sep).join('/'));
  }, 60_000);

  // The renderer takes types and the plain values of electron/contract/constants.ts from the
  // contract; main parses every IPC input.
  it('holds no zod and no contract module but the constants', () => {
    expect(modules.some((id) => id.includes('/renderer/src/main.tsx'))).toBe(true);
    expect(modules.filter((id) => id.includes('/node_modules/zod/'))).toEqual([]);
    expect(modules.filter((id) => id.includes('/electron/contract/'))).toEqual([
      expect.stringMatching(/\/electron\/contract\/constants\.ts$/),
    ]);
  });

  // The components are written against React's API; react and react-dom resolve to preact/compat
  // (vite.config.ts). react-dom alone was 62 KiB gzip, more than the whole budget.
  it('runs on Preact: no React module is bundled', () => {
    expect(
      modules.filter((id) => /\/node_modules\/(react|react-dom|scheduler)\//.test(id)),
    ).toEqual([]);
    expect(modules.some((id) => id.includes('/node_modules/preact/compat/'))).toBe(true);
  });

  it(`keeps its JS and CSS within ${BUDGET_GZIP_BYTES / 1024} KiB gzip`, () => {
    const loaded = outputs.filter((o) => /\.(js|css)$/.test(o.fileName));
    expect(loaded.map((o) => path.extname(o.fileName)).sort()).toEqual(['.css', '.js']);
    const gzip = loaded.reduce(
      (sum, o) => sum + gzipSync(o.type === 'chunk' ? o.code : o.source, { level: 9 }).length,
      0,
    );
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
