// Builds the three runtimes: main (CommonJS for Node), the preload (one CommonJS file whose only
// require is `electron`) and the renderer (static files, by Vite).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

export async function buildAll({ renderer = true } = {}) {
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: 'dist/main/index.cjs',
      external: ['electron', 'keytar'],
    }),
    esbuild({
      ...common,
      entryPoints: ['electron/preload/index.ts'],
      outfile: 'dist/preload/index.cjs',
      external: ['electron'],
      // Sandboxed preloads get a limited `require`; everything else must be bundled in.
      platform: 'browser',
      target: 'chrome140',
    }),
  ]);
  if (renderer) await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  await buildAll();
  console.log(`built dist/ in ${Date.now() - started} ms`);
}
