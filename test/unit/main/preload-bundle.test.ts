import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { preloadBuildOptions } from '../../../scripts/build.mjs';

describe('preload bundle', () => {
  it('is one CommonJS file whose only require is electron when bundled as scripts/build.mjs does', async () => {
    const result = await build({
      ...preloadBuildOptions,
      sourcemap: false,
      write: false,
      metafile: true,
    });
    expect(result.outputFiles).toHaveLength(1);
    const code = result.outputFiles[0]!.text;
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bimport\s*\(/);
    // The allowlist, not the zod schemas, is what the preload needs.
    expect(Object.keys(result.metafile.inputs).some((f) => f.includes('node_modules/zod'))).toBe(
      false,
    );
  });
});
