import path from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * The renderer bundle carries no validators: the renderer takes types and the plain values of
 * electron/contract/constants.ts from the contract, and main parses every IPC input. The lint rule
 * (eslint.config.js, rendererContractImports) catches a direct import; this catches any path by
 * which zod or a schema module gets into what Vite actually bundles.
 */
describe('renderer bundle', () => {
  it('holds no zod and no contract module but the constants', async () => {
    const result = await build({
      configFile: path.resolve('vite.config.ts'),
      logLevel: 'silent',
      build: { write: false, emptyOutDir: false, sourcemap: false },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const modules = outputs
      .flatMap((o) => o.output)
      .flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []))
      .map((id) => id.split(path.sep).join('/'));
    expect(modules.some((id) => id.includes('/renderer/src/main.tsx'))).toBe(true);
    expect(modules.filter((id) => id.includes('/node_modules/zod/'))).toEqual([]);
    expect(modules.filter((id) => id.includes('/electron/contract/'))).toEqual([
      expect.stringMatching(/\/electron\/contract\/constants\.ts$/),
    ]);
  }, 60_000);
});
