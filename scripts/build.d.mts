import type { BuildOptions } from 'esbuild';

/** How main is bundled (see build.mjs). */
export const mainBuildOptions: BuildOptions;
/** How the preload is bundled (see build.mjs). */
export const preloadBuildOptions: BuildOptions;
/** Builds main, preload and (unless `renderer: false`) the renderer into dist/. */
export function buildAll(options?: { renderer?: boolean }): Promise<void>;
