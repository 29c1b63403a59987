import type { BuildOptions } from 'esbuild';

/** How the preload is bundled (see build.mjs). */
export const preloadBuildOptions: BuildOptions;
/** Builds main, preload and (unless `renderer: false`) the renderer into dist/. */
export function buildAll(options?: { renderer?: boolean }): Promise<void>;
